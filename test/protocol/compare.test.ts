// 「与上一年度报告比较」 over the protocol and on the command line: this year's report open in the editor (with
// unsaved edits) or on disk, last year's read from disk (text or .docx), ranges in both documents.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { nextYearReport } from '../helpers/gov-info-years';
import { TestClient } from '../helpers/lsp-client';

type Range = { start: { line: number; character: number } };

const FIXTURES = path.resolve(__dirname, '../fixtures/compare');
const PREVIOUS = path.join(FIXTURES, '蔈草镇2022年法治政府建设情况的报告.txt');
const CURRENT = path.join(FIXTURES, '蔈草镇2023年法治政府建设情况的报告.txt');
const CLI = path.resolve(__dirname, '../../dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

interface Result {
  currentUri: string;
  previousUri: string;
  currentTitle: string | null;
  copiedParagraphs: { current: { range: { start: { line: number } } }; previous: { range: { start: { line: number } } }; similarity: number }[];
  unchangedFigures: { subject: string; value: number }[];
  unmentionedPlanItems: { label: string; previous: { range: { start: { line: number; character: number } } } }[];
  error?: string;
}

describe('compareReports over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize('zh-cn', { workspaceFolder: FIXTURES });
  });
  after(() => client.shutdown());

  const currentUri = pathToFileURL(CURRENT).href;
  const previousUri = pathToFileURL(PREVIOUS).href;

  it('compares a file on disk with last year\'s file: ranges in both', async () => {
    const r = await client.connection.sendRequest('govreport/compareReports', { current: currentUri, previous: previousUri }) as Result;
    assert.equal(r.error, undefined);
    assert.equal(r.currentUri, currentUri);
    assert.equal(r.previousUri, previousUri);
    assert.match(r.currentTitle ?? '', /2023年法治政府建设/);
    assert.deepEqual(r.copiedParagraphs.map((c) => [c.current.range.start.line, c.previous.range.start.line]), [[6, 6], [8, 8], [10, 10]]);
    assert.deepEqual(r.unchangedFigures.map((f) => f.subject), ['群众满意度', '优待证', '调解成功率']);
    assert.deepEqual(r.unmentionedPlanItems.map((p) => [p.label, p.previous.range.start.line]), [['开展民主法治示范村创建', 22], ['加强电子证照应用', 23]]);
  });

  it('takes this year\'s text from the editor when the report is open, unsaved edits included', async () => {
    const edited = fs.readFileSync(CURRENT, 'utf8').replace('全面推行行政执法“三项制度”，推进行政执法事项标准化。', '全面推行行政执法“三项制度”，推进行政执法事项标准化。建成石门村、龙洞村两个民主法治示范村，法治文化广场和沿河法治文化长廊投入使用。');
    const openUri = 'untitled:蔈草镇2023';
    await client.open(openUri, edited);
    const r = await client.connection.sendRequest('govreport/compareReports', { current: openUri, previous: previousUri }) as Result;
    assert.equal(r.currentUri, openUri);
    // The edited paragraph is no longer a copy, and the 示范村 plan is now taken up.
    assert.deepEqual(r.copiedParagraphs.map((c) => c.current.range.start.line), [6, 8]);
    assert.deepEqual(r.unmentionedPlanItems.map((p) => p.label), ['加强电子证照应用']);
  });

  it('says what went wrong when last year\'s file cannot be read', async () => {
    // Inside the workspace folder: a file elsewhere is not even looked for (see lane.test.ts).
    const missing = pathToFileURL(path.join(FIXTURES, 'no-such-report.txt')).href;
    const r = await client.connection.sendRequest('govreport/compareReports', { current: currentUri, previous: missing }) as Result;
    assert.match(r.error ?? '', /^上一年度报告：无法读取/);
    const none = await client.connection.sendRequest('govreport/compareReports', {}) as Result;
    assert.match(none.error ?? '', /缺少要比较的报告/);
  });
});

describe('govreport compare', () => {
  it('--format json: the three lists with LSP ranges, and the files compared', () => {
    const r = run('compare', '--format', 'json', PREVIOUS, CURRENT);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['previous', 'current', 'previousYear', 'currentYear', 'copiedParagraphs', 'unchangedFigures', 'unmentionedPlanItems', 'tableLinks']);
    assert.deepEqual(json.tableLinks, { checked: 0, unavailable: 'no-tables', breaks: [] });
    assert.equal(json.previous, PREVIOUS);
    assert.equal(json.previousYear, 2022);
    assert.equal(json.copiedParagraphs.length, 3);
    assert.deepEqual(json.copiedParagraphs[0].current.range.start, { line: 6, character: 0 });
    assert.equal(json.unchangedFigures.length, 3);
    assert.deepEqual(json.unmentionedPlanItems.map((p: { label: string }) => p.label), ['开展民主法治示范村创建', '加强电子证照应用']);
  });

  it('text: a section per list with counts and 1-based places, in Chinese or English', () => {
    const zh = run('compare', PREVIOUS, CURRENT);
    assert.equal(zh.status, 0, zh.stderr);
    assert.match(zh.stdout, /^原样照搬的段落 \(3\)$/m);
    assert.match(zh.stdout, /^未变化的数字 \(3\)$/m);
    assert.match(zh.stdout, /^上年安排本年未提及 \(2\)$/m);
    assert.match(zh.stdout, /蔈草镇2023年法治政府建设情况的报告\.txt:11:15 {2}← {2}.*蔈草镇2022年法治政府建设情况的报告\.txt:11:15 {2}相同/);
    assert.match(zh.stdout, /2022年法治政府建设情况的报告\.txt:23:1 {2}开展民主法治示范村创建 {2}关键词: /);
    assert.match(zh.stdout, /^表格与上年不衔接 \(0\)，无法核对：两份报告中没有都读出表二或表三$/m);
    const en = run('compare', '--locale', 'en', PREVIOUS, CURRENT);
    assert.match(en.stdout, /^Last year's plans not mentioned this year \(2\)$/m);
    assert.match(en.stdout, /96% alike/);
  });

  it('exits 2 unless given exactly two readable files, and refuses formats it has not', () => {
    assert.equal(run('compare', PREVIOUS).status, 2);
    assert.match(run('compare', '--format', 'csv', PREVIOUS, CURRENT).stderr, /--format 只能是 text、json/);
    const missing = run('compare', '/no/such/2022.txt', CURRENT);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /无法读取/);
  });
});

// Two years of a 政府信息公开 report: 平潭 2021 as published, and 2022 generated from it with 上年结转 自然人 off by
// one and five 行政规范性文件 repealed by a 清理 outside 本年废止件数.
describe('govreport compare on two years of a 政府信息公开 report: the tables', () => {
  let dir: string;
  let previous: string;
  let current: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-tables-'));
    const text = fs.readFileSync(path.resolve(__dirname, '../fixtures/corpus/gov-info/pingtan-2021.txt'), 'utf8');
    previous = path.join(dir, '平潭综合实验区2021年度政府信息公开工作年度报告.txt');
    current = path.join(dir, '平潭综合实验区2022年度政府信息公开工作年度报告.txt');
    fs.writeFileSync(previous, text);
    fs.writeFileSync(current, nextYearReport(text, { carriedOff: [1, 0, 0, 0, 0, 0, 1], cleanedUp: 5 }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--format json: tableLinks with what was checked and each break with LSP ranges in both files', () => {
    const r = run('compare', '--format', 'json', previous, current);
    assert.equal(r.status, 0, r.stderr);
    const { tableLinks } = JSON.parse(r.stdout);
    assert.equal(tableLinks.checked, 9);
    assert.equal(tableLinks.unavailable, null);
    assert.deepEqual(tableLinks.breaks.map((b: { kind: string; label: { zh: string }; current: { range: Range }; previous: { range: Range } }) =>
      [b.kind, b.label.zh, b.current.range.start, b.previous.range.start]), [
      ['carried-over', '表三 自然人', { line: 29, character: 17 }, { line: 52, character: 12 }],
      ['carried-over', '表三 总计', { line: 29, character: 29 }, { line: 52, character: 24 }],
      ['documents-in-force', '表二 行政规范性文件', { line: 13, character: 13 }, { line: 13, character: 13 }],
    ]);
    const lines = fs.readFileSync(current, 'utf8').split('\n');
    assert.ok(lines[29].startsWith('二、上年结转'));
    assert.ok(lines[13].startsWith('行政规范性文件'));
  });

  it('text: the group with its count and what was checked, a line per break in Chinese or English', () => {
    const zh = run('compare', previous, current);
    assert.equal(zh.status, 0, zh.stderr);
    assert.match(zh.stdout, /^表格与上年不衔接 \(3\)，已核对9项$/m);
    assert.match(zh.stdout, /2022年度政府信息公开工作年度报告\.txt:30:18 {2}← {2}.*2021年度政府信息公开工作年度报告\.txt:53:13 {2}表三 自然人列：本年“上年结转”为2，上年报告“结转下年度继续办理”为1（差1）$/m);
    assert.match(zh.stdout, /表二 行政规范性文件：上年现行有效665＋本年制发69－本年废止3＝731，本年现行有效件数为726（差5；开展文件清理时可能不等，仅供核对）$/m);
    const en = run('compare', '--locale', 'en', previous, current);
    assert.match(en.stdout, /^Tables that do not follow on from last year's \(3\), 9 checked$/m);
    assert.match(en.stdout, /Table 2, normative documents: 665 in force last year \+ 69 issued − 3 repealed = 731, but 726 are in force this year/);
  });

  it('govreport/compareReports carries the same group to the client', async () => {
    const client = new TestClient();
    await client.initialize('zh-cn', { workspaceFolder: dir });
    try {
      const r = await client.connection.sendRequest('govreport/compareReports', { current: pathToFileURL(current).href, previous: pathToFileURL(previous).href }) as { tableLinks: { checked: number; breaks: { label: { zh: string } }[] } };
      assert.equal(r.tableLinks.checked, 9);
      assert.deepEqual(r.tableLinks.breaks.map((b) => b.label.zh), ['表三 自然人', '表三 总计', '表二 行政规范性文件']);
    } finally {
      await client.shutdown();
    }
  });
});
