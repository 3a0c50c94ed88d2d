// Completion through the real server: heading numbers after an edit, section titles after 「X、」.
import * as assert from 'assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { formatChineseNumeral, parseReport } from '../../server/src/core/index';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

describe('completion over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    const init = await client.initialize('zh-cn');
    assert.deepEqual(init.capabilities.completionProvider?.triggerCharacters, ['（', '(', '、']);
  });
  after(() => client.shutdown());

  const complete = async (uri: string, line: number, character: number) => {
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as
      CompletionItem[] | CompletionList | null;
    return Array.isArray(result) ? result : result?.items ?? [];
  };

  it('after the first level-2 heading of seed 003, typing 「（」 on a new line offers the next number, replacing the bracket', async () => {
    const uri = 'file:///reports/003-numbers.txt';
    const text = seedText('003');
    const first = parseReport(text).headings.find((h) => h.level === 2)!;
    const lines = text.split('\n');
    lines.splice(first.line + 1, 0, '（');
    await client.open(uri, lines.join('\n'), 'plaintext');
    const items = await complete(uri, first.line + 1, 1);
    const next = `（${formatChineseNumeral(first.number.value + 1)}）`;
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes(next), `${next} not in ${labels.join(' ')}`);
    const item = items.find((i) => i.label === next)!;
    assert.deepEqual((item.textEdit as { range: unknown }).range, { start: { line: first.line + 1, character: 0 }, end: { line: first.line + 1, character: 1 } });
    assert.match(item.detail ?? '', /二级标题/);
  });

  it('after 「九、」 at the end of seed 003 offers the missing 第一责任人 section with the report year 2021', async () => {
    const uri = 'file:///reports/003-completion.txt';
    const text = seedText('003') + '\n九、';
    await client.open(uri, text, 'plaintext');
    const lines = text.split('\n');
    const items = await complete(uri, lines.length - 1, 2);
    const titles = items.map((i) => i.label);
    assert.ok(titles.some((t) => t === '2021年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况'), titles.join(' | '));
    assert.equal(items[0].detail, '尚缺的必备内容');
    assert.match(String(items[0].documentation), /^尚缺的必备内容：上一年度党政主要负责人履行推进法治建设第一责任人职责/);
  });

  it('answers an empty list for unknown documents and out-of-range positions', async () => {
    assert.deepEqual(await complete('file:///reports/none.txt', 0, 0), []);
    const uri = 'file:///reports/short.txt';
    await client.open(uri, '一、总体情况', 'plaintext');
    assert.deepEqual(await complete(uri, 99, 0), []);
  });
});
