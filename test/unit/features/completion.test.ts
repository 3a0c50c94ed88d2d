// Completion: the next heading numbers at the start of a line, the missing section titles after 「X、」.
import * as assert from 'assert';
import { completionsAt, parseReport, type ReportModel } from '../../../server/src/core/index';
import { DETAIL_COLUMNS } from '../../../server/src/core/features/completion';
import { allCorpus } from '../../helpers/corpus';
import { allSeeds, seedText } from '../../helpers/seeds';

/** Columns a text takes in the editor's suggestion list: two for a CJK character or full-width form. */
function columns(text: string): number {
  return [...text].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
}

/** The labels offered at the end of line `line` (0-based) of `text`. */
function labelsAt(model: ReportModel, line: number, character = model.lines[line].length): string[] {
  return completionsAt(model, { line, character }, { today: new Date(2025, 1, 1) }).map((s) => s.label);
}

const REPORT = [
  '某某县人民政府关于2024年度法治政府建设情况的报告', // 0
  '', // 1
  '一、2024年推进法治政府建设的主要举措和成效', // 2
  '（一）加强组织领导', // 3
  '县政府召开常务会议4次。', // 4
  '（二）深化放管服改革', // 5
  '1.推进一网通办', // 6
  '办理事项1200件。', // 7
  '', // 8
].join('\n');

describe('completion', () => {
  it('offers 一、 on an empty document', () => {
    assert.deepStrictEqual(labelsAt(parseReport(''), 0), ['一、']);
  });

  it('after 「1.」 under 「（二）」: （1） a level down first, then 2., （三）, 二、', () => {
    const model = parseReport(REPORT);
    assert.deepStrictEqual(labelsAt(model, 8), ['（1）', '2.', '（三）', '二、']);
  });

  it('after a level-1 heading: its first sub-heading and the next 「X、」', () => {
    const model = parseReport(['一、主要举措', '正文。', ''].join('\n'));
    assert.deepStrictEqual(labelsAt(model, 2), ['（一）', '二、']);
  });

  it('replaces what was typed of the number and filters on it', () => {
    const model = parseReport(REPORT.replace(/\n$/, '\n　　（'));
    const items = completionsAt(model, { line: 8, character: 3 });
    assert.ok(items.length > 0);
    for (const s of items) assert.deepStrictEqual(s.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 3 } });
  });

  it('offers nothing in the middle of running text', () => {
    const model = parseReport(REPORT);
    assert.deepStrictEqual(labelsAt(model, 4), []);
    assert.deepStrictEqual(labelsAt(model, 4, 3), []);
  });

  it('writes numbers as the document does where the standard leaves a choice (1． full-width point, full-width digits)', () => {
    const wide = parseReport(['一、举措', '（一）领导', '１．学法', ''].join('\n'));
    assert.ok(labelsAt(wide, 3).includes('２．'));
    const point = parseReport(['一、举措', '（一）领导', '1．学法', ''].join('\n'));
    assert.ok(labelsAt(point, 3).includes('2．'));
  });

  it('never copies a non-standard form the document uses (「(一)」「1、」): it offers the standard one', () => {
    const model = parseReport(['一、举措', '(一)领导', '1、学法', '2、用法', ''].join('\n'));
    assert.deepStrictEqual(labelsAt(model, 4), ['（1）', '3.', '（二）', '二、']);
  });

  it('after 「二、」 offers the mandated titles still missing, with the report year', () => {
    const model = parseReport(REPORT + '\n二、');
    const titles = labelsAt(model, 9);
    assert.deepStrictEqual(titles, [
      '2024年推进法治政府建设存在的不足和原因',
      '2024年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
      '2025年推进法治政府建设的主要安排',
      '其他需要报告的情况',
    ]);
    const item = completionsAt(model, { line: 9, character: 2 })[0];
    assert.deepStrictEqual(item.range, { start: { line: 9, character: 2 }, end: { line: 9, character: 2 } });
  });

  it('on seed 003, after its last section, the 第一责任人 item it lacks is offered', () => {
    const text = seedText('003');
    const model = parseReport(text + '\n九、');
    const titles = labelsAt(model, model.lines.length - 1);
    assert.ok(titles.some((t) => t.includes('第一责任人')), titles.join(' | '));
    assert.ok(!titles.some((t) => t.includes('不足')), 'the 不足 section is there already');
  });

  it('does not offer titles after a level-2 number or once the title is written', () => {
    const model = parseReport(REPORT + '\n（三）');
    const items = completionsAt(model, { line: 9, character: 3 });
    assert.ok(items.every((s) => s.kind === 'number'), 'only numbers (VS Code filters them on 「（三）」)');
    const written = parseReport(REPORT + '\n二、存在的不足和原因，');
    assert.deepStrictEqual(labelsAt(written, 9), []);
  });

  it('keeps every detail short enough to show whole beside its label, in both languages ("…at this lev…" was cut)', () => {
    let checked = 0;
    for (const { name, text } of [...allSeeds(), ...allCorpus('fazhi'), ...allCorpus('gov-info')]) {
      const model = parseReport(text);
      // A new line after each heading (the numbers that can come next), and 「X、」 after it (the missing titles).
      for (const h of model.headings) {
        for (const typed of ['', `${'一二三四五六七八九十'[Math.min(h.index, 9)]}、`]) {
          const lines = text.split('\n');
          lines.splice(h.line + 1, 0, typed);
          const at = parseReport(lines.join('\n'));
          for (const s of completionsAt(at, { line: h.line + 1, character: typed.length }, { today: new Date(2025, 1, 1) })) {
            for (const detail of [s.detail.zh, s.detail.en]) {
              assert.ok(columns(detail) <= DETAIL_COLUMNS, `${name} line ${h.line + 2} 「${s.label}」: "${detail}" is ${columns(detail)} columns`);
              checked++;
            }
          }
        }
      }
    }
    assert.ok(checked > 500, `${checked} details checked`);
  });

  it('says the rest in the details pane: the heading a number follows, the missing item’s full name', () => {
    const model = parseReport(REPORT);
    const next = completionsAt(model, { line: 8, character: 0 }).find((s) => s.label === '（三）')!;
    assert.deepStrictEqual(next.detail, { zh: '二级标题，接（二）', en: 'level 2, after （二）' });
    assert.deepStrictEqual(next.documentation, { zh: '二级标题，接在“（二）深化放管服改革”之后', en: 'A level-2 heading, after （二）深化放管服改革' });
    const first = completionsAt(model, { line: 8, character: 0 }).find((s) => s.label === '（1）')!;
    assert.deepStrictEqual(first.detail, { zh: '四级标题，本级第一个', en: 'level 4, the first' });
    const title = completionsAt(parseReport(REPORT + '\n二、'), { line: 9, character: 2 })[0];
    assert.deepStrictEqual(title.detail, { zh: '尚缺的必备内容', en: 'missing, mandated' });
    assert.deepStrictEqual(title.documentation, { zh: '尚缺的必备内容：上一年度推进法治政府建设存在的不足和原因', en: title.documentation!.en });
  });
});
