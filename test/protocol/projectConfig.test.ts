// The project file in the server (issue 18): read and parsed once per change — the watcher's word, or its
// modification time and size where there is no watcher — not on every keystroke, hover and completion; and a file
// over the size limit is not read at all, with one diagnostic saying so.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { MAX_CONFIG_BYTES } from '../../server/src/node/config';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

/** A valid config of about `bytes`: severities, and an ignore list for other files that makes up the bulk. */
function largeConfig(bytes: number, rules: Record<string, string>): string {
  const ignore: unknown[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const entry = { rule: 'artifact', file: `乡镇/第${i}号报告.txt`, text: `某某单位第${i}项`, line: i + 1 };
    ignore.push(entry);
    size += Buffer.byteLength(JSON.stringify(entry)) + 1;
  }
  return JSON.stringify({ rules, ignore });
}

describe('the project file in the server: read once per change, size-limited', () => {
  let client: TestClient;
  let dir: string;
  const configPath = () => path.join(dir, '.govreport.json');
  const reads = (file: string) => client.logs.filter((l) => l.message === `已读取配置文件 ${file}`).length;
  const uri = () => pathToFileURL(path.join(dir, 'report.txt')).href;
  const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => String(d.code));

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-project-'));
    fs.writeFileSync(configPath(), largeConfig(MAX_CONFIG_BYTES * 0.9, { 'numbering-style': 'off' }));
    client = new TestClient();
    await client.initialize('zh-cn', { workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a large valid config once, however many requests follow, and they answer fast', async () => {
    await client.open(uri(), seedText('000'), 'plaintext');
    const first = await client.diagnostics(uri(), (p) => p.version === 1);
    assert.ok(codes(first).includes('artifact') && !codes(first).includes('numbering-style'), 'the config applies');
    const hover = () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 0, character: 2 } });
    await hover();
    const start = performance.now();
    for (let i = 0; i < 20; i++) await hover();
    const ms = performance.now() - start;
    assert.ok(ms < 1000, `20 hovers took ${Math.round(ms)} ms`);
    assert.equal(reads(configPath()), 1);
  });

  it('picks up an edit at once when the watcher reports it, and by modification time and size without it', async () => {
    let mark = client.mark();
    fs.writeFileSync(configPath(), JSON.stringify({ rules: { 'numbering-style': 'off', artifact: 'off' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath()).href, type: 2 }] });
    const watched = await client.diagnostics(uri(), (p) => !codes(p).includes('artifact'), 10_000, mark);
    assert.ok(codes(watched).includes('missing-section'));
    assert.equal(reads(configPath()), 2);

    // No word from a watcher (an editor without one): the next request sees the new size and time.
    mark = client.mark();
    fs.writeFileSync(configPath(), JSON.stringify({ rules: { artifact: 'off' } }));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(), version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }],
    });
    const unwatched = await client.diagnostics(uri(), (p) => p.version === 2, 10_000, mark);
    assert.ok(codes(unwatched).includes('numbering-style') && !codes(unwatched).includes('artifact'));
    assert.equal(reads(configPath()), 3);
  });

  it('leaves a config over the size limit unread: one diagnostic on it, and the report is checked with defaults', async () => {
    const sub = path.join(dir, 'big');
    fs.mkdirSync(sub);
    const big = path.join(sub, '.govreport.json');
    fs.writeFileSync(big, largeConfig(MAX_CONFIG_BYTES + 100_000, { artifact: 'off' }));
    const reportUri = pathToFileURL(path.join(sub, 'report.txt')).href;
    await client.open(reportUri, seedText('000'), 'plaintext');
    const report = await client.diagnostics(reportUri, (p) => p.version === 1);
    assert.ok(codes(report).includes('artifact'), 'none of the file applies');
    const onFile = await client.diagnostics(pathToFileURL(big).href);
    assert.equal(onFile.diagnostics.length, 1);
    assert.match(String(onFile.diagnostics[0].message), /^配置文件过大（1,1\d\d,\d{3} 字节，上限 1,048,576 字节，即 1 MB），整个文件未生效$/);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: reportUri }, position: { line: 0, character: 2 } });
    assert.ok(hover === null || typeof hover === 'object', 'requests still answer');
    assert.equal(reads(big), 1);
  });
});
