// Tables from word positions. A PDF draws a table's cells as text at column positions; the text layer knows no
// table. Lines that fall into segments (lines.ts) and follow one another are a table; each row becomes one line
// with TAB between cells, the shape the core's table reader takes (server/src/core/model/rows.ts):
// - the value columns of each part of the table (the header lines above its data rows, then the data rows) are
//   found from where its numbers stand, and from its header cells above columns that have no number at all, so
//   that an empty cell stays an empty cell (TAB TAB) and the columns of 表三 stay aligned;
// - a data row is its label cells, then one cell per value column, empty where the row has nothing;
// - a header row is its cells as they stand: a header cell over several columns is one cell, as the .docx
//   reader writes a merged cell;
// - a label wrapped onto lines of its own in its cell joins its row (lines below a row, or just above it when the
//   cell's text is centred beside the row's values).
// A run of lines with a wide gap is a table only when it has values or its cells line up from line to line: two
// lines of prose spread by justification are not.

import { cellText, joinCellLines } from './cells';
import type { PageLine, Segment } from './lines';

/** A line of more segments is no table row of a report; more value columns than this are not looked for. */
const MAX_CELLS = 200;
const MAX_COLUMNS = 200;
/** At most this many lines of one segment (a caption, a wrapped label) between rows keep a table together. */
const MAX_GAP_LINES = 3;
/** Longest line of one segment inside a table. */
const MAX_INNER_TEXT = 60;

/** 「12」「1,234」「24252.311082」「98%」, or a mark for none: 「/」「-」「—」「无」. */
const VALUE = /^(?:[-+－]?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?\s*[%％]?|[/／\\]|[-－—–―]{1,2}|无)$/;

export function isValueText(text: string): boolean {
  return text.length <= 24 && VALUE.test(text.replace(/ /g, ''));
}

/** A table found: lines [start, end) of the input, read as `rows`. */
export interface TableRun {
  start: number;
  end: number;
  rows: { text: string; page: number }[];
}

/** The tables among `lines` (a document's body lines in reading order). */
export function findTables(lines: readonly PageLine[]): TableRun[] {
  const runs: TableRun[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].segments.length < 2) {
      i++;
      continue;
    }
    // Extend downwards over rows, and over a few short lines of one segment when a row follows them.
    let end = i + 1;
    let rowLines = 1;
    for (;;) {
      let j = end;
      while (j < lines.length && j - end < MAX_GAP_LINES && lines[j].segments.length === 1 && isInnerText(lines[j].segments[0].text)) j++;
      if (j < lines.length && lines[j].segments.length >= 2) {
        end = j + 1;
        rowLines++;
      } else {
        break;
      }
    }
    if (rowLines >= 2 && looksTabular(lines.slice(i, end))) {
      // Header cells of one line each just above the first row (a cell over all the columns, a cell merged down
      // the header's rows) belong to the table: short lines of its size, close above it, after the last table.
      let start = i;
      const floor = runs.length > 0 ? runs[runs.length - 1].end : 0;
      while (start > floor && i - start < MAX_GAP_LINES && isHeaderAbove(lines[start - 1], lines[start])) start--;
      runs.push({ start, end, rows: tableRows(lines.slice(start, end)) });
      i = end;
    } else {
      i++;
    }
  }
  return runs;
}

/** A line with a value after a gap, or two lines with a cell starting, ending or centred at one place. */
function looksTabular(lines: readonly PageLine[]): boolean {
  const seen = new Map<string, PageLine>();
  for (const line of lines) {
    if (line.segments.length < 2) continue;
    const grain = line.size / 2;
    for (let k = 1; k < line.segments.length; k++) {
      const s = line.segments[k];
      if (isValueText(s.text)) return true;
      for (const [kind, x] of [['l', s.x0], ['r', s.x1], ['c', (s.x0 + s.x1) / 2]] as const) {
        const bucket = Math.floor(x / grain);
        for (const key of [`${kind}${bucket - 1}`, `${kind}${bucket}`, `${kind}${bucket + 1}`]) {
          const other = seen.get(key);
          if (other && other !== line) return true;
        }
        seen.set(`${kind}${bucket}`, line);
      }
    }
  }
  return false;
}

function isHeaderAbove(line: PageLine, below: PageLine): boolean {
  return line.segments.length === 1 && isInnerText(line.segments[0].text) && line.page === below.page &&
    Math.abs(line.size - below.size) <= 0.15 * below.size && below.y - line.y <= 3 * below.size;
}

function isInnerText(text: string): boolean {
  return text.length <= MAX_INNER_TEXT && !text.includes('。');
}

/** A line of a table: a data row (it has values), a header row (several cells, no value) or a single cell. */
interface TableLine {
  line: PageLine;
  kind: 'data' | 'header' | 'single';
  /** The label cells of a data row: its segments before its first value, and wrapped lines joined to them. */
  labels: Segment[];
  /** The value cells of a data row, in x order. */
  values: Segment[];
  /** Joined to another line: a label or header cell wrapped onto this line. */
  joined: boolean;
  /** The baseline of its last line, once lines wrapped below it are joined to it. */
  bottom: number;
}

function classify(line: PageLine): TableLine {
  const segs = line.segments;
  const first = segs.length > MAX_CELLS ? -1 : segs.findIndex((s) => isValueText(s.text));
  if (first >= 0) {
    return { line, kind: 'data', labels: segs.slice(0, first).map((s) => ({ ...s })), values: segs.slice(first), joined: false, bottom: line.y };
  }
  // Copies: a header's cells grow as the lines it wraps onto join it.
  return { line: { ...line, segments: segs.map((s) => ({ ...s })) }, kind: segs.length >= 2 ? 'header' : 'single', labels: [], values: [], joined: false, bottom: line.y };
}

/** The rows of one table: its lines, each part (header lines, then data rows) with its own value columns. */
function tableRows(lines: readonly PageLine[]): { text: string; page: number }[] {
  const table = lines.map(classify);
  const rows: { text: string; page: number }[] = [];
  let k = 0;
  while (k < table.length) {
    // A part: header and single lines, then data rows (and single lines among them), up to the next header line.
    let end = k;
    while (end < table.length && table[end].kind !== 'data') end++;
    while (end < table.length && table[end].kind !== 'header') end++;
    const part = table.slice(k, end);
    joinWrappedHeaders(part);
    const columns = valueColumns(part.filter((t) => !t.joined));
    joinWrappedLabels(part, columns);
    for (const t of part) {
      if (t.joined || t.line.segments.length === 0) continue;
      const text = t.kind === 'data' ? dataRow(t, columns) : t.line.segments.map((s) => cellText(s.text)).join('\t');
      rows.push({ text, page: t.line.page });
    }
    k = end;
  }
  return rows;
}

/** Lines of one table row are at most this far apart, baseline to baseline (in font sizes). */
const WRAP_PITCH = 1.6;

function sameSize(a: PageLine, b: PageLine): boolean {
  return Math.abs(a.size - b.size) <= 0.15 * Math.max(a.size, b.size);
}

/**
 * Header cells wrapped in their cells (「本年」 over 「制发」 over 「件数」 in a narrow column, 表三's note over three
 * lines), whose lines may fall between the lines of other header cells (a cell merged down several rows is
 * centred among them): each piece of a header line joins the cell just above it, within a line's pitch, when it
 * is the only piece of its line under that cell and that cell the only one above it. The header lines are those
 * before the part's first data row.
 */
function joinWrappedHeaders(part: readonly TableLine[]): void {
  let open: { cell: Segment; line: TableLine; y: number }[] = [];
  for (const t of part) {
    if (t.kind === 'data') break;
    if (t.joined || t.line.segments.length > MAX_CELLS) continue;
    const reach = WRAP_PITCH * t.line.size;
    open = open.filter((o) => t.line.y - o.y <= reach && o.line.line.page === t.line.page && sameSize(o.line.line, t.line));
    const segments = t.line.segments;
    const kept: Segment[] = [];
    const added: typeof open = [];
    for (const seg of segments) {
      const above = open.filter((o) => o.line !== t && overlaps(o.cell, seg));
      const target = above.length === 1 ? above[0] : undefined;
      if (target && segments.filter((other) => overlaps(target.cell, other)).length === 1) {
        target.cell.text = joinCellLines(target.cell.text, seg.text);
        target.cell.x0 = Math.min(target.cell.x0, seg.x0);
        target.cell.x1 = Math.max(target.cell.x1, seg.x1);
        target.y = t.line.y;
        target.line.bottom = Math.max(target.line.bottom, t.line.y);
      } else {
        kept.push(seg);
        added.push({ cell: seg, line: t, y: t.line.y });
      }
    }
    if (kept.length !== segments.length) {
      t.line.segments = kept;
      if (kept.length === 0) t.joined = true;
      else if (kept.length === 1 && t.kind === 'header') t.kind = 'single';
    }
    open.push(...added);
  }
}

interface Column {
  x0: number;
  x1: number;
}

/** The usual distance between the centres of neighbouring columns; Infinity for fewer than two. */
function pitchOf(columns: readonly Column[]): number {
  const centres = columns.map((c) => (c.x0 + c.x1) / 2).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let k = 1; k < centres.length; k++) gaps.push(centres[k] - centres[k - 1]);
  if (gaps.length === 0) return Infinity;
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1];
}

function overlaps(a: Column, b: Column): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1;
}

/**
 * The value columns of a part of a table: where its values stand, taken from the rows with the most values
 * first (a value centred over several columns overlaps two of them and makes none), then where header cells right
 * of every label stand over no value at all: columns left empty on every row.
 */
function valueColumns(part: readonly TableLine[]): Column[] {
  // Kept sorted and apart (no two overlap), so that a column is found by bisection.
  const columns: Column[] = [];
  const add = (c: Column) => {
    if (columns.length < MAX_COLUMNS) columns.splice(firstEndingAfter(columns, c.x0), 0, { x0: c.x0, x1: c.x1 });
  };
  const data = part.filter((t) => t.kind === 'data').sort((a, b) => b.values.length - a.values.length);
  for (const t of data) {
    for (const v of t.values) {
      const hit = overlapping(columns, v, 2);
      if (hit.length === 0) add(v);
      else if (hit.length === 1) {
        const k = hit[0];
        const x0 = Math.min(columns[k].x0, v.x0);
        const x1 = Math.max(columns[k].x1, v.x1);
        if ((k === 0 || columns[k - 1].x1 <= x0) && (k === columns.length - 1 || columns[k + 1].x0 >= x1)) columns[k] = { x0, x1 };
      }
    }
  }
  if (columns.length === 0) return columns;
  const labelEdge = data.reduce((m, t) => t.labels.reduce((n, l) => Math.max(n, l.x1), m), -Infinity);
  const valuePitch = pitchOf(columns);
  const headers = part.filter((t) => t.kind === 'header').sort((a, b) => b.line.segments.length - a.line.segments.length);
  for (const t of headers) {
    const cells = t.line.segments.filter((seg) => seg.x0 > labelEdge);
    // A column stands at least most of a column's width from the others: a header cell centred over two columns
    // (over the line between them) is not a column of its own.
    const pitch = Math.min(valuePitch, pitchOf(cells));
    for (const seg of cells) {
      const centre = (seg.x0 + seg.x1) / 2;
      const k = nearest(columns, centre);
      const tooClose = [k - 1, k, k + 1].some((j) => j >= 0 && j < columns.length && Math.abs((columns[j].x0 + columns[j].x1) / 2 - centre) < 0.6 * pitch);
      if (!tooClose && overlapping(columns, seg, 1).length === 0) add(seg);
    }
  }
  return columns;
}

/** The index of the first of the sorted, disjoint `columns` that ends after `x`. */
function firstEndingAfter(columns: readonly Column[], x: number): number {
  let lo = 0;
  let hi = columns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (columns[mid].x1 <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The indexes of the first `most` columns that `seg` overlaps. */
function overlapping(columns: readonly Column[], seg: Column, most: number): number[] {
  const out: number[] = [];
  for (let k = firstEndingAfter(columns, seg.x0); k < columns.length && columns[k].x0 < seg.x1 && out.length < most; k++) out.push(k);
  return out;
}

/** The index of the column whose centre is nearest `x` (the columns are sorted and disjoint). */
function nearest(columns: readonly Column[], x: number): number {
  const k = firstEndingAfter(columns, x);
  const centre = (j: number) => (columns[j].x0 + columns[j].x1) / 2;
  if (k >= columns.length) return columns.length - 1;
  return k > 0 && Math.abs(centre(k - 1) - x) < Math.abs(centre(k) - x) ? k - 1 : k;
}

/**
 * Single lines left of the value columns that continue a data row's label cell: a label wrapped in its cell.
 * Lines below a row join it while each is within a line's pitch of the last (a cell's text starts at its top);
 * then, upwards, lines just above a row join it (a cell whose text is centred beside the row's values).
 */
function joinWrappedLabels(part: readonly TableLine[], columns: readonly Column[]): void {
  if (columns.length === 0) return;
  const valuesStart = columns[0].x0;
  const wrapped = new Map<Segment, { above: string[]; below: string[] }>();
  const candidate = (t: TableLine) =>
    t.kind === 'single' && !t.joined && t.line.segments[0].x1 <= valuesStart && !isValueText(t.line.segments[0].text);
  const tops = new Map<TableLine, number>();
  const join = (s: TableLine, row: TableLine, above: boolean): boolean => {
    if (row.line.page !== s.line.page || !sameSize(row.line, s.line)) return false;
    const gap = above ? (tops.get(row) ?? row.line.y) - s.line.y : s.line.y - row.bottom;
    if (gap < 0 || gap > WRAP_PITCH * s.line.size) return false;
    const seg = s.line.segments[0];
    let cell = row.labels.find((l) => overlaps(l, seg));
    // A line under none of the row's labels is not one of them (a caption, a heading after the table).
    if (!cell && row.labels.length > 0) return false;
    if (!cell) {
      cell = { text: '', x0: seg.x0, x1: seg.x1 };
      row.labels.push(cell);
    }
    let pieces = wrapped.get(cell);
    if (!pieces) wrapped.set(cell, (pieces = { above: [], below: [] }));
    if (above) {
      pieces.above.unshift(seg.text);
      tops.set(row, s.line.y);
    } else {
      pieces.below.push(seg.text);
      row.bottom = s.line.y;
    }
    s.joined = true;
    return true;
  };
  // The data row after each line (same page), so that a line nearer the next row than the last is left for it.
  const following: (TableLine | undefined)[] = new Array(part.length);
  for (let k = part.length - 1, after: TableLine | undefined; k >= 0; k--) {
    following[k] = after;
    if (part[k].kind === 'data') after = part[k];
    else if (part[k].kind === 'header') after = undefined;
  }
  let previous: TableLine | undefined;
  part.forEach((t, k) => {
    if (t.kind === 'data') previous = t;
    else if (t.kind === 'header') previous = undefined;
    else if (previous && candidate(t)) {
      const after = following[k];
      const nearerAfter = after && after.line.page === t.line.page && after.line.y - t.line.y < t.line.y - previous.bottom;
      if (!nearerAfter) join(t, previous, false);
    }
  });
  let next: TableLine | undefined;
  for (let k = part.length - 1; k >= 0; k--) {
    const t = part[k];
    if (t.kind === 'data') next = t;
    else if (t.kind === 'header') next = undefined;
    else if (next && candidate(t)) join(t, next, true);
  }
  for (const [cell, { above, below }] of wrapped) cell.text = [...above, cell.text, ...below].reduce(joinCellLines, '');
}

function dataRow(t: TableLine, columns: readonly Column[]): string {
  const cells: string[] = new Array(columns.length).fill('');
  const extra: string[] = [];
  for (const v of t.values) {
    const text = cellText(v.text);
    const hit = overlapping(columns, v, 2);
    // The column the value stands in, else the nearest; a second value for a column (two crowded into one) goes to
    // a free neighbour, else after the columns rather than lost.
    const k = hit.length > 0 ? hit[0] : nearest(columns, (v.x0 + v.x1) / 2);
    const free = [k, ...hit.slice(1), k - 1, k + 1].find((j) => j >= 0 && j < cells.length && cells[j] === '');
    if (free !== undefined) cells[free] = text;
    else extra.push(text);
  }
  const labels = t.labels.filter((l) => l.text.length > 0).sort((a, b) => a.x0 - b.x0).map((l) => cellText(l.text));
  return [...labels, ...cells, ...extra].join('\t');
}
