// Line-level facts that depend on nothing but the line's own text, so they can be cached by text and
// reused across document versions: an edit re-examines only the lines it touched.

import { findEnumerations, matchHeadingMarker, type MarkerMatch } from './numbering';
import { rowShape, type RowShape } from './rows';

/** Spaces a report may indent with: ASCII, full-width (U+3000), no-break, BOM, zero-width and thin spaces. */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x0b || c === 0x0c;
}

export function skipSpaces(line: string, from: number): number {
  let i = from;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

export function trimEndIndex(line: string, from: number): number {
  let e = line.length;
  while (e > from && isSpace(line.charCodeAt(e - 1))) e--;
  return e;
}

// Leftovers of .docx → text conversion that sit at a line start (pandoc writes Word bookmarks this way).
const ARTIFACT_AT_START = /^\[(?:bookmark:[^\]\n]{0,80}|_(?:GoBack|Toc\d+|Hlk\d+)[^\]\n]{0,40})\]/;
// Markdown heading hashes: a report kept as Markdown still numbers its headings in text.
const MARKDOWN_HASHES = /^#{1,6}[ \t]+/;

export interface LineShape {
  /** True when the line holds nothing but spaces (and conversion leftovers). */
  blank: boolean;
  /** First character of content, after indentation, Markdown hashes and leftovers. */
  start: number;
  /** Just past the last non-space character. */
  end: number;
  artifacts: readonly (readonly [number, number])[] | undefined;
  marker: MarkerMatch | undefined;
  titleStart: number;
  titleEnd: number;
  /** Start of the body text after a run-in heading, or -1. */
  bodyStart: number;
  enumerations: ReturnType<typeof findEnumerations>;
  /** The line carries a full stop, so it reads as running text rather than a title or a signature line. */
  hasFullStop: boolean;
  /** How the line would read as a table row; whether it is one depends on the lines around it. */
  row: RowShape | undefined;
}

export function shapeLine(line: string): LineShape {
  let i = skipSpaces(line, 0);
  let artifacts: [number, number][] | undefined;
  for (;;) {
    const c = line.charCodeAt(i);
    if (c === 0x5b /* [ */) {
      const m = ARTIFACT_AT_START.exec(line.slice(i, i + 128));
      if (!m) break;
      (artifacts ??= []).push([i, i + m[0].length]);
      i = skipSpaces(line, i + m[0].length);
    } else if (c === 0x23 /* # */) {
      const m = MARKDOWN_HASHES.exec(line.slice(i, i + 16));
      if (!m) break;
      i = skipSpaces(line, i + m[0].length);
    } else {
      break;
    }
  }
  const end = trimEndIndex(line, i);
  if (i >= end) {
    return { blank: true, start: end, end, artifacts, marker: undefined, titleStart: end, titleEnd: end, bodyStart: -1, enumerations: [], hasFullStop: false, row: undefined };
  }
  const fullStop = line.indexOf('。', i);
  const hasFullStop = fullStop >= 0 && fullStop < end;
  const marker = matchHeadingMarker(line, i);
  const row = rowShape(line, i, end);
  if (!marker) {
    return { blank: false, start: i, end, artifacts, marker, titleStart: i, titleEnd: i, bodyStart: -1, enumerations: findEnumerations(line, i), hasFullStop, row };
  }
  const titleStart = skipSpaces(line, marker.end);
  let titleEnd = end;
  let bodyStart = -1;
  if (hasFullStop && fullStop >= titleStart) {
    titleEnd = fullStop;
    while (titleEnd > titleStart && isSpace(line.charCodeAt(titleEnd - 1))) titleEnd--;
    const afterStop = skipSpaces(line, fullStop + 1);
    if (afterStop < end) bodyStart = afterStop;
  }
  if (titleEnd < titleStart) titleEnd = titleStart;
  const enumerations = bodyStart >= 0 ? findEnumerations(line, bodyStart) : [];
  return { blank: false, start: i, end, artifacts, marker, titleStart, titleEnd, bodyStart, enumerations, hasFullStop, row };
}
