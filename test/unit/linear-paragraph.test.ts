// Every rule, and the analysis as a whole, costs time linear in the length of one paragraph: 1 MB of report-like
// clauses as one paragraph costs per KB within three times what the same text costs in paragraphs of 10 KB (see
// test/helpers/linear-cost.ts for how, and why both sides are the same 1 MB). Texts pasted without line breaks or
// PDF extractions on one line are such paragraphs; a step that reads back to the sentence start for each figure
// turned 250 KB into 41 s in the server.
import * as assert from 'assert/strict';
import { RULES, checkModel, parseReport } from '../../server/src/core/index';
import { FLOOR_MS_PER_KB, LONG_DOCUMENTS, measureLinearity, type LinearityCheck } from '../helpers/linear-cost';

const SIZE = 1 << 20;
const PARAGRAPHS = 100;
const LIMIT = 3;

const describeCheck = (c: LinearityCheck) => `${c.step}: ${c.short.toFixed(4)} → ${c.long.toFixed(4)} ms/KB (×${c.ratio.toFixed(1)})`;

describe('cost linear in the length of one paragraph (1 MB as one paragraph against the same text in 10 KB paragraphs)', function () {
  this.timeout(120_000);

  for (const doc of LONG_DOCUMENTS) {
    it(`${doc.name}: every step within ${LIMIT}× per KB`, () => {
      let m = measureLinearity(doc, SIZE, PARAGRAPHS, 1);
      // A busy moment of the machine can slow one run: a document with a step over the limit is measured again,
      // and the best of the runs counts.
      if (m.checks.some((c) => c.ratio > LIMIT)) m = measureLinearity(doc, SIZE, PARAGRAPHS, 2, m);
      const steps = m.checks.map((c) => c.step);
      for (const step of doc.steps) assert.ok(steps.includes(step), `${step} was measured`);
      assert.deepEqual(m.checks.filter((c) => c.ratio > LIMIT).map(describeCheck), []);
      // The whole analysis did real work: far above the floor below which a ratio means nothing.
      const whole = m.checks.find((c) => c.step === 'whole analysis')!;
      assert.ok(whole.long > FLOOR_MS_PER_KB, describeCheck(whole));
    });
  }

  it('on documents that give the rules their work (findings from every rule the clauses are made for)', () => {
    const expected: Record<string, string[]> = {
      'every kind of clause': [
        'figure-sum', 'figure-rate', 'figure-range', 'figure-approximation', 'enumeration-order', 'unbalanced-pair', 'document-number',
        'citation', 'foreign-unit', 'year-mismatch', 'artifact',
      ],
      'every kind of clause, one sentence': ['figure-sum', 'figure-rate', 'enumeration-order', 'unbalanced-pair', 'document-number', 'citation', 'artifact'],
      'the 不足 in stock phrases': ['enumeration-order', 'figure-sum'],
      'the plan in stock phrases': ['enumeration-order', 'year-mismatch'],
      'requests against the tables of a 政府信息公开 report': ['table-text', 'figure-sum', 'figure-rate'],
    };
    for (const doc of LONG_DOCUMENTS) {
      const found = new Set(checkModel(parseReport(doc.text(50_000, 1))).map((f) => f.rule));
      const missing = (expected[doc.name] ?? []).filter((rule) => !found.has(rule));
      assert.deepEqual(missing, [], doc.name);
      for (const step of doc.steps) assert.ok(RULES.some((r) => r.id === step) || !step.includes('-'), `${step} is a rule or a feature`);
    }
  });
});
