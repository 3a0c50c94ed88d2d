// Folding: each section folds under its heading, each table on its own; web-page text around the report
// folds away too.

import type { ReportModel } from '../model/types';

export interface FoldingRegion {
  startLine: number;
  endLine: number;
  kind?: 'region' | 'comment';
}

export function foldingRegions(model: ReportModel): FoldingRegion[] {
  const out: FoldingRegion[] = [];
  for (const block of model.outside) {
    if (block.range.end.line > block.range.start.line) {
      out.push({ startLine: block.range.start.line, endLine: block.range.end.line, kind: 'comment' });
    }
  }
  for (const h of model.headings) {
    if (h.sectionRange.end.line > h.line) out.push({ startLine: h.line, endLine: h.sectionRange.end.line, kind: 'region' });
  }
  for (const t of model.tables) {
    if (t.endLine > t.startLine) out.push({ startLine: t.startLine, endLine: t.endLine, kind: 'region' });
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
