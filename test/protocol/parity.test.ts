// The CLI and the editor print the same findings: both are adapters over one core.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from '../helpers/lsp-client';
import { allSeeds, SEEDS_DIR } from '../helpers/seeds';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

describe('CLI and language server agree', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize('zh-cn');
  });
  after(() => client.shutdown());

  it('on every seed: same rules, severities, ranges and messages', async () => {
    const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', SEEDS_DIR], { encoding: 'utf8' });
    const files: { path: string; diagnostics: { rule: string; severity: string; message: string; range: unknown }[] }[] = JSON.parse(cli.stdout).files;
    for (const seed of allSeeds()) {
      const uri = pathToFileURL(path.join(SEEDS_DIR, seed.name)).href;
      await client.open(uri, seed.text, 'plaintext');
      const published = await client.diagnostics(uri);
      const fromServer = published.diagnostics.map((d) => ({ rule: String(d.code), severity: SEVERITY_NAMES[d.severity!], message: d.message, range: d.range }));
      const fromCli = files.find((f) => path.basename(f.path) === seed.name)!.diagnostics;
      assert.ok(fromCli.length > 0, `${seed.name}: the CLI found something to compare`);
      assert.deepEqual(fromServer, fromCli, seed.name);
    }
  });
});
