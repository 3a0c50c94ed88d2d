// Rule fixtures with inline expectations, in the manner of markdownlint's test files.
//
//   %% rules: numbering-duplicate, numbering-gap     which rules the fixture asserts (exactly)
//   二、存在的不足和原因
//   %% numbering-duplicate                           a finding of this rule starts on the line above
//   %% artifact @××                                  …and its range covers exactly the text 「××」
//
// Marker lines are removed before the text is checked, so line numbers are those of the clean text.
import * as fs from 'fs';
import * as path from 'path';

export const FIXTURES_DIR = path.resolve(__dirname, '../fixtures/rules');

export interface Expectation {
  rule: string;
  line: number;
  text?: string;
}

export interface Fixture {
  name: string;
  text: string;
  rules: string[];
  expected: Expectation[];
}

export function loadFixture(file: string): Fixture {
  const raw = fs.readFileSync(file, 'utf8');
  const lines: string[] = [];
  const expected: Expectation[] = [];
  let rules: string[] = [];
  for (const line of raw.split('\n')) {
    const marker = /^%% (.*)$/.exec(line);
    if (!marker) {
      lines.push(line);
      continue;
    }
    const body = marker[1].trim();
    const header = /^rules:\s*(.*)$/.exec(body);
    if (header) {
      rules = header[1].split(',').map((s) => s.trim()).filter(Boolean);
      continue;
    }
    const m = /^([a-z-]+)(?:\s+@(.+))?$/.exec(body);
    if (!m) throw new Error(`${file}: bad marker line: ${line}`);
    if (lines.length === 0) throw new Error(`${file}: a marker needs a line above it`);
    expected.push({ rule: m[1], line: lines.length - 1, text: m[2] });
  }
  if (rules.length === 0) throw new Error(`${file}: no "%% rules:" header`);
  for (const e of expected) if (!rules.includes(e.rule)) throw new Error(`${file}: marker for ${e.rule}, which the header does not list`);
  return { name: path.basename(file), text: lines.join('\n'), rules, expected };
}

export function allFixtures(): Fixture[] {
  return fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => loadFixture(path.join(FIXTURES_DIR, f)));
}
