// The regression corpus (test/corpus/regression.ts): `npm run corpus` lists how each report's findings differ
// from its expected file; `npm run corpus -- --update` rewrites the expected files. Read the text before you
// accept a new finding: it must be a real problem, and a passage the corpus README calls correct stays unflagged.
import * as fs from 'fs';
import * as path from 'path';
import { actualFindings, corpusReports, expectedPath, formatExpected, readExpected, type ExpectedFinding } from '../test/corpus/regression';

const update = process.argv.includes('--update');
const key = (f: ExpectedFinding) => `${f.line}:${f.character} ${f.severity} ${f.rule} ${f.message}`;
let changed = 0;
for (const report of corpusReports()) {
  const actual = actualFindings(report);
  const expected = readExpected(report);
  const before = new Set((expected ?? []).map(key));
  const after = new Set(actual.map(key));
  const gone = [...before].filter((k) => !after.has(k));
  const added = [...after].filter((k) => !before.has(k));
  if (expected !== undefined && gone.length === 0 && added.length === 0) continue;
  changed++;
  console.log(`${report.id}${expected === undefined ? ' (no expected file yet)' : ''}`);
  for (const k of gone) console.log(`  - ${k}`);
  for (const k of added) console.log(`  + ${k}`);
  if (update) {
    const file = expectedPath(report);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, formatExpected(actual));
  }
}
console.log(changed === 0 ? 'every report gets exactly its expected findings' : `${changed} report(s) ${update ? 'updated' : 'differ; rerun with --update to accept'}`);
