// govreport/coverage through the real server: the 纲要 parts a report speaks to, per document version.
import * as assert from 'assert/strict';
import { gangyaoCoverage, parseReport } from '../../server/src/core/index';
import type { CoverageResult } from '../../server/src/features/coverage';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

describe('govreport/coverage over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize('zh-cn');
  });
  after(() => client.shutdown());

  const coverage = async (uri: string) => (await client.connection.sendRequest('govreport/coverage', { uri })) as CoverageResult | null;

  it('answers for seed 004 (2023) with the ten parts, places as the core finds them', async () => {
    const uri = 'file:///reports/004.txt';
    const text = seedText('004');
    await client.open(uri, text, 'plaintext');
    const result = (await coverage(uri))!;
    assert.equal(result.version, 1);
    assert.equal(result.year, 2023);
    assert.equal(result.firstYear, 2021);
    assert.equal(result.unavailable, null);
    const core = gangyaoCoverage(parseReport(text))!;
    assert.deepEqual(result.areas.map((a) => [a.part, a.id, a.via, a.count]), core.map((a) => [a.part, a.id, a.via, a.count]));
    assert.deepEqual(result.areas.map((a) => a.places), core.map((a) => a.places));
    const functions = result.areas.find((a) => a.id === 'functions')!;
    assert.equal(functions.title, '健全政府机构职能体系，推动更好发挥政府作用');
    assert.equal(functions.short, '政府职能');
    assert.deepEqual(functions.places[0], {
      range: { start: { line: 9, character: 0 }, end: { line: 9, character: 13 } },
      text: '（二）健全政府机构职能体系',
    });
  });

  it('follows the edits: a heading for an uncovered area covers it in the next version', async () => {
    const uri = 'file:///reports/003.txt';
    const text = seedText('003');
    await client.open(uri, text, 'plaintext');
    const before = (await coverage(uri))!;
    assert.equal(before.areas.find((a) => a.id === 'digital')!.via, 'none');
    const anchor = '五、加强对行政权力的监督制约';
    const edited = text.replace(anchor, `(四)加快建设数字法治政府。推进政务数据共享。\n\n${anchor}`);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const after = (await coverage(uri))!;
    assert.equal(after.version, 2);
    const digital = after.areas.find((a) => a.id === 'digital')!;
    assert.equal(digital.via, 'heading');
    assert.deepEqual(digital.places.map((p) => p.text), ['(四)加快建设数字法治政府']);
    assert.equal(edited.split('\n')[digital.places[0].range.start.line], '(四)加快建设数字法治政府。推进政务数据共享。');
  });

  it('has no areas, and says why, for a 2020 report and for text that is not a report; null for an unknown document', async () => {
    await client.open('file:///reports/000.txt', seedText('000'), 'plaintext');
    assert.deepEqual(await coverage('file:///reports/000.txt'), { locale: 'zh', version: 1, year: 2020, firstYear: 2021, unavailable: 'before-first-year', areas: [] });
    await client.open('file:///notes.txt', '今天开会。\n明天出差。\n', 'plaintext');
    const notes = (await coverage('file:///notes.txt'))!;
    assert.deepEqual([notes.unavailable, notes.areas], ['not-report', []]);
    assert.equal(await coverage('file:///none.txt'), null);
  });

  it('names the areas in English for an English client', async () => {
    const english = new TestClient();
    try {
      await english.initialize('en');
      await english.open('file:///reports/004.txt', seedText('004'), 'plaintext');
      const result = (await english.connection.sendRequest('govreport/coverage', { uri: 'file:///reports/004.txt' })) as CoverageResult;
      assert.deepEqual(result.areas.slice(0, 2).map((a) => [a.short, a.title]), [
        ['Xi Jinping Thought on the Rule of Law', '深入学习贯彻习近平法治思想，努力实现法治政府建设全面突破'],
        ['Government functions', '健全政府机构职能体系，推动更好发挥政府作用'],
      ]);
    } finally {
      await english.shutdown();
    }
  });
});
