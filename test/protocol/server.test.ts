// The real server over stdio, spoken to in plain LSP as any editor would.
import * as assert from 'assert/strict';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    const init = await client.initialize();
    assert.equal(init.capabilities.textDocumentSync, 2, 'incremental sync');
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.ok(init.capabilities.foldingRangeProvider);
  });
  after(() => client.shutdown());

  const uri003 = 'file:///reports/003.txt';

  it('answers documentSymbol for seed 003 with the heading tree (sent as plain text, as Neovim does)', async () => {
    await client.open(uri003, seedText('003'), 'text');
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri003 } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.detail), ['一、', '二、', '三、', '三、', '四、', '五、', '六、', '七、', '八、']);
    assert.equal(symbols[0].name, '高度重视,深入推进法治政府建设');
    assert.deepEqual(symbols[0].children!.map((c) => [c.detail, c.name]), [
      ['(一)', '加强组织领导'], ['(二)', '落实报告制度和考核制度'], ['(三)', '全面助力洛阳市创建全国法治政府建设示范市'],
    ]);
    assert.deepEqual(symbols[0].range, { start: { line: 12, character: 0 }, end: { line: 18, character: seedText('003').split('\n')[18].trimEnd().length } });
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 12, character: 0 }, end: { line: 12, character: 17 } });
  });

  it('answers foldingRange with one region per section and the web text folded away', async () => {
    const ranges = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: uri003 } })) as FoldingRange[];
    assert.deepEqual(ranges.find((r) => r.startLine === 0), { startLine: 0, endLine: 3, kind: 'comment' });
    assert.deepEqual(ranges.filter((r) => r.kind === 'region').map((r) => [r.startLine, r.endLine]),
      [[12, 18], [20, 26], [28, 34], [36, 42], [44, 50], [52, 58], [60, 66], [68, 72], [74, 84]]);
  });

  it('publishes diagnostics for the opened version', async () => {
    const published = await client.diagnostics(uri003);
    assert.equal(published.version, 1);
    assert.ok(Array.isArray(published.diagnostics));
  });

  it('applies incremental edits: the outline follows a renumbered heading', async () => {
    // Line 36 is the second 「三、」: make it 「四、」.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri003, version: 2 },
      contentChanges: [{ range: { start: { line: 36, character: 0 }, end: { line: 36, character: 1 } }, text: '四' }],
    });
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri003 } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.detail).slice(0, 5), ['一、', '二、', '三、', '四、', '四、']);
    const published = await client.diagnostics(uri003, (p) => p.version === 2);
    assert.equal(published.version, 2);
  });

  it('stays silent on text that is not a report', async () => {
    const uri = 'file:///notes/readme.md';
    await client.open(uri, '# Notes\n\n一、这不是报告\n\nJust some notes.\n', 'markdown');
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, []);
    const published = await client.diagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
  });

  it('answers requests for an unknown document with null instead of failing', async () => {
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.txt' } });
    assert.equal(symbols, null);
  });

  it('clears diagnostics when a document closes', async () => {
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri003 } });
    const cleared = await client.diagnostics(uri003, (p) => p.version === undefined && p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
