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

import { cellText } from './cells';
import { nearest, overlapping, valueColumns, type Column } from './columns';
import type { PageLine } from './lines';
import { classify, isValueText, type TableLine } from './table-line';
import { joinWrappedHeaders, joinWrappedLabels } from './wrapped-cells';

/** At most this many lines of one segment (a caption, a wrapped label) between rows keep a table together. */
const MAX_GAP_LINES = 3;
/** Longest line of one segment inside a table. */
const MAX_INNER_TEXT = 60;

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
