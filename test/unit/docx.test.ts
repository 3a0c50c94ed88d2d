// The .docx reader: Word paragraphs and numbering as text, tables as rows of TAB-separated cells (merged cells
// once, on their first row, as a pasted table gives them), in time linear in the document's size.
import * as assert from 'assert/strict';
import { checkModel, govInfoTables, parseReport, ruleById } from '../../server/src/core/index';
import { DocxError, extractDocxText } from '../../server/src/node/docx';
import { documentXml, storedDocx, W_NS } from '../helpers/docx';
import { PINGTAN_TABLES_TEXT, pingtanTablesDocx, rowWith, table3Rows, valueCellRange } from '../helpers/gov-info-docx';

const p = (text: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numPr = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

describe('extractDocxText', () => {
  it('reads paragraphs with Word’s numbering written out, entities decoded', () => {
    const body = p('总体情况', numPr(1)) + p('组织领导', numPr(1, 1)) + p('A &amp; B &lt;C&gt; &#x4E00;') + '<w:p/>' + p('主要问题', numPr(1));
    const text = extractDocxText(storedDocx({ 'word/document.xml': documentXml(body), 'word/numbering.xml': NUMBERING }));
    assert.equal(text, '一、总体情况\n（一）组织领导\nA & B <C> 一\n\n二、主要问题');
  });

  it('reads a TAB where the text has one, not where a paragraph defines its tab stops', () => {
    const stops = '<w:tabs><w:tab w:val="left" w:pos="840"/><w:tab w:val="right" w:leader="dot" w:pos="8290"/></w:tabs>';
    const body = `<w:p><w:pPr>${stops}</w:pPr><w:r><w:t>一、总体情况</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>`;
    assert.equal(extractDocxText(storedDocx({ 'word/document.xml': documentXml(body) })), '一、总体情况\t1');
  });

  it('numbers a paragraph by its properties, not by those a tracked change replaced', () => {
    const removed = `<w:pPrChange w:id="1" w:author="x"><w:pPr>${numPr(1)}</w:pPr></w:pPrChange>`;
    const body = p('总体情况', numPr(1)) + p('不再编号的段落', removed) + p('主要问题', numPr(1));
    const text = extractDocxText(storedDocx({ 'word/document.xml': documentXml(body), 'word/numbering.xml': NUMBERING }));
    assert.equal(text, '一、总体情况\n不再编号的段落\n二、主要问题');
  });

  it('reads malformed XML in linear time: elements left open are closed at the end, anything else is one clear error', function () {
    this.timeout(20_000);
    const head = `<w:document xmlns:w="${W_NS}"><w:body>`;
    const numberingHead = `<w:numbering xmlns:w="${W_NS}">`;
    const started = Date.now();
    const outcomes: string[] = [];
    const attempt = (parts: Record<string, string>) => {
      try {
        outcomes.push(`text ${extractDocxText(storedDocx(parts)).length}`);
      } catch (e) {
        assert.ok(e instanceof DocxError, String(e));
        assert.doesNotMatch(e.message, /\n/);
        outcomes.push(e.message.replace(/ \(.*/, ''));
      }
    };
    for (const piece of ['<w:p ', '<w:t>', '<w:tbl><w:tr><w:tc ', '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1', '<w:p><w:r><w:t>1</w:t></w:r>', '<w:p><w:r><w:t>1</w:t></w:r></w:p>']) {
      attempt({ 'word/document.xml': head + piece.repeat(200_000) });
    }
    for (const piece of ['<w:abstractNum w:abstractNumId="1">', '<w:num w:numId="1">', '<w:lvl w:ilvl="0">']) {
      attempt({ 'word/document.xml': documentXml(p('x', numPr(1))), 'word/numbering.xml': numberingHead + piece.repeat(100_000) });
    }
    // Elements nested 200,000 deep are refused at the depth limit (saxes's own namespace lookup was quadratic in
    // the depth); a body and document never closed are closed at the end, and their 200,000 paragraphs read.
    const malformed = (part: string) => `${part} is not well-formed XML`;
    assert.deepEqual(outcomes, [...Array(5).fill(malformed('word/document.xml')), 'text 399999', ...Array(3).fill(malformed('word/numbering.xml'))]);
    assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
  });
});

describe('extractDocxText on Word tables', () => {
  const tableSum = ruleById('table-sum')!;
  let text: string;
  before(async function () {
    this.timeout(10_000);
    text = extractDocxText(await pingtanTablesDocx());
  });

  it('writes a report’s 表二 and 表三 as its web page pastes them: a row per line, a merged cell once, on its first row', () => {
    assert.deepEqual(text.split('\n'), PINGTAN_TABLES_TEXT.split('\n'));
    // 「三、本年度办理结果」 and 「（三）不予公开」 share the line of their first row; the rows below leave them out.
    assert.ok(text.includes('\n三、本年度办理结果\t（一）予以公开\t27\t'));
    assert.ok(text.includes('\n（三）不予公开\t1.属于国家秘密\t0\t'));
    assert.ok(text.includes('\n2.其他法律行政法规禁止公开\t0\t'));
    // The header's third row keeps only its own five cells; a cell of two paragraphs reads as one label.
    assert.ok(text.includes('\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n'));
    assert.ok(text.includes('\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t5\t'));
  });

  it('gives the core the tables of the pasted text: 表三 recognised row by row, and it adds up', () => {
    const model = parseReport(text);
    const pasted = parseReport(PINGTAN_TABLES_TEXT);
    const shape = (m: typeof model) => m.tables.map((t) => ({ start: t.startLine, end: t.endLine, width: t.width, rows: t.rows.map((r) => [r.kind, r.labels, r.cells.map((c) => c.text)]) }));
    assert.deepEqual(shape(model), shape(pasted));
    assert.equal(model.tables.length, 2);
    const tables = govInfoTables(model);
    assert.ok(tables.proactive, '表二');
    assert.equal(tables.requests?.layout, 25);
    assert.ok(tables.equations.length > 20);
    assert.ok(tables.equations.every((e) => e.holds));
    assert.deepEqual(checkModel(model, { rules: [tableSum] }), []);
  });

  it('puts the one table-sum finding of a wrong cell on that cell', async () => {
    const rows = table3Rows();
    rowWith(rows, '7.属于行政执法案卷')[3] = 7; // 自然人: 6 in the report
    const wrong = extractDocxText(await pingtanTablesDocx({ table3: rows }));
    const findings = checkModel(parseReport(wrong), { rules: [tableSum] });
    assert.equal(findings.length, 1, findings.map((f) => f.message.zh).join('\n'));
    assert.deepEqual(findings[0].range, valueCellRange(wrong, '7.属于行政执法案卷', 0));
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message.zh, /自然人/);
  });

  const cell = (content: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${content}</w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  const read = (body: string) => extractDocxText(storedDocx({ 'word/document.xml': documentXml(body), 'word/numbering.xml': NUMBERING }));

  it('keeps a cell on its row’s line: paragraphs, breaks and TABs joined, a space only between Latin letters or digits', () => {
    const body = `<w:tbl>${row(
      cell(p('（二）部分公开') + p('（区分处理的）')),
      cell(p('1') + p('2')),
      cell('<w:p><w:r><w:t>本年</w:t><w:br/><w:t>制发</w:t><w:tab/><w:t>件数</w:t></w:r></w:p>'),
      cell('<w:p/>'),
      cell(p('Word') + p('table')),
    )}</w:tbl>`;
    assert.equal(read(body), '（二）部分公开（区分处理的）\t1 2\t本年制发 件数\t\tWord table');
  });

  it('leaves out the cells a vertical merge covers (w:vMerge without a value, or 「continue」; legacy w:hMerge), and rows left empty', () => {
    const body = `<w:tbl>${[
      row(cell(p('甲'), '<w:vMerge w:val="restart"/>'), cell(p('1'), '<w:gridSpan w:val="2"/>'), cell(p('乙'), '<w:hMerge w:val="restart"/>'), cell(p(''), '<w:hMerge/>')),
      row(cell(p(''), '<w:vMerge/>'), cell(p('2')), cell(p('3')), cell(p('丙'))),
      row(cell(p(''), '<w:vMerge w:val="continue"/>')),
      row(cell(p('丁'), '<w:vMerge w:val="continue"/>'), cell(p('4')), cell(''), cell(p('5'))),
    ].join('')}</w:tbl>`;
    assert.equal(read(body), '甲\t1\t乙\n2\t3\t丙\n4\t\t5');
  });

  it('numbers cell paragraphs in document order with the body’s, skipping the merged-over cells', () => {
    const body = p('总体情况', numPr(1)) + `<w:tbl>${[
      row(cell(p('办理结果', numPr(1)), '<w:vMerge w:val="restart"/>'), cell(p('予以公开', numPr(1, 1)))),
      row(cell(p('', numPr(1)), '<w:vMerge/>'), cell(p('部分公开', numPr(1, 1)))),
    ].join('')}</w:tbl>` + p('主要问题', numPr(1));
    assert.equal(read(body), '一、总体情况\n二、办理结果\t（一）予以公开\n（二）部分公开\n三、主要问题');
  });

  it('reads a table nested in a cell into that cell, and a table left unclosed up to where it stops', () => {
    const nested = `<w:tbl>${row(cell(p('内')), cell(p('表')))}${row(cell(p('3')), cell(p('4')))}</w:tbl>`;
    const body = p('前') + `<w:tbl>${row(cell(p('外') + nested), cell(p('1'), '<w:vMerge w:val="restart"/>'))}${row(cell(p('末')), cell(p(''), '<w:vMerge/>'))}</w:tbl>` + p('后');
    assert.equal(read(body), '前\n外内表3 4\t1\n末\n后');
    assert.equal(read(`<w:tbl>${row(cell(p('甲')), cell(p('1')))}<w:tr><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p>`), '甲\t1\n乙');
  });
});
