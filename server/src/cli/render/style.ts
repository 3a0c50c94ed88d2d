// What every text output of the CLI shares: colour on a terminal only, paths relative to where it runs, and
// nothing from a file that could act on the terminal.
import * as path from 'path';
import { plain } from '../../node/terminal';

export { jsonSafe, plain } from '../../node/terminal';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;

/** `s` in the ANSI style `code` (1 bold, 2 dim, 31 red …) on a colour terminal; as it is otherwise. */
export const paint = (code: string, s: string) => (useColour ? `\u001b[${code}m${s}\u001b[0m` : s);

/** A path as shown: relative to where the CLI runs when it lies below, and never with a control character. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return plain(rel.startsWith('..') ? p : rel);
}
