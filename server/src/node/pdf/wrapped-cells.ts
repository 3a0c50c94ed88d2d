// Cells whose text a table's narrow columns wrapped over several lines, read whole: header cells (「本年」 over
// 「制发」 over 「件数」, 表三's note merged down the header's rows) and row labels (「（二）部分公开（区分处理的，」 over
// 「只计这一情形，不计其他情形）」), as the .docx reader joins a cell's paragraphs.

import { joinCellLines } from './cells';
import { overlaps, type Column } from './columns';
import type { PageLine, Segment } from './lines';
import { isValueText, MAX_CELLS, type TableLine } from './table-line';

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
export function joinWrappedHeaders(part: readonly TableLine[]): void {
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

/**
 * Single lines left of the value columns that continue a data row's label cell: a label wrapped in its cell.
 * Lines below a row join it while each is within a line's pitch of the last (a cell's text starts at its top);
 * then, upwards, lines just above a row join it (a cell whose text is centred beside the row's values).
 */
export function joinWrappedLabels(part: readonly TableLine[], columns: readonly Column[]): void {
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

