// The text of a table cell: justification spaces gone, no TAB (TAB separates the cells), and the lines of a
// label wrapped in its cell joined as the .docx reader joins a cell's paragraphs.

import { isWide, withoutJustification } from './spacing';

export function cellText(text: string): string {
  return withoutJustification(text.replace(/\t/g, ' '));
}

/**
 * Two lines of one cell as one: nothing between Chinese characters (「（二）部分公开（区分处理的，只计这一情形，不」 then
 * 「计其他情形）」), a space between Latin letters or digits, so that 「1」 over 「2」 does not read as 12.
 */
export function joinCellLines(text: string, line: string): string {
  const piece = cellText(line);
  if (piece.length === 0) return text;
  if (text.length === 0) return piece;
  const spaced = !isWide(text.charCodeAt(text.length - 1)) && !isWide(piece.charCodeAt(0));
  return text + (spaced ? ' ' : '') + piece;
}
