// The 「显示报告数据」 page as built for the webview: strict CSP, everything the report says escaped, one language,
// years as written, the introduction named, and 1,000 rows carried as data (the page builds only those in sight;
// the end-to-end suite measures the layout in VS Code).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { figureCells, figuresHtml, formatValue, type FigureCells } from '../../../client/src/commands/figures-html';
import { figureRows, type FigureRow } from '../../../server/src/core/features/figures-table';
import { parseReport } from '../../../server/src/core/index';

const ROOT = path.resolve(__dirname, '../../..');
const seed004 = fs.readFileSync(path.join(ROOT, 'seeds', '004_e67b96818f2919f9.txt'), 'utf8');
const rows004 = figureRows(parseReport(seed004));
const OPTIONS = { cspSource: 'https://webview.example', nonce: 'n0nce' };

/** The rows the page carries, read back from its data element. */
function dataOf(html: string): FigureCells[] {
  const m = /<script type="application\/json" id="figures-data" nonce="n0nce">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(m, 'the page carries its rows in a JSON script element');
  return JSON.parse(m[1]) as FigureCells[];
}

function row(overrides: Partial<FigureRow>): FigureRow {
  return {
    section: '一、主要举措', subject: '受理', text: '12件', value: 12, upper: null, unit: '件', kind: 'count', approximate: false,
    sentence: '全年受理12件。', sentenceAt: 4, table: '', row: '', column: '',
    range: { start: { line: 3, character: 4 }, end: { line: 3, character: 7 } },
    ...overrides,
  };
}

describe('figures page', () => {
  it('has a strict CSP: nothing by default, its one style and its scripts by nonce only', () => {
    const html = figuresHtml({ locale: 'zh', title: '报告', rows: rows004 }, OPTIONS);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; style-src https://webview.example 'nonce-n0nce'; script-src 'nonce-n0nce';");
    const tags = [...html.matchAll(/<(script|style)\b[^>]*>/g)].map((m) => m[0]);
    assert.ok(tags.length >= 3);
    for (const tag of tags) assert.match(tag, /nonce="n0nce"/, tag);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
  });

  it('escapes what the report says: title, sentence and section cannot close an element or run a script', () => {
    const evil = '</script><img src=x onerror=alert(1)><!--';
    const rows = [row({ section: `<b>${evil}`, subject: evil, sentence: `全年受理12件${evil}`, sentenceAt: 4 })];
    const html = figuresHtml({ locale: 'zh', title: `标题${evil}"'&`, rows }, OPTIONS);
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /<b>/);
    assert.match(html, /<h1 title="标题&lt;\/script&gt;&lt;img src=x onerror=alert\(1\)&gt;&lt;!--&quot;&#39;&amp;">/);
    // The data element holds the text as it was, once parsed.
    const [cells] = dataOf(html);
    assert.equal(cells.s, `<b>${evil}`);
    assert.equal(cells.w, evil);
    assert.equal(cells.b + cells.f + cells.a, `全年受理12件${evil}`);
    assert.equal(cells.f, '12件');
  });

  it('shows a year as written (2023, not 2,023), thousands grouped from 10,000, 「≈」 before an approximate value', () => {
    const cells = (r: Partial<FigureRow>) => figureCells(row(r), 'zh').v;
    assert.equal(cells({ kind: 'year', text: '2023年', value: 2023, unit: '年' }), '2023');
    assert.equal(cells({ kind: 'year', text: '2021—2025年', value: 2021, upper: 2025, unit: '年' }), '2021～2025');
    assert.equal(cells({ value: 1500 }), '1500');
    assert.equal(cells({ value: 12500 }), '12,500');
    assert.equal(cells({ value: 199_000_000, kind: 'money', unit: '元' }), '199,000,000');
    assert.equal(cells({ value: 6000, approximate: true }), '≈6000');
    assert.equal(formatValue(12.5), '12.5');
    // Seed 004 opens with 2023年 before its first heading.
    const [first] = dataOf(figuresHtml({ locale: 'zh', title: '报告', rows: rows004 }, OPTIONS));
    assert.equal(first.v, '2023');
  });

  it('names what comes before the first heading in the page’s language', () => {
    assert.equal(figureCells(row({ section: '' }), 'zh').s, '（第一个标题之前）');
    assert.equal(figureCells(row({ section: '' }), 'en').s, '(before the first heading)');
    assert.equal(dataOf(figuresHtml({ locale: 'zh', title: '报告', rows: rows004 }, OPTIONS))[0].s, '（第一个标题之前）');
  });

  it('a table cell shows its table, row and column instead of a sentence', () => {
    const cells = figureCells(row({ sentence: '', sentenceAt: -1, table: '表三 收到和处理政府信息公开申请情况', row: '（一）予以公开', column: '自然人' }), 'zh');
    assert.equal(cells.c, '表三 · （一）予以公开 · 自然人');
    assert.equal(cells.b + cells.f + cells.a, '');
  });

  it('is in one language: Chinese or English headers, count and buttons', () => {
    const zh = figuresHtml({ locale: 'zh', title: '报告', rows: rows004 }, OPTIONS);
    assert.match(zh, /<html lang="zh-CN">/);
    assert.match(zh, />行<\/th><th class="value" scope="col">数值<\/th><th class="unit" scope="col">单位</);
    assert.match(zh, new RegExp(`共 ${rows004.length} 个数据`));
    assert.match(zh, />导出 CSV</);
    assert.match(zh, /"labelled":"\{0\}：\{1\}"/, 'a Chinese label takes a full-width colon (tooltip, detail bar)');
    const en = figuresHtml({ locale: 'en', title: 'Report', rows: rows004 }, OPTIONS);
    assert.match(en, /<html lang="en">/);
    assert.match(en, />Line<\/th><th class="value" scope="col">Value<\/th><th class="unit" scope="col">Unit</);
    assert.match(en, new RegExp(`${rows004.length} figures`));
    assert.match(en, /"labelled":"\{0\}: \{1\}"/);
    assert.match(figuresHtml({ locale: 'en', title: 'Report', rows: rows004.slice(0, 1) }, OPTIONS), /1 figure ·/);
    assert.doesNotMatch(en, />(行|数值|单位|指标|原文|所在部分|导出 CSV)</, 'no Chinese word of the page in the English one');
  });

  it('carries 1,000 rows as data and says how many, building no row in the HTML itself', () => {
    const many = Array.from({ length: 1000 }, (_, i) => row({ value: i, text: `${i}件`, sentence: `第${i}句受理${i}件。`, sentenceAt: 3 + String(i).length + 2, range: { start: { line: i, character: 0 }, end: { line: i, character: 3 } } }));
    const html = figuresHtml({ locale: 'zh', title: '报告', rows: many }, OPTIONS);
    assert.equal(dataOf(html).length, 1000);
    assert.match(html, /共 1000 个数据/);
    assert.match(html, /aria-rowcount="1001"/);
    assert.match(html, /<tbody id="rows"><\/tbody>/, 'rows are built by the page as they come into sight');
    assert.ok(html.length < 400_000, `${html.length} characters for 1,000 rows`);
  });
});
