// The real reports copied from ../shared/corpus into test/fixtures/corpus (see its README).
import * as fs from 'fs';
import * as path from 'path';

export const CORPUS_DIR = path.resolve(__dirname, '../fixtures/corpus');

export type CorpusKind = 'gov-info' | 'fazhi';

export function corpusPath(kind: CorpusKind, name: string): string {
  return path.join(CORPUS_DIR, kind, name.endsWith('.txt') ? name : `${name}.txt`);
}

export function corpusText(kind: CorpusKind, name: string): string {
  return fs.readFileSync(corpusPath(kind, name), 'utf8');
}

export function allCorpus(kind: CorpusKind): { name: string; text: string }[] {
  const dir = path.join(CORPUS_DIR, kind);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** The text with the cell at (line, start–end) replaced by `value`. */
export function withCell(text: string, line: number, start: number, end: number, value: string): string {
  const lines = text.split('\n');
  lines[line] = lines[line].slice(0, start) + value + lines[line].slice(end);
  return lines.join('\n');
}
