// `govreport compare PREVIOUS CURRENT`: the cross-year comparison on the command line, as text or JSON.
import { localize, type Locale, type ReportComparison } from '../core/index';
import { jsonSafe, plain } from './terminal';

export interface ComparedFiles {
  previous: string;
  current: string;
  comparison: ReportComparison;
}

/** Stable JSON for other tools: 1-based nowhere, LSP ranges (0-based line and UTF-16 character) everywhere. */
export function compareJson(files: ComparedFiles): string {
  const { previous, current, comparison } = files;
  return jsonSafe(JSON.stringify({ previous, current, ...comparison }, null, 2) + '\n');
}

const LABELS = {
  copied: { zh: '原样照搬的段落', en: 'Paragraphs copied from last year' },
  figures: { zh: '未变化的数字', en: 'Figures that did not change' },
  plan: { zh: '上年安排本年未提及', en: "Last year's plans not mentioned this year" },
  tables: { zh: '表格与上年不衔接', en: "Tables that do not follow on from last year's" },
  none: { zh: '无', en: 'none' },
  checked: { zh: '已核对{0}项', en: '{0} checked' },
  'no-tables': { zh: '无法核对：两份报告中没有都读出表二或表三', en: 'nothing to check: table 2 or 3 is not in both reports' },
  'not-consecutive': { zh: '无法核对：两份报告不是相邻年度', en: 'nothing to check: the reports are not of consecutive years' },
};

function where(range: { start: { line: number; character: number } }): string {
  return `${range.start.line + 1}:${range.start.character + 1}`;
}

function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return plain(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

export function compareText(files: ComparedFiles, locale: Locale, display: (p: string) => string): string {
  const { comparison: c } = files;
  const en = locale === 'en';
  const prev = display(files.previous);
  const cur = display(files.current);
  let out = en ? `Comparing ${cur} with last year's ${prev}\n` : `比较 ${cur} 与上一年度报告 ${prev}\n`;
  const section = (label: { zh: string; en: string }, count: number) => `\n${localize(label, locale)} (${count})${count === 0 ? `: ${localize(LABELS.none, locale)}` : ''}\n`;
  out += section(LABELS.copied, c.copiedParagraphs.length);
  for (const p of c.copiedParagraphs) {
    const how = p.similarity === 1 ? (en ? 'identical' : '相同') : en ? `${Math.round(p.similarity * 100)}% alike` : `相似度 ${Math.round(p.similarity * 100)}%`;
    out += `  ${cur}:${where(p.current.range)}  ←  ${prev}:${where(p.previous.range)}  ${how}  ${excerpt(p.current.text)}\n`;
  }
  out += section(LABELS.figures, c.unchangedFigures.length);
  for (const f of c.unchangedFigures) {
    out += `  ${cur}:${where(f.current.range)}  ←  ${prev}:${where(f.previous.range)}  ${plain(f.subject)}  ${f.value}${f.unit === '%' ? '%' : ` ${plain(f.unit)}`}\n`;
  }
  out += section(LABELS.plan, c.unmentionedPlanItems.length);
  for (const p of c.unmentionedPlanItems) {
    out += `  ${prev}:${where(p.previous.range)}  ${plain(p.label)}  ${en ? 'key terms' : '关键词'}: ${plain(p.terms.join(en ? ', ' : '、'))}\n`;
  }
  // Whether the tables could be held to each other at all, so that an empty list is not read as agreement.
  const t = c.tableLinks;
  const status = t.unavailable ? localize(LABELS[t.unavailable], locale) : localize(LABELS.checked, locale).replace('{0}', String(t.checked));
  out += `\n${localize(LABELS.tables, locale)} (${t.breaks.length})${t.breaks.length === 0 && !t.unavailable ? `: ${localize(LABELS.none, locale)}` : ''}${en ? ', ' : '，'}${status}\n`;
  for (const b of t.breaks) {
    out += `  ${cur}:${where(b.current.range)}  ←  ${prev}:${where(b.previous.range)}  ${plain(localize(b.message, locale))}\n`;
  }
  return out;
}
