// The model on every real report, with exact expectations.
import * as assert from 'assert/strict';
import { parseReport, type Heading, type ReportModel } from '../../../server/src/core/index';
import { allSeeds, seedText } from '../../helpers/seeds';

const level = (m: ReportModel, l: number) => m.headings.filter((h) => h.level === l);
const markers = (hs: Heading[]) => hs.map((h) => h.number.raw);

describe('model on the seeds', () => {
  describe('000 (岳溪镇 2020, web page with navigation around it)', () => {
    const m = parseReport(seedText('000'));
    it('finds the title block on two lines below the page title', () => {
      assert.equal(m.title?.text, '重庆市开州区岳溪镇人民政府关于2020年度法治政府建设情况的报告');
      assert.deepEqual(m.title?.lines.map((l) => l.range.start.line), [9, 11]);
      assert.deepEqual(m.title?.organs.map((o) => o.text), ['重庆市开州区岳溪镇人民政府']);
      assert.equal(m.title?.year, 2020);
      assert.equal(m.title?.subject, '法治政府建设');
      assert.equal(m.title?.genre, '报告');
      assert.equal(m.title?.kind, 'fazhi');
      assert.deepEqual(m.title?.yearRange, { start: { line: 11, character: 2 }, end: { line: 11, character: 6 } });
    });
    it('puts the navigation and the page metadata before the title, and the footer links after the 落款, outside the report', () => {
      assert.deepEqual(m.outside.map((o) => [o.where, o.range.start.line, o.range.end.line]), [['before', 0, 7], ['after', 70, 86]]);
      assert.deepEqual(m.reportLines, { start: 9, end: 68 });
    });
    it('reads the 落款 organ and date', () => {
      assert.deepEqual(m.signature?.organs.map((o) => o.text), ['重庆市开州区岳溪镇人民政府']);
      assert.equal(m.signature?.date?.text, '2021年1月31日');
      assert.deepEqual([m.signature?.date?.year, m.signature?.date?.month, m.signature?.date?.day], [2021, 1, 31]);
      assert.equal(m.signature?.date?.form, 'arabic');
      assert.equal(m.signature?.date?.zeroPadded, false);
    });
    it('has the opening paragraph on line 13', () => {
      assert.deepEqual(m.opening.map((p) => p.line), [13]);
      assert.match(m.opening[0].text, /^按照有关规定,现将岳溪镇2020年法治政府建设情况报告如下:$/);
    });
    it('builds the heading tree with half-width brackets as written', () => {
      assert.deepEqual(markers(level(m, 1)), ['一、', '二、', '三、', '四、']);
      assert.deepEqual(markers(m.roots[0].children), ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)']);
      assert.deepEqual(m.roots[0].children[0].number.open, '(');
      const third = m.roots[0].children[2];
      assert.deepEqual(third.children.map((h) => [h.number.raw, h.title, h.runIn]), [
        ['1.', '制定重大行政决策事项目标、标准,向社会公开,并根据实际情况调整;明确重大行政决策的决策主体、事项范围、法定程序、法律责任等,规范重大行政决策流程', true],
        ['2.', '严格依法依规决策', true],
        ['3.', '坚持集体讨论决定', true],
      ]);
      assert.equal(m.roots[1].title, '2020年主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况');
    });
    it('gives each section its range and each paragraph its section', () => {
      assert.deepEqual(m.roots.map((h) => [h.sectionRange.start.line, h.sectionRange.end.line]), [[15, 45], [47, 55], [57, 59], [61, 63]]);
      const p = m.paragraphs.find((x) => x.line === 59)!;
      assert.equal(p.section, m.roots[2]);
      assert.equal(m.year?.value, 2020);
      assert.equal(m.unit?.name, '重庆市开州区岳溪镇人民政府');
    });
    it('keeps 一是/二是 as enumerations, never headings', () => {
      const line45 = m.enumerations.filter((e) => e.line === 45).map((e) => e.marker);
      assert.deepEqual(line45.slice(0, 2), ['一是', '二是']);
      assert.ok(m.headings.every((h) => !h.title.startsWith('是')));
    });
  });

  describe('001 (桥头镇 2024, no title, no 落款)', () => {
    const m = parseReport(seedText('001'));
    it('has no title line and no signature, yet is recognised as a report', () => {
      assert.equal(m.title, undefined);
      assert.equal(m.signature, undefined);
      assert.equal(m.isReport, true);
      assert.deepEqual(m.outside, []);
    });
    it('infers the year from the headings and the unit from the opening', () => {
      assert.deepEqual(m.year, { value: 2024, source: 'headings' });
      assert.deepEqual(m.unit, { name: '桥头镇', source: 'opening' });
    });
    it('has four level-1 sections with run-in level-2 headings', () => {
      assert.deepEqual(m.roots.map((h) => h.children.length), [7, 2, 4, 4]);
      assert.ok(m.headings.filter((h) => h.level === 2).every((h) => h.runIn));
      assert.equal(m.roots[3].title, '2025年度推进法治政府建设主要安排');
      assert.deepEqual(m.opening.map((p) => p.line), [0]);
    });
  });

  describe('002 (沙溪镇 2021, indented web text)', () => {
    const m = parseReport(seedText('002'));
    it('finds the title between the navigation and the page metadata', () => {
      assert.equal(m.title?.text, '沙溪镇2021年法治政府建设年度报告');
      assert.deepEqual(m.title?.organs.map((o) => o.text), ['沙溪镇']);
      assert.deepEqual(m.outside.map((o) => [o.where, o.range.start.line, o.range.end.line]), [['before', 0, 1], ['header', 5, 5]]);
    });
    it('reads indented headings and their whole-line titles without the final 。', () => {
      assert.deepEqual(markers(level(m, 1)), ['一、', '二、', '三、', '四、', '五、']);
      assert.equal(m.roots[1].children[1].title, '不断完善依法行政制度体系');
      assert.equal(m.roots[1].children[1].runIn, false);
      assert.equal(m.roots[0].range.start.character, 2);
      assert.equal(m.roots[2].title, '2021年推进法治政府建设存在的不足');
    });
    it('has no 落款', () => {
      assert.equal(m.signature, undefined);
      assert.equal(m.closing, undefined);
    });
  });

  describe('003 (瀍河回族区 2021, 三 used twice)', () => {
    const m = parseReport(seedText('003'));
    it('has nine level-1 headings and the fourth is numbered 三 again', () => {
      const l1 = level(m, 1);
      assert.equal(l1.length, 9);
      assert.deepEqual(l1.map((h) => h.number.value), [1, 2, 3, 3, 4, 5, 6, 7, 8]);
      assert.equal(l1[3].number.raw, '三、');
      assert.equal(l1[3].title, '强化执法监督,推进规范公正文明执法');
    });
    it('splits run-in level-2 headings at the first 。', () => {
      const first = m.roots[0].children[0];
      assert.equal(first.title, '加强组织领导');
      assert.equal(first.runIn, true);
      const body = m.paragraphs.find((p) => p.line === first.line)!;
      assert.ok(body.runIn);
      assert.match(body.text, /^区委区政府把法治政府建设/);
      assert.equal(body.range.start.character, '(一)加强组织领导。'.length);
    });
    it('has a closing and a date-only 落款, with web text outside', () => {
      assert.equal(m.closing?.text, '特此报告。');
      assert.deepEqual(m.signature?.organs, []);
      assert.equal(m.signature?.date?.text, '2022年2月23日');
      assert.equal(m.signature?.date?.range.start.line, 91);
      assert.deepEqual(m.outside.map((o) => [o.where, o.range.start.line, o.range.end.line]), [['before', 0, 3], ['header', 7, 7]]);
    });
    it('attaches the plan items to 八、存在问题及下步打算', () => {
      const last = m.roots[8];
      assert.equal(last.title, '存在问题及下步打算');
      assert.deepEqual(last.children.map((h) => h.number.raw), ['(一)', '(二)', '(三)']);
      assert.deepEqual([last.sectionRange.start.line, last.sectionRange.end.line], [74, 84]);
    });
  });

  describe('004 (蔈草镇 2023, joint title, Word leftovers)', () => {
    const m = parseReport(seedText('004'));
    it('reads a three-line title with two organs', () => {
      assert.deepEqual(m.title?.organs.map((o) => o.text), ['中共蔈草镇委员会', '云阳县蔈草镇人民政府']);
      assert.equal(m.title?.year, 2023);
      assert.deepEqual(m.title?.organs[0].range, { start: { line: 0, character: 1 }, end: { line: 0, character: 9 } });
      assert.equal(m.unit?.name, '云阳县蔈草镇人民政府');
    });
    it('reads the addressee', () => {
      assert.equal(m.addressee?.text, '县委、县政府：');
    });
    it('has ten run-in level-2 headings under 一, including one behind a bookmark leftover', () => {
      const under = m.roots[0].children;
      assert.equal(under.length, 10);
      assert.ok(under.every((h) => h.runIn && h.level === 2));
      assert.deepEqual(under.map((h) => h.number.value), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      assert.equal(under[0].title, '学习贯彻习近平法治思想');
      assert.equal(under[0].number.range.start.character, '[bookmark: _GoBack]'.length);
      assert.equal(under[9].number.raw, '（十）');
      assert.equal(m.artifacts.length, 1);
      assert.equal(m.artifacts[0].text, '[bookmark: _GoBack]');
      assert.deepEqual(m.artifacts[0].range, { start: { line: 8, character: 0 }, end: { line: 8, character: 19 } });
    });
    it('reads a joint 落款 with its date and contact note', () => {
      assert.deepEqual(m.signature?.organs.map((o) => o.text), ['中共蔈草镇委员会', '云阳县蔈草镇人民政府']);
      assert.equal(m.signature?.date?.text, '2024年1月11日');
      assert.deepEqual(m.signature?.notes.map((n) => n.text), ['（联系人：向辉，联系电话：15730573355）']);
      assert.deepEqual(m.outside, []);
    });
    it('finds the enumerations inside run-in bodies', () => {
      const onLine9 = m.enumerations.filter((e) => e.line === 9).map((e) => e.marker);
      assert.deepEqual(onLine9, ['一是', '二是']);
    });
  });

  describe('every seed', () => {
    for (const { name, text } of allSeeds()) {
      it(`${name}: every range lies inside the document and every heading has a non-empty title`, () => {
        const m = parseReport(text);
        const lines = text.split(/\r\n|\r|\n/);
        const inside = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
          assert.ok(r.start.line <= r.end.line);
          assert.ok(r.end.line < lines.length);
          assert.ok(r.start.character <= lines[r.start.line].length);
          assert.ok(r.end.character <= lines[r.end.line].length);
        };
        for (const h of m.headings) {
          inside(h.range);
          inside(h.sectionRange);
          inside(h.number.range);
          assert.ok(h.title.length > 0, `${h.number.raw} on line ${h.line}`);
          assert.equal(lines[h.line].slice(h.titleRange.start.character, h.titleRange.end.character), h.title);
        }
        for (const p of m.paragraphs) {
          inside(p.range);
          assert.equal(lines[p.line].slice(p.range.start.character, p.range.end.character), p.text);
        }
        assert.ok(m.isReport);
      });
    }
  });
});
