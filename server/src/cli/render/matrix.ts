// The output of `matrix`: one row per report (the tables themselves are drawn in ../../node/matrix.ts).
import { matrixCsv, matrixJson, matrixText } from '../../node/matrix';
import type { Options } from '../args';
import type { Checked } from '../report';
import { displayPath, jsonSafe } from './style';

export function renderMatrix(checked: Checked[], options: Options): string {
  const rows = checked.map((c) => ({
    path: c.file.path,
    title: c.title,
    year: c.year?.value ?? null,
    profile: c.isReport ? c.profile : null,
    items: c.items,
    errors: c.findings.filter((f) => f.severity === 'error').length,
    warnings: c.findings.filter((f) => f.severity === 'warning').length,
    isReport: c.isReport,
  }));
  if (options.format === 'json') return jsonSafe(matrixJson(rows));
  if (options.format === 'csv') return matrixCsv(rows, options.locale, displayPath);
  return matrixText(rows, options.locale, displayPath);
}
