// The PDF reader as it ships: the bundle dist/pdf-reader.js, loaded in a process of its own as the server and
// the CLI load it (require, on the first PDF). It prints nothing while loading (the language server talks over
// stdout), reads the CMaps from dist/pdf-cmaps beside it, and reads a report drawn with an embedded font.
import * as assert from 'assert/strict';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { drawPdf, hasCjkFont, songtiPdf } from '../helpers/make-pdf';

const BUNDLE = path.resolve(__dirname, '../../dist/pdf-reader.js');

/** What the bundle makes of `pdf`, and what the process printed to stdout. */
function readWithBundle(pdf: Uint8Array): Promise<{ stdout: string; result: { text?: string; pageStarts?: number[]; zh?: string } }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-pdf-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  const script = `
    const reader = require(${JSON.stringify(BUNDLE)});
    reader.extractPdfText(require('fs').readFileSync(${JSON.stringify(file)}))
      .then((r) => process.stderr.write(JSON.stringify(r)), (e) => process.stderr.write(JSON.stringify({ zh: e.zh, error: String(e) })));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { timeout: 60_000 }, (error, stdout, stderr) => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (error) reject(error);
      else resolve({ stdout, result: JSON.parse(stderr) });
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
});
