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

/** Quarter turns: 0 for text running left to right, 1 for text running upwards, 2 upside down, 3 downwards. */
type Turn = 0 | 1 | 2 | 3;

/** (x, y) turned back by `turn` quarter turns, so that text running in that direction runs left to right. */
function unturn(x: number, y: number, turn: Turn): [number, number] {
  switch (turn) {
    case 0: return [x, y];
    case 1: return [y, -x];
    case 2: return [-x, -y];
    case 3: return [-y, x];
  }
}

/**
 * The pieces of a page whose view box is `view` ([x0, y0, x1, y1] in PDF units, y upwards). A page whose text
 * mostly runs another way than left to right (a landscape page printed turned on a portrait one) is read turned
 * back: its lines run left to right and top to bottom as a reader turning the page sees them.
 */
export function pagePieces(items: readonly unknown[], view: readonly number[]): PageText {
  const runs: { item: PdfJsItem; size: number }[] = [];
  const byTurn = [0, 0, 0, 0];
  for (const raw of items) {
    const item = raw as PdfJsItem;
    if (typeof item.str !== 'string' || !item.transform || item.str.trim().length === 0) continue;
    const [a, b, c, d, e, f] = item.transform;
    // The size of the glyphs: the length of the text matrix's vertical axis.
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    if (!Number.isFinite(size) || size <= 0 || !Number.isFinite(e) || !Number.isFinite(f)) continue;
    const turn = (((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4) as Turn;
    byTurn[turn] += item.str.length;
    runs.push({ item, size });
  }
  const turn = byTurn.indexOf(Math.max(...byTurn)) as Turn;
  // The view box turned back the same way: its top left corner is the origin of the pieces' positions.
  const [x0, y0] = unturn(view[0], view[1], turn);
  const [x1, y1] = unturn(view[2], view[3], turn);
  const left = Math.min(x0, x1);
  const top = Math.max(y0, y1);
  const pieces: TextPiece[] = [];
  for (const { item, size } of runs) {
    const [x, y] = unturn(item.transform![4], item.transform![5], turn);
    // A run without a width (some writers leave it out) is given one from its length, so that it has a place.
    const width = item.width && item.width > 0 ? item.width : item.str!.length * size * 0.5;
    pieces.push({ text: item.str!, x: x - left, width, y: top - y, size });
  }
  return { width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), pieces };
}
