// An element's content as report lines: one paragraph per line (<p>, <div>, <li>, headings, <br> and the other
// blocks break paragraphs), a data table one row per line with TAB between cells. A merged cell is written once,
// on its first row, and a cell spanning columns is one cell: the text the .docx reader gives for the same table
// and a table copied from the browser gives, so that the core reads them all with one table reader. A layout
// table (a page built of table cells, a cell holding paragraphs) is read as blocks. Blocks that are mostly
// links inside the article (「上一篇」, 【打印】【关闭】, share bars) are left out.

import { type Amounts, linkDensity } from './measure';
import { joinCellLines, paragraphText } from './text';
import type { HtmlElement, HtmlNode } from './tree';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'legend', 'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'caption', 'tbody', 'thead', 'tfoot',
  'tr', 'td', 'th', 'table',
]);

/** A table cell longer than this holds paragraphs, not a figure or a label: the table lays out a page. */
const LAYOUT_CELL_CHARS = 300;
/** A block of fewer characters that are mostly link text is navigation, even inside the article. */
const LINK_BLOCK_CHARS = 200;

export function renderLines(root: HtmlElement, amounts: Amounts): string[] {
  const out: string[] = [];
  let raw = '';
  let pre = 0;
  const flush = () => {
    if (raw.length === 0) return;
    const text = paragraphText(raw);
    raw = '';
    if (text.length > 0) out.push(text);
  };
  const visit = (node: HtmlNode) => {
    if (node.kind === 'text') {
      // In <pre>, the source's line breaks are the text's.
      if (pre > 0 && /[\n\r]/.test(node.text)) {
        const parts = node.text.split(/\r\n?|\n/);
        parts.forEach((part, k) => {
          if (k > 0) flush();
          raw += part;
        });
      } else {
        raw += node.text;
      }
      return;
    }
    const e = node;
    if (e.name === 'br') {
      flush();
      return;
    }
    const block = BLOCKS.has(e.name);
    if (block && e !== root && isLinkBlock(e, amounts)) return;
    // A search box's form (its controls are gone already, its labels are not): the site's, not the article's. A form
    // that holds more (a page built inside one <form>, as ASP.NET pages are) is read.
    if (e.name === 'form' && e !== root && (amounts.get(e)?.text ?? 0) < LINK_BLOCK_CHARS) return;
    if (e.name === 'table' && isDataTable(e, amounts)) {
      flush();
      for (const line of tableLines(e, amounts)) out.push(line);
      return;
    }
    if (block) flush();
    if (e.name === 'pre') pre++;
    for (const child of e.children) visit(child);
    if (e.name === 'pre') pre--;
    if (block) flush();
  };
  visit(root);
  flush();
  return out;
}

function isLinkBlock(e: HtmlElement, amounts: Amounts): boolean {
  const a = amounts.get(e);
  return !!a && a.text > 0 && a.text < LINK_BLOCK_CHARS && linkDensity(amounts, e) >= 0.6;
}

/** The rows of a table (not those of a table nested in it), each with its cells; and what stands in the table
 * outside any cell, which browsers show before the table (「foster parenting」). */
function rowsOf(table: HtmlElement): { rows: HtmlElement[][]; stray: HtmlNode[] } {
  const rows: HtmlElement[][] = [];
  const stray: HtmlNode[] = [];
  const visit = (e: HtmlElement) => {
    for (const child of e.children) {
      if (child.kind !== 'element') {
        if (child.text.trim()) stray.push(child);
      } else if (child.name === 'tr') {
        rows.push(child.children.filter((c): c is HtmlElement => c.kind === 'element' && (c.name === 'td' || c.name === 'th')));
        for (const c of child.children) if (c.kind === 'element' ? c.name !== 'td' && c.name !== 'th' : c.text.trim()) stray.push(c);
      } else if (child.name === 'tbody' || child.name === 'thead' || child.name === 'tfoot') {
        visit(child);
      } else if (child.name !== 'caption' && child.name !== 'colgroup' && child.name !== 'col') {
        stray.push(child);
      }
    }
  };
  visit(table);
  return { rows, stray };
}

/** A table of figures and labels, not one that lays out the page: no cell holds a table or a long text. */
export function isDataTable(table: HtmlElement, amounts: Amounts): boolean {
  const { rows } = rowsOf(table);
  if (rows.length === 0) return false;
  for (const row of rows) {
    for (const cell of row) {
      const a = amounts.get(cell);
      if (a && (a.text > LAYOUT_CELL_CHARS || a.tables > 0)) return false;
    }
  }
  return true;
}

/**
 * One line per row, TAB between cells. The cells a rowspan or colspan covers are not in the markup at all,
 * so each row's own cells, in order, are the row as the .docx reader and a copy from the browser give it. A row
 * without a cell that shows text (a spacer row) gives no line: a blank line would end the table for the core.
 */
function tableLines(table: HtmlElement, amounts: Amounts): string[] {
  const { rows, stray } = rowsOf(table);
  const holder: HtmlElement = { kind: 'element', name: 'div', id: '', className: '', rowspan: 1, colspan: 1, children: stray };
  const lines = stray.length > 0 ? renderLines(holder, amounts) : [];
  const caption = table.children.find((c): c is HtmlElement => c.kind === 'element' && c.name === 'caption');
  if (caption) lines.push(...renderLines(caption, amounts));
  for (const row of rows) {
    const cells = row.map((cell) => joinCellLines(renderLines(cell, amounts)));
    if (cells.some((c) => c.length > 0)) lines.push(cells.join('\t'));
  }
  return lines;
}
