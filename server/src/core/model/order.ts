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

/** Index of the last value at or before `value` in `sorted` (ascending, sorted[0] <= value): a line's start among
 * line starts, a page's first line among pages' first lines. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
