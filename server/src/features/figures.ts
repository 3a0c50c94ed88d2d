// govreport/figures: the figures table of a document, for the client's 「显示报告数据」 view and CSV export.
import { figureRows, figuresCsv, type FigureRow, type Locale, type ReportModel } from '../core/index';

export const FIGURES_REQUEST = 'govreport/figures';

export interface FiguresParams {
  uri: string;
}

export interface FiguresResult {
  /** The language of this document's messages (govreport.locale, or the project file's): the view uses it too. */
  locale: Locale;
  title: string | null;
  rows: FigureRow[];
  /** The same rows as CSV (with BOM), in the user's language, for export. */
  csv: string;
  /** Why there are no rows although the document may have figures (a large document), for the user; else absent. */
  notice?: string;
}

/** A document above the large-document threshold: its size and the threshold, to say why its figures are not listed. */
export interface LargeDocument {
  characters: number;
  threshold: number;
}

export function figuresResult(model: ReportModel, locale: Locale, large?: LargeDocument): FiguresResult {
  const title = model.title?.text ?? null;
  // Every figure of a document this large is hundreds of thousands of rows: the figure checks are off for it too.
  if (large && model.isReport) return { locale, title, rows: [], csv: '', notice: largeDocumentNotice(large, locale) };
  const rows = model.isReport ? figureRows(model) : [];
  return { locale, title, rows, csv: figuresCsv(rows, locale) };
}

function largeDocumentNotice({ characters, threshold }: LargeDocument, locale: Locale): string {
  return locale === 'en'
    ? `GovReport: this document is large (${characters.toLocaleString('en-US')} characters, above govreport.largeDocumentThreshold, ${threshold.toLocaleString('en-US')}): its figures are neither checked nor listed. Raise the setting to list them.`
    : `GovReport：文档较大（${characters} 字，超过设置 govreport.largeDocumentThreshold 的 ${threshold} 字），不核对也不列出其中的数据。调高该设置即可列出。`;
}
