// Tables in report text: which lines form a table, and what its rows, cells, labels and values are.
// A line that reads as a row on its own (rows.ts) starts a table; lines between rows (a label the converter
// wrapped, a caption such as 「第二十条第（五）项」) and header lines just above join it. When unsure, a line
// is taken as a table row rather than a heading: a false row costs less than a false numbering error.

import type { LineShape } from './lines';
import { cellNumber, isNoneCell } from './rows';
import type { Range, Table, TableCell, TableFormat, TableRow, TableRowKind, TextSpan } from './types';

/** At most this many lines between two rows (caption, header, wrapped label) keep a table together. */
const MAX_GAP_LINES = 3;
/** At most this many header lines above a table's first row join it. */
const MAX_HEADER_LINES = 3;
/** How far from a table an edited line can change it (gap lines, blank lines, header lines): re-read in full. */
export const TABLE_REACH = MAX_GAP_LINES + 4;
/** Longest line between rows that still joins the table. */
const MAX_INNER_LINE = 120;
/** Longest caption line above a table. */
const MAX_CAPTION = 40;
const CAPTION = /^(?:附?表|图表)\s*[0-9０-９一二三四五六七八九十]+/;
const SENTENCE = /[。；;！？!?]/;

/** A line that starts or continues a table by itself. */
function isRowLine(s: LineShape): boolean {
  return !!s.row && s.row.strength === 'strong';
}

/** A line that joins a table only next to its rows: a weak row or a header-like line of a spaced table. */
function isRowish(s: LineShape): boolean {
  return !!s.row;
}

/**
 * A non-row line between rows: a caption, a wrapped label, a spanning cell. A line with a heading number joins
 * only when a data row follows at once and a row precedes at once: 「（二）部分公开（区分处理的，只计这一情形，不」
 * then 「计其他情形） 5 0 0 0 0 0 5」. A heading followed by a table's header (「（二）行政诉讼」) stays a heading.
 */
function canJoinBetween(line: string, s: LineShape): boolean {
  if (s.blank) return false;
  const content = line.slice(s.start, s.end);
  return content.length <= MAX_INNER_LINE && !content.includes('。');
}

function isCaption(line: string, s: LineShape): boolean {
  if (s.blank || s.marker) return false;
  const content = line.slice(s.start, s.end);
  if (CAPTION.test(content)) return content.length <= 80 && !content.includes('。');
  return content.length <= MAX_CAPTION && !SENTENCE.test(content) && !/[，,：:]$/.test(content) && !/[，,]/.test(content);
}

function hasValues(line: string, s: LineShape): boolean {
  const row = s.row;
  if (!row) return false;
  for (const [a, b] of row.cells) if (cellNumber(line.slice(a, b)) !== undefined) return true;
  return false;
}

interface Block {
  start: number;
  end: number; // inclusive
  lines: number[];
  /** A caption line above the table: one cell, whatever spaces it has. */
  caption: number | undefined;
}

/** The lines of every table in [from, to), each block in line order. */
function findBlocks(lines: readonly string[], shapes: readonly LineShape[], from: number, to: number): Block[] {
  const blocks: Block[] = [];
  let i = from;
  while (i < to) {
    if (!isRowLine(shapes[i])) {
      i++;
      continue;
    }
    const members = [i];
    let last = i;
    let strongRows = 1;
    // Extend downwards: rows, and up to MAX_GAP_LINES other lines when a row follows them.
    for (;;) {
      let j = last + 1;
      const pending: number[] = [];
      let reached = -1;
      while (j < to && pending.length <= MAX_GAP_LINES) {
        const s = shapes[j];
        if (s.blank) {
          j++;
          if (j - last > MAX_GAP_LINES + 2) break;
          continue;
        }
        if (isRowLine(s) || (isRowish(s) && s.row!.strength === 'weak')) {
          reached = j;
          break;
        }
        if (isRowish(s) || canJoinBetween(lines[j], s)) {
          pending.push(j);
          j++;
          continue;
        }
        break;
      }
      if (reached < 0) break;
      // A heading between rows joins only as a wrapped label: right after a row, right before a data row.
      const headingInside = pending.some((p) => shapes[p].marker && !shapes[p].row);
      if (headingInside && !(pending.length === 1 && pending[0] === last + 1 && reached === pending[0] + 1 && hasValues(lines[reached], shapes[reached]))) break;
      members.push(...pending, reached);
      if (isRowLine(shapes[reached])) strongRows++;
      last = reached;
    }
    // Extend upwards: header-like lines of a spaced table, then one caption line.
    let first = i;
    // Header lines of words separated by spaces belong to tables of the same kind (PDF text); above a TAB table
    // such a line is a caption.
    const spacedTable = shapes[i].row!.format === 'spaced';
    for (let k = 0; k < MAX_HEADER_LINES && spacedTable; k++) {
      const j = first - 1;
      if (j < from) break;
      const s = shapes[j];
      if (s.blank || s.marker || !s.row || s.row.strength !== 'header') break;
      members.unshift(j);
      first = j;
    }
    const above = first - 1;
    let caption: number | undefined;
    if (above >= from && !hasValues(lines[first], shapes[first]) && isCaption(lines[above], shapes[above])) {
      members.unshift(above);
      first = above;
      caption = above;
    }
    if (qualifies(lines, shapes, members, strongRows)) blocks.push({ start: first, end: last, lines: members, caption });
    i = last + 1;
  }
  return blocks;
}

/**
 * Two rows with cells, or one that is plainly tabular: three cells or a value. Markdown separator rows
 * (|---|---|) hold no cells and do not count: a block of them alone is no table.
 */
function qualifies(lines: readonly string[], shapes: readonly LineShape[], members: number[], strongRows: number): boolean {
  const withCells = members.filter((m) => shapes[m].row && shapes[m].row!.strength === 'strong' && shapes[m].row!.format !== 'rule');
  if (withCells.length === 0) return false;
  if (strongRows >= 2 && withCells.length >= 2) return true;
  const row = shapes[withCells[0]];
  return row.row!.cells.length >= 3 || hasValues(lines[withCells[0]], row);
}

/**
 * A cell keeps its line and offsets and makes its range when asked: three objects fewer per cell, which in a
 * compilation of reports with their tables (10 MB, 40,000 cells) is 4 MB of the server's memory.
 */
class Cell implements TableCell {
  column = 0;
  constructor(
    readonly text: string,
    private readonly line: number,
    private readonly start: number,
    private readonly end: number,
    readonly value: number | undefined,
    readonly empty: boolean,
  ) {}

  get range(): Range {
    return range(this.line, this.start, this.line, this.end);
  }

  /** As plain data, range included (a getter is not serialised). */
  toJSON(): Omit<TableCell, 'range'> & { range: Range } {
    return { text: this.text, range: this.range, column: this.column, value: this.value, empty: this.empty };
  }
}

function range(l1: number, c1: number, l2: number, c2: number): Range {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}

/** Markers of levels 一、 （一） 1. （1） at a label's start, for carrying group labels down. */
function labelLevel(label: string): number {
  if (/^[一二三四五六七八九十]+[、，,.．]/.test(label)) return 1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(label)) return 2;
  if (/^[0-9０-９]+[.．、，,]/.test(label)) return 3;
  if (/^[（(][0-9０-９]+[）)]/.test(label)) return 4;
  return 0;
}

/** Builds the tables of the lines [from, to). `sectionOf` is set by the caller. */
export function readTables(lines: readonly string[], shapes: readonly LineShape[], from: number, to: number): Table[] {
  return findBlocks(lines, shapes, from, to).map((b, index) => buildTable(lines, shapes, b, index));
}

function buildTable(lines: readonly string[], shapes: readonly LineShape[], block: Block, index: number): Table {
  const formats = new Map<TableFormat, number>();
  for (const i of block.lines) {
    const row = shapes[i].row;
    if (row && row.strength !== 'header' && row.format !== 'rule') formats.set(row.format as TableFormat, (formats.get(row.format as TableFormat) ?? 0) + 1);
  }
  let format: TableFormat = 'tab';
  let best = 0;
  for (const [f, n] of formats) if (n > best) { best = n; format = f; }
  const rows: TableRow[] = [];
  for (const i of block.lines) {
    const s = shapes[i];
    const line = lines[i];
    if (s.row?.format === 'rule') continue;
    // Words separated by spaces are cells only in a table of spaced cells: in a TAB table, 「第二十条 第（五）项」
    // is one cell.
    const cellsOfRow = s.row && i !== block.caption && (s.row.strength !== 'header' || format === 'spaced');
    const spans = cellsOfRow ? s.row!.cells : [[s.start, s.end] as const];
    const cells: TableCell[] = spans.map(([a, b]) => {
      const text = line.slice(a, b);
      const value = cellNumber(text);
      return new Cell(text, i, a, b, value, value === undefined && isNoneCell(text));
    });
    let valueStart = cells.length;
    let hasNumber = false;
    let marked = false;
    while (valueStart > 0 && (cells[valueStart - 1].value !== undefined || cells[valueStart - 1].empty)) {
      if (cells[valueStart - 1].value !== undefined) hasNumber = true;
      if (cells[valueStart - 1].text.length > 0) marked = true;
      valueStart--;
    }
    // A labelled row of 「/」「—」 only is data too: it says "none" in every column.
    const isData = hasNumber || (marked && valueStart > 0 && valueStart < cells.length);
    if (!isData) valueStart = cells.length;
    const lineRange = range(i, cells[0]?.range.start.character ?? s.start, i, cells[cells.length - 1]?.range.end.character ?? s.end);
    rows.push({ line: i, range: lineRange, kind: isData ? 'data' : 'header', cells, valueStart, labels: [], ownLabelCount: 0 });
  }
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  classifyTextRows(rows);
  labelDataRows(rows);
  for (const r of rows) r.cells.forEach((c, k) => { c.column = width - r.cells.length + k; });
  const first = rows[0];
  const last = rows[rows.length - 1];
  const caption: TextSpan | undefined = first.kind === 'caption' && first.cells[0] ? { text: first.cells[0].text, range: first.cells[0].range } : undefined;
  return {
    index,
    format,
    range: { start: first.range.start, end: last.range.end },
    startLine: block.start,
    endLine: block.end,
    rows,
    width,
    caption,
    section: undefined,
  };
}

/**
 * Rows without values: a single cell that introduces what follows (a header row comes next, or nothing has come
 * yet) is a caption (「第二十条第（五）项」); a single cell between data rows is a label wrapped onto its own line
 * (it belongs to the data row after it); several cells are a header.
 */
function classifyTextRows(rows: TableRow[]): void {
  let seenData = false;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r.kind === 'data') {
      seenData = true;
      continue;
    }
    const nonEmpty = r.cells.filter((c) => c.text.length > 0).length;
    const next = rows[k + 1];
    if (nonEmpty <= 1) {
      const introduces = !seenData || (next !== undefined && next.kind !== 'data');
      r.kind = introduces && labelLevel(r.cells[0]?.text ?? '') === 0 ? 'caption' : 'label';
    } else {
      // Several cells without values: the header of what follows, also between two parts of a table (表二).
      r.kind = 'header';
    }
    if (r.kind === 'caption') seenData = false;
  }
}

/** Each data row's labels: its own label cells, after the label rows just above it and the group labels carried down. */
function labelDataRows(rows: TableRow[]): void {
  let carried: string[] = [];
  let pending: string[] = [];
  for (const r of rows) {
    if (r.kind === 'caption' || r.kind === 'header') {
      carried = [];
      pending = [];
      continue;
    }
    if (r.kind === 'label') {
      pending.push(r.cells.map((c) => c.text).join(''));
      continue;
    }
    if (r.kind !== 'data') continue;
    const own = r.cells.slice(0, r.valueStart).map((c) => c.text).filter((t) => t.length > 0);
    if (pending.length > 0) {
      // The wrapped first part of the label stands on the lines above.
      if (own.length > 0) own[0] = pending.join('') + own[0];
      else own.push(pending.join(''));
      pending = [];
    }
    r.ownLabelCount = own.length;
    r.labels = [...carry(carried, own), ...own];
    carried = r.labels;
  }
}

/**
 * Which labels of the previous data row carry onto a row whose first cells were merged into the rows above:
 * 「2.其他法律行政法规禁止公开」 under 「（三）不予公开」. With heading-like numbers, the labels of higher levels
 * carry (「（七）总计」 keeps 「三、本年度办理结果」, 「四、…」 keeps none); without, as many as the row lacks.
 */
function carry(previous: string[], own: string[]): string[] {
  if (own.length === 0) return previous;
  const level = labelLevel(own[0]);
  if (level > 0) {
    const out: string[] = [];
    for (const p of previous) {
      const l = labelLevel(p);
      if (l > 0 && l < level) out.push(p);
      else break;
    }
    return out;
  }
  return own.length < previous.length ? previous.slice(0, previous.length - own.length) : [];
}

/**
 * The label of each column for a data row, from the header rows above it (since the last caption): the nearest
 * header row with a cell for every column, or with one for every value (right-aligned, one more labelling the
 * label column, 「信息内容」). Columns it cannot place stay undefined.
 */
export function columnLabels(table: Table, row: TableRow): (string | undefined)[] {
  const labels: (string | undefined)[] = new Array(table.width).fill(undefined);
  const valueCount = row.cells.length - row.valueStart;
  const at = table.rows.indexOf(row);
  for (let h = at - 1; h >= 0; h--) {
    const r = table.rows[h];
    if (r.kind === 'caption') break;
    if (r.kind !== 'header') continue;
    const cells = r.cells.filter((c) => c.text.length > 0);
    if (cells.length === table.width) {
      cells.forEach((c, k) => { labels[k] = c.text; });
      return labels;
    }
    if (valueCount > 0 && (cells.length === valueCount || cells.length === valueCount + 1)) {
      cells.forEach((c, k) => { labels[table.width - cells.length + k] = c.text; });
      return labels;
    }
  }
  return labels;
}
