// Text from files on its way to a terminal: names, headings and quoted passages are strangers' bytes, and must
// not move the cursor, recolour the screen, rename the window or reorder what is shown.

/**
 * Characters that act on a terminal instead of showing: C0 controls but TAB and LF (a CR only before an LF,
 * the line end of CSV), DEL, C1 (U+009B is CSI on some terminals), and the bidirectional embeddings,
 * overrides and isolates, which make one name read as another.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/**
 * Text from a file (its name, a heading, a quoted passage) as it may go to a terminal: every control character
 * written out as a visible escape (\x1B, \u202E). Escaped, not dropped, so that two names that differ only in
 * such a character stay apart and a reviewer sees that something was there. Always, not only on a terminal:
 * text output is for people, and what is piped into a file today is `cat` on a terminal tomorrow.
 */
export function plain(s: string): string {
  return s.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

// The same characters but C0, which JSON.stringify escapes already; and the line separators, which break
// JavaScript that embeds the output.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with every character that could act on a terminal written as a \u escape: the same JSON to a
 * parser, harmless to print. */
export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
