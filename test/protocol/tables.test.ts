// A 政府信息公开工作年度报告 through the real server: the outline has its six sections with a table symbol under
// 二, 三 and 四 (never a table row); tables fold; a cell hovers with its row, column and equations; a changed
// cell is a table-sum error at that cell, and the document's text is otherwise free of numbering errors.
import * as assert from 'assert/strict';
import type { Diagnostic, DocumentSymbol, FoldingRange, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { SymbolKind } from 'vscode-languageserver-protocol';
import { corpusText } from '../helpers/corpus';
import { TestClient } from '../helpers/lsp-client';

describe('tables over the protocol', () => {
  let client: TestClient;
  const uri = 'file:///reports/平潭综合实验区2021年度政府信息公开工作年度报告.txt';
  const text = corpusText('gov-info', 'pingtan-2021');
  const lines = text.split('\n');
  before(async () => {
    client = new TestClient();
    await client.initialize('zh-cn');
  });
  after(() => client.shutdown());

  it('documentSymbol: six level-1 sections, 表二/表三/表四 as array symbols under 二/三/四, no table row as a symbol', async () => {
    await client.open(uri, text, 'plaintext');
    await client.diagnostics(uri);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.detail), ['一、', '二、', '三、', '四、', '五、', '六、']);
    const tables = symbols.flatMap((s) => (s.children ?? []).filter((c) => c.kind === SymbolKind.Array).map((c) => `${s.detail} ${c.name}`));
    assert.deepEqual(tables, ['二、 表二 主动公开政府信息情况', '三、 表三 收到和处理政府信息公开申请情况', '四、 表四 政府信息公开行政复议、行政诉讼情况']);
    const requests = symbols[2].children![0];
    assert.equal(requests.range.start.line, lines.findIndex((l) => l.startsWith('（本列数据的勾稽关系')));
    assert.equal(requests.range.end.line, lines.findIndex((l) => l.startsWith('四、结转下年度继续办理')));
    const all: DocumentSymbol[] = [];
    const walk = (ss: DocumentSymbol[]) => ss.forEach((s) => { all.push(s); walk(s.children ?? []); });
    walk(symbols);
    for (const s of all) {
      if (s.kind === SymbolKind.Array) continue;
      assert.ok(!lines[s.selectionRange.start.line].includes('\t'), `a table row became a symbol: ${s.detail}${s.name}`);
      // Headings of every level read as text, as VS Code's Markdown outline shows its headings, not as code ({}).
      assert.equal(s.kind, SymbolKind.String, `${s.detail}${s.name}`);
    }
    assert.ok(all.some((s) => s.detail?.startsWith('（')), 'level-2 headings among them');
  });

  it('foldingRange: each table folds', async () => {
    const ranges = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    const start = lines.findIndex((l) => l.startsWith('（本列数据的勾稽关系'));
    const end = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    assert.ok(ranges.some((r) => r.startLine === start && r.endLine === end), JSON.stringify(ranges));
  });

  it('hover on a cell: row, column, value and the equations it takes part in', async () => {
    const line = lines.findIndex((l) => l.startsWith('三、本年度办理结果'));
    const character = lines[line].indexOf('\t27\t') + 1;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /^\*\*27\*\* · 表三 收到和处理政府信息公开申请情况\n/);
    assert.match(value, /- 行：（一）予以公开/);
    assert.match(value, /- 列：自然人/);
    assert.match(value, /✓ 表三 “（一）予以公开”行：/);
    assert.match(value, /✓ 表三 自然人列：（一）予以公开27＋/);
    assert.deepEqual(hover.range, { start: { line, character }, end: { line, character: character + 2 } });
  });

  it('no numbering diagnostic on the correct report; a changed cell is one table-sum error at that cell', async () => {
    const first = (await client.diagnostics(uri)).diagnostics;
    assert.deepEqual(first.filter((d) => String(d.code).startsWith('numbering-') || d.code === 'table-sum').map((d) => `${d.code}@${d.range.start.line + 1}`), []);
    const line = lines.findIndex((l) => /^\d+\t\d+\t/.test(l));
    const cells = lines[line].split('\t');
    // 行政复议 总计: 3 → 0
    const character = cells.slice(0, 4).join('\t').length + 1;
    const since = client.mark();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '0' }],
    });
    const diagnostics: Diagnostic[] = (await client.diagnostics(uri, () => true, 10_000, since)).diagnostics;
    const sums = diagnostics.filter((d) => d.code === 'table-sum');
    assert.equal(sums.length, 1, JSON.stringify(sums));
    assert.equal(sums[0].severity, 1);
    assert.deepEqual(sums[0].range, { start: { line, character }, end: { line, character: character + 1 } });
    assert.equal(sums[0].message, '表四 行政复议：结果维持1＋结果纠正0＋其他结果2＋尚未审结0＝3，总计为0（差3）');
    assert.equal(sums[0].relatedInformation?.length, 4);
  });
});
