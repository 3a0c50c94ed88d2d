// Text as a browser lays it out, for one paragraph: whitespace runs collapse to one space, a line break of the
// source between two Chinese characters disappears (Chinese puts no space between words, and the break was
// only the page's source wrapping), and the indent made of &nbsp; or full-width spaces is trimmed.

/** HTML's whitespace (not &nbsp;, which a page writes on purpose). */
const HTML_WHITESPACE = /[ \t\n\r\f]+/g;

/** One paragraph's text from the raw text of its inline content. */
export function paragraphText(raw: string): string {
  const collapsed = raw.replace(HTML_WHITESPACE, (ws, at: number) => {
    if (!/[\n\r]/.test(ws)) return ' ';
    return isWide(raw.charCodeAt(at - 1)) && isWide(raw.charCodeAt(at + ws.length)) ? '' : ' ';
  });
  // The ends: any space, &nbsp; and the ideographic space U+3000 included. trim(), not a pattern: /\s+$/ would
  // go over a long run of &nbsp; inside the line once from each of its characters.
  return collapsed.trim();
}

/**
 * A cell's paragraphs on the row's one line, as the .docx reader joins them (node/docx/body.ts appendToCell):
 * nothing between Chinese characters (a label broken for the column's width), a space between Latin letters or
 * digits (「1」 over 「2」 must not read as 12). A TAB in a cell becomes a space, as TAB separates the cells.
 */
export function joinCellLines(lines: string[]): string {
  let joined = '';
  for (const line of lines) {
    const piece = line.replace(/\t/g, ' ').trim();
    if (piece.length === 0) continue;
    const spaced = joined.length > 0 && !isWide(joined.charCodeAt(joined.length - 1)) && !isWide(piece.charCodeAt(0));
    joined += (spaced ? ' ' : '') + piece;
  }
  return joined;
}

/** Chinese characters and punctuation, kana, full-width forms (and whatever lies above them). */
export function isWide(c: number): boolean {
  return c >= 0x2e80;
}
