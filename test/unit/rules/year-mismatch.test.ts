// year-mismatch on the statistics period of 政府信息公开 reports: the real reports in test/fixtures/corpus/gov-info/
// (copies of /work/shared/corpus/gov-info/) get no finding as written, and each one's own wording is read — a
// wrong year put into its statistics period is flagged, and the fix restores the report year.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../../server/src/core/fixes';
import { checkModel, parseReport } from '../../../server/src/core/index';

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
