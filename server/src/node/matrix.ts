// The reviewer's overview of a batch: one row per report, one column per mandated item (present or missing),
// with year, profile, errors and warnings — as a table, CSV or JSON.
import { csvField } from '../core/features/figures-table';
import { BUILTIN_PROFILES, localize, type Locale } from '../core/index';

export interface MatrixRow {
  path: string;
  title: string | null;
  year: number | null;
  profile: string | null;
  /** Item id → present; empty when no profile applies. */
  items: Record<string, boolean>;
  errors: number;
  warnings: number;
  isReport: boolean;
}

interface Column {
  profile: string;
  id: string;
  header: string;
}

/** The items of every profile that some row uses, in profile order. */
function columns(rows: MatrixRow[], locale: Locale): Column[] {
  const used = new Set(rows.map((r) => r.profile).filter((p): p is string => p !== null));
  const multi = used.size > 1;
  return BUILTIN_PROFILES.filter((p) => used.has(p.id)).flatMap((p) => p.items.map((item) => ({
    profile: p.id,
    id: item.id,
    header: (multi ? `${localize(p.name, locale).slice(0, 4)}·` : '') + localize(item.short ?? item.name, locale),
  })));
}

const MARK = { present: '✓', missing: '✗', other: '—' };

function cell(row: MatrixRow, c: Column): string {
  if (row.profile !== c.profile) return MARK.other;
  return row.items[c.id] ? MARK.present : MARK.missing;
}

export function matrixJson(rows: MatrixRow[]): string {
  return JSON.stringify({ reports: rows }, null, 2) + '\n';
}

export function matrixCsv(rows: MatrixRow[], locale: Locale, display: (p: string) => string): string {
  const cols = columns(rows, locale);
  const en = locale === 'en';
  const header = [en ? 'file' : '文件', en ? 'year' : '年度', en ? 'profile' : '报告类型', ...cols.map((c) => c.header), en ? 'errors' : '错误', en ? 'warnings' : '警告'];
  // Year and counts as numbers: only text fields are guarded against formulas.
  const lines: (string | number | null)[][] = [header, ...rows.map((r) => [
    display(r.path), r.year, r.profile ?? '',
    ...cols.map((c) => (r.profile !== c.profile ? '' : r.items[c.id] ? (en ? 'present' : '有') : (en ? 'missing' : '缺'))),
    r.errors, r.warnings,
  ])];
  // A BOM so that Excel, which reviewers open CSV in, reads the Chinese correctly.
  return '\ufeff' + lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6✓✗—]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

export function matrixText(rows: MatrixRow[], locale: Locale, display: (p: string) => string): string {
  const cols = columns(rows, locale);
  const en = locale === 'en';
  const header = [en ? 'file' : '文件', en ? 'year' : '年度', ...cols.map((c) => c.header), en ? 'errors' : '错误', en ? 'warnings' : '警告'];
  const body = rows.map((r) => [
    display(r.path), r.year === null ? '—' : String(r.year),
    ...cols.map((c) => (r.isReport ? cell(r, c) : MARK.other)),
    String(r.errors), String(r.warnings),
  ]);
  const widths = header.map((h, k) => Math.max(width(h), ...body.map((b) => width(b[k]))));
  const line = (cells: string[]) => cells.map((c, k) => pad(c, widths[k])).join('  ').trimEnd();
  const required = new Set(BUILTIN_PROFILES.flatMap((p) => p.items.filter((i) => i.required).map((i) => `${p.id}/${i.id}`)));
  const missing = rows.reduce((n, r) => n + Object.entries(r.items).filter(([id, present]) => !present && required.has(`${r.profile}/${id}`)).length, 0);
  const summary = en
    ? `${rows.length} report(s); ${missing} mandated item(s) missing; ✓ present, ✗ missing, — not applicable.`
    : `共 ${rows.length} 份报告，缺少必备内容 ${missing} 项；✓ 有，✗ 缺，— 不适用。`;
  return [line(header), ...body.map(line), '', summary].join('\n') + '\n';
}
