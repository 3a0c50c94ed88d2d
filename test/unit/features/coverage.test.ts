// Coverage of the 纲要（2021—2025年） areas: by headings, by keywords, not at all; nothing before 2021.
import * as assert from 'assert';
import { gangyaoCoverage, hoverAt, parseReport } from '../../../server/src/core/index';
import { seedText } from '../../helpers/seeds';

describe('纲要 coverage', () => {
  it('seed 004 (2023, headings after the nine areas): every area, by its heading', () => {
    const coverage = gangyaoCoverage(parseReport(seedText('004')))!;
    assert.strictEqual(coverage.length, 9);
    const byHeading = coverage.filter((a) => a.via === 'heading').map((a) => a.id);
    assert.ok(byHeading.length >= 7, byHeading.join(' '));
    for (const a of coverage.filter((x) => x.via !== 'none')) assert.ok(a.ranges.length > 0, a.id);
  });

  it('a short report: keywords count, silence counts as not covered', () => {
    const model = parseReport('某县人民政府关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n推行行政执法三项制度，办理行政复议案件12件。\n二、存在的不足和原因\n一是不够。主要原因是培训少。\n');
    const coverage = gangyaoCoverage(model)!;
    const via = Object.fromEntries(coverage.map((a) => [a.id, a.via]));
    assert.strictEqual(via.enforcement, 'keywords');
    assert.strictEqual(via.disputes, 'keywords');
    assert.strictEqual(via.digital, 'none');
  });

  it('nothing for a report on 2020 (seed 000), and the title hover says how many areas', () => {
    assert.strictEqual(gangyaoCoverage(parseReport(seedText('000'))), undefined);
    const model = parseReport(seedText('004'));
    const title = model.title!;
    const hover = hoverAt(model, title.range.start, { locale: 'zh' })!;
    assert.match(hover.markdown, /纲要（2021—2025年）任务覆盖：\d\/9/);
  });
});
