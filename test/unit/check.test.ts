// checkModel's structure-only mode, as the server uses it above the large-document threshold.
import * as assert from 'assert/strict';
import { RULES, checkModel, parseReport } from '../../server/src/core/index';
import { fazhiReport, longParagraph } from '../helpers/long-paragraph';

describe('checkModel, structure only', () => {
  const text = fazhiReport(longParagraph(['qizhong', 'rates', 'citations', 'places', 'pairs', 'numbers', 'enumerations', 'leftovers', 'years'], 20_000), 'measures');
  const model = parseReport(text);

  it('skips the rules that read every figure or judge the wording of every paragraph, and only those', () => {
    const skipped = RULES.filter((r) => r.readsFigures || r.readsWording).map((r) => r.id).sort();
    assert.deepEqual(skipped, [
      'citation', 'document-number', 'enumeration-order', 'figure-approximation', 'figure-range', 'figure-rate', 'figure-sum', 'foreign-unit',
      'sparse-evidence', 'table-text', 'unbalanced-pair', 'vague-plan', 'vague-shortcomings',
    ]);
    const all = new Set(checkModel(model).map((f) => f.rule));
    const structure = new Set(checkModel(model, { structureOnly: true }).map((f) => f.rule));
    for (const id of skipped) assert.ok(!structure.has(id), `${id} skipped`);
    // What the full check found of the other rules, the structure-only one finds too.
    for (const id of all) if (!skipped.includes(id)) assert.ok(structure.has(id), `${id} kept`);
    assert.ok(all.has('figure-sum') && all.has('citation') && structure.has('artifact') && structure.has('missing-section'));
  });
});
