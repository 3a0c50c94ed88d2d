// Page furniture: what a page prints around the text, which the report's text does not hold: page numbers
// (「- 3 -」「第3页」「3」「3/12」 alone at the top or the bottom of a page) and running headers and footers (the same
// line at the same place on most pages, numbers aside).

import { lineText, type PageLine } from './lines';

/** The top and bottom margins where furniture stands, as parts of the page's height. */
const MARGIN = 0.15;
/** At most this many lines at the top and at the bottom of a page are looked at. */
const EDGE_LINES = 2;
/** The longest running header or footer (in characters). */
const MAX_RUNNING = 60;
/** A running line stands within this many points of the same place on each page. */
const SAME_PLACE = 4;

const DASHES = '\\-－—–―─';
const PAGE_NUMBER = new RegExp(
  `^(?:\\d{1,3}|[${DASHES}]+\\d{1,4}[${DASHES}]+|第\\d{1,4}页(?:[,，]?共\\d{1,4}页)?|\\d{1,4}/\\d{1,4}|(?:第\\d{1,4}页)?/共\\d{1,4}页|[Pp]age\\d{1,4}(?:of\\d{1,4})?)$`,
);

/** The text compared: spaces gone, full-width digits and slashes as ASCII. */
function normalised(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c === 0x20 || c === 0x3000 || c === 0xa0) continue;
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
    else if (ch === '／') out += '/';
    else out += ch;
  }
  return out;
}

export function isPageNumber(text: string): boolean {
  const t = normalised(text);
  return t.length <= 24 && PAGE_NUMBER.test(t);
}

/** The lines of each page without its furniture. `heights` are the pages' heights in points. */
export function withoutFurniture(pages: readonly PageLine[][], heights: readonly number[]): PageLine[][] {
  const edges = pages.map((lines, p) => edgeLines(lines, heights[p]));
  const running = runningLines(edges);
  return pages.map((lines, p) => {
    const drop = new Set<PageLine>();
    for (const line of edges[p]) {
      const text = lineText(line);
      if ((line.segments.length === 1 && isPageNumber(text)) || isRunning(line, running)) drop.add(line);
    }
    return drop.size === 0 ? lines : lines.filter((l) => !drop.has(l));
  });
}

/** The first and last lines of a page that lie in its top and bottom margins. */
function edgeLines(lines: readonly PageLine[], height: number): PageLine[] {
  return lines.filter((line, i) =>
    (i < EDGE_LINES && line.y <= height * MARGIN) || (i >= lines.length - EDGE_LINES && line.y >= height * (1 - MARGIN)));
}

/** A line's text with its numbers as 「#」: a running header may carry the page number. */
function runningText(line: PageLine): string {
  return normalised(lineText(line)).replace(/\d+/g, '#');
}

/**
 * The running lines: for each text found among the edge lines of at least half of the pages (and of two at
 * least) at one place, that place (its baseline in points).
 */
function runningLines(edges: readonly PageLine[][]): Map<string, number> {
  const places = new Map<string, number[]>();
  for (const lines of edges) {
    for (const line of lines) {
      const key = runningText(line);
      // A header or footer names the report or the unit; a sentence is the report's own text.
      if (key.length > MAX_RUNNING || key.includes('。')) continue;
      let ys = places.get(key);
      if (!ys) places.set(key, (ys = []));
      ys.push(line.y);
    }
  }
  const needed = Math.max(2, Math.ceil(edges.length / 2));
  const found = new Map<string, number>();
  for (const [key, ys] of places) {
    if (ys.length < needed) continue;
    const median = [...ys].sort((a, b) => a - b)[ys.length >> 1];
    if (ys.filter((y) => Math.abs(y - median) <= SAME_PLACE).length >= needed) found.set(key, median);
  }
  return found;
}

function isRunning(line: PageLine, running: Map<string, number>): boolean {
  const y = running.get(runningText(line));
  return y !== undefined && Math.abs(line.y - y) <= SAME_PLACE;
}
