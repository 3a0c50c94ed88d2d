import * as assert from 'assert/strict';
import { parseReport } from '../../../server/src/core/index';
import { seedText } from '../../helpers/seeds';

const REPORT = [
  'XX县司法局关于2023年度法治政府建设情况的报告',
  '',
  '2023年，我局坚持以习近平法治思想为指导。现将有关情况报告如下：',
  '一、主要举措和成效',
  '（一）加强组织领导。成立领导小组。',
  '1.健全制度',
  '（1）制定方案',
  '二、存在的不足和原因',
  '一是学法不够深入。主要原因是重视不够。',
  '特此报告。',
  'XX县司法局',
  '2024年1月15日',
].join('\n');

describe('parse', () => {
  it('reads all four GB/T 9704 levels into a tree', () => {
    const m = parseReport(REPORT);
    assert.deepEqual(m.headings.map((h) => [h.level, h.number.raw, h.title, h.parent?.number.raw]), [
      [1, '一、', '主要举措和成效', undefined],
      [2, '（一）', '加强组织领导', '一、'],
      [3, '1.', '健全制度', '（一）'],
      [4, '（1）', '制定方案', '1.'],
      [1, '二、', '存在的不足和原因', undefined],
    ]);
    assert.equal(m.closing?.text, '特此报告。');
    assert.deepEqual(m.signature?.organs.map((o) => o.text), ['XX县司法局']);
    assert.equal(m.signature?.date?.text, '2024年1月15日');
    assert.deepEqual(m.roots[0].sectionRange, { start: { line: 3, character: 0 }, end: { line: 6, character: 7 } });
    assert.deepEqual(m.roots[1].sectionRange.end, { line: 8, character: 19 });
  });

  for (const [eol, name] of [['\r\n', 'CRLF'], ['\r', 'CR'], ['\n', 'LF']] as const) {
    it(`gives the same structure and ranges with ${name} line ends`, () => {
      const m = parseReport(REPORT.replace(/\n/g, eol));
      assert.equal(m.eol, name);
      assert.equal(m.lines.length, 12);
      assert.deepEqual(m.headings.map((h) => h.range), parseReport(REPORT).headings.map((h) => h.range));
    });
  }

  it('reports mixed line ends', () => {
    assert.equal(parseReport('一、甲\r\n二、乙\n').eol, 'mixed');
  });

  it('steps over a BOM: it is part of line 0, ranges stay exact', () => {
    const m = parseReport('\ufeff' + REPORT);
    assert.equal(m.bom, true);
    assert.equal(m.title?.range.start.character, 1);
    assert.equal(m.title?.text, 'XX县司法局关于2023年度法治政府建设情况的报告');
  });

  it('accepts full-width digits and half-width brackets as the variants they are', () => {
    const m = parseReport('一．总体\n（１）全角数字\n(2)半角括号\n１、顿号');
    assert.deepEqual(m.headings.map((h) => [h.level, h.number.value, h.number.suffix, h.number.open]), [
      [1, 1, '．', ''], [4, 1, '', '（'], [4, 2, '', '('], [3, 1, '、', ''],
    ]);
  });

  it('takes a Markdown report with # headings', () => {
    const m = parseReport('# XX镇2023年法治政府建设年度报告\n\n## 一、主要举措和成效\n\n正文。\n\n## 二、存在的不足和原因\n');
    assert.equal(m.title?.text, 'XX镇2023年法治政府建设年度报告');
    assert.deepEqual(m.headings.map((h) => h.title), ['主要举措和成效', '存在的不足和原因']);
    assert.equal(m.headings[0].range.start.character, 3);
  });

  it('keeps a half-typed heading as a heading with an empty title', () => {
    const m = parseReport('一、主要举措\n（二）\n二、');
    assert.deepEqual(m.headings.map((h) => [h.number.raw, h.title]), [['一、', '主要举措'], ['（二）', ''], ['二、', '']]);
  });

  it('does not mistake ordinary text for a report', () => {
    for (const text of ['', '\n\n', 'hello world', '# README\n\nSome notes.\n', '一、二、三', '\u0000\u0001binary\u0002']) {
      const m = parseReport(text);
      assert.equal(m.isReport, false, JSON.stringify(text));
    }
  });

  it('parses a 10 MB single line without a heading (the mocha timeout guards against a hang)', () => {
    const line = '法治'.repeat(5_000_000);
    const m = parseReport(line);
    assert.equal(m.headings.length, 0);
    assert.equal(m.lines.length, 1);
  });

  it('reuses line shapes from the previous version: unchanged lines keep their identity', () => {
    const text = seedText('003');
    const first = parseReport(text, { version: 1 });
    const edited = text.replace('加强组织领导', '加强组织领导工作');
    const second = parseReport(edited, { version: 2, previous: first });
    assert.equal(second.version, 2);
    assert.equal(second.headings.length, first.headings.length);
    assert.equal(second.roots[0].children[0].title, '加强组织领导工作');
    assert.equal(second.roots[1].title, first.roots[1].title);
    assert.deepEqual(second.parseStats, { linesShaped: 1, linesReused: first.lines.length - 1 });
    const fresh = parseReport(edited);
    assert.deepEqual(fresh.headings.map((h) => [h.line, h.title]), second.headings.map((h) => [h.line, h.title]));
  });
});
