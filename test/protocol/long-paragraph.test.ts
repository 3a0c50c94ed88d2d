// One huge paragraph through the real server (a text pasted without line breaks, a PDF extraction on one line), and a
// document above the large-document threshold: diagnostics within seconds, the editor's other requests answered
// meanwhile, and a figures table that stays small or, for a large document, says why there is none.
import * as assert from 'assert/strict';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { longParagraph, fazhiReport } from '../helpers/long-paragraph';
import { TestClient } from '../helpers/lsp-client';

/** The answer of `promise` and how long it took; fails beyond `ms`. */
async function timed<T>(ms: number, what: string, promise: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  try {
    const value = await Promise.race([promise, timeout]);
    return { value, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** 「…共X件，其中Y件，」 clause after clause, in one paragraph of `size` characters: the 41-second case at 250 KB. */
function qizhongParagraph(size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const done = 10 + (i % 37);
    const clause = `受理${['行政复议', '信访', '调解'][i % 3]}案件共${done + (i % 5)}件，其中办结${done}件，`;
    parts.push(clause);
    length += clause.length;
  }
  return parts.join('');
}

describe('one huge paragraph over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize('zh-cn');
  });
  after(() => client.shutdown());

  const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;

  it('a 250 KB paragraph of 其中 clauses: diagnostics within seconds, a hover and a completion sent at once answered', async function () {
    this.timeout(30_000);
    const text = fazhiReport(qizhongParagraph(250_000), 'measures');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.length > 200_000);
    const uri = 'file:///reports/one-paragraph.txt';
    const started = performance.now();
    await client.open(uri, text, 'plaintext');
    // Right after the open, as an editor asks while the diagnostics are being made.
    const character = lines[line].indexOf('件，其中', 120_000) - 1;
    const [hover, completion] = await Promise.all([
      timed(5_000, 'hover right after the open', request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } })),
      timed(5_000, 'completion right after the open', request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: { line: line + 1, character: 0 } })),
    ]);
    const published = await client.diagnostics(uri, (p) => p.version === 1, 10_000);
    const diagnosticsMs = performance.now() - started;
    assert.ok(diagnosticsMs < 5_000, `diagnostics after ${Math.round(diagnosticsMs)} ms`);
    // Every fifth clause's parts fall short of its total: the rule did its work on the whole paragraph.
    assert.ok(published.diagnostics.filter((d) => d.code === 'figure-sum').length > 1000);
    assert.match((hover.value!.contents as MarkupContent).value, /件\*\* · 数量/);
    assert.ok(Array.isArray(completion.value) || completion.value === null);
    // Once analysed, requests in the paragraph are answered at once.
    const again = await timed(2_000, 'hover after the diagnostics', request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].length - 5 } }));
    assert.ok(again.ms < 500, `hover at the paragraph's end took ${Math.round(again.ms)} ms`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('the figures table of a long sentence carries an excerpt per figure, not the sentence', async function () {
    this.timeout(30_000);
    const paragraph = qizhongParagraph(50_000);
    const uri = 'file:///reports/one-sentence.txt';
    await client.open(uri, fazhiReport(paragraph, 'measures'), 'plaintext');
    const result = await request<{ rows: { sentence: string }[]; csv: string }>('govreport/figures', { uri });
    assert.ok(result.rows.length > 5000);
    for (const row of result.rows) assert.ok(row.sentence.length <= 130, row.sentence);
    assert.ok(JSON.stringify(result).length < 4_000_000, `${JSON.stringify(result).length} characters`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('a document above the large-document threshold over the protocol', () => {
  let client: TestClient;
  const uri = 'file:///reports/large.txt';
  // A report of 60,000 characters with a figure-sum error, checked with the threshold at 10,000.
  const text = fazhiReport(`全年受理行政复议案件15件，其中维持12件、纠正4件。${longParagraph(['qizhong', 'rates', 'citations', 'places', 'pairs'], 60_000)}`, 'measures');
  const line = text.split('\n').findIndex((l) => l.startsWith('全年受理行政复议案件15件'));
  before(async function () {
    this.timeout(20_000);
    client = new TestClient();
    await client.initialize('zh-cn');
    await client.changeSettings('govreport', { largeDocumentThreshold: 10_000 });
    await client.open(uri, text, 'plaintext');
  });
  after(() => client.shutdown());

  const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;

  it('gets its structure checked only: no figure rule, no rule on the wording of each paragraph', async () => {
    const published = await client.diagnostics(uri, (p) => p.version === 1);
    const rules = new Set(published.diagnostics.map((d) => String(d.code)));
    for (const rule of ['figure-sum', 'figure-rate', 'citation', 'foreign-unit', 'unbalanced-pair', 'enumeration-order', 'document-number']) {
      assert.ok(!rules.has(rule), `${rule} on a large document`);
    }
    assert.ok(client.messages.some((m) => /文档较大.*逐段的文字检查/.test(m.message)));
  });

  it('answers govreport/figures with the reason there are no rows, at once', async () => {
    const { value, ms } = await timed(2_000, 'govreport/figures', request<{ rows: unknown[]; csv: string; notice?: string }>('govreport/figures', { uri }));
    assert.deepEqual(value.rows, []);
    assert.equal(value.csv, '');
    assert.match(value.notice!, /文档较大.*govreport\.largeDocumentThreshold.*10000/);
    assert.ok(ms < 1000, `${Math.round(ms)} ms`);
  });

  it('hovers a figure with its value, unchecked, and says why', async () => {
    const character = text.split('\n')[line].indexOf('15件') + 1;
    const hover = await request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*15件\*\* · 数量 · 确数/);
    assert.doesNotMatch(value, /其中各项/);
    assert.match(value, /文档较大，未核对数据/);
  });
});
