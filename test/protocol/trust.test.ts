// A project file's own profiles and overrides apply only in a trusted workspace: their patterns and globs are code
// from whoever wrote it.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from '../helpers/lsp-client';

const PROFILE = {
  id: 'cun-annual',
  name: { zh: '村务公开年度报告', en: 'village affairs annual report' },
  detect: { title: ['村务公开'] },
  items: [
    { id: 'finance', name: { zh: '财务公开情况', en: 'finances' }, required: true, headings: ['财务'], skeleton: { heading: '财务公开情况', paragraph: '（待填写）' } },
    { id: 'plan', name: { zh: '下一年度计划', en: 'plan' }, required: true, headings: ['计划'], skeleton: { heading: '工作计划', paragraph: '（待填写）' } },
  ],
};

describe('workspace trust, user-defined profiles and overrides', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-trust-'));
    fs.writeFileSync(path.join(dir, '.govreport.json'), JSON.stringify({ profiles: [PROFILE], overrides: [{ files: ['*.txt'], rules: { signature: 'off' } }] }));
    client = new TestClient();
    await client.initialize('zh-cn', { workspaceFolder: dir, initializationOptions: { workspaceTrusted: false } });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('untrusted: the file’s profile and overrides are not used, and the log says so; once trusted, they are, and the report is checked again', async () => {
    const uri = pathToFileURL(path.join(dir, 'cun.txt')).href;
    await client.open(uri, '某村2024年村务公开年度报告\n\n一、财务公开情况\n全年公开账目12次。\n\n二、其他工作\n正文。\n', 'plaintext');
    const untrusted = await client.diagnostics(uri, (p) => p.version === 1);
    assert.ok(!untrusted.diagnostics.some((d) => /下一年度计划/.test(String(d.message))), 'the profile must not run');
    assert.ok(untrusted.diagnostics.some((d) => d.code === 'signature'), 'the override must not apply');
    assert.ok(client.logs.some((l) => /工作区不受信任：未使用此文件中的 profiles 和 overrides/.test(l.message)), client.logs.map((l) => l.message).join('\n'));
    const mark = client.published.length;
    await client.connection.sendNotification('govreport/workspaceTrusted');
    const trusted = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => /下一年度计划/.test(String(d.message))), 10_000, mark);
    assert.ok(trusted.diagnostics.some((d) => d.code === 'missing-section'));
    assert.ok(!trusted.diagnostics.some((d) => d.code === 'signature'));
  });
});
