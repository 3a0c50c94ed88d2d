// The pure core: text in, data out. No `vscode`, no LSP transport, no file system.
export * from './model/types';
export { parseReport, type ParseOptions } from './model/parse';
export * from './findings';
export { checkModel, type CheckOptions } from './check';
export { RULES, ruleById } from './rules/index';
export { createReportService, type ReportDocument, type ReportService } from './service';
export { buildOutline, type OutlineNode } from './features/outline';
export { foldingRegions, type FoldingRegion } from './features/folding';
export { BUILTIN_PROFILES, detectProfile, profileById, resolveProfile, type Profile, type ProfileChoice, type ProfileItem } from './profiles/index';
export { matchSections, type SectionMatch } from './profiles/match';
export { hoverAt, type HoverContent, type HoverOptions } from './features/hover';
export { figuresOf, figureAt, type Figure, type FigureKind } from './model/figures';
export { BEFORE_FIRST_HEADING, figureRows, figuresCsv, type CsvOptions, type FigureRow } from './features/figures-table';
export { formatChineseNumeral, standardMarker } from './model/numbering';
export { completionsAt, type CompletionOptions, type CompletionSuggestion } from './features/completion';
export { COVERAGE_FIRST_YEAR, COVERAGE_TEXT_LIMIT, coverageUnavailable, gangyaoCoverage, type AreaCoverage, type CoveragePlace, type CoverageUnavailable } from './features/coverage';
export {
  compareReports, type CompareOptions, type CopiedParagraph, type ReportComparison, type TableLinkBreak, type TableLinkKind, type TableLinks, type UnchangedFigure,
  type UnmentionedPlanItem,
} from './features/compare';
export { tableFiguresOf, tableFigureAt, type TableFigure } from './model/table-figures';
export { govInfoTables, tableDisplayName, type CellTerm, type GovInfoTables, type RequestsRow, type TableEquation } from './model/gov-info-tables';
export { columnLabels } from './model/tables';
