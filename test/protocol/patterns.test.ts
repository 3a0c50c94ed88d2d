// User profile patterns on the linear-time engine, as shipped (issue 18): a pattern that backtracks catastrophically
// in JavaScript (the CLI blocked 50 s, the server 32 s on a 32-character title) is done at once, in the CLI and the
// server; and the engine's bundle, dist/re2.js, is loaded only when a user profile exists.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

const DIST = path.resolve(__dirname, '../../dist');
const HOSTILE_PROFILE = {
  id: 'cun-annual',
  name: { zh: '村务公开年度报告', en: 'village affairs annual report' },
  detect: { title: [String.raw`(\S|[\u4e00-\u9fa5])*年度报告$`] },
  items: [
    { id: 'finance', name: { zh: '财务公开情况', en: 'finances' }, required: true, headings: [String.raw`(财|务|公|开)*情况$`], body: [String.raw`\s*\s*\s*账目`], skeleton: { heading: '财务公开情况', paragraph: '（待填写）' } },
  ],
};
/** 32 characters that the title pattern almost matches (and no built-in profile's does): every split of them is
 * tried by a backtracking engine, which takes 18 s on 31 of them. */
const TITLE = '某县某某镇某某村二〇二四年度村务公开财务公开工作情况的年度报告）';
const REPORT = `${TITLE}\n\n一、财务公开公开公开公开公开公开公开公开公开情况说明\n全年公开账目12次。\n`;

function check(cli: string, target: string) {
  const start = Date.now();
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', target], { encoding: 'utf8', timeout: 20_000 });
  return { ...r, ms: Date.now() - start };
}

describe('user patterns on the linear-time engine, as shipped', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-patterns-'));
    fs.writeFileSync(path.join(dir, '.govreport.json'), JSON.stringify({ profiles: [HOSTILE_PROFILE] }));
    fs.writeFileSync(path.join(dir, 'report.txt'), REPORT);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the CLI checks a report under a hostile profile at once', () => {
    assert.equal(TITLE.length, 32);
    const r = check(path.join(DIST, 'cli.js'), path.join(dir, 'report.txt'));
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    assert.ok(r.ms < 3000, `${r.ms} ms`);
  });

  it('the server answers diagnostics and hovers at once', async () => {
    const client = new TestClient();
    try {
      await client.initialize('zh-cn', { workspaceFolder: dir });
      const uri = pathToFileURL(path.join(dir, 'report.txt')).href;
      const start = Date.now();
      await client.open(uri, REPORT, 'plaintext');
      await client.diagnostics(uri, (p) => p.version === 1);
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 4 } });
      assert.ok(Date.now() - start < 3000, `${Date.now() - start} ms`);
    } finally {
      await client.shutdown();
    }
  });

  it('a profile from the settings runs on the same engine, at once', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-settings-profile-'));
    const client = new TestClient();
    try {
      client.settings = { govreport: { profiles: [HOSTILE_PROFILE] } };
      await client.initialize('zh-cn', { workspaceFolder: elsewhere });
      const hostile = pathToFileURL(path.join(elsewhere, 'hostile.txt')).href;
      const start = Date.now();
      await client.open(hostile, REPORT, 'plaintext');
      await client.diagnostics(hostile, (p) => p.version === 1);
      assert.ok(Date.now() - start < 3000, `${Date.now() - start} ms`);
      // A title it does match: the profile is used (its one item missing).
      const village = pathToFileURL(path.join(elsewhere, 'village.txt')).href;
      await client.open(village, '某村2024年村务公开年度报告\n\n一、其他工作\n正文。\n\n二、工作计划\n正文。\n', 'plaintext');
      const found = await client.diagnostics(village, (p) => p.version === 1);
      assert.ok(found.diagnostics.some((d) => d.code === 'missing-section' && /财务公开情况/.test(String(d.message))));
    } finally {
      await client.shutdown();
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('ordinary use does without dist/re2.js; a user profile without it is left out with one line, the rest checked', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-bare-'));
    try {
      for (const f of ['cli.js', 'server.js']) fs.copyFileSync(path.join(DIST, f), path.join(bare, f));
      const plain = path.join(bare, 'plain.txt');
      fs.writeFileSync(plain, seedText('000'));
      const ordinary = check(path.join(bare, 'cli.js'), plain);
      assert.ok(ordinary.status === 0 || ordinary.status === 1, ordinary.stderr);
      assert.equal(ordinary.stderr, '');
      assert.equal(JSON.parse(ordinary.stdout).files[0].profile, 'fazhi-annual');

      const withProfile = check(path.join(bare, 'cli.js'), path.join(dir, 'report.txt'));
      assert.ok(withProfile.status === 0 || withProfile.status === 1, withProfile.stderr);
      assert.match(withProfile.stderr, /profiles\[0\]\.detect\.title\[0\]: 模式无法加载正则表达式引擎/);
      assert.ok(!/\n\s+at /.test(withProfile.stderr), 'no stack trace');
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });
});
