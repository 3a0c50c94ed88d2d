// textDocument/foldingRange: sections and the web-page text around the report.
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver/node';
import { foldingRegions, type ReportModel } from '../core/index';

export function foldingRanges(model: ReportModel): FoldingRange[] {
  if (!model.isReport) return [];
  return foldingRegions(model).map((r) => ({
    startLine: r.startLine,
    endLine: r.endLine,
    kind: r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
  }));
}
