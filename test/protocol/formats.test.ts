// The same report as it reaches reviewers — typed (.txt), as a Word document, as a PDF (four pages, a running
// header and page numbers, made by test/helpers/make-pdf.ts), as a saved web page of its site (GBK, with the
// site's navigation and footer) — gives the same findings in `govreport check` and in the workspace check, and
// the PDF's findings name their page. The report is 平潭综合实验区's 2021 政府信息公开工作年度报告 (the corpus's text, with its real
// 表二, 表三 and 表四) with one 总计 of 表三 made wrong, so that there is an error to find besides the warnings.
//
// The 发布日期 and 来源 a web page prints under the title are kept apart from its text (the outline names them), so
// that the page's findings are the text's exactly, line for line.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { corpusText } from '../helpers/corpus';
import { govInfoPageGbk, SITE_TEXT } from '../helpers/gov-info-html';
import { TestClient } from '../helpers/lsp-client';
import { reportPdf, requireCjkFont, scanPdf } from '../helpers/make-pdf';
import { reportDocx } from '../helpers/report-docx';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** 表三 一、本年新收: 总计 70 → 71 (自然人 64 + … + 其他 4 = 70). */
const REPORT = corpusText('gov-info', 'pingtan-2021').replace('\t4\t70\n', '\t4\t71\n');
const TABLE_SUM_LINE = REPORT.split('\n').findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));

interface Seen { rule: string; severity: string; message: string; line: number }

/** Findings in a stable order, to compare as lists. */
const sorted = (list: Seen[]) => [...list].sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));

/** The PDF's pages: where each starts in its text, as its reader gives them (checked in the first test). */
const PAGE_STARTS = [0, 6, 28, 59];

describe('the same report as .txt, .docx, .pdf and a saved web page', function () {
  this.timeout(60_000);
  let dir: string;
  before(async function () {
    requireCjkFont(this);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-formats-'));
    fs.writeFileSync(path.join(dir, '报告.txt'), REPORT);
    fs.writeFileSync(path.join(dir, '报告.docx'), reportDocx(REPORT));
    fs.writeFileSync(path.join(dir, '报告.pdf'), await reportPdf(REPORT, { header: '平潭综合实验区政府信息公开工作年度报告', pageNumbers: true }));
    fs.writeFileSync(path.join(dir, '报告.html'), govInfoPageGbk(REPORT));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('govreport check --format json: the same findings for each, a table-sum error among them; the PDF’s with their page', () => {
    const r = run('check', '--format', 'json', dir);
    assert.equal(r.status, 1, r.stderr);
    const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number } }; page?: number }[] }[];
    assert.deepEqual(files.map((f) => path.basename(f.path)).sort(), ['报告.docx', '报告.html', '报告.pdf', '报告.txt']);
    const of = (name: string): Seen[] => files.find((f) => path.basename(f.path) === name)!.diagnostics
      .map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, line: d.range.start.line }));
    const text = sorted(of('报告.txt'));
    assert.ok(text.some((f) => f.rule === 'table-sum' && f.severity === 'error' && f.line === TABLE_SUM_LINE), JSON.stringify(text));
    assert.deepEqual(sorted(of('报告.docx')), text);
    assert.deepEqual(sorted(of('报告.pdf')), text);
    assert.deepEqual(sorted(of('报告.html')), text);
    // Pages in the PDF's findings only: the table-sum error on 表三's first row, on page 3.
    const pdf = files.find((f) => f.path.endsWith('.pdf'))!.diagnostics;
    assert.ok(pdf.every((d) => d.page === PAGE_STARTS.filter((s) => s <= d.range.start.line).length), JSON.stringify(pdf.map((d) => [d.range.start.line, d.page])));
    assert.equal(pdf.find((d) => d.rule === 'table-sum')!.page, 3);
    for (const f of files.filter((x) => !x.path.endsWith('.pdf'))) assert.ok(f.diagnostics.every((d) => !('page' in d)), f.path);
  });

  it('govreport matrix and figures: the same row and the same figures for each form', () => {
    const matrix = JSON.parse(run('matrix', '--format', 'json', dir).stdout).reports as { path: string; title: string; year: number; items: Record<string, boolean>; errors: number; warnings: number }[];
    assert.equal(matrix.length, 4);
    const rowOf = (r: (typeof matrix)[number]) => ({ title: r.title, year: r.year, items: r.items, errors: r.errors, warnings: r.warnings });
    for (const r of matrix) assert.deepEqual(rowOf(r), rowOf(matrix.find((x) => x.path.endsWith('.txt'))!), r.path);
    assert.ok(matrix[0].errors >= 1 && Object.keys(matrix[0].items).length > 0);
    const figures = JSON.parse(run('figures', '--format', 'json', dir).stdout).files as { path: string; figures: { value: number; unit: string; table: string; row: string; column: string }[] }[];
    const valuesOf = (f: (typeof figures)[number]) => f.figures.map((x) => `${x.table}|${x.row}|${x.column}|${x.value}${x.unit}`);
    const text = valuesOf(figures.find((f) => f.path.endsWith('.txt'))!);
    assert.ok(text.length > 200, `${text.length} figures`);
    for (const f of figures) assert.deepEqual(valuesOf(f), text, f.path);
  });

  it('govreport outline: the page’s 发布日期 and 来源 under its year, apart from the text', () => {
    const r = run('outline', path.join(dir, '报告.html'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^网页: 发布日期：2022-02-08 16:20　来源：平潭综合实验区管委会办公室$/m);
    assert.doesNotMatch(run('outline', path.join(dir, '报告.txt')).stdout, /^网页:/m);
  });

  it('govreport compare: the page against the PDF of the same report, every paragraph copied', () => {
    const r = run('compare', '--format', 'json', path.join(dir, '报告.html'), path.join(dir, '报告.pdf'));
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { copiedParagraphs: { current: { text: string } }[] };
    const textAgainstText = JSON.parse(run('compare', '--format', 'json', path.join(dir, '报告.txt'), path.join(dir, '报告.txt')).stdout) as { copiedParagraphs: { current: { text: string } }[] };
    assert.ok(textAgainstText.copiedParagraphs.length > 5);
    assert.deepEqual(json.copiedParagraphs.map((p) => p.current.text), textAgainstText.copiedParagraphs.map((p) => p.current.text));
  });

  it('govreport check on the PDF: 「第N页」 beside the line in text, properties.page in SARIF', () => {
    const pdf = path.join(dir, '报告.pdf');
    const zh = run('check', pdf);
    assert.equal(zh.status, 1, zh.stderr);
    assert.match(zh.stdout, new RegExp(`^ {2}${TABLE_SUM_LINE + 1}:\\d+ 第3页 错误 .*table-sum$`, 'm'));
    assert.match(run('check', '--locale', 'en', pdf).stdout, new RegExp(`^ {2}${TABLE_SUM_LINE + 1}:\\d+ page 3 error .*table-sum$`, 'm'));
    assert.match(run('outline', '--diagnostics', pdf).stdout, /三、收到和处理政府信息公开申请情况 {2}L25 第2页/);
    const sarif = JSON.parse(run('check', '--format', 'sarif', pdf).stdout);
    const sum = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'table-sum');
    assert.equal(sum.properties.page, 3);
    assert.equal(sum.locations[0].physicalLocation.region.properties.page, 3);
    assert.equal(sum.locations[0].physicalLocation.region.startLine, TABLE_SUM_LINE + 1);
  });

  it('a scan (a PDF without text) is one line and no findings; the PDF is never rewritten by --fix', async () => {
    const scans = path.join(dir, 'scans');
    fs.mkdirSync(scans);
    try {
      fs.writeFileSync(path.join(scans, '扫描件.pdf'), await scanPdf());
      const r = run('check', '--format', 'json', scans);
      assert.equal(r.status, 2);
      assert.deepEqual(JSON.parse(r.stdout).files, []);
      assert.deepEqual(r.stderr.trim().split('\n'), [`govreport: ${path.join(scans, '扫描件.pdf')}: 无法读取 PDF（扫描件，没有文字层）`]);
    } finally {
      fs.rmSync(scans, { recursive: true, force: true });
    }
    const pdf = path.join(dir, '报告.pdf');
    const before = fs.readFileSync(pdf);
    const fixed = run('check', '--fix', pdf);
    assert.match(fixed.stderr, /PDF 文件只检查、不改写/);
    assert.deepEqual(fs.readFileSync(pdf), before);
  });

  it('govreport outline of the page: the report’s title and headings, nothing of the site', () => {
    const r = run('outline', path.join(dir, '报告.html'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /标题: 平潭综合实验区2021年度政府信息公开工作年度报告/);
    assert.match(r.stdout, /六、其他需要报告的事项/);
    for (const chrome of SITE_TEXT) assert.ok(!r.stdout.includes(chrome), chrome);
  });

  it('govreport check --fix leaves the page as it is and says why', () => {
    const before = fs.readFileSync(path.join(dir, '报告.html'));
    const r = run('check', '--fix', path.join(dir, '报告.html'));
    assert.match(r.stderr, /网页只检查、不改写/);
    assert.deepEqual(fs.readFileSync(path.join(dir, '报告.html')), before);
  });

  it('a hostile page is one line, and the others are checked all the same', () => {
    const hostile = path.join(dir, 'hostile', '深.html');
    fs.mkdirSync(path.dirname(hostile));
    fs.writeFileSync(hostile, '<div>'.repeat(50_000));
    fs.copyFileSync(path.join(dir, '报告.txt'), path.join(dir, 'hostile', '报告.txt'));
    try {
      const r = run('check', '--format', 'json', path.dirname(hostile));
      assert.equal(r.status, 2);
      assert.match(r.stderr, /深\.html: 无法读取网页（网页元素嵌套超过 512 层的上限）/);
      assert.equal(JSON.parse(r.stdout).files.length, 1);
    } finally {
      fs.rmSync(path.dirname(hostile), { recursive: true, force: true });
    }
  });

  describe('in the workspace check (govreport/checkFiles)', () => {
    let client: TestClient;
    before(async () => {
      client = new TestClient();
      await client.initialize('zh-cn', { workspaceFolder: dir });
    });
    after(async () => {
      await client.shutdown();
    });
    const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
    const view = (name: string) => uri(name).replace(/^file:/, 'govreport-text:');

    it('publishes the same findings for each, those of the .docx, the PDF and the page under their text views', async () => {
      const result = await client.connection.sendRequest('govreport/checkFiles', { uris: ['报告.txt', '报告.docx', '报告.pdf', '报告.html'].map(uri) }) as
        { checked: number; withProblems: number; unreadable: unknown[] };
      assert.equal(result.checked, 4);
      assert.equal(result.withProblems, 4);
      assert.deepEqual(result.unreadable, []);
      const seen = (published: string): Seen[] => {
        const p = client.published.filter((x) => x.uri === published).at(-1);
        assert.ok(p, `diagnostics for ${published}`);
        const severity = ['', 'error', 'warning', 'information', 'hint'];
        return p.diagnostics.map((d) => ({ rule: String(d.code), severity: severity[d.severity ?? 1], message: typeof d.message === 'string' ? d.message : d.message.value, line: d.range.start.line }));
      };
      const text = sorted(seen(uri('报告.txt')));
      assert.ok(text.some((f) => f.rule === 'table-sum' && f.line === TABLE_SUM_LINE));
      assert.deepEqual(sorted(seen(view('报告.docx'))), text);
      assert.deepEqual(sorted(seen(view('报告.pdf'))), text);
      assert.deepEqual(sorted(seen(view('报告.html'))), text);
    });

    it('gives the page’s text for its read-only view', async () => {
      const r = await client.connection.sendRequest('govreport/extractedText', { uri: view('报告.html') }) as { text: string };
      const lines = r.text.split('\n');
      assert.equal(lines[0], REPORT.split('\n')[0]);
      assert.deepEqual(lines.slice(1), REPORT.replace(/\n$/, '').split('\n').slice(1));
      assert.ok(!r.text.includes('发布日期'), 'the site’s page details are not in the report text');
    });
  });
});
