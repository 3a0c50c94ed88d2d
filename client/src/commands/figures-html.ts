// The 「显示报告数据」 webview's page, built here without `vscode` so that tests can read it.
//
// One line per figure, at any width from 400 px to a full screen: narrow fixed columns for the line, the value and
// the unit; the sentence around the figure (its excerpt, the figure marked) takes the rest, cut with 「…」 — the whole
// of it in the row's tooltip and in the detail bar below the table when the row is selected. What the figure counts
// (12em) shows from 640 px, the section (13em) from 960 px. A table cell's context is its table, row and column.
// Every row has the same height, so the page builds only the rows in sight (and a margin) as it scrolls: a report of
// 100,000 figures opens as fast as one of 100.
import type { FigureRow } from '../../../server/src/core/features/figures-table';
import { plural, translate, type UiLocale } from '../messages';

/** What the page shows: the server's rows, in the language the server answered in. */
export interface FiguresPage {
  locale: UiLocale;
  /** The report's title, or its file name. */
  title: string;
  rows: readonly FigureRow[];
}

export interface PageOptions {
  /** The webview's `cspSource`. */
  cspSource: string;
  /** A fresh nonce for the page's one style and one script. */
  nonce: string;
}

/** A row as the page shows it (short keys: a report may have 100,000 rows, all sent with the page). */
export interface FigureCells {
  /** Line, 1-based. */
  l: number;
  /** The value as shown: a year or date as written, thousands grouped from 10,000 on, 「≈」 before an approximate one. */
  v: string;
  /** Unit. */
  u: string;
  /** What it counts (subject), or 「row·column」 for a table cell. */
  w: string;
  /** The excerpt before the figure, the figure as written, and after it; for a table cell only `c`. */
  b: string;
  f: string;
  a: string;
  /** A table cell's place: 「表三 · （一）予以公开 · 自然人」. */
  c: string;
  /** Section, or the name of what comes before the first heading. */
  s: string;
  /** Whether the figure is approximate. */
  x: boolean;
  /** The figure's range in the report: start line, start character, end line, end character. */
  r: [number, number, number, number];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A number as a reader of a report writes it: 1500, 12.5, 199,000,000 (grouped from 10,000 on). */
export function formatValue(v: number): string {
  if (Math.abs(v) < 10_000) return String(Math.round(v * 1e6) / 1e6);
  return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function valueText(r: FigureRow): string {
  // A year is a name, not a quantity: 2023, never 2,023; a date reads as written (2024年1月11日, 12月).
  if (r.kind === 'year') return r.upper !== null ? `${r.value}～${r.upper}` : String(r.value);
  if (r.kind === 'date') return r.text;
  const value = r.upper !== null ? `${formatValue(r.value)}～${formatValue(r.upper)}` : formatValue(r.value);
  return r.approximate ? `≈${value}` : value;
}

export function figureCells(r: FigureRow, locale: UiLocale): FigureCells {
  const inSentence = r.sentenceAt >= 0 && r.table === '';
  return {
    l: r.range.start.line + 1,
    v: valueText(r),
    u: r.kind === 'date' ? '' : r.unit,
    w: r.subject,
    b: inSentence ? r.sentence.slice(0, r.sentenceAt) : '',
    f: inSentence ? r.text : '',
    a: inSentence ? r.sentence.slice(r.sentenceAt + r.text.length) : '',
    c: inSentence ? '' : [r.table.split(/\s/)[0], r.row, r.column].filter((s) => s !== '').join(' · '),
    s: r.section || translate(locale, '(before the first heading)'),
    x: r.approximate,
    r: [r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character],
  };
}

/** The columns, in order: class (for CSS) and header. */
function columns(locale: UiLocale): { id: string; header: string; numeric?: boolean }[] {
  const t = (m: string) => translate(locale, m);
  return [
    { id: 'line', header: t('Line'), numeric: true },
    { id: 'value', header: t('Value'), numeric: true },
    { id: 'unit', header: t('Unit') },
    { id: 'what', header: t('What') },
    { id: 'context', header: t('Context') },
    { id: 'section', header: t('Section') },
  ];
}

/** JSON inside a <script> element: nothing in it may close the element or start a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function figuresHtml(page: FiguresPage, options: PageOptions): string {
  const { locale } = page;
  const t = (m: string, ...args: (string | number)[]) => escapeHtml(translate(locale, m, ...args));
  const nonce = options.nonce;
  const cols = columns(locale);
  const data = page.rows.map((r) => figureCells(r, locale));
  // What the script needs to word the detail bar and tooltips.
  const words = {
    section: translate(locale, 'Section'),
    what: translate(locale, 'What'),
    line: translate(locale, 'Line {0}'),
    approximate: translate(locale, 'approximate'),
    exact: translate(locale, 'exact'),
    close: translate(locale, 'Close'),
    labelled: translate(locale, '{0}: {1}'),
  };
  return `<!DOCTYPE html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${options.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
body { margin: 0; padding: 0 12px; font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; padding: 10px 0 6px; }
.bar h1 { flex: 1 1 16em; min-width: 0; margin: 0; font-size: 1.1em; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar .count { color: var(--vscode-descriptionForeground); white-space: nowrap; }
button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 3px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible, #grid:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
table { table-layout: fixed; width: 100%; border-collapse: separate; border-spacing: 0; }
col.line { width: 3.6em; }
col.value { width: 7.6em; }
col.unit { width: 3.4em; }
col.what { width: 12em; }
col.section { width: 13em; }
th, td { padding: 0 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; text-align: left; border-bottom: 1px solid var(--vscode-editorWidget-border, transparent); }
td { height: 1.9em; line-height: 1.9em; }
th { position: sticky; top: 0; z-index: 1; padding-top: 4px; padding-bottom: 4px; font-weight: 600; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); }
.line, .value { text-align: right; font-variant-numeric: tabular-nums; }
td.line { color: var(--vscode-editorLineNumber-foreground, var(--vscode-descriptionForeground)); }
td.context { color: var(--vscode-descriptionForeground); }
td.context mark { color: var(--vscode-foreground); background: var(--vscode-editor-findMatchHighlightBackground); border-radius: 2px; }
tr.pad td { height: auto; line-height: 0; padding: 0; border: none; }
tbody tr[data-i] { cursor: pointer; }
tbody tr[data-i]:hover { background: var(--vscode-list-hoverBackground); }
tbody tr[aria-selected="true"] { background: var(--vscode-list-inactiveSelectionBackground); color: var(--vscode-list-inactiveSelectionForeground, inherit); }
#grid:focus tbody tr[aria-selected="true"] { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground, inherit); }
#grid:focus tbody tr[aria-selected="true"] td.context, #grid:focus tbody tr[aria-selected="true"] td.line { color: inherit; }
#grid { outline: none; }
/* Less room: first the section goes (the detail bar names it), then what the figure counts (its sentence says it),
   so that the sentence keeps at least 40 % of the width. */
@media (max-width: 959px) { col.section, th.section, td.section { display: none; } }
@media (max-width: 639px) { col.what, th.what, td.what { display: none; } }
#detail { position: sticky; bottom: 0; margin: 0 -12px; padding: 6px 12px 8px; background: var(--vscode-editorWidget-background, var(--vscode-editor-background)); border-top: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); max-height: 40vh; overflow: auto; }
#detail[hidden] { display: none; }
#detail .head { display: flex; gap: 8px; align-items: baseline; }
#detail .head b { flex: 1 1 auto; }
#detail .sentence { margin: 4px 0; line-height: 1.6; }
#detail .sentence mark { color: inherit; background: var(--vscode-editor-findMatchHighlightBackground); }
#detail .meta { color: var(--vscode-descriptionForeground); }
#detail button.close { background: none; color: var(--vscode-foreground); padding: 0 6px; }
.end { height: 12px; }
</style>
</head>
<body>
<div class="bar"><h1 title="${escapeHtml(page.title)}">${escapeHtml(page.title)}</h1><span class="count">${t(plural(data.length, '{0} figure', '{0} figures'), data.length)} · ${t('click a row to see it in the report')}</span><button id="export">${t('Export CSV')}</button></div>
<div id="grid" tabindex="0" role="grid" aria-rowcount="${data.length + 1}" aria-label="${escapeHtml(page.title)}">
<table>
<colgroup>${cols.map((c) => `<col class="${c.id}">`).join('')}</colgroup>
<thead><tr aria-rowindex="1">${cols.map((c) => `<th class="${c.id}" scope="col">${escapeHtml(c.header)}</th>`).join('')}</tr></thead>
<tbody id="rows"></tbody>
</table>
</div>
<div class="end"></div>
<div id="detail" hidden aria-live="polite"></div>
<script type="application/json" id="figures-data" nonce="${nonce}">${scriptJson(data)}</script>
<script type="application/json" id="figures-words" nonce="${nonce}">${scriptJson(words)}</script>
<script nonce="${nonce}">
(() => {
  const vscode = acquireVsCodeApi();
  const rows = JSON.parse(document.getElementById('figures-data').textContent);
  const words = JSON.parse(document.getElementById('figures-words').textContent);
  const grid = document.getElementById('grid');
  const tbody = document.getElementById('rows');
  const detail = document.getElementById('detail');
  const contextHeader = document.querySelector('th.context');
  const MARGIN = 30; // rows built beyond the window on either side
  let rowHeight = 0;
  let shown = [-1, -1];
  let selected = -1;
  let keep = 12; // characters of the sentence kept before the figure, from the context column's width

  const cell = (cls, text) => {
    const td = document.createElement('td');
    td.className = cls;
    td.textContent = text;
    return td;
  };
  const pad = (height) => {
    const tr = document.createElement('tr');
    tr.className = 'pad';
    tr.setAttribute('aria-hidden', 'true');
    // One cell, in the first column (never hidden): a colspan over columns a narrow page hides would add columns
    // of its own to the fixed layout and squeeze the sentence.
    const td = document.createElement('td');
    td.style.height = height + 'px';
    tr.appendChild(td);
    return tr;
  };
  const fullContext = (r) => r.c || r.b + r.f + r.a;
  // 「所在部分：…」 in Chinese, "Section: …" in English.
  const labelled = (label, text) => words.labelled.replace('{0}', () => label).replace('{1}', () => text);
  function build(i) {
    const r = rows[i];
    const tr = document.createElement('tr');
    tr.dataset.i = String(i);
    tr.setAttribute('aria-rowindex', String(i + 2));
    tr.setAttribute('aria-selected', String(i === selected));
    tr.title = fullContext(r) + '\\n' + labelled(words.section, r.s);
    tr.appendChild(cell('line', String(r.l)));
    tr.appendChild(cell('value', r.v));
    tr.appendChild(cell('unit', r.u));
    tr.appendChild(cell('what', r.w || '—'));
    const context = cell('context', '');
    if (r.c) {
      context.textContent = r.c;
    } else {
      // The figure stays in sight: only the end of the text before it, as much as the column has room for.
      const before = r.b.length > keep ? '…' + r.b.slice(r.b.length - keep) : r.b;
      context.append(before, Object.assign(document.createElement('mark'), { textContent: r.f }), r.a);
    }
    tr.appendChild(context);
    tr.appendChild(cell('section', r.s));
    return tr;
  }
  function measure() {
    const width = contextHeader.getBoundingClientRect().width;
    const em = parseFloat(getComputedStyle(document.body).fontSize) || 13;
    keep = Math.max(4, Math.floor((width / em) * 0.3));
    if (rows.length > 0 && !rowHeight) {
      tbody.replaceChildren(build(0));
      rowHeight = tbody.firstChild.getBoundingClientRect().height || em * 1.9;
    }
  }
  function render(force) {
    if (rows.length === 0) return;
    const top = tbody.getBoundingClientRect().top; // the first row's place on screen (the top pad included)
    const first = Math.max(0, Math.floor(-top / rowHeight) - MARGIN);
    const last = Math.min(rows.length, Math.ceil((window.innerHeight - top) / rowHeight) + MARGIN);
    if (!force && first === shown[0] && last === shown[1]) return;
    shown = [first, last];
    const fragment = document.createDocumentFragment();
    fragment.appendChild(pad(first * rowHeight));
    for (let i = first; i < last; i++) fragment.appendChild(build(i));
    fragment.appendChild(pad((rows.length - last) * rowHeight));
    tbody.replaceChildren(fragment);
  }
  let frame = 0;
  const schedule = (force) => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render(force);
    });
  };
  function showDetail(i) {
    const r = rows[i];
    const head = document.createElement('div');
    head.className = 'head';
    const title = document.createElement('b');
    title.textContent = words.line.replace('{0}', String(r.l)) + ' · ' + r.v + (r.u ? ' ' + r.u : '') + ' · ' + (r.x ? words.approximate : words.exact);
    const close = Object.assign(document.createElement('button'), { className: 'close', textContent: '×', title: words.close });
    close.addEventListener('click', () => select(-1));
    head.append(title, close);
    const sentence = document.createElement('div');
    sentence.className = 'sentence';
    if (r.c) sentence.textContent = r.c;
    else sentence.append(r.b, Object.assign(document.createElement('mark'), { textContent: r.f }), r.a);
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = (r.w ? labelled(words.what, r.w) + ' · ' : '') + labelled(words.section, r.s);
    detail.replaceChildren(head, sentence, meta);
    detail.hidden = false;
  }
  function select(i, reveal, focusEditor) {
    selected = i;
    for (const tr of tbody.querySelectorAll('tr[data-i]')) tr.setAttribute('aria-selected', String(Number(tr.dataset.i) === i));
    if (i < 0) {
      detail.hidden = true;
      return;
    }
    showDetail(i);
    // Keep the row in sight, below the sticky header and above the detail bar.
    const header = contextHeader.getBoundingClientRect().height;
    const rowTop = tbody.getBoundingClientRect().top + i * rowHeight;
    const bottom = window.innerHeight - (detail.hidden ? 0 : detail.getBoundingClientRect().height);
    if (rowTop < header) window.scrollBy(0, rowTop - header);
    else if (rowTop + rowHeight > bottom) window.scrollBy(0, rowTop + rowHeight - bottom);
    if (reveal) {
      const [line, character, endLine, endCharacter] = rows[i].r;
      vscode.postMessage({ type: 'reveal', line, character, endLine, endCharacter, focus: Boolean(focusEditor) });
    }
  }
  tbody.addEventListener('click', (e) => {
    const tr = e.target.closest('tr[data-i]');
    if (tr) select(Number(tr.dataset.i), true, false);
  });
  tbody.addEventListener('dblclick', (e) => {
    const tr = e.target.closest('tr[data-i]');
    if (tr) select(Number(tr.dataset.i), true, true);
  });
  grid.addEventListener('keydown', (e) => {
    const page = Math.max(1, Math.floor(window.innerHeight / rowHeight) - 3);
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -rows.length, End: rows.length };
    if (e.key in moves && rows.length > 0) {
      e.preventDefault();
      select(Math.min(rows.length - 1, Math.max(0, (selected < 0 ? -1 : selected) + moves[e.key])), true, false);
    } else if (e.key === 'Enter' && selected >= 0) {
      select(selected, true, true);
    } else if (e.key === 'Escape') {
      select(-1);
    }
  });
  document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
  window.addEventListener('scroll', () => schedule(false), { passive: true });
  window.addEventListener('resize', () => {
    measure();
    schedule(true);
  });
  measure();
  render(true);
})();
</script>
</body>
</html>`;
}
