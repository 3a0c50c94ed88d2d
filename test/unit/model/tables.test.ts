// Tables in the report model: which lines form a table, what their rows, labels and values are, and that no
// table row is ever a heading, a paragraph or an enumeration — on the real reports and on every layout the
// domain notes describe (TAB, Markdown pipes, PDF text with spaces, headers over several lines, merged cells).
import * as assert from 'assert/strict';
import { buildOutline, checkModel, columnLabels, foldingRegions, govInfoTables, parseReport, type ReportModel } from '../../../server/src/core/index';
import { allCorpus, corpusText } from '../../helpers/corpus';

const NUMBERING = /^numbering-/;

function tableLines(model: ReportModel): Set<number> {
  const out = new Set<number>();
  for (const t of model.tables) for (let i = t.startLine; i <= t.endLine; i++) out.add(i);
  return out;
}

/** A report's table rows rewritten by `rewrite` (cells as an array), other lines kept. */
function rewriteRows(text: string, rewrite: (cells: string[]) => string): string {
  return text.split('\n').map((l) => (l.includes('\t') ? rewrite(l.split('\t')) : l)).join('\n');
}

describe('tables in the model', () => {
  describe('the four 政府信息公开 reports of the corpus', () => {
    for (const { name, text } of allCorpus('gov-info')) {
      it(`${name}: 表二, 表三 and 表四 under their sections; six level-1 headings; no table row is a heading or a paragraph`, () => {
        const model = parseReport(text);
        assert.equal(model.tables.length, 3);
        const level1 = model.headings.filter((h) => h.level === 1).map((h) => h.number.raw);
        assert.deepEqual(level1, ['一、', '二、', '三、', '四、', '五、', '六、']);
        const g = govInfoTables(model);
        assert.equal(g.proactive, model.tables[0]);
        assert.equal(g.requests?.table, model.tables[1]);
        assert.equal(g.reviews?.table, model.tables[2]);
        assert.deepEqual(model.tables.map((t) => t.section?.number.raw), ['二、', '三、', '四、']);
        const inTables = tableLines(model);
        for (const h of model.headings) assert.ok(!inTables.has(h.line), `heading on table line ${h.line + 1}: ${h.number.raw}${h.title}`);
        for (const p of model.paragraphs) assert.ok(!inTables.has(p.line), `paragraph on table line ${p.line + 1}`);
        for (const e of model.enumerations) assert.ok(!inTables.has(e.line), `enumeration on table line ${e.line + 1}`);
        // Every TAB line of the report is in a table.
        text.split('\n').forEach((l, i) => { if (l.includes('\t')) assert.ok(inTables.has(i), `TAB line ${i + 1} outside a table`); });
      });
      it(`${name}: 25 rows of 表三 with seven values each, 表四 three blocks, every equation holds`, () => {
        const g = govInfoTables(parseReport(text));
        assert.equal(g.requests?.layout, 25);
        assert.ok(g.requests!.rows.every((r) => r.values?.length === 7));
        assert.equal(g.reviews?.blocks.length, 3);
        // 25 row equations + 7 balance + 7 results + 3 blocks.
        assert.equal(g.equations.length, 42);
        assert.deepEqual(g.equations.filter((e) => !e.holds), []);
      });
      it(`${name}: no numbering finding and no table-sum finding`, () => {
        const findings = checkModel(parseReport(text)).filter((f) => NUMBERING.test(f.rule) && f.severity !== 'information' || f.rule === 'table-sum');
        assert.deepEqual(findings.map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message.zh}`), []);
      });
    }
  });

  describe('rows, labels and values', () => {
    const model = parseReport(corpusText('gov-info', 'pingtan-2021'));
    const requests = model.tables[1];
    const row = (label: string) => requests.rows.find((r) => r.kind === 'data' && r.labels[r.labels.length - 1].startsWith(label))!;

    it('reads header, caption and data rows', () => {
      assert.deepEqual(requests.rows.slice(0, 4).map((r) => r.kind), ['header', 'header', 'header', 'data']);
      const proactive = model.tables[0];
      assert.deepEqual(proactive.rows.filter((r) => r.kind === 'caption').map((r) => r.cells[0].text),
        ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
      assert.equal(proactive.caption?.text, '第二十条第（一）项');
    });
    it('a caption with a space in a TAB table is one cell; each part of 表二 is labelled by its own header', () => {
      const huaian = parseReport(corpusText('gov-info', 'huaian-2024'));
      const proactive = huaian.tables[0];
      assert.deepEqual(proactive.rows.filter((r) => r.kind === 'caption').map((r) => r.cells.map((c) => c.text)),
        [['第二十条 第（一）项'], ['第二十条 第（五）项'], ['第二十条 第（六）项'], ['第二十条 第（八）项']]);
      const data = proactive.rows.filter((r) => r.kind === 'data');
      assert.deepEqual(data.map((r) => r.labels), [['规章'], ['行政规范性文件'], ['行政许可'], ['行政处罚'], ['行政强制'], ['行政事业性收费']]);
      assert.equal(columnLabels(proactive, data[2])[3], '本年处理决定数量');
      assert.equal(columnLabels(proactive, data[5])[3], '本年收费金额（单位：万元）');
    });
    it('carries a merged group label down to the rows it covers', () => {
      assert.deepEqual(row('（一）').labels, ['三、本年度办理结果', '（一）予以公开']);
      assert.deepEqual(row('2.其他法律').labels, ['三、本年度办理结果', '（三）不予公开', '2.其他法律行政法规禁止公开']);
      assert.deepEqual(row('（七）').labels, ['三、本年度办理结果', '（七）总计']);
      assert.deepEqual(row('四、').labels, ['四、结转下年度继续办理']);
    });
    it('keeps cells with their ranges and values, read from the right', () => {
      const r = row('（一）');
      const values = r.cells.slice(r.valueStart);
      assert.deepEqual(values.map((c) => c.value), [27, 0, 0, 2, 0, 1, 30]);
      const line = corpusText('gov-info', 'pingtan-2021').split('\n')[r.line];
      for (const c of r.cells) assert.equal(line.slice(c.range.start.character, c.range.end.character), c.text);
      assert.deepEqual(values.map((c) => c.column), [2, 3, 4, 5, 6, 7, 8]);
    });
    it('records blank cells as no value, counted as 0', () => {
      const fgj = parseReport(corpusText('gov-info', 'shuyang-fgj-2023'));
      const first = fgj.tables[1].rows.find((r) => r.kind === 'data')!;
      const values = first.cells.slice(first.valueStart);
      assert.deepEqual(values.map((c) => (c.empty ? '∅' : c.value)), [26, '∅', '∅', '∅', '∅', '∅', 26]);
      assert.deepEqual(govInfoTables(fgj).equations.filter((e) => !e.holds), []);
    });
    it('「/」「-」「—」 are no value', () => {
      const m = parseReport('报告\n一、情况\n类型\t数量\t占比\n甲\t3\t/\n乙\t-\t—\n丙\t4\t50%\n');
      const t = m.tables[0];
      assert.deepEqual(t.rows.filter((r) => r.kind === 'data').map((r) => r.cells.slice(1).map((c) => (c.empty ? '∅' : c.value))), [[3, '∅'], ['∅', '∅'], [4, 50]]);
    });
  });

  describe('layouts', () => {
    const base = corpusText('gov-info', 'pingtan-2021');
    const holds = (text: string, layout: 25 | 23) => {
      const model = parseReport(text);
      const g = govInfoTables(model);
      assert.equal(g.requests?.layout, layout);
      assert.equal(g.reviews?.blocks.length, 3);
      assert.deepEqual(g.equations.filter((e) => !e.holds).map((e) => e.scope.zh), []);
      assert.deepEqual(model.headings.filter((h) => h.level === 1).length, 6);
      assert.deepEqual(checkModel(model).filter((f) => NUMBERING.test(f.rule) || f.rule === 'table-sum').map((f) => `${f.rule}@${f.range.start.line + 1}`), []);
      return model;
    };

    it('Markdown pipe tables, with a separator under the header', () => {
      let headerDone = false;
      const text = base.split('\n').map((l, i, all) => {
        if (!l.includes('\t')) { headerDone = false; return l; }
        const row = `| ${l.split('\t').join(' | ')} |`;
        const nextIsRow = all[i + 1]?.includes('\t');
        if (!headerDone && /自然人|信息内容|行政复议/.test(l) && !/结果维持/.test(all[i + 1] ?? '')) {
          headerDone = true;
          return nextIsRow ? `${row}\n|${' --- |'.repeat(l.split('\t').length)}` : row;
        }
        return row;
      }).join('\n');
      const model = holds(text, 25);
      assert.equal(model.tables[1].format, 'pipe');
    });
    it('PDF text: label cells separated by runs of spaces, values by single spaces, headers over three lines', () => {
      const text = rewriteRows(base, (cells) => {
        const values: string[] = [];
        while (cells.length > 0 && /^[0-9.]+$/.test(cells[cells.length - 1])) values.unshift(cells.pop()!);
        return [cells.join('   '), values.join(' ')].filter((s) => s.length > 0).join('   ');
      });
      const model = holds(text, 25);
      assert.equal(model.tables[1].format, 'spaced');
      // The header lines of 表四 join its table; its data line is fifteen numbers.
      assert.ok(model.tables[2].rows.filter((r) => r.kind === 'header').length >= 2);
    });
    it('one cell per line (a converter that lost the TABs): the row labels of 表三 are not headings, and nothing is guessed', () => {
      const text = base.split('\n').flatMap((l) => (l.includes('\t') ? l.split('\t') : [l])).join('\n');
      const model = parseReport(text);
      assert.deepEqual(model.headings.filter((h) => h.level === 1).map((h) => h.number.raw), ['一、', '二、', '三、', '四、', '五、', '六、']);
      const findings = checkModel(model).filter((f) => NUMBERING.test(f.rule) || f.rule === 'table-sum');
      assert.deepEqual(findings.map((f) => `${f.rule}@${f.range.start.line + 1}`), []);
      const lines = text.split('\n');
      for (const label of ['一、本年新收政府信息公开申请数量', '（三）不予公开', '2.其他法律行政法规禁止公开', '（七）总计', '四、结转下年度继续办理']) {
        const line = lines.indexOf(label);
        assert.ok(model.tables.some((t) => t.startLine <= line && line <= t.endLine), `${label} (line ${line + 1}) is in a table`);
      }
    });
    it('the older layout: （六）其他处理 as one row, 23 data rows', () => {
      const lines = base.split('\n');
      const first = lines.findIndex((l) => l.startsWith('（六）其他处理'));
      lines.splice(first, 3, '（六）其他处理\t1\t0\t0\t0\t0\t0\t1');
      holds(lines.join('\n'), 23);
    });
    it('half-width labels, 「1、」 numbering, OCR slips and a cut header (the corpus variants)', () => {
      const ocr = corpusText('gov-info', 'shuyang-2025');
      assert.ok(ocr.includes('(一)予以公开') && ocr.includes('社会公益\t') && ocr.includes('(六)其他\t'));
      holds(ocr, 25);
      const huaian = corpusText('gov-info', 'huaian-2024');
      assert.ok(huaian.includes('1、申请人'));
      holds(huaian, 25);
      const slip = base.replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
      holds(slip, 25);
    });
    it('header cells broken up and spaced (「商业 企业」「社会 公益 组织」), and a header split over more lines', () => {
      const spaced = base
        .replace('商业企业\t科研机构\t社会公益组织', '商业 企业\t科研 机构\t社会 公益 组织')
        .replace('自然人\t法人或其他组织\t总计', '自然人\t法人或其他\n组织\t总计');
      const model = holds(spaced, 25);
      assert.equal(model.tables[1].rows.filter((r) => r.kind === 'header').length, 4);
    });
    it('a label wrapped onto its own line between rows joins the table, heading number and all', () => {
      const text = base.replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t', '（二）部分公开（区分处理的，只计这一情形，不\n计其他情形）\t');
      const model = holds(text, 25);
      const wrapped = model.tables[1].rows.find((r) => r.kind === 'data' && r.labels.join('').includes('计其他情形'))!;
      assert.match(wrapped.labels.join(''), /^三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）$/);
    });
  });

  describe('what is not a table', () => {
    it('a TAB after a heading number, and prose with a stray TAB', () => {
      const m = parseReport('2023年法治政府建设年度报告\n一、\t主要举措和成效\n全年办理案件12件。\t其中调解8件。\n（一）\t加强组织领导\n');
      assert.equal(m.tables.length, 0);
      assert.deepEqual(m.headings.map((h) => h.number.raw), ['一、', '（一）']);
    });
    it('Markdown separator rows alone (|---|---|), found by the fuzzer: no table, no crash', () => {
      for (const text of ['|---|---|\n|---|---|', '报告\n|---|---|\n|---|---|\n一、情况', '| a | b |\n|---|---|']) {
        const m = parseReport(text);
        assert.equal(m.tables.length, 0, JSON.stringify(text));
        checkModel(m);
      }
      assert.equal(parseReport('| 类型 | 数量 |\n|---|---|\n| 甲 | 3 |').tables.length, 1);
    });
    it('page numbers of PDF text and dates with spaces', () => {
      const m = parseReport('2023年法治政府建设年度报告\n一、主要举措和成效\n全年办理案件12件。\n- 3 -\n2024 年 1 月 5 日\n— 4 —\n');
      assert.equal(m.tables.length, 0);
    });
    it('a heading between two tables stays a heading', () => {
      const text = [
        'XX县司法局2023年法治政府建设年度报告',
        '一、主要举措和成效',
        '（一）行政复议',
        '案件类型\t收案\t结案',
        '治安\t3\t3',
        '交通\t2\t1',
        '（二）行政诉讼',
        '案件类型\t一审\t二审',
        '征收\t4\t1',
        '二、存在的不足和原因',
        '一是执法不够规范，主要原因是培训不足。',
      ].join('\n');
      const m = parseReport(text);
      assert.equal(m.tables.length, 2);
      assert.deepEqual(m.headings.map((h) => h.number.raw), ['一、', '（一）', '（二）', '二、']);
      assert.deepEqual(m.tables.map((t) => t.section?.number.raw), ['（一）', '（二）']);
    });
  });

  describe('outline and folding', () => {
    it('each table is one node under its section; table rows are not nodes', () => {
      const model = parseReport(corpusText('gov-info', 'pingtan-2021'));
      const outline = buildOutline(model);
      assert.deepEqual(outline.map((n) => n.detail), ['一、', '二、', '三、', '四、', '五、', '六、']);
      assert.deepEqual(outline.slice(1, 4).map((n) => n.children.map((c) => `${c.kind} ${c.name}`)), [
        ['table 表二 主动公开政府信息情况'],
        ['table 表三 收到和处理政府信息公开申请情况'],
        ['table 表四 政府信息公开行政复议、行政诉讼情况'],
      ]);
      assert.equal(buildOutline(model, 'en')[2].children[0].name, 'Table 3: requests for disclosure received and handled');
      const t = model.tables[1];
      assert.ok(foldingRegions(model).some((r) => r.startLine === t.startLine && r.endLine === t.endLine));
    });
    it('a table of another report is named by its caption or its header', () => {
      const m = parseReport('2023年法治政府建设年度报告\n一、主要举措和成效\n表1 行政复议案件情况\n案件类型\t收案\t结案\n治安\t3\t3\n');
      assert.equal(buildOutline(m)[0].children[0].name, '表1 行政复议案件情况');
      const bare = parseReport('2023年法治政府建设年度报告\n一、主要举措和成效\n案件类型\t收案\t结案\n治安\t3\t3\n');
      const node = buildOutline(bare)[0].children[0];
      assert.equal(node.name, '表格（案件类型、收案、结案）');
      assert.equal(node.detail, '1行');
      const wide = parseReport('2023年法治政府建设年度报告\n一、主要举措和成效\n类型\t收案\t结案\t在办\n治安\t3\t3\t0\n交通\t2\t1\t1\n');
      assert.equal(buildOutline(wide, 'en')[0].children[0].name, 'Table (类型、收案、结案…)');
      assert.equal(buildOutline(wide, 'en')[0].children[0].detail, '2 rows');
    });
  });
});

describe('tables as evidence', () => {
  it('a 成效 section whose numbers stand in a table is not a section without figures', () => {
    const prose = '我局坚持依法行政，严格规范公正文明执法，全面落实行政执法三项制度，持续深化放管服改革，不断提升依法行政水平。'.repeat(12);
    const text = [
      'XX县司法局2023年法治政府建设年度报告',
      '一、2023年推进法治政府建设的主要举措和成效',
      prose,
      '案件类型\t收案\t结案',
      '治安\t3\t3',
      '交通\t2\t1',
      '二、存在的不足和原因',
      '一是执法不够规范，主要原因是培训不足。',
    ].join('\n');
    assert.deepEqual(checkModel(parseReport(text)).filter((f) => f.rule === 'sparse-evidence'), []);
    const withoutTable = text.split('\n').filter((l) => !l.includes('\t')).join('\n');
    assert.equal(checkModel(parseReport(withoutTable)).filter((f) => f.rule === 'sparse-evidence').length, 1);
  });
});
