// What every text output of the CLI shares: colour on a terminal only, and paths relative to where it runs.
import * as path from 'path';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;

/** `s` in the ANSI style `code` (1 bold, 2 dim, 31 red …) on a colour terminal; as it is otherwise. */
export const paint = (code: string, s: string) => (useColour ? `\u001b[${code}m${s}\u001b[0m` : s);

export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}
