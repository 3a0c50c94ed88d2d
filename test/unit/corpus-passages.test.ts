// Passages of the corpus that look wrong but are correct (its README says why): no error or warning may start
// on them. Listed in test/fixtures/corpus/correct-passages.json.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { actualFindings, corpusReports } from '../corpus/regression';

/** Passages of the corpus that look wrong but are correct (its README says why): no error or warning on them. */
interface CorrectPassage { report: string; from: string; to: string; why: string }

describe('passages the corpus README calls correct', () => {
  const passages = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/corpus/correct-passages.json'), 'utf8')) as CorrectPassage[];
  const reports = corpusReports();
  for (const p of passages) {
    it(`${p.report}: 「${p.from}…${p.to}」 gets no error or warning (${p.why})`, () => {
      const report = reports.find((r) => r.id === p.report);
      assert.ok(report, `no report ${p.report}`);
      const lines = fs.readFileSync(report.file, 'utf8').split('\n');
      const line = lines.findIndex((l) => l.includes(p.from) && l.indexOf(p.to, l.indexOf(p.from)) >= 0);
      assert.ok(line >= 0, `the passage is not in ${p.report}`);
      const start = lines[line].indexOf(p.from);
      const end = lines[line].indexOf(p.to, start) + p.to.length;
      const inside = actualFindings(report).filter((f) => (f.severity === 'error' || f.severity === 'warning') &&
        f.line === line + 1 && f.character - 1 >= start && f.character - 1 < end);
      assert.deepEqual(inside.map((f) => `${f.rule}: ${f.message}`), []);
    });
  }
});
