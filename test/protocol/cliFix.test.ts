// `check --fix` and the project file on the command line: the built dist/cli.js on temporary copies of
// seed 003, in the encodings reports come in.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeReport, encodeReport } from '../../server/src/node/files';
import { seedText } from '../helpers/seeds';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GOVREPORT_LOCALE: 'zh' } });

const SEED = seedText('003');
const RENUMBERED_LINES = [36, 44, 52, 60, 68, 74];
const HEADING_MARKER = /^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)/;

/** Splits bytes into lines on LF, keeping a CR before it with the line: safe for UTF-8 and GB18030,
 * whose multi-byte sequences never contain 0x0A. */
function byteLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/**
 * The fixed file differs from the original only in heading markers: every other line is byte-identical,
 * and in a changed line everything after the marker is byte-identical too.
 */
function assertOnlyMarkersChanged(before: Buffer, after: Buffer, encoding: string): number[] {
  const a = byteLines(before);
  const b = byteLines(after);
  assert.equal(b.length, a.length, 'same number of lines');
  const changed: number[] = [];
  const bomLength = encoding === 'utf-8-bom' ? 3 : 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i].equals(b[i])) continue;
    changed.push(i);
    const strip = (line: Buffer) => (i === 0 ? line.subarray(bomLength) : line);
    const decode = (line: Buffer) => new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8').decode(strip(line));
    const oldMarker = HEADING_MARKER.exec(decode(a[i]))?.[0];
    const newMarker = HEADING_MARKER.exec(decode(b[i]))?.[0];
    assert.ok(oldMarker && newMarker, `line ${i + 1}: a heading marker changed, not other text: ${decode(b[i]).slice(0, 20)}`);
    const oldRest = strip(a[i]).subarray(Buffer.from(encodeReport(oldMarker, encoding === 'gb18030' ? 'gb18030' : 'utf-8')).length);
    const newRest = strip(b[i]).subarray(Buffer.from(encodeReport(newMarker, encoding === 'gb18030' ? 'gb18030' : 'utf-8')).length);
    assert.ok(oldRest.equals(newRest), `line ${i + 1}: the bytes after the marker are untouched`);
  }
  return changed;
}

describe('CLI check --fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fix-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases = [
    { name: 'GB18030 with LF', encoding: 'gb18030', text: SEED },
    { name: 'UTF-8 with BOM and CRLF', encoding: 'utf-8-bom', text: SEED.replace(/\n/g, '\r\n') },
  ];
  for (const c of cases) {
    it(`${c.name}: fixes in place, keeps encoding, BOM and line ends, and changes no other byte`, () => {
      const file = path.join(dir, '2021年法治政府建设年度报告.txt');
      const original = Buffer.from(encodeReport(c.text, c.encoding));
      fs.writeFileSync(file, original);

      const r = run('check', '--fix', file);
      assert.equal(r.status, 1, `errors remain (the missing section): ${r.stderr}`);
      assert.match(r.stdout, /已修正 2 处：/);
      assert.match(r.stdout, /37:1 +从第37行起重新编号（至第75行） +numbering-duplicate/);
      assert.match(r.stdout, /将26处序号全部改为全角括号 +numbering-style/);
      assert.doesNotMatch(r.stdout, /标题序号“三、”与第29行/, 'the fixed finding is not listed as remaining');
      assert.match(r.stdout, /已检查 1 个文件，修正 2 处，余下 \d+ 个问题。/);

      const fixed = fs.readFileSync(file);
      const decoded = decodeReport(fixed);
      assert.ok(!('error' in decoded));
      assert.equal(decoded.encoding, c.encoding, 'same encoding and BOM');
      assert.equal((decoded.text.match(/\r\n/g) ?? []).length, (c.text.match(/\r\n/g) ?? []).length, 'same CRLF count');
      assert.equal((decoded.text.match(/\n/g) ?? []).length, (c.text.match(/\n/g) ?? []).length, 'same line count');
      const changed = assertOnlyMarkersChanged(original, fixed, c.encoding);
      for (const i of RENUMBERED_LINES) assert.ok(changed.includes(i), `line ${i + 1} renumbered`);
      const lines = decoded.text.split(/\r?\n/);
      assert.deepEqual(RENUMBERED_LINES.map((i) => lines[i].slice(0, 2)), ['四、', '五、', '六、', '七、', '八、', '九、']);
      assert.deepEqual(fs.readdirSync(dir), ['2021年法治政府建设年度报告.txt'], 'no temporary file left behind');

      const again = run('check', '--fix', file);
      assert.doesNotMatch(again.stdout, /已修正/, 'nothing left to fix');
      assert.ok(fs.readFileSync(file).equals(fixed), 'a second run changes nothing');
    });
  }

  it('reports what it fixed on stderr with --format json, keeping the JSON contract', () => {
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, SEED);
    const r = run('check', '--fix', '--format', 'json', file);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json.files[0]), ['path', 'profile', 'diagnostics']);
    assert.ok(!json.files[0].diagnostics.some((d: any) => d.rule === 'numbering-duplicate' || d.rule === 'numbering-style'));
    assert.match(r.stderr, /report\.txt: 已修正 2 处/);
  });

  it('leaves files of other kinds alone', () => {
    const file = path.join(dir, 'report.rst');
    fs.writeFileSync(file, SEED);
    const r = run('check', '--fix', file);
    assert.doesNotMatch(r.stdout, /已修正/);
    assert.equal(fs.readFileSync(file, 'utf8'), SEED);
  });

  it('refuses --fix for outline', () => {
    assert.equal(run('outline', '--fix', dir).status, 2);
  });
});

describe('CLI and the project file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-cfg-'));
    fs.mkdirSync(path.join(dir, 'town'));
    file = path.join(dir, 'town', 'report.txt');
    fs.writeFileSync(file, SEED);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const rules = (...args: string[]) => {
    const r = run('check', '--format', 'json', ...args, file);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return { rules: (JSON.parse(r.stdout).files[0].diagnostics as { rule: string; severity: string }[]), stderr: r.stderr, json: JSON.parse(r.stdout) };
  };

  it('applies the severities of the nearest .govreport.json above the report', () => {
    assert.ok(rules().rules.some((d) => d.rule === 'numbering-duplicate' && d.severity === 'error'));
    fs.writeFileSync(path.join(dir, '.govreport.json'), JSON.stringify({ rules: { 'numbering-duplicate': 'off', 'reasons-missing': 'error' } }));
    const after = rules().rules;
    assert.ok(!after.some((d) => d.rule === 'numbering-duplicate'));
    assert.ok(after.some((d) => d.rule === 'reasons-missing' && d.severity === 'error'));
  });

  it('honours the ignore list, by file and text', () => {
    fs.writeFileSync(path.join(dir, '.govreport.json'), JSON.stringify({ ignore: [{ rule: 'numbering-duplicate', file: 'town/report.txt', text: '三、', line: 37 }] }));
    assert.ok(!rules().rules.some((d) => d.rule === 'numbering-duplicate'));
    fs.writeFileSync(path.join(dir, '.govreport.json'), JSON.stringify({ ignore: [{ rule: 'numbering-duplicate', file: 'other/report.txt', text: '三、' }] }));
    assert.ok(rules().rules.some((d) => d.rule === 'numbering-duplicate'));
  });

  it('--profile wins over the file, and --config replaces discovery', () => {
    fs.writeFileSync(path.join(dir, '.govreport.json'), JSON.stringify({ profile: 'none' }));
    assert.ok(!rules().rules.some((d) => d.rule === 'missing-section'));
    assert.equal(rules().json.files[0].profile, null);
    const forced = rules('--profile', 'fazhi-annual');
    assert.ok(forced.rules.some((d) => d.rule === 'missing-section'));
    assert.equal(forced.json.files[0].profile, 'fazhi-annual');
    const elsewhere = path.join(dir, 'strict.json');
    fs.writeFileSync(elsewhere, JSON.stringify({ rules: { 'missing-section': 'off' } }));
    const viaConfig = rules('--config', elsewhere);
    assert.ok(!viaConfig.rules.some((d) => d.rule === 'missing-section'), 'the named file, not the discovered one, applies');
    assert.ok(viaConfig.rules.some((d) => d.rule === 'numbering-duplicate'));
  });

  it('prints the problems of a config file once and goes on with what is valid', () => {
    fs.writeFileSync(path.join(dir, '.govreport.json'), JSON.stringify({ rules: { 'numbering-dup': 'off', title: 'off' } }));
    const r = rules();
    assert.match(r.stderr, /\.govreport\.json: rules\.numbering-dup: 未知的规则“numbering-dup”/);
    assert.ok(!r.rules.some((d) => d.rule === 'title'));
  });

  it('exits 2 on an unknown --profile or a missing --config', () => {
    const badProfile = run('check', '--profile', 'annual', file);
    assert.equal(badProfile.status, 2);
    assert.match(badProfile.stderr, /--profile 只能是/);
    const missing = run('check', '--config', path.join(dir, 'nope.json'), file);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /找不到配置文件/);
  });
});
