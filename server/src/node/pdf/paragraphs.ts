// Lines of prose into paragraphs, one per line of text as the report was typed. A page breaks a paragraph
// into lines, and a page break breaks it again; a line joins the one before it when that one runs to the right
// edge of the text (a line the paragraph filled) and it does not start a paragraph of its own: it is not indented
// (where the report indents its paragraphs) and does not start with a heading number. In a report that does not
// indent, a line that ends a sentence ends its paragraph.

import { matchHeadingMarker } from '../../core/model/numbering';
import { lineLeft, lineRight, lineText, type PageLine } from './lines';
import { isWide, withoutJustification } from './spacing';

/** A line filled by its paragraph ends at most this far from the text's right edge (in font sizes). */
const FULL_LINE = 1.5;
/** A line starting at least this far right of the text's left edge is indented (in font sizes). */
const INDENT = 1;
/** The widest indent of a paragraph's first line (in font sizes): 「　　」 is two. */
const FIRST_LINE_INDENT = 4;
/** A page's own edges are measured when it has at least this many lines of prose; else the document's are used. */
const MIN_LINES_FOR_EDGES = 3;
const SENTENCE_END = /[。！？!?；;：:]["”’」』）)]*$/;

export interface ProseLine {
  line: PageLine;
  /** Its text without justification spaces. */
  text: string;
}

interface Edges {
  left: number;
  right: number;
}

/** Decides, for consecutive prose lines, whether the second continues the paragraph of the first. */
export class ParagraphJoiner {
  private readonly edges: (Edges | undefined)[] = [];
  private readonly documentEdges: Edges;
  private readonly indents: boolean;
  /** The size of most prose lines: the body text's. */
  private readonly bodySize: number;

  /** `prose`: every prose line of the document, for the text's edges. */
  constructor(prose: readonly PageLine[]) {
    const byPage = new Map<number, PageLine[]>();
    for (const l of prose) {
      let list = byPage.get(l.page);
      if (!list) byPage.set(l.page, (list = []));
      list.push(l);
    }
    this.documentEdges = edgesOf(prose) ?? { left: 0, right: 0 };
    for (const [page, lines] of byPage) {
      if (lines.length >= MIN_LINES_FOR_EDGES) this.edges[page] = edgesOf(lines);
    }
    const sizes = new Map<number, number>();
    for (const l of prose) sizes.set(Math.round(l.size), (sizes.get(Math.round(l.size)) ?? 0) + 1);
    this.bodySize = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    // A paragraph's first line, indented, usually runs to the right edge: a centred title, a short line or a line
    // set to the right (a signature) is no sign.
    this.indents = prose.some((l) => {
      const indent = lineLeft(l) - this.edgesFor(l.page).left;
      return indent >= INDENT * l.size && indent <= FIRST_LINE_INDENT * l.size && isFull(l, this.edgesFor(l.page));
    });
  }

  private edgesFor(page: number): Edges {
    return this.edges[page] ?? this.documentEdges;
  }

  continues(previous: ProseLine, next: ProseLine): boolean {
    const before = this.edgesFor(previous.line.page);
    const after = this.edgesFor(next.line.page);
    if (this.isTitleLine(previous.line) || this.isTitleLine(next.line)) {
      // A long title is centred over two or three lines of its own, larger size.
      return this.isTitleLine(previous.line) && this.isTitleLine(next.line) && previous.line.page === next.line.page &&
        Math.abs(previous.line.size - next.line.size) < 0.5 && next.line.y - previous.line.y <= TITLE_PITCH * next.line.size &&
        isCentred(previous.line, before) && isCentred(next.line, after) && !SENTENCE_END.test(previous.text);
    }
    if (!isFull(previous.line, before)) return false;
    // A line of a paragraph starts at the left edge, or a first line's indent from it; a line set to the right
    // (a signature, a date) is a paragraph of its own, and so is the line after it.
    if (lineLeft(previous.line) - before.left > FIRST_LINE_INDENT * previous.line.size) return false;
    if (lineLeft(next.line) - after.left >= INDENT * next.line.size) return false;
    if (matchHeadingMarker(next.text, 0)) return false;
    return this.indents || !SENTENCE_END.test(previous.text);
  }

  /** A line set larger than the body text. */
  private isTitleLine(line: PageLine): boolean {
    return line.size >= TITLE_SIZE * this.bodySize;
  }
}

/** A title's lines are at least this much larger than the body text, and this close (in their font size). */
const TITLE_SIZE = 1.2;
const TITLE_PITCH = 2.5;

/** Centred between the text's edges, within two characters. */
function isCentred(line: PageLine, edges: Edges): boolean {
  return Math.abs(lineLeft(line) - edges.left - (edges.right - lineRight(line))) <= 2 * line.size;
}

function edgesOf(lines: readonly PageLine[]): Edges | undefined {
  if (lines.length === 0) return undefined;
  let left = Infinity;
  let right = -Infinity;
  for (const l of lines) {
    left = Math.min(left, lineLeft(l));
    right = Math.max(right, lineRight(l));
  }
  return { left, right };
}

function isFull(line: PageLine, edges: Edges): boolean {
  return lineRight(line) >= edges.right - FULL_LINE * line.size;
}

export function proseLine(line: PageLine): ProseLine {
  return { line, text: withoutJustification(lineText(line)) };
}

/** Two lines of a paragraph as one: a space only between Latin letters or digits (a word wrapped at the edge). */
export function joinLines(text: string, next: string): string {
  if (text.length === 0) return next;
  const a = text.charCodeAt(text.length - 1);
  const b = next.charCodeAt(0);
  const spaced = !isWide(a) && !isWide(b) && isAlphanumeric(a) && isAlphanumeric(b);
  return text + (spaced ? ' ' : '') + next;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
