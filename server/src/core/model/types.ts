// The report model: everything the checks, the outline and the hovers know about one document version.
// Positions follow LSP: 0-based line, UTF-16 code-unit character.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A stretch of the document's text with its exact range. */
export interface TextSpan {
  text: string;
  range: Range;
}

export type LineEnding = 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';

/** The four levels of 结构层次序数 in GB/T 9704-2012 §7.3.3: 一、 / （一） / 1. / （1）. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type NumeralKind = 'chinese' | 'arabic';

/** How a heading number is written, so that rules can compare it with the standard form. */
export interface HeadingNumber {
  level: HeadingLevel;
  /** The ordinal: 一 → 1, （十二） → 12, 3. → 3. */
  value: number;
  numeral: NumeralKind;
  /** The digits as written, e.g. "十二" or "3" (full-width digits stay as written). */
  digits: string;
  /** Opening bracket as written: "（", "(" or "" (none). */
  open: string;
  /** Closing bracket as written: "）", ")" or "". */
  close: string;
  /** Punctuation after the number as written: "、", ".", "．", "，", "," or "". */
  suffix: string;
  /** The whole marker as written, e.g. "（一）、". */
  raw: string;
  range: Range;
}

export interface Heading {
  /** Position in `ReportModel.headings` (document order). */
  index: number;
  level: HeadingLevel;
  number: HeadingNumber;
  /** Heading text without the number; for a run-in heading, the text up to the first 。. */
  title: string;
  titleRange: Range;
  /** Marker and title. */
  range: Range;
  /** True when body text follows the heading on the same line (「（一）加强组织领导。区委……」). */
  runIn: boolean;
  line: number;
  parent: Heading | undefined;
  children: Heading[];
  /** From the heading to the last non-blank line before the next heading of the same or a higher level. */
  sectionRange: Range;
}

export type ParagraphRole = 'opening' | 'body' | 'closing';

export interface Paragraph {
  text: string;
  range: Range;
  line: number;
  role: ParagraphRole;
  /** The innermost heading the paragraph belongs to; undefined before the first heading. */
  section: Heading | undefined;
  /** True for the body part of a run-in heading line. */
  runIn: boolean;
}

/** 一是/二是… and 第一，/第二，… inside a paragraph: enumerations, never headings. */
export interface Enumeration {
  marker: string;
  value: number;
  style: 'shi' | 'di';
  range: Range;
  line: number;
}

export interface ReportDate {
  text: string;
  range: Range;
  year: number | undefined;
  month: number | undefined;
  day: number | undefined;
  /** arabic: 2024年1月5日; chinese: 二〇二四年一月五日; dotted/hyphen/slash: 2024.1.5, 2024-01-05, 2024/1/5. */
  form: 'arabic' | 'chinese' | 'dotted' | 'hyphen' | 'slash' | 'mixed';
  /** A month or day written with a leading zero (「01月」). */
  zeroPadded: boolean;
}

export interface TitleBlock {
  /** The title as one string (lines joined without separators). */
  text: string;
  range: Range;
  lines: TextSpan[];
  /** Issuing organ(s): from organ lines above the title, or the part of the title before 关于 / the year. */
  organs: TextSpan[];
  year: number | undefined;
  yearRange: Range | undefined;
  /** The report's subject as written, e.g. 法治政府建设 or 政府信息公开工作. */
  subject: string | undefined;
  /** The genre word, 报告, when the title ends with it. */
  genre: string | undefined;
  kind: ReportKind | undefined;
}

export type ReportKind = 'fazhi' | 'gov-info';

export interface SignatureBlock {
  range: Range;
  organs: TextSpan[];
  date: ReportDate | undefined;
  /** 附注 lines such as （联系人：……，联系电话：……）. */
  notes: TextSpan[];
}

/** Text that is not part of the report: web-page navigation and page metadata around it. */
export interface OutsideText {
  where: 'before' | 'header' | 'after';
  range: Range;
  lines: TextSpan[];
}

/** A conversion leftover the parser stepped over (e.g. `[bookmark: _GoBack]` from a .docx export). */
export interface Artifact {
  text: string;
  range: Range;
}

/**
 * How a table reached the text: TAB-separated cells (web pages, Word, .docx), Markdown pipes, runs of spaces (PDF
 * text), or one cell per line.
 */
export type TableFormat = 'tab' | 'pipe' | 'spaced' | 'lines';

export interface TableCell {
  /** The cell's text, trimmed. */
  text: string;
  /** Made when asked for: a large report has tens of thousands of cells. */
  readonly range: Range;
  /** Column in the table, counted so that the last cells of every row line up (tables are read from the right). */
  column: number;
  /** The number in the cell; undefined for text, and for blank, 「/」「-」「—」 (no value). */
  value: number | undefined;
  /** Blank, 「/」「-」「—」: no value (counts as 0 in the arithmetic). */
  empty: boolean;
}

/**
 * caption: a line spanning the table (「第二十条第（一）项」, 「表1 …」); header: column labels; data: a row ending in
 * values; label: text only, inside the table (a label the converter wrapped onto its own line).
 */
export type TableRowKind = 'caption' | 'header' | 'data' | 'label';

export interface TableRow {
  line: number;
  range: Range;
  kind: TableRowKind;
  cells: TableCell[];
  /** Index in `cells` of the first value: the trailing run of numbers and no-value cells (cells.length when none). */
  valueStart: number;
  /** For data rows: the cells before the values, with the group labels of merged cells above carried down. */
  labels: string[];
  /** The cells of `labels` that stand on this row (the rest are carried from the rows above). */
  ownLabelCount: number;
}

/** A table in the report text: its rows are never headings, paragraphs or enumerations. */
export interface Table {
  /** Position in `ReportModel.tables`. */
  index: number;
  format: TableFormat;
  range: Range;
  startLine: number;
  /** Last line of the table (inclusive). */
  endLine: number;
  rows: TableRow[];
  /** Number of columns: the widest row. */
  width: number;
  /** A caption line directly above the table or on its first row, e.g. 「表1 2023年行政复议案件情况」. */
  caption: TextSpan | undefined;
  /** The innermost heading the table stands under. */
  section: Heading | undefined;
}

export interface ReportModel {
  /** Version of the document this model was built from (LSP version, or 0). */
  version: number;
  text: string;
  lines: readonly string[];
  eol: LineEnding;
  bom: boolean;
  /** Whether the text looks like a report at all (by its title or its structure). */
  isReport: boolean;
  title: TitleBlock | undefined;
  /** The report year: from the title, else the year most headings and the opening speak of. */
  year: { value: number; source: 'title' | 'headings' } | undefined;
  /** The reporting unit (发文机关): from the title, else the 落款, else the opening's subject. */
  unit: { name: string; source: 'title' | 'signature' | 'opening' } | undefined;
  /** 主送机关, e.g. 县委、县政府：. */
  addressee: TextSpan | undefined;
  /** The 导语 before the first heading. */
  opening: Paragraph[];
  headings: Heading[];
  /** Level-free top of the heading tree: each heading whose parent is missing. */
  roots: Heading[];
  paragraphs: Paragraph[];
  enumerations: Enumeration[];
  /** Tables, in document order: their lines are neither headings nor paragraphs. */
  tables: Table[];
  /** 特此报告。 and similar closings. */
  closing: TextSpan | undefined;
  signature: SignatureBlock | undefined;
  outside: OutsideText[];
  artifacts: Artifact[];
  /** How many lines were examined afresh and how many were reused from the previous version. */
  parseStats: { linesShaped: number; linesReused: number };
  /** The lines [start, end) that hold the report proper (title to signature). */
  reportLines: { start: number; end: number };
}
