// govreport/reportStatus through the real server: the client offers 「显示报告数据」 and the comparison with last
// year on what the server takes for a report — a .txt or .md report as well as a file of the report language — and
// not on any other text file. The server says so per open document, once per change of its answer.
import * as assert from 'assert/strict';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

describe('govreport/reportStatus over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize('zh-cn');
  });
  after(() => client.shutdown());

  const statusesOf = (uri: string) => client.reportStatuses.filter((s) => s.uri === uri).map((s) => s.isReport);
  const change = (uri: string, version: number, text: string) =>
    client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });

  it('a plain-text and a Markdown report are reports; a text file that is no report is not', async () => {
    const txt = 'file:///status/004.txt';
    const md = 'file:///status/003.md';
    const notes = 'file:///status/notes.txt';
    await client.open(txt, seedText('004'), 'plaintext');
    await client.open(md, seedText('003'), 'markdown');
    await client.open(notes, '会议记录\n明天上午九点开会，请准时参加。\n', 'plaintext');
    for (const [uri, isReport] of [[txt, true], [md, true], [notes, false]] as const) {
      await client.until(() => (statusesOf(uri).length > 0 ? true : undefined), `the status of ${uri}`);
      assert.deepEqual(statusesOf(uri), [isReport], uri);
    }
  });

  it('follows edits, and tells only a change: a title makes a report, losing it makes none again', async () => {
    const uri = 'file:///status/draft.txt';
    await client.open(uri, '草稿\n', 'plaintext');
    await client.until(() => (statusesOf(uri).length === 1 ? true : undefined), 'the first status');
    const report = seedText('004');
    await change(uri, 2, report);
    await client.until(() => (statusesOf(uri).length === 2 ? true : undefined), 'the status after the title was written');
    // Another edit that leaves it a report: diagnostics are published again, the status is not repeated.
    const since = client.mark();
    await change(uri, 3, `${report}\n补充说明。\n`);
    await client.diagnostics(uri, (p) => p.version === 3, 10_000, since);
    await change(uri, 4, '草稿\n');
    await client.until(() => (statusesOf(uri).length === 3 ? true : undefined), 'the status after the title was deleted');
    assert.deepEqual(statusesOf(uri), [false, true, false]);
  });

  it('tells a reopened document afresh', async () => {
    const uri = 'file:///status/reopened.txt';
    await client.open(uri, seedText('004'), 'plaintext');
    await client.until(() => (statusesOf(uri).length === 1 ? true : undefined), 'the status when opened');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.open(uri, seedText('004'), 'plaintext', 2);
    await client.until(() => (statusesOf(uri).length === 2 ? true : undefined), 'the status when opened again');
    assert.deepEqual(statusesOf(uri), [true, true]);
  });
});
