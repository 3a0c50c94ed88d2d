// The tables across two years of a 政府信息公开 report: a real report as last year's, and next year's generated
// from it (test/helpers/gov-info-years.ts) — continuous, or broken on purpose: 上年结转 off by one in a column,
// documents repealed by a 清理 outside 本年废止件数. Ranges point at the cells in both documents.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, compareReports, parseReport, type Range, type ReportModel } from '../../../server/src/core/index';
import { tableSum } from '../../../server/src/core/rules/table-sum';
import { nextYearReport } from '../../helpers/gov-info-years';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus/gov-info');
const corpus = (name: string) => fs.readFileSync(path.join(CORPUS, `${name}.txt`), 'utf8');
const cellAt = (model: ReportModel, r: Range) => model.lines[r.start.line].slice(r.start.character, r.end.character);
const rowOf = (model: ReportModel, r: Range) => model.lines[r.start.line].split('\t')[0];

describe('Cross-year comparison: the tables', () => {
  for (const name of ['pingtan-2021', 'huaian-2024', 'shuyang-2025', 'shuyang-fgj-2023']) {
    it(`${name} and the year after it: all nine equations checked, none broken`, () => {
      const text = nextYearReport(corpus(name));
      const next = parseReport(text);
      // The generated year is a report in its own right: its tables balance.
      assert.deepEqual(checkModel(next, { rules: [tableSum] }), []);
      const { tableLinks, previousYear, currentYear } = compareReports(parseReport(corpus(name)), next);
      assert.equal(currentYear, previousYear! + 1);
      assert.deepEqual(tableLinks, { checked: 9, unavailable: null, breaks: [] });
    });
  }

  describe('pingtan-2021 → 2022 with 上年结转 自然人 2 where 2021 carried 1 over', () => {
    const previous = parseReport(corpus('pingtan-2021'));
    const current = parseReport(nextYearReport(corpus('pingtan-2021'), { carriedOff: [1, 0, 0, 0, 0, 0, 1] }));
    const { tableLinks } = compareReports(previous, current);

    it('lists the 自然人 and 总计 columns, each with both cells', () => {
      assert.equal(tableLinks.checked, 9);
      assert.deepEqual(tableLinks.breaks.map((b) => [b.kind, b.label.zh, b.expected, b.actual]), [
        ['carried-over', '表三 自然人', 1, 2],
        ['carried-over', '表三 总计', 1, 2],
      ]);
      for (const b of tableLinks.breaks) {
        assert.equal(rowOf(current, b.current.range), '二、上年结转政府信息公开申请数量');
        assert.equal(cellAt(current, b.current.range), '2');
        assert.equal(rowOf(previous, b.previous.range), '四、结转下年度继续办理');
        assert.equal(cellAt(previous, b.previous.range), '1');
      }
      assert.equal(tableLinks.breaks[0].message.zh, '表三 自然人列：本年“上年结转”为2，上年报告“结转下年度继续办理”为1（差1）');
      assert.match(tableLinks.breaks[0].message.en, /^Table 3, column “natural persons”: 2 carried over from last year, but last year's report carried 1 over \(off by 1\)$/);
    });
  });

  describe('pingtan-2021 → 2022 after a 清理 that repealed 5 行政规范性文件 outside 本年废止件数', () => {
    const previous = parseReport(corpus('pingtan-2021'));
    const current = parseReport(nextYearReport(corpus('pingtan-2021'), { cleanedUp: 5 }));
    const [b, ...rest] = compareReports(previous, current).tableLinks.breaks;

    it('names the equation, says a 清理 may explain it, and points at 现行有效件数 in both years and this year\'s 制发/废止', () => {
      assert.equal(rest.length, 0);
      assert.equal(b.kind, 'documents-in-force');
      assert.equal(b.label.zh, '表二 行政规范性文件');
      assert.equal(b.message.zh, '表二 行政规范性文件：上年现行有效665＋本年制发69－本年废止3＝731，本年现行有效件数为726（差5；开展文件清理时可能不等，仅供核对）');
      assert.deepEqual([cellAt(current, b.current.range), cellAt(previous, b.previous.range)], ['726', '665']);
      assert.deepEqual(b.related.map((r) => [cellAt(current, r.range), r.message.zh]), [
        ['69', '表二“行政规范性文件”·本年制发件数：69'],
        ['3', '表二“行政规范性文件”·本年废止件数：3'],
      ]);
    });
  });

  it('reports two years apart are not held to each other', () => {
    const first = corpus('pingtan-2021');
    const third = nextYearReport(nextYearReport(first));
    assert.deepEqual(compareReports(parseReport(first), parseReport(third)).tableLinks, { checked: 0, unavailable: 'not-consecutive', breaks: [] });
  });

  it('reports without the tables (法治政府建设) say so rather than passing', () => {
    const dir = path.resolve(__dirname, '../../fixtures/compare');
    const read = (year: number) => parseReport(fs.readFileSync(path.join(dir, `蔈草镇${year}年法治政府建设情况的报告.txt`), 'utf8'));
    assert.deepEqual(compareReports(read(2022), read(2023)).tableLinks, { checked: 0, unavailable: 'no-tables', breaks: [] });
  });

  it('表二 read from the tables: 淮安 2024 writes 「第二十条 第（一）项」 in two cells, 沭阳发改局 「规范性文件」', () => {
    const huaian = compareReports(parseReport(corpus('huaian-2024')), parseReport(nextYearReport(corpus('huaian-2024'), { cleanedUp: 2 })));
    assert.deepEqual(huaian.tableLinks.breaks.map((b) => [b.label.zh, b.expected, b.actual]), [['表二 行政规范性文件', 48, 46]]);
    const fgj = compareReports(parseReport(corpus('shuyang-fgj-2023')), parseReport(nextYearReport(corpus('shuyang-fgj-2023'), { cleanedUp: 1 })));
    assert.deepEqual(fgj.tableLinks.breaks.map((b) => [b.label.zh, b.expected, b.actual]), [['表二 行政规范性文件', 26, 25]]);
  });
});
