// Forcing a profile for some files with `overrides` in .govreport.json, in the CLI and the server alike.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
/** Seed 000 is a well-formed 法治政府 report: checked as a 政府信息公开 report, it lacks that report's sections. */
const REPORT = seedText('000');
const GOV_INFO_SECTION = /主动公开政府信息情况/;

interface JsonFile { path: string; profile: string | null; diagnostics: { rule: string; message: string }[] }

function checkJson(args: string[]): JsonFile[] {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout).files;
}

const hasGovInfoSection = (diagnostics: { code?: unknown; rule?: string; message: unknown }[]) =>
  diagnostics.some((d) => (d.code ?? d.rule) === 'missing-section' && GOV_INFO_SECTION.test(String(d.message)));

describe('profile overrides per file', () => {
  let dir: string;
  const file = (rel: string) => path.join(dir, ...rel.split('/'));
  const config = {
    profile: 'auto',
    overrides: [{ files: ['信息公开/**', '*政务公开*.txt'], profile: 'gov-info-annual', rules: { 'section-order': 'off' } }],
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-overrides-'));
    fs.mkdirSync(file('信息公开'));
    fs.mkdirSync(file('区县/乡镇'), { recursive: true });
    fs.writeFileSync(file('.govreport.json'), JSON.stringify(config));
    fs.writeFileSync(file('信息公开/forced.txt'), REPORT);
    fs.writeFileSync(file('区县/乡镇/2023年政务公开-by-name.txt'), REPORT);
    fs.writeFileSync(file('plain.txt'), REPORT);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the CLI checks the matching files against the forced profile and the other as detected', () => {
    const files = checkJson([dir]);
    assert.equal(files.length, 3);
    const byName = (name: string) => files.find((f) => f.path.endsWith(name))!;
    for (const name of ['forced.txt', '2023年政务公开-by-name.txt']) {
      assert.equal(byName(name).profile, 'gov-info-annual', name);
      assert.ok(hasGovInfoSection(byName(name).diagnostics), name);
    }
    assert.equal(byName('plain.txt').profile, 'fazhi-annual');
    assert.ok(!hasGovInfoSection(byName('plain.txt').diagnostics));
  });

  it('the CLI takes the same file as its own argument, and --profile still wins over the project file', () => {
    assert.equal(checkJson([file('信息公开/forced.txt')])[0].profile, 'gov-info-annual');
    assert.deepEqual(checkJson(['--profile', 'fazhi-annual', dir]).map((f) => f.profile), ['fazhi-annual', 'fazhi-annual', 'fazhi-annual']);
  });

  it('the server does the same for open documents, and follows the project file when it changes', async () => {
    const client = new TestClient();
    try {
      await client.initialize('zh-cn', { workspaceFolder: dir });
      // The settings say otherwise; the project file wins.
      client.settings = { govreport: { profile: 'none' } };
      const forced = pathToFileURL(file('信息公开/forced.txt')).href;
      const plain = pathToFileURL(file('plain.txt')).href;
      await client.open(forced, REPORT, 'plaintext');
      await client.open(plain, REPORT, 'plaintext');
      const a = await client.diagnostics(forced);
      const b = await client.diagnostics(plain);
      assert.ok(hasGovInfoSection(a.diagnostics), 'the forced file is checked as a 政府信息公开 report');
      assert.ok(!hasGovInfoSection(b.diagnostics), 'the other one is not');

      const mark = client.mark();
      const configFile = file('.govreport.json');
      fs.writeFileSync(configFile, JSON.stringify({ profile: 'auto' }));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 2 }] });
      await client.diagnostics(forced, (p: PublishDiagnosticsParams) => !hasGovInfoSection(p.diagnostics), 10_000, mark);
    } finally {
      fs.writeFileSync(file('.govreport.json'), JSON.stringify(config));
      await client.shutdown();
    }
  });

  describe('hostile globs (issue 18)', () => {
    let hostile: string;
    const hostileConfig = {
      profile: 'gov-info-annual',
      overrides: [
        { files: ['*'.repeat(70_000) + 'b'], profile: 'none' },
        { files: ['+(a|a)'.repeat(20) + 'b'], profile: 'none' },
        { files: ['*a'.repeat(30) + '*b'], profile: 'none' },
      ],
    };
    before(() => {
      hostile = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-globs-'));
      fs.writeFileSync(path.join(hostile, '.govreport.json'), JSON.stringify(hostileConfig));
      fs.writeFileSync(path.join(hostile, `${'a'.repeat(40)}.txt`), REPORT);
    });
    after(() => fs.rmSync(hostile, { recursive: true, force: true }));

    it('the CLI says in one line per glob what it refused, applies the rest of the file, and is done at once', () => {
      const start = Date.now();
      const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', hostile], { encoding: 'utf8', timeout: 20_000 });
      assert.ok(Date.now() - start < 5000, `${Date.now() - start} ms`);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 2, r.stderr);
      assert.match(lines[0], /overrides\[0\]\.files\[0\]: 文件模式过长（70001 个字符，上限 1000）；此条 override 未生效$/);
      assert.match(lines[1], /overrides\[1\]\.files\[0\]: 不支持扩展模式/);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
      assert.equal(JSON.parse(r.stdout).files[0].profile, 'gov-info-annual', 'the top level still applies');
    });

    it('the server marks them on the file and goes on answering, hover included', async () => {
      const client = new TestClient();
      try {
        await client.initialize('zh-cn', { workspaceFolder: hostile });
        const uri = pathToFileURL(path.join(hostile, `${'a'.repeat(40)}.txt`)).href;
        await client.open(uri, REPORT, 'plaintext');
        const report = await client.diagnostics(uri, (p) => p.version === 1);
        assert.ok(hasGovInfoSection(report.diagnostics), 'checked under the top level of the file');
        const onFile = await client.diagnostics(pathToFileURL(path.join(hostile, '.govreport.json')).href);
        assert.deepEqual(onFile.diagnostics.map((d) => String(d.message).split(': ')[0]), ['overrides[0].files[0]', 'overrides[1].files[0]']);
        const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
        assert.ok(hover === null || typeof hover === 'object');
      } finally {
        await client.shutdown();
      }
    });
  });
});
