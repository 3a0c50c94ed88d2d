// The server under abuse: unknown and closed documents, positions out of range, cancelled requests, a burst
// of 1,000 edits, a 10 MB document of junk, and a document above the large-document threshold.
import * as assert from 'assert/strict';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';
import { within } from '../helpers/within';

describe('server resilience', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize('zh-cn');
  });
  after(() => client.shutdown());

  const request = (method: string, params: unknown) => client.connection.sendRequest(method, params);

  it('answers every request about unknown, closed or out-of-range documents', async () => {
    const uri = 'file:///reports/closed.txt';
    await client.open(uri, seedText('003'), 'plaintext');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    for (const u of [uri, 'file:///reports/never-opened.txt', 'untitled:Untitled-9']) {
      for (const [method, extra] of [
        ['textDocument/documentSymbol', {}], ['textDocument/foldingRange', {}],
        ['textDocument/hover', { position: { line: 5, character: 2 } }], ['textDocument/completion', { position: { line: 0, character: 0 } }],
        ['textDocument/codeAction', { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
      ] as const) {
        const result = await within(2000, `${method} on ${u}`, request(method, { textDocument: { uri: u }, ...extra }));
        assert.ok(result === null || (Array.isArray(result) && result.length === 0), `${method}: ${JSON.stringify(result)}`);
      }
    }
    const open = 'file:///reports/open.txt';
    await client.open(open, seedText('004'), 'plaintext');
    for (const position of [{ line: 10_000, character: 0 }, { line: 3, character: 99_999 }, { line: -1, character: -5 }]) {
      await within(2000, `hover at ${JSON.stringify(position)}`, request('textDocument/hover', { textDocument: { uri: open }, position }));
      await within(2000, `completion at ${JSON.stringify(position)}`, request('textDocument/completion', { textDocument: { uri: open }, position }));
    }
  });

  it('survives a cancelled request and keeps answering', async () => {
    const uri = 'file:///reports/cancel.txt';
    await client.open(uri, seedText('003'), 'plaintext');
    const source = new (require('vscode-languageserver-protocol').CancellationTokenSource)();
    const pending = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
    source.cancel();
    await pending.catch(() => undefined);
    const symbols = await within(2000, 'documentSymbol after a cancel', request('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
    assert.ok(symbols.length > 0);
  });

  it('takes 1,000 rapid edits and publishes the diagnostics of the last version only, promptly', async function () {
    this.timeout(30_000);
    const uri = 'file:///reports/burst.txt';
    const text = seedText('003');
    await client.open(uri, text, 'plaintext');
    await client.diagnostics(uri, (p) => p.version === 1);
    const line = text.split('\n').findIndex((l) => l.length > 40 && !/^\s*[一二三四五六七八九十]、/.test(l));
    const before = client.published.length;
    for (let v = 2; v <= 1001; v++) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character: 5 }, end: { line, character: 5 } }, text: v % 2 ? '法' : '治' }],
      });
    }
    const last = await within(10_000, 'diagnostics of version 1001', client.diagnostics(uri, (p) => p.version === 1001));
    assert.ok(last.diagnostics.some((d) => d.code === 'numbering-duplicate'));
    const versions = client.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version);
    assert.ok(versions.length < 20, `the debounce publishes few times, not per edit: ${versions.length}`);
    const symbols = await within(2000, 'documentSymbol after the burst', request('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
    assert.ok(symbols.length >= 9);
  });

  it('a 10 MB document of junk: requests answered, diagnostics published, the server alive', async function () {
    this.timeout(60_000);
    let junk = '';
    let x = 12345;
    while (junk.length < 5_000_000) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      junk += String.fromCharCode(x % 0xd7ff || 32) + (x % 97 === 0 ? '\n' : '');
    }
    const uri = 'file:///reports/junk.txt';
    await client.open(uri, junk, 'plaintext');
    await within(30_000, 'diagnostics of the junk', client.diagnostics(uri, () => true, 30_000));
    await within(10_000, 'documentSymbol on the junk', request('textDocument/documentSymbol', { textDocument: { uri } }));
    await within(10_000, 'hover on the junk', request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } }));
    // Memory stays bounded: a few times the text, not more.
    const pid = (client as unknown as { child: { pid: number } }).child.pid;
    const rssMB = Number(/VmRSS:\s+(\d+)/.exec(require('fs').readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
    assert.ok(rssMB < 600, `server RSS ${Math.round(rssMB)} MB`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('above the large-document threshold: the outline and structure checks, no figure checks, one message saying so', async function () {
    this.timeout(60_000);
    await client.changeSettings('govreport', { largeDocumentThreshold: 10_000 });
    const uri = 'file:///reports/large-004.txt';
    // Seed 004 (a figure-sum error, a Word bookmark left in) made longer than the threshold.
    const seed = seedText('004');
    const text = seed + '\n' + '附：本报告所附材料的说明。'.repeat(Math.ceil((10_500 - seed.length) / 13));
    assert.ok(text.length > 10_000);
    const messages = client.messages.length;
    await client.open(uri, text, 'plaintext');
    const published = await client.diagnostics(uri, (p) => p.version === 1);
    assert.ok(!published.diagnostics.some((d) => String(d.code).startsWith('figure-')), 'no figure rule on a large document');
    assert.ok(published.diagnostics.some((d) => d.code === 'artifact'), 'the other checks still run');
    const symbols = await request('textDocument/documentSymbol', { textDocument: { uri } }) as unknown[];
    assert.ok(symbols.length > 0);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + '\n' }] });
    await client.diagnostics(uri, (p) => p.version === 2);
    const said = client.messages.slice(messages).filter((m) => /文档较大/.test(m.message));
    assert.equal(said.length, 1, 'one message, not one per check');
    assert.match(said[0].message, /govreport\.largeDocumentThreshold/);
    await client.changeSettings('govreport', {});
  });
});
