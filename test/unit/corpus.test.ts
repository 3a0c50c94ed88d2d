// The regression corpus: each seed and corpus report gets exactly the findings in its expected file
// (test/fixtures/corpus/expected/). When output changes on purpose, read the reports, then `npm run corpus --
// --update` and review the diff of the expected files like any other change.
import * as assert from 'assert/strict';
import { actualFindings, corpusReports, readExpected } from '../corpus/regression';

describe('regression corpus', () => {
  const reports = corpusReports();
  it('covers the seeds and both folders of the corpus', () => {
    assert.ok(reports.filter((r) => r.id.startsWith('seeds/')).length >= 5);
    assert.ok(reports.filter((r) => r.id.startsWith('fazhi/')).length >= 4);
    assert.ok(reports.filter((r) => r.id.startsWith('gov-info/')).length >= 4);
  });
  for (const report of reports) {
    it(`${report.id}: exactly its expected findings`, () => {
      const expected = readExpected(report);
      assert.ok(expected, `no expected file for ${report.id}: run npm run corpus -- --update after reading the findings`);
      const show = (fs: typeof expected) => fs.map((f) => `${f.line}:${f.character} ${f.severity} ${f.rule} ${f.message}`);
      assert.deepEqual(show(actualFindings(report)), show(expected), `findings of ${report.id} changed: review them, then npm run corpus -- --update`);
    });
  }
});
