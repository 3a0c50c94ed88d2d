// Reports that are not open: the server checks them from disk for 「检查工作区中的所有报告」, and gives a
// .docx's text for its read-only view.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CheckFilesResult } from '../../server/src/features/workspace';
import { encodeReport } from '../../server/src/node/files';
import { bombEntry, documentXml, storedDocx, zipOf } from '../helpers/docx';
import { TestClient } from '../helpers/lsp-client';
import { seedPath, seedText } from '../helpers/seeds';

/** A minimal .docx: one paragraph per line of `text`. */
function tinyDocx(text: string): Buffer {
  const body = text.split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
  return storedDocx({ 'word/document.xml': documentXml(body) });
}

describe('workspace checking over the protocol', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-ws-'));
    fs.copyFileSync(seedPath('003'), path.join(dir, '003.txt'));
    fs.writeFileSync(path.join(dir, '000-gbk.txt'), encodeReport(seedText('000'), 'gb18030'));
    fs.writeFileSync(path.join(dir, '004.docx'), tinyDocx(seedText('004')));
    fs.writeFileSync(path.join(dir, 'scan.txt'), Buffer.from([1, 2, 0, 4]));
    fs.writeFileSync(path.join(dir, 'bomb.docx'), zipOf([bombEntry('word/document.xml', 300, 4096)]));
    client = new TestClient();
    await client.initialize('zh-cn', { workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const published = (u: string) => client.published.filter((p) => p.uri === u).at(-1);
  const countsOf = (r: CheckFilesResult) => ({ withProblems: r.withProblems, error: r.problems.error, warning: r.problems.warning, information: r.problems.information });
  /** What the Problems view lists for these documents: errors, warnings and informations (not hints). */
  const problemsView = (uris: string[]) => {
    const ds = uris.map((u) => published(u)?.diagnostics ?? []);
    const count = (severity: number) => ds.flat().filter((d) => d.severity === severity).length;
    return { withProblems: ds.filter((list) => list.some((d) => d.severity !== 4)).length, error: count(1), warning: count(2), information: count(3) };
  };

  it('checks files that are not open and publishes their diagnostics (a .docx under its text view)', async () => {
    const result = await client.connection.sendRequest('govreport/checkFiles', { uris: ['003.txt', '000-gbk.txt', '004.docx', 'scan.txt'].map(uri) }) as CheckFilesResult;
    assert.equal(result.checked, 3);
    assert.deepEqual(result.unreadable.map((u) => path.basename(u.uri)), ['scan.txt']);
    assert.match(result.unreadable[0].reason, /不是文本文件/);
    const docxView = uri('004.docx').replace(/^file:/, 'govreport-text:');
    assert.ok(published(uri('003.txt'))!.diagnostics.some((d) => d.code === 'numbering-duplicate'));
    assert.ok(!published(uri('000-gbk.txt'))!.diagnostics.some((d) => d.severity === 1 || d.severity === 2));
    assert.ok(published(docxView)!.diagnostics.some((d) => d.code === 'figure-sum'));
    // The numbers are those of the published diagnostics, as the Problems view shows them.
    assert.deepEqual(countsOf(result), problemsView([uri('003.txt'), uri('000-gbk.txt'), docxView]));
    assert.ok(result.problems.error > 0 && result.problems.warning > 0);
  });

  it('counts an open report with the problems it shows, edits included, without reading it again', async () => {
    const open = uri('003.txt');
    // The editor's text differs from the file's: a second 「一、」 more.
    const text = seedText('003').replace(/^二、/m, '一、');
    const mark = client.mark();
    await client.open(open, text, 'plaintext');
    await client.diagnostics(open, () => true, 10_000, mark);
    const all = ['003.txt', '000-gbk.txt', '004.docx'].map(uri);
    const result = await client.connection.sendRequest('govreport/checkFiles', { uris: all }) as CheckFilesResult;
    assert.equal(result.checked, 3);
    const docxView = uri('004.docx').replace(/^file:/, 'govreport-text:');
    assert.deepEqual(countsOf(result), problemsView([open, uri('000-gbk.txt'), docxView]));
    // It used to be counted as checked and skipped: none of its problems, and not among the files with problems.
    assert.ok(published(open)!.diagnostics.filter((d) => d.code === 'numbering-duplicate').length >= 2);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: open } });
  });

  it('gives the text of a .docx for its read-only view, and a reason for what it cannot read', async () => {
    const text = await client.connection.sendRequest('govreport/extractedText', { uri: uri('004.docx').replace(/^file:/, 'govreport-text:') }) as { text: string };
    assert.equal(text.text, seedText('004').replace(/\r\n/g, '\n'));
    const broken = await client.connection.sendRequest('govreport/extractedText', { uri: uri('scan.txt') }) as { error: string };
    assert.match(broken.error, /不是文本文件/);
  });

  // Under the request's and the scheme's names from when only .docx files were read, which are still answered.
  it('gives a one-line reason for a .docx bomb, and answers the next request', async () => {
    const started = Date.now();
    const bomb = await client.connection.sendRequest('govreport/docxText', { uri: uri('bomb.docx').replace(/^file:/, 'govreport-docx:') }) as { error: string };
    assert.equal(bomb.error, '无法读取 Word 文档（word/document.xml 解压后超过 64 MB 的上限）');
    assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
    const text = await client.connection.sendRequest('govreport/docxText', { uri: uri('004.docx') }) as { text: string };
    assert.equal(text.text, seedText('004').replace(/\r\n/g, '\n'));
  });
});
