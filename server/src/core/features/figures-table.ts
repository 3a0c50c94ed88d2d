// The figures table: every figure of a report as a row a reviewer can read, sort, and export as CSV.
import type { Locale } from '../findings';
import { figuresOf, type Figure } from '../model/figures';
import type { Range, ReportModel } from '../model/types';

export interface FigureRow {
  section: string;
  subject: string;
  /** The figure as written. */
  text: string;
  value: number;
  upper: number | null;
  unit: string;
  kind: Figure['kind'];
  approximate: boolean;
  sentence: string;
  range: Range;
}

export function figureRows(model: ReportModel): FigureRow[] {
  return figuresOf(model).map((f) => ({
    section: f.section ? `${f.section.number.raw}${f.section.title}` : '',
    subject: f.subject ?? '',
    text: f.text,
    value: f.value,
    upper: f.upper ?? null,
    unit: f.unit,
    kind: f.kind,
    approximate: f.approximate,
    sentence: f.sentence.text,
    range: f.range,
  }));
}

const HEADERS: Record<Locale, string[]> = {
  zh: ['行', '所在部分', '统计对象', '原文', '数值', '上限', '单位', '类别', '确数/约数', '所在句子'],
  en: ['line', 'section', 'counts', 'as written', 'value', 'upper', 'unit', 'kind', 'exact/approximate', 'sentence'],
};

export interface CsvOptions {
  /** A leading 文件 column with this value, for tables of many reports. */
  file?: string;
  /** Whether to start with the BOM and the header line (default true). */
  header?: boolean;
}

/** One RFC 4180 CSV field: quoted when it holds a quote, a comma or a line break. */
export function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
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
    const cells = [r.range.start.line + 1, r.section, r.subject, r.text, r.value, r.upper, r.unit, r.kind, exact[r.approximate ? 1 : 0], r.sentence];
    lines.push((withFile ? [options.file!, ...cells] : cells).map(cell).join(','));
  }
  if (lines.length === 0) return '';
  return (header ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}
