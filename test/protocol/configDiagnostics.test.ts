// A broken project file gets diagnostics on itself, at the key they are about; the rest of it still applies.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { problemPath } from '../../server/src/features/configDiagnostics';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

describe('project file problems as diagnostics', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-cfg-'));
    client = new TestClient();
    await client.initialize('zh-cn', { workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('splits problem paths into JSON path segments', () => {
    assert.deepEqual(problemPath('rules.numbering-dup'), ['rules', 'numbering-dup']);
    assert.deepEqual(problemPath('ignore[2].rule'), ['ignore', 2, 'rule']);
    assert.deepEqual(problemPath('overrides[0].files[1]'), ['overrides', 0, 'files', 1]);
  });

  it('marks an unknown rule and a bad severity at their keys, and still applies the valid severities', async () => {
    const config = '{\n  "rules": {\n    "numbering-dup": "error",\n    "signature": "loud",\n    "section-order": "off",\n    "artifact": "off"\n  }\n}\n';
    fs.writeFileSync(path.join(dir, '.govreport.json'), config);
    const uri = pathToFileURL(path.join(dir, '004.txt')).href;
    await client.open(uri, seedText('004'), 'plaintext');
    const report = await client.diagnostics(uri, (p) => p.version === 1);
    assert.ok(!report.diagnostics.some((d) => d.code === 'artifact'), 'the valid part of the file applies');
    const configUri = pathToFileURL(path.join(dir, '.govreport.json')).href;
    const onFile = await client.diagnostics(configUri);
    const lines = onFile.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.match(lines[0], /^2:4 rules\.numbering-dup: 未知的规则“numbering-dup”/);
    assert.match(lines[1], /^3:4 rules\.signature: 规则“signature”的级别应为/);
  });

  it('marks invalid JSON where the parser stopped', async () => {
    const sub = path.join(dir, 'broken');
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, '.govreport.json'), '{\n  "profile": "auto",\n  "rules": { "artifact": "off", }\n');
    const uri = pathToFileURL(path.join(sub, '003.txt')).href;
    await client.open(uri, seedText('003'), 'plaintext');
    const report = await client.diagnostics(uri, (p) => p.version === 1);
    assert.ok(report.diagnostics.some((d) => d.code === 'artifact' || d.code === 'numbering-duplicate'), 'the report is checked with defaults');
    const onFile = await client.diagnostics(pathToFileURL(path.join(sub, '.govreport.json')).href);
    assert.ok(onFile.diagnostics.length >= 1);
    assert.match(String(onFile.diagnostics[0].message), /不是有效的 JSON/);
    assert.equal(onFile.diagnostics[0].range.start.line, 2);
  });
});
