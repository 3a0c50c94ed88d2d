// A PDF that cannot be read gets one clear PdfError, in both languages, never a crash or a hang: not a PDF, cut
// short, damaged, encrypted, a scan without a text layer, or past a limit (size, pages, characters, time).
import * as assert from 'assert/strict';
import { extractPdfText, PdfError, type PdfLimits } from '../../../server/src/node/pdf';
import { drawPdf, encryptedPdf, inflatingPdf, requireCjkFont, scanPdf } from '../../helpers/make-pdf';

async function refusal(bytes: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<PdfError> {
  try {
    await extractPdfText(bytes, limits);
  } catch (e) {
    assert.ok(e instanceof PdfError, `not a PdfError: ${String(e)}`);
    assert.doesNotMatch(e.message, /\n/);
    assert.doesNotMatch(e.zh, /\n/);
    return e;
  }
  assert.fail('the PDF was read');
}

const PAGES = ['一、总体情况', '全年主动公开政府信息1234条。', '二、主动公开政府信息情况'];
const threePages = () => drawPdf(PAGES.map((text) => [{ text, x: 40, y: 200 }]));

describe('extractPdfText refuses what it cannot read', function () {
  this.timeout(30_000);
  before(function () {
    requireCjkFont(this);
  });

  it('a file that is not a PDF', async () => {
    const e = await refusal(new TextEncoder().encode('一、总体情况\n这是一份文本文件。'));
    assert.equal(e.zh, '不是 PDF 文件（开头没有 %PDF-）');
    assert.equal(e.message, 'not a PDF file (it does not start with %PDF-)');
  });

  it('a PDF cut short (a download that did not finish)', async () => {
    const pdf = await threePages();
    const e = await refusal(pdf.slice(0, Math.floor(pdf.length * 0.6)));
    assert.match(e.zh, /^PDF 文件不完整/);
    assert.match(e.message, /^the PDF is incomplete/);
  });

  it('a damaged PDF: its header and end, garbage between', async () => {
    const garbage = new Uint8Array(4000).map((_, i) => (i * 7919) % 251);
    const bytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...garbage, ...new TextEncoder().encode('\n%%EOF\n')]);
    const e = await refusal(bytes);
    assert.match(e.zh, /^PDF 文件已损坏，无法读取（.+）$/);
    assert.match(e.message, /^the PDF is damaged and cannot be read \(.+\)$/);
  });

  it('an encrypted PDF that needs a password', async () => {
    const e = await refusal(await encryptedPdf());
    assert.equal(e.zh, 'PDF 已加密，需要密码才能打开');
    assert.equal(e.message, 'the PDF is encrypted: it needs a password to open');
  });

  it('a scan: pages holding only an image', async () => {
    const e = await refusal(await scanPdf());
    assert.equal(e.zh, '扫描件，没有文字层');
    assert.equal(e.message, 'a scan: no text layer');
  });

  it('a scan whose only text is its page numbers', async () => {
    const e = await refusal(await drawPdf([[{ text: '- 1 -', x: 280, y: 800 }], [{ text: '- 2 -', x: 280, y: 800 }]]));
    assert.equal(e.zh, '扫描件，没有文字层');
  });

  it('a small file that inflates to a large one (a zip bomb), before pdf.js inflates it', async () => {
    const started = Date.now();
    // 200 KB that inflate to 200 MB: past the default limit of 128 MB.
    const e = await refusal(inflatingPdf(200));
    assert.equal(e.zh, 'PDF 解压后超过 128 MB 的上限');
    assert.equal(e.message, 'the PDF inflates to more than the limit of 128 MB');
    assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
    // Within the limit, the same kind of file is read (and has no text).
    assert.equal((await refusal(inflatingPdf(2))).zh, '扫描件，没有文字层');
    assert.equal((await refusal(inflatingPdf(2), { maxInflatedBytes: 2 ** 20 })).zh, 'PDF 解压后超过 1 MB 的上限');
  });

  it('past the limits of size, pages, characters and time', async () => {
    const pdf = await threePages();
    assert.match((await refusal(pdf, { maxBytes: 1000 })).zh, /^PDF 文件 \d+ B，超过 1000 B 的上限$/);
    assert.equal((await refusal(pdf, { maxPages: 2 })).zh, 'PDF 共 3 页，超过 2 页的上限');
    assert.equal((await refusal(pdf, { maxChars: 20 })).message, 'the PDF holds more text than the limit of 20 characters');
    // Forty pages take far longer than a millisecond to read.
    const long = await drawPdf(Array.from({ length: 40 }, (_, n) => [{ text: `第${n + 1}部分`, x: 40, y: 200 }]));
    const late = await refusal(long, { maxMillis: 1 });
    assert.equal(late.zh, '读取 PDF 超过 1 毫秒的时限');
    assert.equal(late.message, 'reading the PDF took longer than the limit of 1 ms');
    // The same file within the limits reads.
    assert.equal((await extractPdfText(pdf)).text, PAGES.join('\n'));
  });
});
