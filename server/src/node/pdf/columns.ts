// The value columns of a part of a table, from where its values stand and, for a column no row fills, from its
// header cells; kept sorted and apart, so that a value's column is found by bisection.

import type { TableLine } from './table-line';

/** More value columns than this are not looked for. */
const MAX_COLUMNS = 200;

export interface Column {
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

export function overlaps(a: Column, b: Column): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1;
}

/**
 * The value columns of a part of a table: where its values stand, taken from the rows with the most values
 * first (a value centred over several columns overlaps two of them and makes none), then where header cells right
 * of every label stand over no value at all: columns left empty on every row.
 */
export function valueColumns(part: readonly TableLine[]): Column[] {
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
export function overlapping(columns: readonly Column[], seg: Column, most: number): number[] {
  const out: number[] = [];
  for (let k = firstEndingAfter(columns, seg.x0); k < columns.length && columns[k].x0 < seg.x1 && out.length < most; k++) out.push(k);
  return out;
}

/** The index of the column whose centre is nearest `x` (the columns are sorted and disjoint). */
export function nearest(columns: readonly Column[], x: number): number {
  const k = firstEndingAfter(columns, x);
  const centre = (j: number) => (columns[j].x0 + columns[j].x1) / 2;
  if (k >= columns.length) return columns.length - 1;
  return k > 0 && Math.abs(centre(k - 1) - x) < Math.abs(centre(k) - x) ? k - 1 : k;
}

