// year-mismatch on the statistics period of 政府信息公开 reports: the real reports in test/fixtures/corpus/gov-info/
// (copies of /work/shared/corpus/gov-info/) get no finding as written, and each one's own wording is read — a
// wrong year put into its statistics period is flagged, and the fix restores the report year.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../../server/src/core/fixes';
import { checkModel, matchSections, parseReport, resolveProfile } from '../../../server/src/core/index';
import { corpusText } from '../../helpers/corpus';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus/gov-info');
/** Every report of the corpus (named place-YEAR.txt): huaian-2024, pingtan-2021, shuyang-2025, shuyang-fgj-2023. */
const REPORTS = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();

const yearFindings = (text: string) => checkModel(parseReport(text)).filter((f) => f.rule === 'year-mismatch');

/** The text with every preferred year-mismatch fix applied. */
function fixed(text: string): string {
  return applyEdits(text, yearFindings(text).flatMap((f) => f.fixes?.find((x) => x.preferred)?.edits ?? []));
}

describe('year-mismatch: the statistics period of 政府信息公开 reports', () => {
  it('the corpus holds the four real reports', () => {
    for (const name of ['huaian-2024.txt', 'pingtan-2021.txt', 'shuyang-2025.txt', 'shuyang-fgj-2023.txt']) assert.ok(REPORTS.includes(name), name);
  });

  for (const name of REPORTS) {
    const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
    const year = Number(/-(\d{4})\.txt$/.exec(name)?.[1]);

    it(`${name}: report year ${year}, no year-mismatch finding`, () => {
      assert.equal(parseReport(text).year?.value, year);
      assert.deepEqual(yearFindings(text).map((f) => `${f.range.start.line + 1}: ${f.message.zh}`), []);
    });

    it(`${name}: its statistics period with last year's start is flagged, and fixed back to ${year}`, () => {
      const period = new RegExp(`(统计(?:期限|时限)[^。]*?)${year}(年1月1日)`);
      assert.match(text, period, 'the report states its statistics period');
      const wrong = text.replace(period, `$1${year - 1}$2`);
      const findings = yearFindings(wrong);
      assert.equal(findings.length, 1, findings.map((f) => f.message.zh).join('\n'));
      assert.match(findings[0].message.zh, new RegExp(`统计期限应为报告年度${year}年，此处为${year - 1}年`));
      assert.equal(fixed(wrong), text);
    });
  }

  it('full-width digits: 「２０２２」 in a 2023 report is flagged and fixed to 「２０２３」, half-width to 「2023」', () => {
    const report = (period: string) => `清水县人民政府2023年政府信息公开工作年度报告\n${period}\n一、总体情况\n2023年，全县主动公开政府信息1200条。\n`;
    const full = report('本报告中所列数据统计期限自２０２２年１月１日起至２０２２年１２月３１日止。');
    assert.equal(yearFindings(full).length, 2);
    assert.equal(fixed(full), report('本报告中所列数据统计期限自２０２３年１月１日起至２０２３年１２月３１日止。'));
    const half = report('本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。');
    assert.equal(fixed(half), report('本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。'));
  });

  it('a year after the period’s last day in the same sentence is not the period', () => {
    const text = '清水县人民政府2023年政府信息公开工作年度报告\n本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止，本报告于2024年1月在县政府门户网站公开。\n';
    assert.deepEqual(yearFindings(text), []);
  });
});

describe('year-mismatch: the level-1 成效 heading of a 法治政府建设 report', () => {
  const report = (measures: string, plan = '三、2024年工作计划') =>
    `蔈草镇人民政府关于2023年法治政府建设情况的报告\n${measures}\n全年开展执法培训12次。\n二、存在的不足和原因\n一是执法力量薄弱，主要原因是编制不足。\n${plan}\n一是深化执法改革，年内培训执法人员2期。\n`;
  const headingFindings = (text: string) => yearFindings(text).filter((f) => f.range.start.line === 1).map((f) => f.message.zh);

  for (const wording of ['基本情况', '工作基本情况', '法治政府建设基本情况', '工作开展情况', '主要工作', '工作成效', '工作情况']) {
    it(`「一、2022年${wording}」 in a 2023 report is flagged and fixed to 2023`, () => {
      const text = report(`一、2022年${wording}`);
      assert.deepEqual(headingFindings(text), ['本部分应写报告年度2023年，此处为2022年']);
      assert.equal(fixed(text), report(`一、2023年${wording}`));
    });
  }

  it('pingtan-junshan-2022 with 「一、2021年工作开展情况」: flagged, and fixed back to 2022', () => {
    const original = corpusText('fazhi', 'pingtan-junshan-2022');
    const wrong = original.replace('一、工作开展情况', '一、2021年工作开展情况');
    const findings = yearFindings(wrong);
    assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.message.zh}`), ['3: 本部分应写报告年度2022年，此处为2021年']);
    assert.equal(fixed(wrong), original.replace('一、工作开展情况', '一、2022年工作开展情况'));
  });

  it('the plan heading naming the next year stays silent: 「三、2024年工作计划」 in a 2023 report', () => {
    assert.deepEqual(headingFindings(report('一、2023年工作开展情况')), []);
    assert.deepEqual(yearFindings(report('一、2023年工作开展情况')), []);
  });

  it('a span that reaches the report year is history, not a wrong year: 「2021年以来」「2021年至今」「2021年至2023年」', () => {
    for (const heading of ['一、2021年以来法治政府建设工作成效', '一、2021年至今工作开展情况', '一、2021年至2023年工作开展情况', '一、2021年—2023年主要工作']) {
      assert.deepEqual(headingFindings(report(heading)), [], heading);
    }
  });

  it('a span that ends before the report year is flagged, without a fix (which end to change is the writer’s call)', () => {
    const findings = yearFindings(report('一、2021年至2022年工作开展情况')).filter((f) => f.range.start.line === 1);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].fixes, undefined);
  });

  it('「基本情况」 is the 成效 only as a level-1 heading of its own: 「三、党政主要负责人履行推进法治建设第一责任人职责基本情况」 is not', () => {
    const text = '蔈草镇人民政府关于2023年法治政府建设情况的报告\n一、2023年工作基本情况\n全年开展执法培训12次。\n二、存在的不足和原因\n主要原因是编制不足。\n三、2023年党政主要负责人履行推进法治建设第一责任人职责基本情况\n镇长带头述法。\n四、2024年工作计划\n一是深化执法改革。\n';
    const model = parseReport(text);
    const sections = matchSections(model, resolveProfile(model)!);
    assert.deepEqual(sections.find((s) => s.item.id === 'measures')!.headings.map((h) => h.line + 1), [2]);
    assert.deepEqual(sections.find((s) => s.item.id === 'first-responsible')!.headings.map((h) => h.line + 1), [6]);
  });
});
