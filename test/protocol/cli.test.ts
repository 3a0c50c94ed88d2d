// The CLI as a user runs it: the built dist/cli.js on real files.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeReport } from '../../server/src/node/files';
import { SEEDS_DIR } from '../helpers/seeds';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const PINGTAN = path.resolve(__dirname, '../fixtures/corpus/gov-info/pingtan-2021.txt');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('CLI', () => {
  it('check --format json keeps the fixed contract for every seed', () => {
    const r = run('check', '--format', 'json', SEEDS_DIR);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['files']);
    assert.equal(json.files.length, 5);
    for (const f of json.files) {
      assert.deepEqual(Object.keys(f), ['path', 'profile', 'diagnostics']);
      assert.equal(f.profile, 'fazhi-annual');
      for (const d of f.diagnostics) {
        assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'range']);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      }
    }
    assert.equal(r.status, json.files.some((f: any) => f.diagnostics.some((d: any) => d.severity === 'error')) ? 1 : 0);
  });

  it('outline prints the title, year and heading tree of each report', () => {
    const r = run('outline', path.join(SEEDS_DIR, fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith('004'))!));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /标题: 中共蔈草镇委员会云阳县蔈草镇人民政府关于2023年法治政府建设情况的报告/);
    assert.match(r.stdout, /年度: 2023/);
    assert.match(r.stdout, /^ {4}（十）完善法治政府建设推进机制 {2}L18$/m);
  });

  it('prints English with --locale en', () => {
    const r = run('outline', '--locale', 'en', SEEDS_DIR);
    assert.match(r.stdout, /Title: \(none\)/);
    assert.match(r.stdout, /Year: 2024/);
  });

  it('figures lists the cells of a report\'s tables with their table, row and column, in CSV, JSON and text', () => {
    const csv = run('figures', '--format', 'csv', PINGTAN);
    assert.equal(csv.status, 0, csv.stderr);
    const lines = csv.stdout.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.deepEqual(lines[0].split(',').slice(-3), ['表格', '行名', '列名']);
    const reportLines = fs.readFileSync(PINGTAN, 'utf8').split(/\r?\n/);
    const granted = reportLines.findIndex((l) => l.includes('（一）予以公开\t'));
    assert.ok(lines.includes(`${granted + 1},三、收到和处理政府信息公开申请情况,（一）予以公开·自然人,27,27,,,count,确数,,表三 收到和处理政府信息公开申请情况,（一）予以公开,自然人`));

    const json = run('figures', '--format', 'json', PINGTAN);
    assert.equal(json.status, 0, json.stderr);
    const figures: any[] = JSON.parse(json.stdout).files[0].figures;
    const reviews = figures.find((f) => f.table.startsWith('表四') && f.row === '行政复议' && f.column === '总计');
    assert.deepEqual([reviews.value, reviews.text, reviews.section], [3, '3', '四、政府信息公开行政复议、行政诉讼情况']);
    const fees = figures.find((f) => f.row === '行政事业性收费');
    assert.deepEqual([fees.table, fees.kind, fees.value, fees.unit], ['表二 主动公开政府信息情况', 'money', 242523110.82, '元']);
    assert.ok(figures.some((f) => f.table === '' && f.text === '2645条'), 'the sentences\' figures are there too');

    const text = run('figures', PINGTAN);
    assert.match(text.stdout, /^ {4}表二 主动公开政府信息情况\n {6}L13 {2}规章 · 本年制发件数 {2}0 {2}→ 0 件$/m);
    assert.match(text.stdout, /^ {6}L\d+ {2}行政规范性文件 · 现行有效件数 {2}665 {2}→ 665 件$/m);
  });

  it('figures --format json of one 46 KB sentence stays small: each figure carries an excerpt, not the sentence', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-long-'));
    try {
      let sentence = '';
      for (let i = 0; Buffer.byteLength(sentence) < 46_000; i++) sentence += `依法受理群众来信来访案件共${12 + (i % 30)}件，其中按期办结${10 + (i % 30)}件，`;
      const file = path.join(dir, '某县2023年法治政府建设情况的报告.txt');
      fs.writeFileSync(file, ['某某县人民政府关于2023年度法治政府建设情况的报告', '一、2023年推进法治政府建设的主要举措和成效', `${sentence}。`].join('\n'));
      // Room for the output as it was (the whole sentence per figure, 100 MB here), so that it fails on size, not on the pipe.
      const r = spawnSync(process.execPath, [CLI, 'figures', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      assert.equal(r.status, 0, r.stderr);
      const bytes = Buffer.byteLength(r.stdout);
      const figures: { sentence: string }[] = JSON.parse(r.stdout).files[0].figures;
      assert.ok(figures.length > 1000, `${figures.length} figures`);
      assert.ok(bytes < 2_000_000 && bytes / figures.length < 1000, `${bytes} bytes of JSON for ${figures.length} figures`);
      assert.ok(figures.every((f) => f.sentence.length <= 130 && `${sentence}。`.includes(f.sentence.replace(/^…|…$/g, ''))));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a usage error or a missing path, with a message', () => {
    const bad = run('check', '--format', 'xml', SEEDS_DIR);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format/);
    const missing = run('check', '/no/such/report.txt');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /找不到文件或文件夹/);
    assert.equal(run('frobnicate').status, 2);
  });

  it('reads GB18030 and UTF-16 files, refuses binary ones clearly and goes on with the rest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-cli-'));
    try {
      const report = (town: string) => `${town}2023年法治政府建设年度报告\n一、主要举措和成效\n二、存在的不足和原因\n`;
      fs.writeFileSync(path.join(dir, 'a-utf16.txt'), encodeReport(report('甲镇'), 'utf-16le'));
      fs.writeFileSync(path.join(dir, 'b-gbk.txt'), encodeReport(report('乙镇'), 'gb18030'));
      fs.writeFileSync(path.join(dir, 'c-binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
      const r = run('outline', dir);
      assert.equal(r.status, 2, 'one file could not be read');
      assert.match(r.stdout, /标题: 甲镇2023年法治政府建设年度报告/);
      assert.match(r.stdout, /标题: 乙镇2023年法治政府建设年度报告/);
      assert.equal(r.stdout.match(/二、存在的不足和原因/g)?.length, 2);
      assert.match(r.stderr, /c-binary\.txt: 不是文本文件/);
      const onlyBinary = run('check', path.join(dir, 'c-binary.txt'));
      assert.equal(onlyBinary.status, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same output, in input order, with worker threads as without', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-jobs-'));
    try {
      const seeds = fs.readdirSync(SEEDS_DIR).map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
      for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `r${String(i).padStart(2, '0')}.txt`), seeds[i % seeds.length]);
      const one = run('check', '--format', 'json', '--jobs', '1', dir);
      const three = run('check', '--format', 'json', '--jobs', '3', dir);
      assert.equal(three.status, one.status);
      assert.equal(three.stdout, one.stdout);
      assert.equal(JSON.parse(three.stdout).files.length, 40);
      assert.equal(run('check', '--jobs', '0', dir).status, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
