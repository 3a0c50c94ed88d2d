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
  for (const stack of stacks) {
    const label: Segment = {
      text: stack.map((c) => c.segment.text).join(''),
      x0: Math.min(...stack.map((c) => c.segment.x0)),
      x1: Math.max(...stack.map((c) => c.segment.x1)),
    };
    const top = stack[0].line;
    const bottom = stack[stack.length - 1].line;
    const reach = top.size / 2;
    // The first row beside the stack, right of it; else the label stands on a line of its own at the stack's top.
    const row = out.find((l) => l.segments.length > 0 && l.y >= top.y - reach && l.y <= bottom.y + reach && l.segments[0].x0 >= label.x1);
    if (row) row.segments.unshift(label);
    else out.splice(out.indexOf(out.find((l) => l.y >= top.y) ?? out[out.length - 1]), 0, { page: top.page, y: top.y, size: top.size, segments: [label] });
  }
  return out.filter((l) => l.segments.length > 0);
}

/** Runs of at least two single ideographs, each alone in its segment, centred one above the other, close together. */
function findStacks(lines: readonly PageLine[]): StackChar[][] {
  const open: StackChar[][] = [];
  const done: StackChar[][] = [];
  for (const line of lines) {
    const pitch = STACK_PITCH * line.size;
    // Stacks that this line is too far below to continue are finished.
    for (let k = open.length - 1; k >= 0; k--) {
      const last = open[k][open[k].length - 1];
      if (line.y - last.line.y > pitch) {
        if (open[k].length >= 2) done.push(open[k]);
        open.splice(k, 1);
      }
    }
    for (const segment of line.segments) {
      if (!IDEOGRAPH.test(segment.text)) continue;
      const centre = (segment.x0 + segment.x1) / 2;
      const char: StackChar = { line, segment, centre };
      const stack = open.find((s) => Math.abs(s[s.length - 1].centre - centre) <= SAME_COLUMN * line.size && s[s.length - 1].line !== line);
      if (stack) stack.push(char);
      else open.push([char]);
    }
  }
  for (const s of open) if (s.length >= 2) done.push(s);
  return done.sort((a, b) => a[0].line.y - b[0].line.y);
}
