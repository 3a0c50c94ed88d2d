// The figures table: every figure of a report as a row a reviewer can read, sort, and export as CSV — the numbers
// of its sentences and the value cells of its tables, in document order.
import type { Locale } from '../findings';
import { figuresOf, type Figure } from '../model/figures';
import { tableFiguresOf, type TableFigure } from '../model/table-figures';
import type { Heading, Range, ReportModel } from '../model/types';

export interface FigureRow {
  section: string;
  /** What the figure counts: from its sentence, or 「row·column」 for a table cell (「（一）予以公开·自然人」). */
  subject: string;
  /** The figure as written. */
  text: string;
  value: number;
  upper: number | null;
  unit: string;
  kind: Figure['kind'];
  approximate: boolean;
  /**
   * The sentence the figure stands in, cut to 60 characters on either side of it with 「…」 (Figure.excerpt): a row
   * stays small however long the sentence. Empty for a table cell, whose row and column say what it is.
   */
  sentence: string;
  /** Where the figure starts in `sentence` (a view marks it there, and keeps it in sight when it cuts the sentence);
   * -1 for a table cell. */
  sentenceAt: number;
  /** For a table cell: the table (「表三 收到和处理政府信息公开申请情况」), its row label and column label, in the
   * report's language; empty for a figure in a sentence. */
  table: string;
  row: string;
  column: string;
  range: Range;
}

export function figureRows(model: ReportModel): FigureRow[] {
  const text = figuresOf(model).map(textFigureRow);
  const cells = tableFiguresOf(model).map(tableFigureRow);
  return inDocumentOrder(text, cells);
}

function textFigureRow(f: Figure): FigureRow {
  return {
    section: sectionName(f.section),
    subject: f.subject ?? '',
    text: f.text,
    value: f.value,
    upper: f.upper ?? null,
    unit: f.unit,
    kind: f.kind,
    approximate: f.approximate,
    sentence: f.excerpt,
    sentenceAt: f.excerptAt,
    table: '',
    row: '',
    column: '',
    range: f.range,
  };
}

function tableFigureRow(f: TableFigure): FigureRow {
  const row = f.rowLabel.zh;
  const column = f.columnLabel.zh;
  const { kind, value, unit } = cellMeasure(f);
  return {
    section: sectionName(f.section),
    // The unit goes to its own column, so 「本年收费金额（单位：万元）」 counts as 「本年收费金额」.
    subject: [row, column].map((s) => s.replace(UNIT_NOTE, '')).filter((s) => s.length > 0).join('·'),
    text: f.text,
    value,
    upper: null,
    unit,
    kind,
    approximate: false,
    sentence: '',
    sentenceAt: -1,
    table: f.tableName.zh,
    row,
    column,
    range: f.range,
  };
}

/**
 * What stands for the section of a figure before the first heading (the title's year, the opening paragraph), wherever
 * a section is named: the hover, the figures view, the CLI. 「导语」 would be wrong for the title.
 */
export const BEFORE_FIRST_HEADING: Record<Locale, string> = { zh: '（第一个标题之前）', en: '(before the first heading)' };

/**
 * Characters of a section's name a row or a hover carries: a run-in heading's title runs to the first 。, which text
 * without one puts at the end of its line, and every figure under it repeats the name.
 */
const SECTION_NAME_LIMIT = 80;

export function sectionName(section: Heading | undefined): string {
  if (!section) return '';
  const name = `${section.number.raw}${section.title}`;
  return name.length > SECTION_NAME_LIMIT ? `${name.slice(0, SECTION_NAME_LIMIT - 1)}…` : name;
}

// 「（单位：万元）」 in a label, caption or header: the unit of the values below it.
const UNIT_NOTE = /[（(]\s*单位\s*[:：]\s*([^）)]+?)\s*[）)]/;
// The base unit of money is 元, as for the money of sentences: a table's 万元 and a sentence's 亿元 then compare.
const MONEY_UNITS: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

/** The kind, value in the base unit and unit of a table cell: what its column, row or table says of the unit,
 * else 件 under a 「…件数」 column; a plain count without a unit otherwise. */
function cellMeasure(f: TableFigure): { kind: Figure['kind']; value: number; unit: string } {
  if (/[%％]/.test(f.text)) return { kind: 'percent', value: f.value, unit: '%' };
  const stated = [f.columnLabel.zh, f.rowLabel.zh, f.tableName.zh].map((s) => UNIT_NOTE.exec(s)?.[1]).find((u) => u !== undefined);
  if (stated !== undefined && stated in MONEY_UNITS) return { kind: 'money', value: round(f.value * MONEY_UNITS[stated]), unit: '元' };
  if (stated === '%' || stated === '％') return { kind: 'percent', value: f.value, unit: '%' };
  if (stated !== undefined) return { kind: 'count', value: f.value, unit: stated };
  return { kind: 'count', value: f.value, unit: /件数$/.test(f.columnLabel.zh) ? '件' : '' };
}

/** Six decimals, as for the figures of sentences: 24252.311082 万元 is 242523110.82 元, not …82000002. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Both lists are in document order already (a table's lines are never a paragraph's), so a merge suffices. */
function inDocumentOrder(a: FigureRow[], b: FigureRow[]): FigureRow[] {
  if (b.length === 0) return a;
  const before = (x: FigureRow, y: FigureRow) =>
    x.range.start.line < y.range.start.line || (x.range.start.line === y.range.start.line && x.range.start.character <= y.range.start.character);
  const out: FigureRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(before(a[i], b[j]) ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

// New columns go last, so that a spreadsheet or script reading the earlier ones by position still works. 「行名」
// and 「列名」 rather than 「行」「列」: the first column is already 「行」, the line.
const HEADERS: Record<Locale, string[]> = {
  zh: ['行', '所在部分', '统计对象', '原文', '数值', '上限', '单位', '类别', '确数/约数', '所在句子', '表格', '行名', '列名'],
  en: ['line', 'section', 'counts', 'as written', 'value', 'upper', 'unit', 'kind', 'exact/approximate', 'sentence', 'table', 'row', 'column'],
};

export interface CsvOptions {
  /** A leading 文件 column with this value, for tables of many reports. */
  file?: string;
  /** Whether to start with the BOM and the header line (default true). */
  header?: boolean;
}

/**
 * One RFC 4180 CSV field: quoted when it holds a quote, a comma or a line break. A text that a spreadsheet would
 * take for a formula (= + - @, TAB or CR first: a file name or a sentence from a stranger) gets a leading ', as
 * OWASP advises, and shows as written; numbers are passed as numbers and stay numbers, negative ones too.
 */
export function csvField(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 BOM, so that Excel on a Chinese Windows opens it without mojibake. */
export function figuresCsv(rows: FigureRow[], locale: Locale, options: CsvOptions = {}): string {
  const cell = csvField;
  const exact = locale === 'en' ? ['exact', 'approximate'] : ['确数', '约数'];
  const withFile = options.file !== undefined;
  const header = options.header ?? true;
  const lines = header ? [[...(withFile ? [locale === 'en' ? 'file' : '文件'] : []), ...HEADERS[locale]].join(',')] : [];
  for (const r of rows) {
    const cells = [r.range.start.line + 1, r.section, r.subject, r.text, r.value, r.upper, r.unit, r.kind, exact[r.approximate ? 1 : 0], r.sentence, r.table, r.row, r.column];
    lines.push((withFile ? [options.file!, ...cells] : cells).map(cell).join(','));
  }
  if (lines.length === 0) return '';
  return (header ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}
