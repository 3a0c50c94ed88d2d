// Writing a report back in the encoding it was read in: what `check --fix` relies on to change nothing
// but the fixed text. And reading files from strangers: walks that end, reads that are bounded.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  collectPaths, decodeReport, DEFAULT_READ_LIMITS, encodeReport, foreignName, readFileLimited, readLimits, readReport,
} from '../../server/src/node/files';
import { seedText } from '../helpers/seeds';

const SAMPLE = 'XX镇2023年法治政府建设年度报告\r\n一、主要举措和成效\r\n（一）加强组织领导。€ “引号” ü ·\r\n𠀀𪚥 \u00a0\u3000末行';

describe('encodeReport', () => {
  for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']) {
    it(`${encoding}: decodes back to the same text and the same encoding`, () => {
      const bytes = encodeReport(SAMPLE, encoding);
      const decoded = decodeReport(bytes);
      assert.ok(!('error' in decoded), JSON.stringify(decoded));
      assert.equal(decoded.text, SAMPLE);
      assert.equal(decoded.encoding, encoding);
    });
  }

  it('writes the BOM of utf-8-bom and utf-16, and none for utf-8', () => {
    assert.deepEqual([...encodeReport('a', 'utf-8-bom')], [0xef, 0xbb, 0xbf, 0x61]);
    assert.deepEqual([...encodeReport('a', 'utf-16le')], [0xff, 0xfe, 0x61, 0x00]);
    assert.deepEqual([...encodeReport('a', 'utf-16be')], [0xfe, 0xff, 0x00, 0x61]);
    assert.deepEqual([...encodeReport('a', 'utf-8')], [0x61]);
  });

  it('gb18030: known two- and four-byte codes', () => {
    const hex = (s: string) => Buffer.from(encodeReport(s, 'gb18030')).toString('hex');
    assert.equal(hex('报告'), 'b1a8b8e6');
    assert.equal(hex('一、（一）'), 'd2bba1a2a3a8d2bba3a9');
    assert.equal(hex('\u0080'), '81308130', 'first four-byte code');
    assert.equal(hex('𠀀'), '95328236', 'a supplementary character');
    assert.equal(hex('€'), 'a2e3');
  });

  it('gb18030: a whole seed survives the round trip', () => {
    const text = seedText('002');
    const decoded = decodeReport(encodeReport(text, 'gb18030'));
    assert.ok(!('error' in decoded));
    assert.equal(decoded.text, text);
  });

  it('refuses an encoding it does not know, and a lone surrogate in gb18030', () => {
    assert.throws(() => encodeReport('a', 'latin1'), /unsupported encoding/);
    assert.throws(() => encodeReport('\ud800', 'gb18030'), /cannot be written in GB18030/);
  });
});

describe('collectPaths: folder walks that end, take each file once and say what they skip', function () {
  if (process.platform === 'win32') return;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-walk-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const at = (...parts: string[]) => path.join(dir, ...parts);
  const names = (files: { path: string }[]) => files.map((f) => path.relative(dir, f.path));

  it('follows links, but never back to the folder walked or one above it, and takes each file once', () => {
    fs.mkdirSync(at('a', 'b'), { recursive: true });
    fs.writeFileSync(at('a', 'b', 'r.txt'), 'x');
    fs.writeFileSync(at('a', 'other.md'), 'y');
    fs.symlinkSync('..', at('a', 'b', 'up'));
    fs.symlinkSync('../..', at('a', 'b', 'top'));
    fs.symlinkSync('.', at('a', 'b', 'here'));
    fs.symlinkSync(at('a'), at('a', 'b', 'absolute'));
    fs.symlinkSync(at('a', 'b'), at('sibling'));
    fs.linkSync(at('a', 'b', 'r.txt'), at('hard-link.txt'));
    const { files, missing, unreadable } = collectPaths([dir, at('a'), at('a', 'b', 'r.txt')]);
    assert.deepEqual(names(files), [path.join('a', 'b', 'r.txt'), path.join('a', 'other.md')]);
    assert.deepEqual([missing, unreadable], [[], []]);
  });

  it('reports special files, broken links and link loops named like reports; ignores other files unseen', () => {
    fs.writeFileSync(at('r.txt'), 'x');
    if (spawnSync('mkfifo', [at('pipe.txt')]).status !== 0) fs.writeFileSync(at('pipe.txt'), 'fallback');
    fs.symlinkSync('/dev/null', at('null.md'));
    fs.symlinkSync(at('nowhere.txt'), at('broken.txt'));
    fs.symlinkSync('loop.txt', at('loop.txt'));
    fs.symlinkSync(at('nowhere'), at('broken-other'));
    const { files, unreadable } = collectPaths([dir]);
    assert.deepEqual(names(files).filter((n) => n !== 'pipe.txt'), ['r.txt']);
    const reasons = Object.fromEntries(unreadable.map((u) => [path.basename(u.path), u.reason.zh]));
    if (fs.lstatSync(at('pipe.txt')).isFIFO()) assert.equal(reasons['pipe.txt'], '不是普通文件（命名管道），已跳过');
    assert.equal(reasons['null.md'], '不是普通文件（设备），已跳过');
    assert.match(reasons['broken.txt'], /^无法读取：ENOENT/);
    assert.match(reasons['loop.txt'], /^无法读取：ELOOP/);
    assert.equal(reasons['broken-other'], undefined, 'not named like a report: not said');
  });

  it('a folder it cannot list is reported and the walk goes on (the superuser lists any folder: then it is not reported)', () => {
    fs.mkdirSync(at('closed'));
    fs.writeFileSync(at('closed', 'r.txt'), 'x');
    fs.writeFileSync(at('open.txt'), 'x');
    fs.chmodSync(at('closed'), 0o000);
    try {
      const { files, unreadable } = collectPaths([dir]);
      if (process.getuid?.() === 0) {
        assert.deepEqual(names(files), [path.join('closed', 'r.txt'), 'open.txt']);
      } else {
        assert.deepEqual(names(files), ['open.txt']);
        assert.deepEqual(unreadable.map((u) => path.basename(u.path)), ['closed']);
        assert.match(unreadable[0].reason.zh, /^无法读取文件夹，其中的报告未检查：EACCES/);
      }
    } finally {
      fs.chmodSync(at('closed'), 0o755);
    }
  });

  it('reads names that are not UTF-8 by their bytes: GBK shown as GBK, anything else as \\xNN', async function () {
    if (process.platform !== 'linux') this.skip();
    const gbk = Buffer.from(encodeReport('报告', 'gb18030'));
    const folder = Buffer.concat([Buffer.from(dir + '/'), gbk]);
    fs.mkdirSync(folder);
    fs.writeFileSync(Buffer.concat([folder, Buffer.from('/'), gbk, Buffer.from('.txt')]), 'GBK');
    fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xff, 0xfe, 0x5c]), Buffer.from('.md')]), 'neither');
    const { files } = collectPaths([dir]);
    assert.deepEqual(names(files), ['\\xFF\\xFE\\x5C.md', path.join('报告', '报告.txt')]);
    for (const f of files) {
      assert.ok(f.bytes, 'read by its bytes');
      const read = await readReport(f);
      assert.ok('text' in read, JSON.stringify(read));
    }
    assert.equal(foreignName(gbk), '报告');
  });
});

describe('readFileLimited', function () {
  if (process.platform === 'win32') return;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-read-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a file up to the limit, refuses a larger one before reading it', () => {
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, Buffer.alloc(2048, 0x61));
    const read = readFileLimited(file, { maxBytes: 2048 });
    assert.ok('bytes' in read && read.bytes.length === 2048);
    const refused = readFileLimited(file, { maxBytes: 2047 });
    assert.ok('error' in refused);
    assert.match(refused.error.zh, /^文件过大（0\.0 MB，读取上限 0\.0 MB），未读取；上限可用 maxFileSize 设置调整$/);
    assert.match(refused.error.en, /^too large/);
  });

  it('a size the file system does not know (a /proc file) is still bounded while reading', function () {
    if (!fs.existsSync('/proc/self/status')) this.skip();
    assert.equal(fs.statSync('/proc/self/status').size, 0);
    const small = readFileLimited('/proc/self/status', { maxBytes: 16 });
    assert.ok('error' in small, 'more than 16 bytes, found while reading');
    const whole = readFileLimited('/proc/self/status', { maxBytes: 1 << 20 });
    assert.ok('bytes' in whole && whole.bytes.toString().includes('VmRSS'));
  });

  it('never blocks on a FIFO, nor reads a device', function () {
    const fifo = path.join(dir, 'pipe.txt');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    const started = Date.now();
    const read = readFileLimited(fifo, DEFAULT_READ_LIMITS);
    assert.ok('error' in read && /命名管道/.test(read.error.zh));
    const zero = readFileLimited('/dev/zero', DEFAULT_READ_LIMITS);
    assert.ok('error' in zero && /设备/.test(zero.error.zh));
    assert.ok(Date.now() - started < 1000);
  });

  it('takes its limit from maxFileSize in MB', () => {
    assert.equal(readLimits(undefined).maxBytes, 20 * 1024 * 1024);
    assert.equal(readLimits(3).maxBytes, 3 * 1024 * 1024);
  });
});

describe('readReport: every form a report is published in, one path', function () {
  if (process.platform === 'win32') return;
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-forms-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('folder walks find .txt .md .govreport .docx .pdf .html .htm .shtml (any case), not .doc .wps .ofd or images', () => {
    const names = ['a.txt', 'b.md', 'c.govreport', 'd.docx', 'e.pdf', 'f.html', 'g.htm', 'h.shtml', 'I.PDF', 'J.HTML', 'k.doc', 'l.wps', 'm.ofd', 'n.png', 'o.js'];
    for (const n of names) fs.writeFileSync(path.join(dir, n), 'x');
    const found = collectPaths([dir]).files.map((f) => path.basename(f.path)).sort();
    assert.deepEqual(found, ['I.PDF', 'J.HTML', 'a.txt', 'b.md', 'c.govreport', 'd.docx', 'e.pdf', 'f.html', 'g.htm', 'h.shtml']);
    for (const n of names) fs.rmSync(path.join(dir, n));
  });

  it('a saved web page: its article as text, encoding 「html」; an unreadable one: one line naming it a web page', async () => {
    const page = path.join(dir, '报告.shtml');
    fs.writeFileSync(page, encodeReport('<html><head><meta charset="gb2312"><title>某县2023年法治政府建设年度报告_某县人民政府</title></head><body><div class="nav"><a href="/">首页</a></div><div id="zoom"><p>一、主要举措和成效</p><p>全年办理行政复议案件12件。</p></div></body></html>', 'gb18030'));
    const read = await readReport(page);
    assert.ok('text' in read, JSON.stringify(read));
    assert.equal(read.encoding, 'html');
    assert.equal(read.text, '某县2023年法治政府建设年度报告\n一、主要举措和成效\n全年办理行政复议案件12件。');
    fs.writeFileSync(page, '<div>'.repeat(1000));
    const refused = await readReport(page);
    assert.ok('reason' in refused);
    assert.deepEqual(refused.reason, { zh: '无法读取网页（网页元素嵌套超过 512 层的上限）', en: 'not a readable web page (the page nests elements more than 512 deep)' });
  });

  it('a PDF that is none: one line naming it a PDF', async () => {
    const pdf = path.join(dir, '报告.pdf');
    fs.writeFileSync(pdf, '一、主要举措和成效');
    const refused = await readReport(pdf);
    assert.ok('reason' in refused);
    assert.deepEqual(refused.reason, { zh: '无法读取 PDF（不是 PDF 文件（开头没有 %PDF-））', en: 'not a readable PDF (not a PDF file (it does not start with %PDF-))' });
  });

  it('the size limit comes before any reader', async () => {
    const page = path.join(dir, 'big.html');
    fs.writeFileSync(page, Buffer.alloc(2 * 1024 * 1024, 0x61));
    const refused = await readReport(page, readLimits(1));
    assert.ok('reason' in refused);
    assert.match(refused.reason.zh, /文件过大（2\.0 MB，读取上限 1\.0 MB）/);
  });
});
