// Hovers and the figures table through the real server, as an editor asks for them.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { seedPath, seedText } from '../helpers/seeds';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function at(text: string, needle: string, offset = 0): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + offset };
}

describe('hover and figures over the protocol', () => {
  let client: TestClient;
  const uri = 'file:///reports/004.txt';
  const text = seedText('004');
  before(async () => {
    client = new TestClient();
    const init = await client.initialize('zh-cn');
    assert.equal(init.capabilities.hoverProvider, true);
    await client.open(uri, text, 'plaintext');
  });
  after(() => client.shutdown());

  const hoverAt = async (position: { line: number; character: number }) =>
    (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;

  it('hovers a figure: value, unit, subject, exactness, with the figure’s range', async () => {
    const position = at(text, '1.99亿元', 2);
    const hover = (await hoverAt(position))!;
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /199,000,000 元 · 金额 · 确数/);
    assert.match(value, /- 款项：招商引资到位资金/);
    assert.deepEqual(hover.range, { start: { line: position.line, character: position.character - 2 }, end: { line: position.line, character: position.character + 4 } });
  });

  it('hovers a total whose parts do not add up, and says so', async () => {
    const value = ((await hoverAt(at(text, '151项', 1)))!.contents as MarkupContent).value;
    assert.match(value, /✗ 其中各项之和 97项，不等于总数 151项：6项 \+ 18项/);
  });

  it('hovers a heading with its section’s figures table', async () => {
    const value = ((await hoverAt(at(text, '（二）健全政府机构职能体系', 3)))!.contents as MarkupContent).value;
    assert.match(value, /\| 指标 \| 数值 \| 单位 \|/);
    assert.match(value, /\| 招商引资到位资金 \| 199,000,000 \| 元 \|/);
  });

  it('hovers the title with the report summary', async () => {
    const value = ((await hoverAt(at(text, '关于2023年法治政府建设情况的报告', 3)))!.contents as MarkupContent).value;
    assert.match(value, /报告年度：2023/);
    // The four mandated items; the optional 「其他需要报告的情况」 is named apart, not counted.
    assert.match(value, /已有必备内容：4\/4/);
    assert.doesNotMatch(value, /缺少：/);
    assert.match(value, /可选内容，未写：其他需要报告的情况/);
  });

  it('answers null on plain text, out-of-range positions and unknown documents', async () => {
    assert.equal(await hoverAt(at(text, '深入学习贯彻党的二十大精神')), null);
    assert.equal(await hoverAt({ line: 9999, character: 0 }), null);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none.txt' }, position: { line: 0, character: 0 } }), null);
  });

  it('returns the figures table with govreport/figures, and the same rows as the CLI', async () => {
    const result = (await client.connection.sendRequest('govreport/figures', { uri })) as { title: string; rows: any[]; csv: string };
    assert.equal(result.title, '中共蔈草镇委员会云阳县蔈草镇人民政府关于2023年法治政府建设情况的报告');
    assert.ok(result.rows.some((r) => r.text === '1.99亿元' && r.value === 199000000 && r.unit === '元'));
    assert.ok(result.csv.startsWith('\ufeff行,所在部分'));
    const cli = spawnSync(process.execPath, [CLI, 'figures', '--format', 'json', seedPath('004')], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(JSON.parse(cli.stdout).files[0].figures, result.rows);
    const csv = spawnSync(process.execPath, [CLI, 'figures', '--format', 'csv', seedPath('004')], { encoding: 'utf8' });
    assert.equal(csv.stdout, result.csv);
  });

  it('says which language its words are in, as the setting govreport.locale says: the client words the view in it', async () => {
    const figures = () => client.connection.sendRequest('govreport/figures', { uri }) as Promise<{ locale: string; csv: string }>;
    const coverage = () => client.connection.sendRequest('govreport/coverage', { uri }) as Promise<{ locale: string; areas: { short: string }[] }>;
    assert.equal((await figures()).locale, 'zh');
    await client.changeSettings('govreport', { locale: 'en' });
    const en = await figures();
    assert.equal(en.locale, 'en');
    assert.ok(en.csv.startsWith('\ufeffline,section'));
    const covered = await coverage();
    assert.equal(covered.locale, 'en');
    assert.match(covered.areas[0].short, /^[A-Z]/);
    await client.changeSettings('govreport', { locale: 'auto' });
    assert.equal((await figures()).locale, 'zh', 'auto: the language the client started with (zh-cn)');
  });
});
