// Vertical cell text: a label in a narrow column printed one character per line (「行」「政」「复」「议」 stacked
// in the first column of a table) reads as one label again, placed as the first cell of the first row beside
// it, where a merged cell's text stands in the rows a table reader takes.

import type { PageLine, Segment } from './lines';

/** Characters of a stack are centred within this of each other (in font sizes). */
const SAME_COLUMN = 0.35;
/** Consecutive characters of a stack are at most this far apart, baseline to baseline (in font sizes). */
const STACK_PITCH = 1.6;
const IDEOGRAPH = /^[\u3400-\u9fff\uf900-\ufaff]$/;

interface StackChar {
  line: PageLine;
  segment: Segment;
  centre: number;
}

/** The lines of a page with each stack of single characters read as one label. */
export function joinVerticalLabels(lines: readonly PageLine[]): PageLine[] {
  const stacks = findStacks(lines);
  if (stacks.length === 0) return [...lines];
  const stacked = new Set<Segment>(stacks.flatMap((s) => s.map((c) => c.segment)));
  const out: PageLine[] = lines.map((l) => ({ ...l, segments: l.segments.filter((s) => !stacked.has(s)) }));
  const own: PageLine[] = [];
  for (const stack of stacks) {
    const label: Segment = {
      text: stack.map((c) => c.segment.text).join(''),
      x0: stack.reduce((m, c) => Math.min(m, c.segment.x0), Infinity),
      x1: stack.reduce((m, c) => Math.max(m, c.segment.x1), -Infinity),
    };
    const top = stack[0].line;
    const bottom = stack[stack.length - 1].line;
    const reach = top.size / 2;
    // The first row beside the stack, right of it; else the label stands on a line of its own at the stack's top.
    let row: PageLine | undefined;
    for (let k = firstAtOrBelow(out, top.y - reach); k < out.length && out[k].y <= bottom.y + reach; k++) {
      if (out[k].segments.length > 0 && out[k].segments[0].x0 >= label.x1) {
        row = out[k];
        break;
      }
    }
    if (row) row.segments.unshift(label);
    else own.push({ page: top.page, y: top.y, size: top.size, segments: [label] });
  }
  // Lines of their own go in at their place (a stable sort keeps the page's order of lines at one height).
  return [...out, ...own].filter((l) => l.segments.length > 0).sort((a, b) => a.y - b.y);
}

/** The index of the first line (lines are top to bottom) at or below `y`. */
function firstAtOrBelow(lines: readonly PageLine[], y: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].y < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Runs of at least two single ideographs, each alone in its segment, centred one above the other, close together.
 * Stacks are found through buckets of their last character's centre, so that each segment costs a few lookups.
 */
function findStacks(lines: readonly PageLine[]): StackChar[][] {
  const stacks: StackChar[][] = [];
  const byBucket = new Map<number, StackChar[]>();
  for (const line of lines) {
    const width = SAME_COLUMN * line.size;
    for (const segment of line.segments) {
      if (!IDEOGRAPH.test(segment.text)) continue;
      const centre = (segment.x0 + segment.x1) / 2;
      const bucket = Math.round(centre / width);
      const char: StackChar = { line, segment, centre };
      let stack: StackChar[] | undefined;
      for (const b of [bucket, bucket - 1, bucket + 1]) {
        const s = byBucket.get(b);
        const last = s?.[s.length - 1];
        if (last && last.line !== line && line.y - last.line.y <= STACK_PITCH * line.size && Math.abs(last.centre - centre) <= width) {
          stack = s;
          break;
        }
      }
      if (stack) {
        stack.push(char);
      } else {
        stack = [char];
        stacks.push(stack);
      }
      byBucket.set(bucket, stack);
    }
  }
  return stacks.filter((s) => s.length >= 2).sort((a, b) => a[0].line.y - b[0].line.y);
}
