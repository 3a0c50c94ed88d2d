// The model keeps headings, paragraphs and figures in line order; features look them up by line.

/** Index of the first item on or after `line` in `items` (sorted by line): items.length when there is none. */
export function firstOnOrAfterLine(items: readonly { line: number }[], line: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
