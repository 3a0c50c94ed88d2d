import * as assert from 'assert/strict';
import { hoverAt, parseReport } from '../../../server/src/core/index';
import { corpusText } from '../../helpers/corpus';
import { seedText } from '../../helpers/seeds';

// markdown-it (a devDependency, CommonMark) has no types of its own here: the one call used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new () => { render(markdown: string): string };

function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line].indexOf(needle) + offset };
}

describe('hover', () => {
  const text004 = seedText('004');
  const m004 = parseReport(text004);

  it('on a money figure: normalised value, kind, exactness, subject and section', () => {
    const h = hoverAt(m004, positionOf(text004, '1.99亿元', 1), { locale: 'zh' })!;
    assert.match(h.markdown, /\*\*1\.99亿元\*\* → 199,000,000 元 · 金额 · 确数/);
    assert.match(h.markdown, /- 款项：招商引资到位资金/);
    assert.match(h.markdown, /- 所在部分：（二）健全政府机构职能体系/);
  });

  it('on a total with a breakdown: the sum of the parts and the verdict', () => {
    const h = hoverAt(m004, positionOf(text004, '151项', 1), { locale: 'zh' })!;
    assert.match(h.markdown, /✗ 其中各项之和 97项，不等于总数 151项：6项 \+ 18项 .* \+ 53项/);
  });

  it('on a rate: recomputed from the counts beside it', () => {
    const text = seedText('000');
    const h = hoverAt(parseReport(text), positionOf(text, '办结率100%', 3), { locale: 'zh' })!;
    assert.match(h.markdown, /✓ 518起 ÷ 518起 = 100%/);
  });

  it('on an approximate figure: says so, in English too', () => {
    const h = hoverAt(m004, positionOf(text004, '6000余份', 1), { locale: 'en' })!;
    assert.match(h.markdown, /≈6,000 份 · count · approximate \(“余”\)/);
    assert.match(h.markdown, /- Counts: 宣传资料/);
  });

  it('on a heading: a table of the section’s figures and totals per unit', () => {
    const h = hoverAt(m004, positionOf(text004, '（二）健全政府机构职能体系', 1), { locale: 'zh' })!;
    assert.match(h.markdown, /\| 指标 \| 数值 \| 单位 \|/);
    assert.match(h.markdown, /\| 行政许可 \| 6 \| 项 \|/);
    assert.match(h.markdown, /按单位合计：.*\d+项/);
    assert.match(h.markdown, /199,000,000 元/);
  });

  it('on the title: year, profile, mandated items, figures, and the quality an evaluator reads', () => {
    const text = seedText('003');
    const h = hoverAt(parseReport(text), positionOf(text, '瀍河回族区人民政府关于', 2), { locale: 'zh' })!;
    assert.match(h.markdown, /报告年度：2021/);
    assert.match(h.markdown, /报告类型：法治政府建设年度报告/);
    assert.match(h.markdown, /已有必备内容：3\/4/);
    assert.match(h.markdown, /缺少：上一年度党政主要负责人履行推进法治建设第一责任人职责/);
    assert.match(h.markdown, /成文日期：2022年2月23日\n/);
    assert.match(h.markdown, /存在的不足：只有套话，未写具体问题/);
    assert.match(h.markdown, /下一年度安排：有具体措施/);
    // 「五、」 has 15 figures and no case in 253 characters; 「八、存在问题及下步打算」 has none.
    assert.match(h.markdown, /各部分每千字的数据和事例：一 16\.9，二 23\.3，.*五 59\.3，.*八 0$/m);
  });

  it('on the title: the mandated count and 「缺少」 are of mandated items only; an optional item unwritten is named apart', () => {
    const text = seedText('003'); // no 第一责任人 section, no 「其他需要报告的情况」 (optional)
    const model = parseReport(text);
    const at = positionOf(text, '瀍河回族区人民政府关于', 2);
    const cases = [
      { locale: 'zh' as const, count: /已有必备内容：(\d+)\/(\d+)/, missing: /- 缺少：(.*)/, optional: /- 可选内容，未写：(.*)/, separator: '；', other: '其他需要报告的情况' },
      { locale: 'en' as const, count: /Mandated items present: (\d+)\/(\d+)/, missing: /- Missing: (.*)/, optional: /- Optional, not written: (.*)/, separator: '; ', other: 'other matters to report' },
    ];
    for (const c of cases) {
      const markdown = hoverAt(model, at, { locale: c.locale })!.markdown;
      const [, present, mandated] = markdown.match(c.count)!.map(Number);
      const missing = markdown.match(c.missing)![1].split(c.separator);
      assert.equal(present + missing.length, mandated, `${c.locale}: ${present}/${mandated} with ${missing.length} missing`);
      assert.deepEqual([present, mandated], [3, 4], c.locale);
      assert.ok(!missing.includes(c.other), `${c.locale}: the optional item is not listed as missing`);
      assert.deepEqual(markdown.match(c.optional)![1].split(c.separator), [c.other], c.locale);
    }
  });

  it('on the title of a report with every item: 4/4, nothing missing, nothing optional left', () => {
    const text = ['清水县人民政府关于2023年度法治政府建设情况的报告', '一、2023年推进法治政府建设的主要举措和成效', '全年办理行政复议案件12件。',
      '二、2023年党政主要负责人履行推进法治建设第一责任人职责情况', '县长主持召开常务会议学法4次。',
      '三、2023年推进法治政府建设存在的不足和原因', '一是12个乡镇中有7个没有法律专业人员。', '四、2024年推进法治政府建设的主要安排', '持续推进法治政府建设。',
      '五、其他需要报告的情况', '无。'].join('\n');
    for (const locale of ['zh', 'en'] as const) {
      const markdown = hoverAt(parseReport(text), { line: 0, character: 3 }, { locale })!.markdown;
      assert.match(markdown, locale === 'zh' ? /已有必备内容：4\/4/ : /Mandated items present: 4\/4/);
      assert.doesNotMatch(markdown, /缺少|Missing|可选|Optional/);
    }
  });

  it('on the title of a late, concrete report: the deadline passed, concrete problems', () => {
    const text = ['清水县人民政府关于2023年度法治政府建设情况的报告', '一、2023年推进法治政府建设的主要举措和成效', '全年办理行政复议案件12件。',
      '二、2023年推进法治政府建设存在的不足和原因', '一是12个乡镇中有7个没有法律专业人员。主要原因是编制紧张。',
      '三、2024年推进法治政府建设的主要安排', '持续推进法治政府建设。', '清水县人民政府', '2024年3月15日'].join('\n');
    const h = hoverAt(parseReport(text), { line: 0, character: 3 }, { locale: 'zh' })!;
    assert.match(h.markdown, /成文日期：2024年3月15日，晚于报送或公开期限/);
    assert.match(h.markdown, /存在的不足：写到了具体问题/);
    assert.match(h.markdown, /下一年度安排：没有具体措施、数字或时间/);
    const en = hoverAt(parseReport(text), { line: 0, character: 3 }, { locale: 'en' })!;
    assert.match(en.markdown, /Plan: no concrete measure, figure or date/);
  });

  it('is silent on plain text and between figures', () => {
    assert.equal(hoverAt(parseReport('hello\nworld'), { line: 0, character: 1 }, { locale: 'zh' }), undefined);
    assert.equal(hoverAt(m004, positionOf(text004, '深入学习贯彻党的二十大精神'), { locale: 'zh' }), undefined);
  });
});

/**
 * Every line of the hover stands on its own line when VS Code renders it: rendered as CommonMark (markdown-it, as
 * VS Code's renderer reads these constructs), no paragraph holds a soft line break — two lines joined by one newline
 * would run together as one.
 */
function assertLinesApart(markdown: string): void {
  const html = new MarkdownIt().render(markdown);
  for (const p of html.match(/<p>[\s\S]*?<\/p>/g) ?? []) assert.ok(!p.includes('\n'), `a paragraph runs two lines together: ${p}\nin:\n${markdown}`);
  for (const li of html.match(/<li>[\s\S]*?<\/li>/g) ?? []) assert.ok(!li.replace(/<\/?p>\n?/g, '').trim().includes('\n'), `a list item runs two lines together: ${li}`);
}

/** The hover's lines as they render: the text of each paragraph, list item and table row, in order. */
function renderedLines(markdown: string): string[] {
  const html = new MarkdownIt().render(markdown);
  return [...html.matchAll(/<(p|li|tr)>([\s\S]*?)<\/\1>/g)].map((m) => m[2].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

describe('hover layout: line by line, no redundant arrow, the language’s colon, labels per kind, the check first', () => {
  const text004 = seedText('004');
  const m004 = parseReport(text004);
  const pingtan = corpusText('gov-info', 'pingtan-2021');
  const mPingtan = parseReport(pingtan);
  const title003 = seedText('003');
  const cellPosition = () => {
    const lines = pingtan.split('\n');
    const line = lines.findIndex((l) => l.startsWith('三、本年度办理结果'));
    return { line, character: lines[line].indexOf('\t27\t') + 1 };
  };
  /** Every kind of hover, in both languages. */
  const all = () => (['zh', 'en'] as const).flatMap((locale) => [
    hoverAt(m004, positionOf(text004, '1.99亿元', 1), { locale })!,
    hoverAt(m004, positionOf(text004, '151项', 1), { locale })!,
    hoverAt(m004, positionOf(text004, '6000余份', 1), { locale })!,
    hoverAt(m004, positionOf(text004, '满意度达99%', 5), { locale })!,
    hoverAt(m004, positionOf(text004, '（二）健全政府机构职能体系', 1), { locale })!,
    hoverAt(parseReport(title003), positionOf(title003, '瀍河回族区人民政府关于', 2), { locale })!,
    hoverAt(mPingtan, cellPosition(), { locale })!,
  ].map((h) => ({ locale, markdown: h.markdown })));

  it('renders each line apart: subject and section are two lines, in both languages and every kind of hover', () => {
    for (const { markdown } of all()) assertLinesApart(markdown);
    const lines = renderedLines(hoverAt(m004, positionOf(text004, '1.99亿元', 1), { locale: 'zh' })!.markdown);
    assert.deepEqual(lines.slice(-2), ['款项：招商引资到位资金', '所在部分：（二）健全政府机构职能体系']);
  });

  it('drops the arrow when the normalised value reads as written (99%, 15件), keeps it when it says more', () => {
    const rate = hoverAt(m004, positionOf(text004, '满意度达99%', 5), { locale: 'zh' })!.markdown;
    assert.match(rate, /^\*\*99%\*\* · 比率 · 确数$/m);
    assert.doesNotMatch(rate, /→/);
    assert.match(hoverAt(m004, positionOf(text004, '151项', 1), { locale: 'en' })!.markdown, /^\*\*151项\*\* · count · exact$/m);
    assert.match(hoverAt(m004, positionOf(text004, '1.99亿元', 1), { locale: 'zh' })!.markdown, /→ 199,000,000 元/);
    assert.match(hoverAt(m004, positionOf(text004, '6000余份', 1), { locale: 'zh' })!.markdown, /→ ≈6,000 份/);
    const year = hoverAt(m004, positionOf(text004, '2023年以来', 1), { locale: 'zh' })!.markdown;
    assert.match(year, /^\*\*2023年\*\* · 年份/);
    assert.doesNotMatch(year, /→|2,023/);
  });

  it('uses ": " after English labels and 「：」 after Chinese ones', () => {
    for (const { locale, markdown } of all()) {
      if (locale === 'en') assert.doesNotMatch(markdown, /[A-Za-z)\]]：/, markdown);
      else assert.doesNotMatch(markdown, /[\u4e00-\u9fff]: /, markdown);
    }
  });

  it('labels the subject by kind: 统计对象 / Counts only for a count; an amount, a rate', () => {
    const label = (needle: string, offset: number, locale: 'zh' | 'en') => renderedLines(hoverAt(m004, positionOf(text004, needle, offset), { locale })!.markdown).at(-2)!;
    assert.equal(label('6000余份', 1, 'zh'), '统计对象：宣传资料');
    assert.equal(label('6000余份', 1, 'en'), 'Counts: 宣传资料');
    assert.equal(label('1.99亿元', 1, 'zh'), '款项：招商引资到位资金');
    assert.equal(label('1.99亿元', 1, 'en'), 'Amount: 招商引资到位资金');
    assert.equal(label('满意度达99%', 5, 'zh'), '指标：群众满意度');
    assert.equal(label('满意度达99%', 5, 'en'), 'Rate: 群众满意度');
    // A section's table lists figures of every kind: a neutral header.
    assert.match(hoverAt(m004, positionOf(text004, '（二）健全政府机构职能体系', 1), { locale: 'en' })!.markdown, /\| What \| Value \| Unit \|/);
  });

  it('a total with a breakdown: the verdict right under the title line, the parts once', () => {
    for (const locale of ['zh', 'en'] as const) {
      const lines = renderedLines(hoverAt(m004, positionOf(text004, '151项', 1), { locale })!.markdown);
      assert.match(lines[1], /^✗ /, lines.join('\n'));
      assert.match(lines[1], /97项/);
      const markdown = lines.join('\n');
      assert.equal(markdown.split('53项').length - 1, 1, `the parts once:\n${markdown}`);
    }
  });

  it('a table cell: its value and table on the title line, row and column, the equations that fail first', () => {
    const model = parseReport(pingtan.replace('三、本年度办理结果\t（一）予以公开\t27\t', '三、本年度办理结果\t（一）予以公开\t28\t'));
    const position = cellPosition();
    const lines = renderedLines(hoverAt(model, position, { locale: 'zh' })!.markdown);
    assert.equal(lines[0], '28 · 表三 收到和处理政府信息公开申请情况');
    assert.deepEqual(lines.slice(1, 3), ['行：（一）予以公开', '列：自然人']);
    const equations = lines.filter((l) => /^[✓✗] /.test(l));
    assert.ok(equations.length >= 2, lines.join('\n'));
    assert.match(equations[0], /^✗ /, 'a broken equation first');
  });

  it('names the section of a figure before the first heading as the figures view and the CLI do', () => {
    const zh = renderedLines(hoverAt(m004, positionOf(text004, '2023年以来', 1), { locale: 'zh' })!.markdown);
    assert.equal(zh.at(-1), '所在部分：（第一个标题之前）');
    const en = renderedLines(hoverAt(m004, positionOf(text004, '2023年以来', 1), { locale: 'en' })!.markdown);
    assert.equal(en.at(-1), 'Section: (before the first heading)');
  });
});

describe('hover on a document above the large-document threshold', () => {
  const large = { locale: 'zh' as const, largeDocument: true };
  const text004 = seedText('004');
  const m004 = parseReport(text004);

  it('on a figure: its value and what it counts, read from the text around it, and no check', () => {
    const h = hoverAt(m004, positionOf(text004, '1.99亿元', 1), large)!;
    assert.match(h.markdown, /\*\*1\.99亿元\*\* → 199,000,000 元 · 金额 · 确数/);
    assert.match(h.markdown, /款项：招商引资到位资金/);
    assert.match(h.markdown, /所在部分：（二）健全政府机构职能体系/);
    assert.match(h.markdown, /文档较大，未核对数据/);
    // The range is the figure's own, as for any document.
    const { start, end } = h.range;
    assert.equal(text004.split('\n')[start.line].slice(start.character, end.character), '1.99亿元');
    // The breakdown of 151项 is not checked.
    assert.doesNotMatch(hoverAt(m004, positionOf(text004, '151项', 1), large)!.markdown, /其中各项/);
    assertLinesApart(h.markdown);
  });

  it('on a heading and on the title: no figures of their own, and why', () => {
    const heading = hoverAt(m004, positionOf(text004, '（二）健全政府机构职能体系', 1), large)!;
    assert.doesNotMatch(heading.markdown, /指标/);
    assert.match(heading.markdown, /文档较大/);
    const text = seedText('003');
    const title = hoverAt(parseReport(text), positionOf(text, '瀍河回族区人民政府关于', 2), large)!;
    assert.match(title.markdown, /报告年度：2021/);
    assert.match(title.markdown, /已有必备内容：3\/4/);
    assert.doesNotMatch(title.markdown, /数据：|每千字/);
  });

  it('costs the same at character 5,000,000 of a 10 MB line as near its start: only the text around it is read', () => {
    const clause = '全年受理行政复议案件15件，其中维持12件、纠正3件，办结率100%，';
    const line = clause.repeat(Math.ceil(10_000_000 / clause.length));
    const text = `某某县人民政府关于2023年度法治政府建设情况的报告\n一、2023年推进法治政府建设的主要举措和成效\n${line}\n`;
    const model = parseReport(text);
    const at = (character: number) => {
      const c = character - (character % clause.length) + clause.indexOf('15件') + 1;
      const started = performance.now();
      const h = hoverAt(model, { line: 2, character: c }, large)!;
      return { ms: performance.now() - started, markdown: h.markdown };
    };
    at(100); // compiled once
    const near = Math.min(...[0, 1, 2].map(() => at(100).ms));
    const middle = at(5_000_000);
    assert.match(middle.markdown, /\*\*15件\*\* · 数量 · 确数/);
    assert.match(middle.markdown, /统计对象：行政复议案件/);
    assert.ok(middle.ms < 50 && middle.ms < near + 20, `${middle.ms.toFixed(1)} ms at 5,000,000, ${near.toFixed(1)} ms near the start`);
  });
});

describe('hover after the document is analysed: independent of the paragraph length', () => {
  it('at the end of a 1 MB paragraph as fast as at its start (no search through its figures or breakdowns)', () => {
    const clause = '全年受理行政复议案件15件，其中维持12件、纠正3件，办结率100%，';
    const text = `某某县人民政府关于2023年度法治政府建设情况的报告\n一、2023年推进法治政府建设的主要举措和成效\n${clause.repeat(Math.ceil(1_000_000 / clause.length))}\n`;
    const model = parseReport(text);
    const hover = (k: number) => {
      const character = k * clause.length + clause.indexOf('15件') + 1;
      const started = performance.now();
      const h = hoverAt(model, { line: 2, character }, { locale: 'zh' })!;
      return { ms: performance.now() - started, markdown: h.markdown };
    };
    hover(0); // reads the figures and breakdowns of the paragraph once, as the diagnostics would
    const last = Math.floor(1_000_000 / clause.length) - 1;
    const times = [0, 1, 2].map(() => hover(last).ms + hover(1).ms);
    assert.match(hover(last).markdown, /✓ 其中各项之和等于总数 15件：12件 \+ 3件/);
    assert.ok(Math.min(...times) < 20, `two hovers took ${Math.min(...times).toFixed(1)} ms`);
  });
});
