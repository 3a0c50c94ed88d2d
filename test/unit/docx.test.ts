// The .docx reader: Word paragraphs and numbering as text, in time linear in the document's size.
import * as assert from 'assert/strict';
import { extractDocxText } from '../../server/src/node/docx';
import { documentXml, storedDocx } from '../helpers/docx';

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

  it('takes linear time on unclosed tags, in the document and in the numbering', function () {
    this.timeout(20_000);
    const started = Date.now();
    for (const piece of ['<w:p ', '<w:t>', '<w:tbl><w:tr><w:tc ']) {
      assert.equal(extractDocxText(storedDocx({ 'word/document.xml': piece.repeat(200_000) })), '');
    }
    for (const piece of ['<w:abstractNum w:abstractNumId="1">', '<w:num w:numId="1">', '<w:lvl w:ilvl="0">']) {
      extractDocxText(storedDocx({ 'word/document.xml': documentXml(p('x', numPr(1))), 'word/numbering.xml': piece.repeat(100_000) }));
    }
    // Quadratic scans took minutes on these; one pass takes milliseconds.
    assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
  });
});
