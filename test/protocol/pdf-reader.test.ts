// The PDF reader as it ships: the bundle dist/pdf-reader.js, loaded in a process of its own as the server and
// the CLI load it (require, on the first PDF). It reads each file in a worker thread, under a heap limit and
// stopped at the time limit; it prints nothing (the language server talks over stdout), reads the CMaps from
// dist/pdf-cmaps beside it, and lets the process end when it is done.
import * as assert from 'assert/strict';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { drawPdf, hasCjkFont, songtiPdf } from '../helpers/make-pdf';

const BUNDLE = path.resolve(__dirname, '../../dist/pdf-reader.js');

type Outcome = { text?: string; pageStarts?: number[]; zh?: string; en?: string };

/**
 * What the bundle makes of `pdf`, read `times` times one after the other in one process with `limits`, and what
 * the process printed to stdout. The process must end by itself (the reader's idle worker does not hold it).
 */
async function readWithBundle(pdf: Uint8Array, limits: object = {}, times = 1): Promise<{ stdout: string; result: Outcome; results: Outcome[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-pdf-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  const script = `
    const reader = require(${JSON.stringify(BUNDLE)});
    const bytes = require('fs').readFileSync(${JSON.stringify(file)});
    (async () => {
      const results = [];
      for (let i = 0; i < ${times}; i++) {
        try {
          results.push(await reader.extractPdfText(bytes, ${JSON.stringify(limits)}));
        } catch (e) {
          results.push({ zh: e.zh, en: e instanceof reader.PdfError ? e.message : String(e) });
        }
      }
      process.stderr.write(JSON.stringify(results));
    })();`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { timeout: 60_000 }, (error, stdout, stderr) => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (error) reject(error);
      else {
        const results = JSON.parse(stderr) as Outcome[];
        resolve({ stdout, result: results[0], results });
      }
    });
  });
}

describe('dist/pdf-reader.js', function () {
  this.timeout(60_000);

  it('prints nothing on stdout and reads a font named, not embedded, through the CMaps shipped beside it', async () => {
    assert.ok(fs.existsSync(path.resolve(__dirname, '../../dist/pdf-cmaps/UniGB-UCS2-H.bcmap')), 'dist/pdf-cmaps: run the build');
    const { stdout, result } = await readWithBundle(songtiPdf(['一、总体情况', '全年主动公开政府信息1234条。']));
    assert.equal(stdout, '');
    assert.deepEqual(result, { text: '一、总体情况\n全年主动公开政府信息1234条。', pageStarts: [0] });
  });

  it('reads a report drawn with an embedded CJK font, and refuses a file that is not a PDF with the reader’s own message', async function () {
    if (!hasCjkFont() && process.env.CI !== 'true') this.skip();
    const pdf = await drawPdf([[{ text: '一、总体情况', x: 60, y: 100 }, { text: '2023年 政 府 信 息 公开', x: 60, y: 130 }]]);
    const { stdout, result } = await readWithBundle(pdf);
    assert.equal(stdout, '');
    assert.deepEqual(result, { text: '一、总体情况\n2023年政府信息公开', pageStarts: [0] });
    const notPdf = await readWithBundle(new TextEncoder().encode('not a pdf'));
    assert.equal(notPdf.result.zh, '不是 PDF 文件（开头没有 %PDF-）');
  });

  it('reads file after file with the worker it keeps, and stops one past its time or heap limit with a clear message', async function () {
    if (!hasCjkFont() && process.env.CI !== 'true') this.skip();
    const pdf = await drawPdf(Array.from({ length: 40 }, (_, n) => [{ text: `第${n + 1}部分`, x: 60, y: 300 }]));
    const again = await readWithBundle(pdf, {}, 3);
    assert.equal(again.stdout, '');
    assert.deepEqual(again.results.map((r) => r.pageStarts?.length), [40, 40, 40]);
    assert.deepEqual((await readWithBundle(pdf, { maxMillis: 1 })).result, { zh: '读取 PDF 超过 1 毫秒的时限', en: 'reading the PDF took longer than the limit of 1 ms' });
    assert.deepEqual((await readWithBundle(pdf, { maxHeapMb: 4 })).result, { zh: '读取 PDF 所需内存超过 4 MB 的上限', en: 'reading the PDF needs more memory than the limit of 4 MB' });
  });
});
