// The spaces a PDF shows that the text never had. Justified Chinese is spread by widening the gaps between
// characters, and the text layer turns wide gaps into spaces: 「政 府 信 息」, 「2023 年」, 「2 0 2 3」. Chinese
// puts no space between words, so a space beside a Chinese character is dropped, and so is a space between single
// characters spread out; spaces between Latin words (「App Store」) stay.

/** Chinese characters and punctuation, kana, full-width forms: no space is written beside them. */
export function isWide(c: number): boolean {
  return c >= 0x2e80;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x3000;
}

/** `text` without the spaces of justification, blanks at its ends trimmed. */
export function withoutJustification(text: string): string {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && !isBlank(text.charCodeAt(i))) i++;
    if (i > start) tokens.push(text.slice(start, i));
  }
  let out = tokens[0] ?? '';
  for (let k = 1; k < tokens.length; k++) {
    const before = tokens[k - 1];
    const after = tokens[k];
    const spreadOut = [...before].length === 1 && [...after].length === 1;
    const besideWide = isWide(before.charCodeAt(before.length - 1)) || isWide(after.charCodeAt(0));
    out += (spreadOut || besideWide ? '' : ' ') + after;
  }
  return out;
}
