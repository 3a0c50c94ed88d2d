// The server stays in its lane: it reads files inside the workspace folders, documents open in the editor and
// files the user opened in the client, and nothing else, whatever path a request names; its workspace check
// follows the CLI's rules for special files, sizes and links; 「忽略此问题」 never writes through a link; and
// after `shutdown` it answers InvalidRequest and ignores notifications until `exit`.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { documentXml, storedDocx } from '../helpers/docx';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';
import { within } from '../helpers/within';

const REPORT = seedText('003');
const OUTSIDE_REASON = /不在工作区文件夹内，也不是在编辑器中打开的文件，未读取/;
const posix = process.platform !== 'win32';

function docx(text: string): Buffer {
  const body = text.split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
  return storedDocx({ 'word/document.xml': documentXml(body) });
}

type CheckFilesResult = { checked: number; withProblems: number; unreadable: { uri: string; reason: string }[] };

describe('the server stays in its lane', () => {
  let client: TestClient;
  let workspace: string;
  let outside: string;
  const uri = (...parts: string[]) => pathToFileURL(path.join(...parts)).href;
  const view = (fileUri: string) => fileUri.replace(/^file:/, 'govreport-docx:');
  const request = <T>(method: string, params: unknown) => within(3000, method, client.connection.sendRequest(method, params) as Promise<T>);

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-lane-ws-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-lane-out-'));
    fs.writeFileSync(path.join(workspace, 'report.txt'), REPORT);
    fs.writeFileSync(path.join(workspace, 'report.docx'), docx(REPORT));
    fs.writeFileSync(path.join(outside, 'secret.txt'), REPORT);
    fs.writeFileSync(path.join(outside, 'secret.docx'), docx(REPORT));
    if (posix) fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(workspace, 'link-to-secret.txt'));
    client = new TestClient();
    await client.initialize('zh-cn', { workspaceFolder: workspace });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('govreport/docxText: a .docx inside the workspace is read, one outside is not', async () => {
    const inside = await request<{ text?: string }>('govreport/docxText', { uri: view(uri(workspace, 'report.docx')) });
    assert.equal(inside.text, REPORT.replace(/\r\n/g, '\n'));
    for (const u of [view(uri(outside, 'secret.docx')), uri(outside, 'secret.docx'), 'file:///etc/passwd', view('file:///etc/passwd')]) {
      const r = await request<{ text?: string; error?: string }>('govreport/docxText', { uri: u });
      assert.equal(r.text, undefined, u);
      assert.match(r.error ?? '', OUTSIDE_REASON, u);
    }
    const odd = await request<{ error?: string }>('govreport/docxText', { uri: 'https://example.com/a.docx' });
    assert.match(odd.error ?? '', /不是本地文件/);
  });

  it('govreport/compareReports: neither this year\'s nor last year\'s report is read from outside', async () => {
    const inWs = uri(workspace, 'report.txt');
    const secret = uri(outside, 'secret.txt');
    const previous = await request<{ error?: string }>('govreport/compareReports', { current: inWs, previous: secret });
    assert.match(previous.error ?? '', /^上一年度报告：不在工作区文件夹内/);
    const current = await request<{ error?: string }>('govreport/compareReports', { current: secret, previous: inWs });
    assert.match(current.error ?? '', /^本年度报告：不在工作区文件夹内/);
    const both = await request<{ error?: string; copiedParagraphs?: unknown[] }>('govreport/compareReports', { current: inWs, previous: inWs });
    assert.equal(both.error, undefined);
    assert.ok(both.copiedParagraphs!.length > 0);
  });

  it('govreport/checkFiles: files outside, and links inside that lead outside, are listed as unreadable and not read', async function () {
    const uris = [uri(workspace, 'report.txt'), uri(outside, 'secret.txt'), ...(posix ? [uri(workspace, 'link-to-secret.txt')] : [])];
    const mark = client.mark();
    const r = await request<CheckFilesResult>('govreport/checkFiles', { uris });
    assert.equal(r.checked, 1);
    assert.deepEqual(r.unreadable.map((u) => u.uri), uris.slice(1));
    for (const u of r.unreadable) assert.match(u.reason, OUTSIDE_REASON);
    await client.diagnostics(uris[0], () => true, 3000, mark);
    assert.ok(!client.published.slice(mark).some((p) => uris.slice(1).includes(p.uri)), 'nothing published for what was not read');
  });

  it('a file the user opened in the client, or a document open in the editor, may be read wherever it lies', async () => {
    const secretDocx = uri(outside, 'secret.docx');
    await client.connection.sendNotification('govreport/userOpenedFile', { uri: secretDocx });
    const r = await request<{ text?: string }>('govreport/docxText', { uri: view(secretDocx) });
    assert.equal(r.text, REPORT.replace(/\r\n/g, '\n'));
    // Open in the editor: compared from the editor's text, and last year's (opened too) read.
    const secretTxt = uri(outside, 'secret.txt');
    await client.open(secretTxt, REPORT, 'plaintext');
    const compared = await request<{ error?: string }>('govreport/compareReports', { current: secretTxt, previous: secretTxt });
    assert.equal(compared.error, undefined);
  });

  it('a workspace folder added later may be read; one removed may not', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-lane-added-'));
    try {
      fs.writeFileSync(path.join(other, 'added.docx'), docx(REPORT));
      const u = view(uri(other, 'added.docx'));
      assert.match((await request<{ error?: string }>('govreport/docxText', { uri: u })).error ?? '', OUTSIDE_REASON);
      const folder = { uri: pathToFileURL(other).href, name: 'added' };
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
      assert.equal((await request<{ text?: string }>('govreport/docxText', { uri: u })).text, REPORT.replace(/\r\n/g, '\n'));
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
      assert.match((await request<{ error?: string }>('govreport/docxText', { uri: u })).error ?? '', OUTSIDE_REASON);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  describe('the workspace check reads as the CLI does', () => {
    it('a FIFO named *.txt is unreadable at once, never opened; a link to /dev/zero leads outside the workspace', async function () {
      if (!posix || !fs.existsSync('/dev/zero')) this.skip();
      const fifo = path.join(workspace, 'pipe.txt');
      if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
      fs.symlinkSync('/dev/zero', path.join(workspace, 'zero.txt'));
      try {
        const r = await request<CheckFilesResult>('govreport/checkFiles', { uris: [uri(workspace, 'pipe.txt'), uri(workspace, 'zero.txt')] });
        assert.equal(r.unreadable[0].reason, '不是普通文件（命名管道），已跳过');
        assert.match(r.unreadable[1].reason, OUTSIDE_REASON);
      } finally {
        fs.rmSync(fifo);
        fs.rmSync(path.join(workspace, 'zero.txt'));
      }
    });

    it('a file over govreport.maxFileSize is not read, with the reason', async () => {
      const big = path.join(workspace, 'big.txt');
      fs.writeFileSync(big, REPORT + '正文。'.repeat(200_000));
      await client.changeSettings('govreport', { maxFileSize: 1 });
      try {
        const r = await request<CheckFilesResult>('govreport/checkFiles', { uris: [uri(workspace, 'big.txt'), uri(workspace, 'report.txt')] });
        assert.equal(r.checked, 1);
        assert.match(r.unreadable[0].reason, /文件过大（1\.\d MB，读取上限 1\.0 MB），未读取/);
      } finally {
        await client.changeSettings('govreport', {});
        fs.rmSync(big);
      }
    });

    it('one file reached under two names in one session is checked once, under the first', async function () {
      if (!posix) this.skip();
      fs.mkdirSync(path.join(workspace, 'sub'));
      fs.symlinkSync('..', path.join(workspace, 'sub', 'up'));
      try {
        const first = uri(workspace, 'report.txt');
        const again = uri(workspace, 'sub', 'up', 'report.txt');
        const mark = client.mark();
        const a = await request<CheckFilesResult>('govreport/checkFiles', { uris: [first], session: 's1' });
        const b = await request<CheckFilesResult>('govreport/checkFiles', { uris: [again], session: 's1' });
        assert.deepEqual([a.checked, b.checked, a.withProblems, b.withProblems], [1, 1, 1, 0]);
        await client.diagnostics(first, () => true, 3000, mark);
        assert.ok(!client.published.slice(mark).some((p) => p.uri === again), 'not published twice');
        // A new session checks it again.
        const c = await request<CheckFilesResult>('govreport/checkFiles', { uris: [again], session: 's2' });
        assert.equal(c.withProblems, 1);
      } finally {
        fs.rmSync(path.join(workspace, 'sub'), { recursive: true, force: true });
      }
    });
  });

  it('「忽略此问题」 refuses a .govreport.json that is a link, and says so', async function () {
    if (!posix) this.skip();
    const shared = path.join(outside, 'shared.json');
    fs.writeFileSync(shared, '{}');
    fs.symlinkSync(shared, path.join(workspace, '.govreport.json'));
    try {
      const messages = client.messages.length;
      const result = await client.executeCommand('govreport.ignoreFinding', [{ uri: uri(workspace, 'report.txt'), rule: 'numbering-duplicate', text: '三、', line: 37 }]);
      assert.equal(result, null);
      const said = await client.until(() => client.messages.slice(messages).find((m) => m.type === 1), 'an error message');
      assert.match(said.message, /无法把忽略的问题写入 .*\.govreport\.json：.*是链接，未写入/);
      assert.equal(fs.readFileSync(shared, 'utf8'), '{}');
      assert.ok(fs.lstatSync(path.join(workspace, '.govreport.json')).isSymbolicLink());
    } finally {
      fs.rmSync(path.join(workspace, '.govreport.json'));
    }
  });
});

describe('after shutdown', () => {
  it('requests are answered with InvalidRequest, notifications ignored, and exit ends the server with 0', async () => {
    const client = new TestClient();
    try {
      await client.initialize('zh-cn');
      const uri = 'file:///reports/after-shutdown.txt';
      await client.open(uri, REPORT, 'plaintext');
      await client.diagnostics(uri, (p) => p.version === 1);
      await client.connection.sendRequest('shutdown');
      for (const [method, params] of [
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
        ['govreport/docxText', { uri }],
        ['workspace/executeCommand', { command: 'govreport.ignoreFinding', arguments: [] }],
      ] as const) {
        await assert.rejects(within(3000, method, client.connection.sendRequest(method, params)), (e: { code?: number }) => e.code === -32600, method);
      }
      const mark = client.mark();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: REPORT + '\n' }] });
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///reports/late.txt', languageId: 'plaintext', version: 1, text: REPORT } });
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(client.published.length, mark, 'nothing published after shutdown');
      await client.connection.sendNotification('exit');
      assert.equal(await within(3000, 'exit', client.exited), 0);
    } finally {
      client.connection.dispose();
    }
  });
});
