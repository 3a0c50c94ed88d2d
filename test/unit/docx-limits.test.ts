// A .docx from a stranger costs at most the reader's limits: a bomb stops while it inflates, a part that fails
// its CRC, an encrypted part, an unknown compression method or a password-protected file is one clear line.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { DOCX_LIMITS, DocxError, extractDocxText } from '../../server/src/node/docx';
import { bombEntry, deflatedEntry, documentXml, storedEntry, W_NS, zipOf } from '../helpers/docx';
import { refusalOf } from '../helpers/refusal';

const ROOT = path.resolve(__dirname, '../..');
const DOCUMENT = documentXml('<w:p><w:r><w:t>总体情况</w:t></w:r></w:p>');

/** The error a .docx gives: a DocxError of one line in each language. */
const refusal = (bytes: Buffer, limits = {}) => refusalOf(() => extractDocxText(bytes, limits), DocxError);

describe('extractDocxText on hostile and damaged zips', () => {
  it('stops a bomb whose headers lie while it inflates: 300 MB of XML from a few hundred KB, refused within the limit’s time and memory', function () {
    this.timeout(30_000);
    // In a process of its own, so that its peak memory is the reader's.
    const script = `
      const { bombEntry, zipOf } = require('./test/helpers/docx.ts');
      const { extractDocxText } = require('./server/src/node/docx.ts');
      const zip = zipOf([bombEntry('word/document.xml', 300, 4096)]);
      const before = process.resourceUsage().maxRSS;
      const started = Date.now();
      let message = '';
      try { extractDocxText(zip); } catch (e) { message = e.message; }
      console.log(JSON.stringify({ ms: Date.now() - started, peakMB: (process.resourceUsage().maxRSS - before) / 1024, zipKB: zip.length / 1024, message }));`;
    const child = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    assert.equal(r.message, 'word/document.xml inflates to more than 64 MB');
    assert.ok(r.zipKB < 1024, `${r.zipKB} KB`);
    assert.ok(r.ms < 3000, `${r.ms} ms`);
    // The limit is 64 MB; inflating it all would take 300 MB, and a string of it 600 MB more.
    assert.ok(r.peakMB < 200, `${r.peakMB} MB`);
  });

  it('refuses a part whose declared size is over the limit before inflating it, and takes limits from the caller', () => {
    const started = Date.now();
    assert.deepEqual(refusal(zipOf([bombEntry('word/document.xml', 300)])), {
      zh: 'word/document.xml 解压后超过 64 MB 的上限', en: 'word/document.xml inflates to more than 64 MB',
    });
    assert.ok(Date.now() - started < 1000);
    const document = documentXml(`<w:p><w:r><w:t>${'字'.repeat(400_000)}</w:t></w:r></w:p>`);
    assert.equal(refusal(zipOf([deflatedEntry('word/document.xml', document)]), { maxEntryBytes: 2 ** 20 }).en, 'word/document.xml inflates to more than 1 MB');
    assert.equal(extractDocxText(zipOf([deflatedEntry('word/document.xml', document)])).length, 400_000);
    assert.equal(DOCX_LIMITS.maxEntryBytes, 64 * 2 ** 20);
  });

  it('counts every part read against the total limit', () => {
    const filler = (root: string) => `<w:${root} xmlns:w="${W_NS}">${' '.repeat(2 ** 20)}</w:${root}>`;
    const zip = zipOf([deflatedEntry('word/styles.xml', filler('styles')), deflatedEntry('word/numbering.xml', filler('numbering')), deflatedEntry('word/document.xml', DOCUMENT)]);
    assert.deepEqual(refusal(zip, { maxEntryBytes: 2 * 2 ** 20, maxTotalBytes: 1.5 * 2 ** 20 }), {
      zh: '各部分解压后合计超过 1.5 MB 的上限', en: 'the parts inflate to more than 1.5 MB together',
    });
    assert.equal(extractDocxText(zip, { maxEntryBytes: 2 * 2 ** 20, maxTotalBytes: 3 * 2 ** 20 }), '总体情况');
  });

  it('limits the text made, where numbering writes more than the XML holds', () => {
    const numbering = `<w:numbering xmlns:w="${W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>` +
      `<w:lvlText w:val="${'第%1条'.repeat(20)}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const styles = `<w:styles xmlns:w="${W_NS}"><w:style w:type="paragraph" w:styleId="a"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const document = documentXml('<w:p><w:pPr><w:pStyle w:val="a"/></w:pPr></w:p>'.repeat(2000));
    const zip = zipOf([storedEntry('word/styles.xml', styles), storedEntry('word/numbering.xml', numbering), storedEntry('word/document.xml', document)]);
    assert.ok(document.length < 100_000);
    assert.deepEqual(refusal(zip, { maxEntryBytes: 100_000 }), { zh: '正文超过 100000 字的上限', en: 'the text is longer than the limit of 100000 characters' });
  });

  it('checks each part’s CRC', () => {
    const entry = storedEntry('word/document.xml', DOCUMENT);
    entry.data = Buffer.from(entry.data);
    entry.data[entry.data.indexOf('总')] ^= 1;
    assert.deepEqual(refusal(zipOf([entry])), { zh: '文件已损坏（word/document.xml 校验和（CRC）不符）', en: 'damaged file (word/document.xml fails its CRC check)' });
    const deflated = deflatedEntry('word/document.xml', DOCUMENT);
    deflated.crc = (deflated.crc ^ 0x10) >>> 0;
    assert.equal(refusal(zipOf([deflated])).en, 'damaged file (word/document.xml fails its CRC check)');
  });

  it('names an encrypted part, an unknown compression method, a password-protected document and what is not a zip', () => {
    assert.deepEqual(refusal(zipOf([{ ...deflatedEntry('word/document.xml', DOCUMENT), flags: 1 }])), { zh: 'word/document.xml 已加密', en: 'word/document.xml is encrypted' });
    assert.equal(refusal(zipOf([{ ...storedEntry('word/document.xml', DOCUMENT), method: 12 as 0 }])).en, 'word/document.xml uses an unsupported compression method (12)');
    // Word encrypts a .docx into an OLE compound file, the container of the old .doc as well.
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    assert.match(refusal(ole).zh, /^是设有打开密码的 Word 文档或旧版 \.doc 文件/);
    assert.deepEqual(refusal(Buffer.from('not a zip at all')), { zh: '不是 zip 格式的 .docx 文件', en: 'not a zip file' });
    assert.equal(refusal(zipOf([storedEntry('word/other.xml', DOCUMENT)])).en, 'the main document part word/document.xml is missing');
  });

  it('refuses a part cut short or with damaged compressed data, and reads ZIP64 sizes', () => {
    const whole = zipOf([deflatedEntry('word/document.xml', DOCUMENT)]);
    const entry = deflatedEntry('word/document.xml', DOCUMENT);
    // The directory still claims the full size of a part whose data stops early.
    const cut = zipOf([{ ...entry, data: entry.data.subarray(0, entry.data.length - 8) }]);
    assert.equal(refusal(cut).en, 'damaged file (word/document.xml cannot be inflated)');
    const garbled = zipOf([{ ...entry, data: Buffer.alloc(entry.data.length, 0xff) }]);
    assert.equal(refusal(garbled).en, 'damaged file (word/document.xml cannot be inflated)');
    const truncated = whole.subarray(0, 40);
    assert.equal(refusal(truncated).en, 'not a zip file');
    assert.equal(extractDocxText(zipOf([{ ...entry, zip64: true }])), '总体情况');
    // A name from the file is shown without its control characters, so that the message stays on one line.
    const named = zipOf([storedEntry('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="x/relationships/officeDocument" Target="a&#10;b.xml"/></Relationships>`)]);
    assert.equal(refusal(named).en, 'the main document part a?b.xml is missing');
  });
});
