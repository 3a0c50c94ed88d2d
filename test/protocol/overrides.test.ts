// Forcing a profile for some files with `overrides` in .govreport.json, in the CLI and the server alike.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

describe('profile overrides per file', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-overrides-'));
    fs.mkdirSync(path.join(dir, '信息公开'));
    fs.writeFileSync(path.join(dir, '.govreport.json'), JSON.stringify({ overrides: [{ files: '信息公开/**', profile: 'gov-info-annual' }] }));
    fs.writeFileSync(path.join(dir, '信息公开', 'forced.txt'), seedText('000'));
    fs.writeFileSync(path.join(dir, 'plain.txt'), seedText('000'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the CLI checks the matching file against the forced profile and the other as detected', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', dir], { encoding: 'utf8' });
    const files: { path: string; profile: string; diagnostics: { rule: string; message: string }[] }[] = JSON.parse(r.stdout).files;
    const forced = files.find((f) => f.path.endsWith('forced.txt'))!;
    const plain = files.find((f) => f.path.endsWith('plain.txt'))!;
    assert.equal(forced.profile, 'gov-info-annual');
    assert.equal(plain.profile, 'fazhi-annual');
    assert.ok(forced.diagnostics.some((d) => d.rule === 'missing-section' && /主动公开政府信息情况/.test(String(d.message))));
    assert.ok(!plain.diagnostics.some((d) => /主动公开政府信息情况/.test(String(d.message))));
  });

  it('the server does the same for open documents', async () => {
    const client = new TestClient();
    try {
      await client.initialize('zh-cn', { workspaceFolder: dir });
      const forced = pathToFileURL(path.join(dir, '信息公开', 'forced.txt')).href;
      const plain = pathToFileURL(path.join(dir, 'plain.txt')).href;
      await client.open(forced, seedText('000'), 'plaintext');
      await client.open(plain, seedText('000'), 'plaintext');
      const a = await client.diagnostics(forced);
      const b = await client.diagnostics(plain);
      assert.ok(a.diagnostics.some((d) => d.code === 'missing-section' && /主动公开政府信息情况/.test(String(d.message))));
      assert.ok(!b.diagnostics.some((d) => /主动公开政府信息情况/.test(String(d.message))));
    } finally {
      await client.shutdown();
    }
  });
});
