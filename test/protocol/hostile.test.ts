// Files as they arrive from strangers, through the built CLI: special files, links that loop, files over the
// size limit, folders that cannot be read, GBK names, files --fix must not write, and output that others open
// (CSV in Excel, text on a terminal, SARIF URIs). Each hostile file is made here, in a temporary folder; every
// run must end within a few seconds with one clear line per problem, the rest of the batch checked, and an exit
// code that tells the truth.
import Ajv from 'ajv-draft-04';
import * as assert from 'assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeReport } from '../../server/src/node/files';
import { seedText } from '../helpers/seeds';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const ENV = { ...process.env, NO_COLOR: '1', GOVREPORT_LOCALE: 'zh' };

function run(args: string[], options: SpawnSyncOptions = {}): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: ENV, timeout: 10_000, ...options });
  const ms = Date.now() - started;
  assert.equal(r.signal, null, `killed after ${ms} ms: the run hung`);
  assert.ok(ms < 3000, `took ${ms} ms`);
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr), ms };
}

const REPORT = seedText('000');
const FIXABLE = seedText('003');
const isRoot = process.getuid?.() === 0;
const posix = process.platform !== 'win32';

describe('CLI on hostile and unusual files', function () {
  this.timeout(20_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-hostile-'));
  });
  afterEach(() => {
    // A folder made unreadable must be readable again to be removed.
    for (const sub of fs.readdirSync(dir)) {
      try {
        if (fs.lstatSync(path.join(dir, sub)).isDirectory()) fs.chmodSync(path.join(dir, sub), 0o755);
      } catch {
        // gone already
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const at = (...parts: string[]) => path.join(dir, ...parts);

  describe('reading', () => {
    it('a FIFO named *.txt is skipped with a note, never opened: the run ends, the report beside it is checked, exit 2', function () {
      if (!posix) this.skip();
      fs.writeFileSync(at('report.txt'), REPORT);
      const made = spawnSync('mkfifo', [at('pipe.txt')]);
      if (made.status !== 0) this.skip();
      const r = run(['check', dir]);
      assert.match(r.stderr, /pipe\.txt: 不是普通文件（命名管道），已跳过/);
      assert.match(r.stdout, /已检查 1 个文件/);
      assert.equal(r.status, 2);
      // Named on the command line, the same.
      const named = run(['check', at('pipe.txt')]);
      assert.match(named.stderr, /不是普通文件（命名管道）/);
      assert.equal(named.status, 2);
    });

    it('a *.txt link to /dev/zero is skipped as a device; in SARIF the run did not succeed and says why', function () {
      if (!posix || !fs.existsSync('/dev/zero')) this.skip();
      fs.writeFileSync(at('report.txt'), REPORT);
      fs.symlinkSync('/dev/zero', at('zero.txt'));
      const r = run(['check', dir]);
      assert.match(r.stderr, /zero\.txt: 不是普通文件（设备），已跳过/);
      assert.match(r.stdout, /已检查 1 个文件/);
      assert.equal(r.status, 2);
      const sarif = JSON.parse(run(['check', '--format', 'sarif', dir]).stdout);
      const invocation = sarif.runs[0].invocations[0];
      assert.equal(invocation.executionSuccessful, false);
      assert.deepEqual(invocation.toolExecutionNotifications.map((n: any) => path.basename(n.locations[0].physicalLocation.artifactLocation.uri)), ['zero.txt']);
      assert.match(invocation.toolExecutionNotifications[0].message.text, /不是普通文件/);
    });

    it('two links to .., a link to the folder itself and a second link to the report: each report checked once', function () {
      if (!posix) this.skip();
      fs.mkdirSync(at('乡镇'));
      fs.writeFileSync(at('乡镇', 'report.txt'), REPORT);
      fs.symlinkSync('..', at('乡镇', 'up1'));
      fs.symlinkSync('..', at('乡镇', 'up2'));
      fs.symlinkSync('.', at('乡镇', 'self'));
      fs.symlinkSync(at('乡镇'), at('乡镇', 'loop'));
      fs.symlinkSync('report.txt', at('乡镇', 'again.txt'));
      const r = run(['check', '--format', 'json', dir]);
      const files = JSON.parse(r.stdout).files.map((f: { path: string }) => path.relative(dir, f.path));
      assert.deepEqual(files, [path.join('乡镇', 'again.txt')], 'one report, reached once (by the first of its names)');
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
      // From inside the folder, the links up lead nowhere new either.
      const inside = run(['check', at('乡镇')]);
      assert.match(inside.stdout, /已检查 1 个文件/);
    });

    it('a file over the size limit is not read: one line, exit 2; the limit comes from --max-file-size or .govreport.json', () => {
      fs.writeFileSync(at('report.txt'), REPORT);
      fs.writeFileSync(at('big.txt'), REPORT + '正文。'.repeat(200_000)); // about 1.8 MB
      const r = run(['check', '--max-file-size', '1', dir]);
      assert.match(r.stderr, /big\.txt: 文件过大（1\.\d MB，读取上限 1\.0 MB），未读取/);
      assert.match(r.stdout, /已检查 1 个文件/);
      assert.equal(r.status, 2);
      fs.writeFileSync(at('.govreport.json'), JSON.stringify({ maxFileSize: 1 }));
      assert.match(run(['check', dir]).stderr, /big\.txt: 文件过大/);
      const lifted = run(['check', '--max-file-size', '2', dir]);
      assert.match(lifted.stdout, /已检查 2 个文件/, 'the command line wins over the project file');
      assert.match(run(['check', '--max-file-size', '0', dir]).stderr, /--max-file-size 应为 1 到 200 的整数/);
    });

    it('an unreadable subfolder is reported in one line and the rest is checked, exit 2', function () {
      if (!posix) this.skip();
      fs.writeFileSync(at('report.txt'), REPORT);
      fs.mkdirSync(at('closed'));
      fs.writeFileSync(at('closed', 'hidden.txt'), REPORT);
      fs.chmodSync(at('closed'), 0o000);
      // The superuser reads any folder: the run is then made as an ordinary user (nobody), who cannot.
      let options: SpawnSyncOptions = {};
      if (isRoot) {
        fs.chmodSync(dir, 0o755);
        fs.chmodSync(at('report.txt'), 0o644);
        options = { uid: 65534, gid: 65534 };
      }
      const r = run(['check', dir], options);
      assert.match(r.stderr, /closed: 无法读取文件夹，其中的报告未检查：EACCES/);
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line, no stack trace');
      assert.match(r.stdout, /已检查 1 个文件/);
      assert.equal(r.status, 2);
    });

    it('names in GBK (a zip from Chinese Windows) are read by their bytes, shown as GBK, counted', function () {
      if (process.platform !== 'linux') this.skip(); // other systems refuse names that are not UTF-8
      const gbk = (name: string) => Buffer.from(encodeReport(name, 'gb18030'));
      const folder = Buffer.concat([Buffer.from(dir + '/'), gbk('乡镇报告')]);
      fs.mkdirSync(folder);
      fs.writeFileSync(Buffer.concat([folder, Buffer.from('/'), gbk('甲镇2023年法治政府建设年度报告.txt')]), REPORT);
      fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), gbk('乙镇报告.txt')]), FIXABLE);
      fs.writeFileSync(at('utf8.txt'), REPORT);
      // A name that is neither UTF-8 nor GBK: its bytes shown as \xNN.
      fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xff, 0x2e, 0x74, 0x78, 0x74])]), REPORT);
      const r = run(['check', dir]);
      assert.match(r.stdout, /已检查 4 个文件/);
      assert.match(r.stdout, /乡镇报告\/甲镇2023年法治政府建设年度报告\.txt\n/);
      assert.match(r.stdout, /乙镇报告\.txt\n/);
      assert.match(r.stdout, /\\xFF\.txt\n/);
      assert.equal(r.status, 1, 'seed 003 has errors; nothing was unreadable');
      // --fix writes the GBK-named file by its bytes.
      const fixed = run(['check', '--fix', dir]);
      assert.match(fixed.stdout, /乙镇报告\.txt\n {2}已修正 2 处/);
      assert.notDeepEqual(fs.readFileSync(Buffer.concat([Buffer.from(dir + '/'), gbk('乙镇报告.txt')]), 'utf8'), FIXABLE);
      // SARIF names the file by its own bytes, percent-encoded.
      const sarif = JSON.parse(run(['check', '--format', 'sarif', '.'], { cwd: dir }).stdout);
      const uris = new Set<string>(sarif.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri));
      assert.ok(uris.has('%D2%D2%D5%F2%B1%A8%B8%E6.txt'), [...uris].join(' '));
    });
  });

  describe('--fix', () => {
    it('refuses a read-only file in one line, exit 2, and leaves it as it was', function () {
      if (!posix) this.skip();
      fs.writeFileSync(at('r.txt'), FIXABLE);
      fs.chmodSync(at('r.txt'), 0o444);
      const r = run(['check', '--fix', at('r.txt')]);
      assert.match(r.stderr, /r\.txt: 未写入修正：文件为只读，未改写/);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.equal(r.status, 2);
      assert.equal(fs.readFileSync(at('r.txt'), 'utf8'), FIXABLE);
      assert.equal(fs.statSync(at('r.txt')).mode & 0o777, 0o444);
      assert.doesNotMatch(r.stdout, /已修正/);
    });

    it('fixes the real file behind a link, and the link stays a link', function () {
      if (!posix) this.skip();
      fs.mkdirSync(at('originals'));
      fs.writeFileSync(at('originals', 'r.txt'), FIXABLE);
      fs.symlinkSync(at('originals', 'r.txt'), at('link.txt'));
      const r = run(['check', '--fix', at('link.txt')]);
      assert.match(r.stdout, /已修正 2 处/);
      assert.ok(fs.lstatSync(at('link.txt')).isSymbolicLink());
      assert.notEqual(fs.readFileSync(at('originals', 'r.txt'), 'utf8'), FIXABLE);
      assert.equal(r.status, 1, 'the missing section remains; the fix itself went through');
    });

    it('keeps hard links: the other name sees the fix', function () {
      if (!posix) this.skip();
      fs.writeFileSync(at('r.txt'), FIXABLE);
      fs.linkSync(at('r.txt'), at('copy-of-r.govreport'));
      run(['check', '--fix', at('r.txt')]);
      assert.equal(fs.statSync(at('r.txt')).nlink, 2);
      const fixed = fs.readFileSync(at('copy-of-r.govreport'), 'utf8');
      assert.notEqual(fixed, FIXABLE);
      assert.equal(fixed, fs.readFileSync(at('r.txt'), 'utf8'));
      assert.deepEqual(fs.readdirSync(dir).filter((n) => n.startsWith('.')), [], 'no backup left');
    });
  });

  describe('output others open', () => {
    it('CSV: names and sentences that a spreadsheet would run as formulas start with \'; numbers stay numbers', () => {
      fs.writeFileSync(at('=HYPERLINK("x")-1.txt'), REPORT);
      fs.writeFileSync(at('+2.txt'), REPORT.replace(/^([^\n]*\n)/, '$1@SUM(1+1)全年共收到申请12件，其中答复10件。\n'));
      const figures = run(['figures', '--format', 'csv', '.'], { cwd: dir });
      const rows = figures.stdout.replace(/^\ufeff/, '').trimEnd().split('\r\n').slice(1);
      assert.ok(rows.length > 10);
      for (const row of rows) assert.match(row, /^("'=HYPERLINK\(""x""\)-1\.txt"|'\+2\.txt),\d+,/, row);
      const sum = rows.find((row) => row.includes('SUM(1+1)'))!;
      assert.match(sum, /,'@SUM\(1\+1\)全年共收到申请12件/);
      const matrix = run(['matrix', '--format', 'csv', '.'], { cwd: dir }).stdout.replace(/^\ufeff/, '').trimEnd().split('\r\n');
      assert.match(matrix[1], /^'\+2\.txt,\d{4},fazhi-annual,/);
      assert.match(matrix[2], /^"'=HYPERLINK/);
      assert.match(matrix[2], /,\d+,\d+$/, 'the counts stay plain numbers');
    });

    it('text: escape sequences and bidi controls in names and report text are shown escaped, never sent raw', function () {
      if (!posix) this.skip();
      const name = 'evil\u001b]0;pwned\u0007\u202eexe.txt';
      fs.writeFileSync(at(name), REPORT.replace('推进法治政府建设的主要举措和成效', '推进法治政府建设的\u001b[2J\u009b31m主要举措和成效'));
      fs.mkdirSync(at('closed\u001b[31m'));
      fs.writeFileSync(at('closed\u001b[31m', 'r.txt'), REPORT);
      fs.symlinkSync('/nonexistent', at('gone\u001b[1m.txt'));
      const r = run(['outline', dir]);
      const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
      assert.doesNotMatch(r.stdout, raw);
      assert.doesNotMatch(r.stderr, raw);
      assert.match(r.stdout, /evil\\x1B\]0;pwned\\x07\\u202Eexe\.txt/);
      assert.match(r.stdout, /一、2020年推进法治政府建设的\\x1B\[2J\\x9B31m主要举措和成效/, 'the heading, escaped');
      assert.match(r.stderr, /gone\\x1B\[1m\.txt: 无法读取/);
      // JSON keeps the text exactly, in escapes a terminal does not act on.
      const json = run(['check', '--format', 'json', dir]);
      assert.doesNotMatch(json.stdout, raw);
      assert.ok(JSON.parse(json.stdout).files.some((f: { path: string }) => f.path.endsWith(name)));
    });

    it('SARIF: URIs of names with #, ?, %, spaces and Chinese are proper, percent-encoded, and the schema accepts the log', () => {
      for (const name of ['a#1.txt', 'b?.txt', 'c 100%.txt', '报告 [2023].txt']) fs.writeFileSync(at(name), FIXABLE);
      const r = run(['check', '--format', 'sarif', '.'], { cwd: dir });
      const log: any = JSON.parse(r.stdout);
      const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
      const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
      const valid: boolean = validate(log) as boolean;
      assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
      const run0 = log.runs[0];
      const uris = new Set(run0.results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri));
      assert.deepEqual([...uris].sort(), ['%E6%8A%A5%E5%91%8A%20%5B2023%5D.txt', 'a%231.txt', 'b%3F.txt', 'c%20100%25.txt']);
      for (const uri of uris) assert.ok(new URL(uri as string, run0.originalUriBaseIds.SRCROOT.uri).pathname.endsWith(uri as string));
      assert.equal(run0.originalUriBaseIds.SRCROOT.uri, new URL(`file://${fs.realpathSync(dir)}/`).href);
      assert.equal(run0.invocations[0].executionSuccessful, true);
    });
  });
});
