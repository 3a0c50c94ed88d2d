// Saved web pages: the article of a 政务公开 page without the site around it, in the page's own encoding, its
// tables one row per line as the .docx reader gives them, and a hostile page refused in one line.
import * as assert from 'assert/strict';
import fc from 'fast-check';
import { extractHtmlText, HTML_LIMITS, HtmlError } from '../../server/src/node/html';
import { declaredCharset } from '../../server/src/node/html/charset';
import { withoutSiteName } from '../../server/src/node/html/article';
import { encodeReport } from '../../server/src/node/files';
import { allCorpus, corpusText } from '../helpers/corpus';
import { govInfoPageGbk, govInfoPageHtml, SITE_TEXT } from '../helpers/gov-info-html';
import { refusalOf } from '../helpers/refusal';

const utf8 = (html: string) => new Uint8Array(Buffer.from(html, 'utf8'));
const read = (html: string) => extractHtmlText(utf8(html)).text;

/** The error a page gives: a HtmlError of one line in each language. */
const refusal = (bytes: Uint8Array, limits = {}) => refusalOf(() => extractHtmlText(bytes, limits), HtmlError);

describe('extractHtmlText on a 政务公开 page', () => {
  const report = corpusText('gov-info', 'pingtan-2021').replace(/\n$/, '');
  const extracted = extractHtmlText(govInfoPageGbk(report));

  it('reads a GBK page as GBK (its <meta http-equiv> says so)', () => {
    assert.equal(extracted.encoding, 'gb18030');
  });

  it('gives the title, then the report as the text has it, tables included; the 发布日期 and 来源 apart', () => {
    const [title, ...body] = extracted.text.split('\n');
    assert.equal(title, report.split('\n')[0]);
    assert.deepEqual(body, report.split('\n').slice(1));
    assert.equal(extracted.details, '发布日期：2022-02-08 16:20　来源：平潭综合实验区管委会办公室');
  });

  it('leaves out the navigation, breadcrumb, tools, related links, scripts and footer', () => {
    for (const chrome of SITE_TEXT) assert.ok(!extracted.text.includes(chrome), `${chrome} is in the extracted text`);
  });

  it('gives every real report of the corpus back line for line, the indents and trailing spaces trimmed', () => {
    for (const { name, text } of allCorpus('gov-info').concat(allCorpus('fazhi'))) {
      const lines = text.replace(/\n$/, '').split('\n');
      const got = extractHtmlText(govInfoPageGbk(text)).text.split('\n');
      assert.deepEqual(got, lines.map((l) => l.replace(/^\s+|\s+$/g, '')), name);
    }
  });

  it('reads the same page in UTF-8 the same', () => {
    assert.equal(read(govInfoPageHtml(report, 'utf-8')), extracted.text);
  });
});

describe('extractHtmlText: the encoding', () => {
  const page = (meta: string) => `<html><head>${meta}<title>报告</title></head><body><p>一、总体情况</p><p>本年度依法行政。</p></body></html>`;
  it('takes a byte order mark first', () => {
    const html = page('<meta charset="gbk">');
    assert.match(extractHtmlText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(html, 'utf8')])).text, /本年度依法行政/);
    assert.match(extractHtmlText(new Uint8Array([0xff, 0xfe, ...Buffer.from(html, 'utf16le')])).text, /本年度依法行政/);
  });
  it('takes <meta charset> and <meta http-equiv content="…charset=…">, GB2312 and GBK read as GB18030', () => {
    assert.equal(declaredCharset(utf8(page('<meta charset="GB2312">'))), 'gb18030');
    assert.equal(declaredCharset(utf8(page(`<meta http-equiv='Content-Type' content='text/html; charset=gbk'>`))), 'gb18030');
    assert.equal(declaredCharset(utf8(page('<meta charset=utf-8>'))), 'utf-8');
    assert.equal(declaredCharset(utf8(page('<meta charset="big5">'))), 'big5');
    assert.equal(declaredCharset(utf8(page('<meta charset="no-such-thing">'))), undefined);
    assert.equal(extractHtmlText(encodeReport(page('<meta charset="gb2312">'), 'gb18030')).encoding, 'gb18030');
  });
  it('without a declaration: UTF-8 when the bytes are UTF-8, else GB18030; a page that says UTF-8 but holds GBK is read as GBK', () => {
    assert.equal(extractHtmlText(utf8(page(''))).encoding, 'utf-8');
    const gbk = extractHtmlText(encodeReport(page(''), 'gb18030'));
    assert.equal(gbk.encoding, 'gb18030');
    assert.match(gbk.text, /本年度依法行政/);
    const mislabelled = extractHtmlText(encodeReport(page('<meta charset="utf-8">'), 'gb18030'));
    assert.equal(mislabelled.encoding, 'gb18030');
    assert.match(mislabelled.text, /本年度依法行政/);
  });
});

describe('extractHtmlText: paragraphs and tables', () => {
  it('breaks paragraphs at <p>, <br>, <div>, <li> and headings; decodes entities; trims &nbsp; and full-width indents; joins source lines between Chinese characters', () => {
    const text = read(`<body><div class="content"><h2>一、总体情况</h2><p>&nbsp;&nbsp;&nbsp;&nbsp;本年度&ldquo;放管服&rdquo;改革\n   深入推进，A&amp;B 两项<br>\u3000\u3000第二行</p>
      <div>（一）加强领导</div><ul><li>一是健全制度。</li><li>二是压实责任。</li></ul><p>2021
      年</p><p>   </p><script>document.write('脚本文字')</script><style>p{}</style><noscript>请启用脚本</noscript><iframe src="x">框架</iframe>
      <span style="display:none">隐藏文字</span><p hidden>隐藏段落</p><p>全年办理${'事项'.repeat(30)}。</p></div></body>`);
    assert.deepEqual(text.split('\n'), [
      '一、总体情况', '本年度“放管服”改革深入推进，A&B 两项', '第二行', '（一）加强领导', '一是健全制度。', '二是压实责任。', '2021 年', `全年办理${'事项'.repeat(30)}。`,
    ]);
  });

  it('writes a table one row per line, TAB between cells; a merged cell once, on its first row, as the .docx reader does; spacer rows left out', () => {
    const text = read(`<body><p>三、收到和处理政府信息公开申请情况</p><table><tbody>
      <tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>商业<br>企业</td><td>科研<br/>机构</td><td><p>社会公益</p><p>组织</p></td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td>&nbsp;</td></tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>27</td><td>0</td><td>0</td><td>2</td><td>0</td><td>1</td><td>30</td></tr>
      <tr><td colspan="2">（二）部分公开</td><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
      </tbody></table><p>四、其他</p></body>`);
    assert.deepEqual(text.split('\n'), [
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
      '自然人\t法人或其他组织\t总计',
      '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
      '三、本年度办理结果\t（一）予以公开\t27\t0\t0\t2\t0\t1\t30',
      '（二）部分公开\t5\t0\t0\t0\t0\t0\t5',
      '四、其他',
    ]);
  });

  it('reads a page laid out in table cells as blocks: the article’s cell, not the menu beside it', () => {
    const menu = Array.from({ length: 30 }, (_, k) => `<a href="/c${k}">栏目${k}</a><br>`).join('');
    const paragraphs = Array.from({ length: 12 }, (_, k) => `<p>（${'一二三四五六七八九十'[k % 10]}）全年共办理行政复议案件${k + 10}件，依法纠错${k}件，行政机关负责人出庭应诉率百分之百。</p>`).join('');
    const text = read(`<body><table width="980"><tr><td width="200">${menu}</td><td><table><tr><td><p class="title">某某县2023年法治政府建设年度报告</p>${paragraphs}</td></tr></table></td></tr></table></body>`);
    assert.ok(!text.includes('栏目'), text.slice(0, 200));
    assert.equal(text.split('\n')[0], '某某县2023年法治政府建设年度报告');
    assert.equal(text.split('\n').length, 13);
  });

  it('an article that is mostly one table keeps its headings: the search does not go into the table', () => {
    const rows = Array.from({ length: 40 }, (_, k) => `<tr><td>${k + 1}.属于第${k + 1}类情形</td><td>${k}</td><td>0</td><td>${k}</td></tr>`).join('');
    const text = read(`<body><div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div><div class="main"><p>三、收到和处理政府信息公开申请情况</p><table>${rows}</table><p>四、其他</p></div></body>`);
    const lines = text.split('\n');
    assert.equal(lines[0], '三、收到和处理政府信息公开申请情况');
    assert.equal(lines[1], '1.属于第1类情形\t0\t0\t0');
    assert.equal(lines.at(-1), '四、其他');
    assert.equal(lines.length, 42);
  });

  it('never takes the site’s name for the title (a logo’s heading), and leaves a search form out; reads a page built inside one <form>', () => {
    const body = Array.from({ length: 10 }, () => '<p>本年度依法行政工作取得新成效，各项制度不断完善，执法行为持续规范。</p>').join('');
    const text = read(`<html><head><title>某某市2023年法治政府建设年度报告 - 某某市人民政府</title></head><body><form id="aspnetForm"><div class="head"><h1>某某市人民政府</h1><form action="/s"><label>站内搜索</label><input name="q"><button>搜索</button></form></div><div class="content">${body}</div></form></body></html>`);
    const lines = text.split('\n');
    assert.equal(lines[0], '某某市2023年法治政府建设年度报告');
    assert.equal(lines.length, 11);
    assert.ok(!text.includes('站内搜索'));
  });

  it('takes the title from <title> without the site’s name when the page has no heading', () => {
    assert.equal(withoutSiteName('平潭综合实验区2021年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区管委会'), '平潭综合实验区2021年度政府信息公开工作年度报告');
    assert.equal(withoutSiteName('关于2023年法治政府建设情况的报告 - 某某市人民政府'), '关于2023年法治政府建设情况的报告');
    const body = Array.from({ length: 10 }, () => '<p>本年度依法行政工作取得新成效，各项制度不断完善，执法行为持续规范。</p>').join('');
    const text = read(`<html><head><title>某某市2023年法治政府建设年度报告 - 某某市人民政府</title></head><body>${body}</body></html>`);
    assert.equal(text.split('\n')[0], '某某市2023年法治政府建设年度报告');
  });
});

describe('extractHtmlText on hostile pages', () => {
  it('refuses elements nested past the depth limit in one line, quickly', () => {
    const started = Date.now();
    const r = refusal(utf8('<div>'.repeat(100_000) + '文字'));
    assert.match(r.zh, /嵌套超过 512 层/);
    assert.match(r.en, /nests elements more than 512 deep/);
    assert.ok(Date.now() - started < 2000);
  });

  it('refuses more elements than the limit, and more text than the limit', () => {
    assert.match(refusal(utf8('<span>字</span>'.repeat(2000)), { maxElements: 1000 }).zh, /元素超过 1000 个/);
    assert.match(refusal(utf8(`<p>${'字'.repeat(5000)}</p>`), { maxChars: 1000 }).en, /more than 1000 characters/);
  });

  it('stops at the time limit', () => {
    const big = utf8('<p><b>一、总体情况</b>本年度依法行政。</p>'.repeat(200_000));
    assert.match(refusal(big, { maxMillis: 5 }).zh, /时限/);
  });

  it('reads tag soup, unclosed tags and stray closes as a browser shows them; bytes that are no text in one line', () => {
    const soup = '<table><tr><td>1<td>2</tr></div></span><p>一、总体情况<p>本年度<b><i>依法</b>行政</i>。</table><<<>>><!-- <p>注释</p> --><![CDATA[x]]>';
    assert.match(read(soup), /本年度依法行政。/);
    assert.doesNotMatch(read(soup), /注释/);
    assert.match(refusal(new Uint8Array(Array.from({ length: 4096 }, (_, k) => (k * 7919) % 256))).zh, /无法识别网页编码/);
  });

  it('stays linear on long runs that the charset pattern and the text rules read', () => {
    const started = Date.now();
    extractHtmlText(utf8('<meta ' + 'a'.repeat(2_000_000)));
    extractHtmlText(utf8(`<p>${' \n'.repeat(1_000_000)}</p><p>${'发布日期：2'.repeat(100_000)}</p>`));
    // Runs that HTML does not collapse: &nbsp; and full-width spaces, inside a paragraph and a cell.
    extractHtmlText(utf8(`<p>一${'&nbsp;'.repeat(300_000)}二</p><p>三${'\u3000'.repeat(300_000)}四</p><table><tr><td>五${'&nbsp;'.repeat(100_000)}六</td><td>1</td></tr></table>`));
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  });

  // (Inside an unclosed <title> a <script> is text, as browsers read it: the whole title token is used instead.)
  it('on any soup of the tags 政务 pages use: text or one HtmlError, lines never blank, a script’s text never', () => {
    const tokens = [
      '<p>', '</p>', '<div class="content">', '<div id="zoom">', '</div>', '<br>', '<table>', '</table>', '<tr>', '</tr>', '<td>',
      '<td rowspan="3">', '<td colspan="2">', '</td>', '<th>', '<a href="/x">', '</a>', '<h1>', '</h1>', '<li>', '<ul>', '</ul>',
      '<form>', '</form>', '<input name=q>', '<title>某县2023年政府信息公开工作年度报告_某县人民政府</title>', '<nav>', '</nav>', '<span style="display:none">', '</span>',
      '<script>脚本内容</script>', '<style>p{}</style>', '<!-- 注释 -->', '<![CDATA[x]]>', '&nbsp;', '&ldquo;', '&#x4E00;', '&amp',
      '\u3000', '\n', ' ', '\t', '一、总体情况', '（一）加强领导。', '发布日期：2022-01-01', '来源：办公室', '27', '版权所有', '<', '>', '"',
    ];
    fc.assert(fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 200 }), (parts) => {
      let text: string;
      try {
        text = extractHtmlText(utf8(parts.join(''))).text;
      } catch (e) {
        assert.ok(e instanceof HtmlError, String(e));
        return;
      }
      assert.ok(!text.includes('脚本内容'), text);
      for (const line of text.split('\n')) if (text.length > 0) assert.ok(line.trim().length > 0, JSON.stringify(text));
    }), { numRuns: 500, seed: 20 });
  });

  it('keeps its limits at the documented values', () => {
    assert.deepEqual(HTML_LIMITS, { maxElements: 500_000, maxDepth: 512, maxChars: 20_000_000, maxMillis: 10_000 });
  });
});
