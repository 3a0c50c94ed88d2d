// Property tests with a fixed seed: arbitrary Unicode, report-like text with random numbering, mutated seeds,
// long lines, thousands of headings, CR-only line ends. bench/fuzz.mjs runs the same properties at scale.
import * as assert from 'assert';
import fc from 'fast-check';
import { formatChineseNumeral, parseReport } from '../../server/src/core/index';
import { allCorpus } from '../helpers/corpus';
import { allSeeds } from '../helpers/seeds';
import { anyText, checkReportProperties, mutatedSeed, reportLikeText } from '../properties/report-properties';

const SEED = 20261125;
const seeds = allSeeds().map((s) => s.text);
// Mutations of the 政府信息公开 reports break their tables in every way: rows cut, merged, swapped, split.
const mutable = [...seeds, ...allCorpus('gov-info').map((s) => s.text)];

describe('properties of the analysis', () => {
  it('hold for arbitrary Unicode (lone surrogates, NUL, RTL marks, full-width digits)', () => {
    fc.assert(fc.property(anyText, checkReportProperties), { seed: SEED, numRuns: 150 });
  });

  it('hold for report-like text with random numbering sequences and any line ending', () => {
    fc.assert(fc.property(reportLikeText, checkReportProperties), { seed: SEED, numRuns: 150 });
  });

  it('hold for mutated seeds (deletions, insertions, duplicated and swapped lines, swapped characters)', function () {
    this.timeout(30_000);
    fc.assert(fc.property(mutatedSeed(mutable), checkReportProperties), { seed: SEED, numRuns: 80 });
  });

  it('hold for the seeds with CR-only line ends, and for a very long single line', () => {
    for (const text of seeds) checkReportProperties(text.replace(/\r?\n/g, '\r'));
    checkReportProperties(seeds[3].replace(/\r?\n/g, '').repeat(3));
  });

  it('hold for a report with 4,100 headings, and its analysis stays fast', function () {
    this.timeout(20_000);
    const lines: string[] = ['某某县人民政府关于2023年度法治政府建设情况的报告'];
    for (let i = 1; i <= 100; i++) {
      lines.push(`${formatChineseNumeral(i)}、第${i}部分`);
      for (let j = 1; j <= 10; j++) lines.push(`（${formatChineseNumeral(j)}）事项${j}`, '1.子项', '正文，办理案件12件。', '2.子项', '（1）细目');
    }
    const text = lines.join('\n');
    const t = performance.now();
    const model = parseReport(text);
    assert.strictEqual(model.headings.length, 4100);
    assert.ok(performance.now() - t < 2000);
    checkReportProperties(text);
  });
});
