// Coverage of the 纲要（2021—2025年）: part 一 (习近平法治思想) and the nine task areas, by headings, by keywords,
// not at all; nothing before 2021. Phrasings are the seeds' own.
import * as assert from 'assert';
import {
  COVERAGE_TEXT_LIMIT, coverageUnavailable, gangyaoCoverage, hoverAt, parseReport,
  type AreaCoverage, type Range, type ReportModel,
} from '../../../server/src/core/index';
import { allSeeds, seedText } from '../../helpers/seeds';

function coverageOf(text: string): Record<string, AreaCoverage> {
  return Object.fromEntries(gangyaoCoverage(parseReport(text))!.map((a) => [a.id, a]));
}

function textAt(model: ReportModel, range: Range): string {
  assert.strictEqual(range.start.line, range.end.line);
  return model.lines[range.start.line].slice(range.start.character, range.end.character);
}

/** A 2022 report with one section: enough for the text to count as a report with a year. */
function report(body: string): string {
  return `某县人民政府关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n${body}\n二、存在的不足和原因\n一是不够。主要原因是培训少。\n`;
}

describe('纲要 coverage', () => {
  it('seed 004 (2023, headings after the 纲要): part 一 and all nine areas, each by its own heading', () => {
    const model = parseReport(seedText('004'));
    const coverage = gangyaoCoverage(model)!;
    assert.deepStrictEqual(coverage.map((a) => a.part), ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    assert.deepStrictEqual(coverage.map((a) => [a.id, a.via, a.places[0]?.text]), [
      ['thought', 'heading', '（一）学习贯彻习近平法治思想'],
      ['functions', 'heading', '（二）健全政府机构职能体系'],
      ['system', 'heading', '（三）健全依法行政制度体系'],
      // 「健全行政决策制度体系」 is the decisions area only, not 「依法行政制度体系」 as well.
      ['decisions', 'heading', '（四）健全行政决策制度体系'],
      ['enforcement', 'heading', '（五）健全行政执法工作体系'],
      ['emergencies', 'heading', '（六）健全突发事件应对体系'],
      ['disputes', 'heading', '（七）健全社会矛盾纠纷行政预防调处化解体系'],
      ['oversight', 'heading', '（八）健全行政权力制约和监督体系'],
      ['digital', 'heading', '（九）健全法治政府建设科技保障体系'],
      ['leadership', 'heading', '（十）完善法治政府建设推进机制'],
    ]);
    assert.strictEqual(coverage[1].count, 1);
    assert.strictEqual(coverage[4].count, 2, 'the plan for 2024 has a 行政执法 heading too');
  });

  it('seed 001 (2024): the areas’ second-level titles count as headings; 纪检监察职能 and 设立法律服务窗口 do not', () => {
    const c = coverageOf(seedText('001'));
    assert.strictEqual(c.thought.via, 'heading');
    assert.deepStrictEqual(c.functions.places.map((p) => p.text), ['(一)优化政府机构职能', '(二)进一步深化“放管服”改革', '(三)持续优化营商环境']);
    assert.ok(!c.functions.places.some((p) => p.text.includes('纪检监察')), 'a 纪委 heading is not the functions area');
    assert.strictEqual(c.system.via, 'none', '「设立法律服务窗口」 holds 立法 but is no legislation');
    assert.deepStrictEqual(c.disputes.places.map((p) => p.text), ['(六)坚持依法行政,做好行政应诉工作', '(七)努力定纷止争,有力维护社会公平正义']);
    assert.deepStrictEqual([c.emergencies.via, c.emergencies.places[0].keyword], ['keywords', '应急队']);
    assert.deepStrictEqual([c.digital.via, c.digital.places[0].keyword], ['keywords', '互联网+']);
    assert.deepStrictEqual([c.leadership.via, c.leadership.places[0].keyword], ['keywords', '建设第一责任人']);
  });

  it('seed 002 (2021, on the 2015 areas): 习近平法治思想, 政务公开, 依法决策 and 依法行政能力 headings', () => {
    const c = coverageOf(seedText('002'));
    assert.strictEqual(c.thought.places[0].text, '一、学习贯彻习近平法治思想和中央依法治国工作会议精神的情况');
    assert.ok(c.oversight.places.some((p) => p.text === '(五)全面推进政务公开'));
    assert.ok(c.decisions.places.some((p) => p.text === '(三)全面推进科学民主依法决策'));
    assert.deepStrictEqual(c.leadership.places.map((p) => p.text), ['(八)提高政府工作人员法治思维和依法行政能力', '(四)进一步夯实法治政府建设组织保障工作']);
    assert.deepStrictEqual([c.digital.via, c.digital.places[0].keyword], ['keywords', '数字政务']);
    assert.strictEqual(c.emergencies.via, 'none');
  });

  it('seed 003 (2021): 组织领导 and 规范性文件 headings; 习近平新时代中国特色社会主义思想 is not 习近平法治思想', () => {
    const c = coverageOf(seedText('003'));
    assert.strictEqual(c.thought.via, 'none');
    assert.strictEqual(c.leadership.places[0].text, '(一)加强组织领导');
    assert.strictEqual(c.system.places[0].text, '(一)严格规范性文件审核');
    assert.strictEqual(c.oversight.places[0].text, '五、加强对行政权力的监督制约');
    assert.strictEqual(c.digital.via, 'none');
  });

  it('a short report: keywords count, silence counts as not covered', () => {
    const c = coverageOf(report('推行行政执法三项制度，办理行政复议案件12件。'));
    assert.strictEqual(c.enforcement.via, 'keywords');
    assert.strictEqual(c.disputes.via, 'keywords');
    assert.strictEqual(c.digital.via, 'none');
    assert.deepStrictEqual([c.digital.count, c.digital.places], [0, []]);
  });

  it('false friends: 树立法治意识, 上述法律法规, 政府信息公开管理工作第一责任人, 谁执法谁普法', () => {
    const c = coverageOf(report([
      '坚持把领导干部带头学法、用法、守法作为树立法治意识和法治信仰的关键。',
      '严格执行上述法律法规。',
      '明确主要领导为政府信息公开管理工作第一责任人。',
    ].join('\n')).replace('一、主要举措和成效', '一、落实“谁执法谁普法”责任制'));
    assert.strictEqual(c.system.via, 'none', '树立法治 is not 立法');
    assert.strictEqual(c.enforcement.via, 'none', '「谁执法谁普法」 is 普法');
    assert.deepStrictEqual(c.leadership.places.map((p) => p.keyword), ['学法'], '上述法律 is not 述法; a 信息公开 第一责任人 is not the 法治建设 one');
  });

  it('keyword places select the keyword and quote at most 60 characters around it; heading places select the heading', () => {
    for (const seed of allSeeds()) {
      const model = parseReport(seed.text);
      for (const area of gangyaoCoverage(model) ?? []) {
        assert.ok(area.places.length <= Math.min(area.count, 5), `${seed.name} ${area.id}`);
        assert.strictEqual(area.via === 'none', area.count === 0);
        for (const place of area.places) {
          assert.ok(place.text.length > 0 && place.text.length <= COVERAGE_TEXT_LIMIT, `${seed.name} ${area.id}: ${place.text}`);
          if (place.keyword) {
            assert.strictEqual(textAt(model, place.range), place.keyword);
            assert.ok(place.text.includes(place.keyword), `${place.text} lacks ${place.keyword}`);
          } else {
            const heading = model.headings.find((h) => h.range.start.line === place.range.start.line)!;
            assert.deepStrictEqual(place.range, heading.range);
          }
        }
      }
    }
  });

  it('a long paragraph is quoted around the keyword, with ellipses where it was cut', () => {
    const filler = '持续优化工作机制，'.repeat(8);
    const model = parseReport(report(`${filler}全面推行行政执法三项制度，${filler}`));
    const place = gangyaoCoverage(model)!.find((a) => a.id === 'enforcement')!.places[0];
    assert.match(place.text, /^….*行政执法三项制度.*…$/);
    assert.strictEqual(place.text.length, COVERAGE_TEXT_LIMIT);
  });

  it('is computed once per model, and says why there is none', () => {
    const model = parseReport(seedText('004'));
    assert.strictEqual(gangyaoCoverage(model), gangyaoCoverage(model));
    assert.strictEqual(coverageUnavailable(model), undefined);
    assert.strictEqual(coverageUnavailable(parseReport(seedText('000'))), 'before-first-year');
    assert.strictEqual(gangyaoCoverage(parseReport(seedText('000'))), undefined);
    assert.strictEqual(coverageUnavailable(parseReport('今天天气很好。\n我们去公园散步。\n')), 'not-report');
  });

  it('the title hover says how many of the ten parts the report speaks to, in the user’s language', () => {
    const model = parseReport(seedText('003'));
    const zh = hoverAt(model, model.title!.range.start, { locale: 'zh' })!;
    assert.match(zh.markdown, /纲要（2021—2025年）覆盖：8\/10（未涉及：习近平法治思想、数字法治政府）/);
    const en = hoverAt(model, model.title!.range.start, { locale: 'en' })!;
    assert.match(en.markdown, /Outline \(2021—2025\) parts spoken to: 8\/10 \(not: Xi Jinping Thought on the Rule of Law, Digital government\)/);
  });
});
