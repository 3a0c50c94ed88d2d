// Cross-year comparison on a realistic pair: 蔈草镇's 2023 report (seed 004) and a 2022 report written from it
// (years moved back, some paragraphs kept, some rewritten, figures changed, a 2023 plan with two items the
// 2023 report never takes up). And silence between reports of different units.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { compareReports, parseReport, type ReportModel } from '../../../server/src/core/index';
import { normaliseParagraph, planItems } from '../../../server/src/core/features/compare';
import { allSeeds } from '../../helpers/seeds';

const DIR = path.resolve(__dirname, '../../fixtures/compare');
const read = (year: number) => parseReport(fs.readFileSync(path.join(DIR, `蔈草镇${year}年法治政府建设情况的报告.txt`), 'utf8'));
const lineOf = (model: ReportModel, line: number) => model.lines[line];

describe('Cross-year comparison', () => {
  const previous = read(2022);
  const current = read(2023);
  const result = compareReports(previous, current);

  it('knows both years', () => {
    assert.strictEqual(result.previousYear, 2022);
    assert.strictEqual(result.currentYear, 2023);
  });

  it('finds the opening copied with its years moved on, （三） word for word, and （一） with two figures changed', () => {
    const copied = result.copiedParagraphs.map((c) => ({ line: c.current.range.start.line, previousLine: c.previous.range.start.line, similarity: c.similarity }));
    assert.deepStrictEqual(copied.map((c) => [c.line, c.previousLine]), [[6, 6], [8, 8], [10, 10]]);
    assert.strictEqual(copied[0].similarity, 1, 'only the years differ');
    assert.strictEqual(copied[2].similarity, 1);
    assert.ok(copied[1].similarity >= 0.9 && copied[1].similarity < 1, String(copied[1].similarity));
    // The ranges are the paragraphs' own: （三）'s run-in text, not its heading.
    const third = result.copiedParagraphs[2];
    assert.ok(lineOf(current, 10).slice(third.current.range.start.character).startsWith('全面推行行政执法“三项制度”'));
    assert.ok(lineOf(previous, 10).slice(third.previous.range.start.character).startsWith('全面推行行政执法“三项制度”'));
  });

  it('leaves rewritten paragraphs alone, though they speak of the same things', () => {
    const lines = new Set(result.copiedParagraphs.map((c) => c.current.range.start.line));
    for (const line of [9, 11, 12, 14]) assert.ok(!lines.has(line), `line ${line + 1} was rewritten`);
  });

  it('lists the figures that stayed the same outside the copied paragraphs, and not the ones that changed', () => {
    const unchanged = result.unchangedFigures.map((f) => `${f.subject}=${f.value}${f.unit}`);
    assert.deepStrictEqual(unchanged, ['群众满意度=99%', '优待证=80个', '调解成功率=99%']);
    for (const f of result.unchangedFigures) {
      const line = current.text.split('\n')[f.current.range.start.line];
      assert.strictEqual(line.slice(f.current.range.start.character, f.current.range.end.character).replace(/[^0-9%]/g, ''), `${f.value}${f.unit === '%' ? '%' : ''}`);
      // Its text is the figure's excerpt: part of its line, around the figure.
      assert.ok(line.includes(f.current.text.replace(/^…|…$/g, '')), f.current.text);
      assert.ok(f.current.text.length <= 60 * 2 + 10, f.current.text);
    }
    // 6000余份 and 12次 are unchanged too, but in （一）, which is listed as copied; 100% is a ceiling, not news.
    assert.ok(!unchanged.some((u) => u.startsWith('宣传资料') || u.includes('100%')), unchanged.join(' '));
  });

  it('names last year\'s plan items the report never takes up, and only those', () => {
    const items = planItems(previous).map((i) => i.label);
    assert.deepStrictEqual(items, ['全面落实行政执法“三项制度”', '深化矛盾纠纷排查调处', '开展民主法治示范村创建', '加强电子证照应用']);
    const unmentioned = result.unmentionedPlanItems;
    assert.deepStrictEqual(unmentioned.map((u) => u.label), ['开展民主法治示范村创建', '加强电子证照应用']);
    assert.deepStrictEqual(unmentioned.map((u) => u.previous.range.start.line), [22, 23]);
    assert.ok(unmentioned[0].terms.some((t) => t.includes('示范村')), unmentioned[0].terms.join(' '));
    assert.ok(unmentioned[1].terms.includes('电子证照'), unmentioned[1].terms.join(' '));
    for (const u of unmentioned) assert.ok(u.coverage < 0.3);
  });

  it('finds plan items as 一是/二是 clauses, and skips the problems in 「存在问题及下步打算」', () => {
    const seeds = Object.fromEntries(allSeeds().map((s) => [s.name.slice(0, 3), parseReport(s.text)]));
    assert.deepStrictEqual(planItems(seeds['000']).map((i) => i.text.slice(0, 2)), ['一是', '二是', '三是', '四是']);
    // Seed 003: the 不足 paragraph and the 「将重点做好以下方面：」 lead-in are no plans.
    assert.deepStrictEqual(planItems(seeds['003']).map((i) => i.label), ['持续开展服务型政府建设', '持续开展行政执法队伍建设', '持续开展育优培先工作']);
  });

  it('a report compared with itself: every substantial paragraph copied, every plan item mentioned', () => {
    const self = compareReports(current, current);
    assert.strictEqual(self.unmentionedPlanItems.length, 0);
    assert.ok(self.copiedParagraphs.length === current.paragraphs.length && self.copiedParagraphs.every((c) => c.similarity === 1));
  });

  it('reports of different units share no paragraph', () => {
    const models = allSeeds().map((s) => parseReport(s.text));
    for (const a of models) for (const b of models) {
      if (a !== b) assert.deepStrictEqual(compareReports(a, b).copiedParagraphs, []);
    }
  });

  it('normalises punctuation, spaces, full-width digits and years', () => {
    assert.strictEqual(normaliseParagraph('２０２３年，办理 12 件（〔2022〕15号）。'), normaliseParagraph('2022年,办理12件(〔2021〕15号)'));
    assert.notStrictEqual(normaliseParagraph('办理12件'), normaliseParagraph('办理13件'));
  });

  it('stays near-linear: two 200 KB reports compare in well under the time of parsing them', () => {
    const body = allSeeds().flatMap((s) => s.text.split(/\r?\n/).filter((l) => l.trim().length > 40));
    const build = (year: number) => {
      const lines = [`关于${year}年法治政府建设情况的报告`, `一、${year}年推进法治政府建设的主要举措和成效`];
      for (let k = 0; lines.join('\n').length < 200_000; k++) lines.push(`（${k + 1}）${body[k % body.length].replace(/[0-9]+/g, (d) => String(Number(d) + (k % 5)))}`);
      return lines.join('\n');
    };
    const a = parseReport(build(2022));
    const b = parseReport(build(2023));
    const started = performance.now();
    const r = compareReports(a, b);
    const ms = performance.now() - started;
    assert.ok(r.copiedParagraphs.length > 100);
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
  });
});
