// govreport/figures: the figures table of a document, for the client's 「显示报告数据」 view and CSV export.
import { figureRows, figuresCsv, type FigureRow, type Locale, type ReportModel } from '../core/index';

export const FIGURES_REQUEST = 'govreport/figures';

export interface FiguresParams {
  uri: string;
}

export interface FiguresResult {
  title: string | null;
  rows: FigureRow[];
  /** The same rows as CSV (with BOM), in the user's language, for export. */
  csv: string;
}

export function figuresResult(model: ReportModel, locale: Locale): FiguresResult {
  const rows = model.isReport ? figureRows(model) : [];
  return { title: model.title?.text ?? null, rows, csv: figuresCsv(rows, locale) };
}
