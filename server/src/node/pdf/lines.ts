// Pieces of text into lines, as a reader sees them: pieces on one baseline are one line, read left to right,
// and a line falls into segments where a gap is wider than any space between words: the cells of a table row.

import type { TextPiece } from './pieces';

/** Text that reads as one run on its line: a whole line of prose, or one cell of a table row. */
export interface Segment {
  text: string;
  x0: number;
  x1: number;
}

export interface PageLine {
  /** Index of the page, from 0. */
  page: number;
  /** Baseline, in points from the page's top. */
  y: number;
  /** The largest font size on the line. */
  size: number;
  segments: Segment[];
}

/** Baselines closer than this (in font sizes) are one line: superscripts and a cell's centring stay on it. */
const SAME_LINE = 0.4;
/** A gap wider than this (in font sizes) separates segments; narrower ones are spaces between words, or none. */
export const SEGMENT_GAP = 0.9;
/** A gap at least this wide (in font sizes) inside a segment is a space. */
const SPACE_GAP = 0.15;
/** A piece drawn again over itself (bold faked by printing twice) is within this of the first (in font sizes). */
const OVERPRINT = 0.3;

/** The lines of one page, top to bottom. */
export function pageLines(page: number, pieces: readonly TextPiece[]): PageLine[] {
  const sorted = pieces.map((p) => ({ ...p, text: p.text.trim() })).filter((p) => p.text.length > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextPiece[][] = [];
  let current: TextPiece[] = [];
  let baseline = 0;
  for (const p of sorted) {
    if (current.length > 0 && p.y - baseline <= SAME_LINE * Math.min(p.size, current[0].size)) {
      current.push(p);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [p];
    baseline = p.y;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((g) => lineOf(page, g));
}

function lineOf(page: number, pieces: TextPiece[]): PageLine {
  pieces.sort((a, b) => a.x - b.x);
  const kept = dropOverprints(pieces);
  const size = kept.reduce((m, p) => Math.max(m, p.size), 0);
  const segments: Segment[] = [];
  let seg: Segment | undefined;
  for (const p of kept) {
    const gap = seg ? p.x - seg.x1 : 0;
    if (seg && gap <= SEGMENT_GAP * p.size) {
      seg.text += (gap >= SPACE_GAP * p.size ? ' ' : '') + p.text;
      seg.x1 = Math.max(seg.x1, p.x + p.width);
    } else {
      seg = { text: p.text, x0: p.x, x1: p.x + p.width };
      segments.push(seg);
    }
  }
  return { page, y: pieces.reduce((s, p) => s + p.y, 0) / pieces.length, size, segments };
}

/** Pieces sorted by x without the copies of a piece printed again just beside itself. */
function dropOverprints(pieces: TextPiece[]): TextPiece[] {
  const kept: TextPiece[] = [];
  for (const p of pieces) {
    const near = OVERPRINT * p.size;
    let copy = false;
    // Only the last few kept pieces can be that close: they are sorted by x.
    for (let k = kept.length - 1; k >= 0 && k >= kept.length - 4; k--) {
      const q = kept[k];
      if (q.text === p.text && Math.abs(q.x - p.x) <= near && Math.abs(q.y - p.y) <= near) {
        copy = true;
        break;
      }
    }
    if (!copy) kept.push(p);
  }
  return kept;
}

/** The text of a line read as prose: its segments, a space between them. */
export function lineText(line: PageLine): string {
  return line.segments.map((s) => s.text).join(' ');
}

export function lineLeft(line: PageLine): number {
  return line.segments[0].x0;
}

export function lineRight(line: PageLine): number {
  return line.segments[line.segments.length - 1].x1;
}
