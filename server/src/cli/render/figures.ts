// The output of `figures`: every figure of each report, as text grouped by section, as CSV or as JSON.
import { BEFORE_FIRST_HEADING, figuresCsv } from '../../core/index';
import type { Options } from '../args';
import type { Checked } from '../report';
import { lineLabel } from './findings';
import { displayPath, jsonSafe, paint, plain } from './style';

export function renderFigures(checked: Checked[], options: Options): string {
  const en = options.locale === 'en';
  if (options.format === 'json') {
    return jsonSafe(JSON.stringify({ files: checked.map((c) => ({ path: c.file.path, figures: c.figures })) }, null, 2) + '\n');
  }
  if (options.format === 'csv') {
    const many = checked.length > 1;
    return checked.map((c, i) => figuresCsv(c.figures, options.locale, {
      file: many ? displayPath(c.file.path) : undefined, header: i === 0,
    })).join('');
  }
  let out = '';
  for (const c of checked) {
    out += paint('1', `== ${displayPath(c.file.path)}`) + '\n';
    const rows = c.figures;
    if (rows.length === 0) out += `  ${en ? 'no figures' : '没有数据'}\n`;
    let section: string | undefined;
    let table: string | undefined;
    for (const r of rows) {
      if (r.section !== section) {
        section = r.section;
        table = undefined;
        out += `  ${section ? plain(section) : BEFORE_FIRST_HEADING[options.locale]}\n`;
      }
      const where = paint('2', lineLabel(r.range.start.line, options.locale, c.pageStarts));
      if (r.table === '') {
        table = undefined;
        const value = r.upper !== null ? `${r.value}～${r.upper}` : String(r.value);
        const approx = r.approximate ? (en ? ' ≈' : ' 约数') : '';
        out += `    ${where}  ${plain(r.subject || '—')}  ${plain(r.text)}  → ${value} ${plain(r.unit)}${approx}\n`;
        continue;
      }
      // A table's cells under its name, each as 「row · column」; the value again only when its unit says more.
      if (r.table !== table) {
        table = r.table;
        out += `    ${plain(table)}\n`;
      }
      const converted = r.unit ? `  → ${r.value} ${plain(r.unit)}` : '';
      out += `      ${where}  ${plain(r.row || '—')} · ${plain(r.column || '—')}  ${plain(r.text)}${converted}\n`;
    }
    out += '\n';
  }
  return out;
}
