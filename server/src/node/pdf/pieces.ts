// A page's text as pdf.js gives it: runs of glyphs ("items") with their position, read into pieces measured in
// points from the page's top left corner, with the blanks pdf.js inserts for wide gaps left out (the gaps are
// measured again from the positions).

/** A run of text on one baseline. */
export interface TextPiece {
  text: string;
  /** Left edge and width, in points from the page's left edge. */
  x: number;
  width: number;
  /** Baseline, in points from the page's top edge (downwards). */
  y: number;
  /** Font size in points, as drawn. */
  size: number;
}

export interface PageText {
  width: number;
  height: number;
  pieces: TextPiece[];
}

/** What pdf.js's getTextContent gives for one item (marked-content markers have no str). */
interface PdfJsItem {
  str?: string;
  transform?: number[];
  width?: number;
}

/** The pieces of a page whose view box is `view` ([x0, y0, x1, y1] in PDF units, y upwards). */
export function pagePieces(items: readonly unknown[], view: readonly number[]): PageText {
  const [left, bottom, right, top] = view;
  const pieces: TextPiece[] = [];
  for (const raw of items) {
    const item = raw as PdfJsItem;
    if (typeof item.str !== 'string' || !item.transform || item.str.trim().length === 0) continue;
    const [a, b, c, d, e, f] = item.transform;
    // The size of the glyphs: the length of the text matrix's vertical axis (the horizontal one for rotated text).
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    if (!Number.isFinite(size) || size <= 0 || !Number.isFinite(e) || !Number.isFinite(f)) continue;
    // A run without a width (some writers leave it out) is given one from its length, so that it has a place.
    const width = item.width && item.width > 0 ? item.width : item.str.length * size * 0.5;
    pieces.push({ text: item.str, x: e - left, width, y: top - f, size });
  }
  return { width: right - left, height: top - bottom, pieces };
}
