import * as fs from 'fs';
import * as path from 'path';

export const SEEDS_DIR = path.resolve(__dirname, '../../seeds');

/** The seed whose file name starts with `prefix` (e.g. '003'), as text. */
export function seedText(prefix: string): string {
  return fs.readFileSync(seedPath(prefix), 'utf8');
}

export function seedPath(prefix: string): string {
  const name = fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix} in ${SEEDS_DIR}`);
  return path.join(SEEDS_DIR, name);
}

export function allSeeds(): { name: string; text: string }[] {
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8') }));
}
