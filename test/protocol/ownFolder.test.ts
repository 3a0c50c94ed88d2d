// The extension's own files are not reports: the rule page a user reaches from a diagnostic, opened as a file of
// the extension's folder, used to be checked as a report (28 problems on missing-section.md, a "2024 report" in the
// coverage view). The client names its folder at initialize; the server leaves every file in it alone.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CoverageResult } from '../../server/src/features/coverage';
import type { CheckFilesResult } from '../../server/src/features/workspace';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

const RULE_PAGE = fs.readFileSync(path.resolve(__dirname, '../../docs/rules/missing-section.md'), 'utf8');

describe('the extension’s own folder over the protocol', () => {
  let dir: string;
  let extension: string;
  let workspace: string;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-own-')));
    extension = path.join(dir, 'extension');
    workspace = path.join(dir, 'workspace');
    fs.mkdirSync(path.join(extension, 'docs', 'rules'), { recursive: true });
    fs.mkdirSync(path.join(extension, 'seeds'), { recursive: true });
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(extension, 'docs', 'rules', 'missing-section.md'), RULE_PAGE);
    fs.writeFileSync(path.join(extension, 'seeds', '003.txt'), seedText('003'));
    fs.writeFileSync(path.join(workspace, '003.txt'), seedText('003'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const uri = (...parts: string[]) => pathToFileURL(path.join(...parts)).href;

  async function started(workspaceFolder: string): Promise<TestClient> {
    const client = new TestClient();
    await client.initialize('zh-cn', { workspaceFolder, initializationOptions: { locale: 'zh-cn', workspaceTrusted: true, extensionPath: extension } });
    return client;
  }

  it('leaves a rule page of the extension alone: no problem, outline, hover or coverage — a copy elsewhere is a report', async () => {
    const client = await started(workspace);
    try {
      // The same page outside the extension's folder reads as a report: this is what the user used to get.
      const copy = uri(workspace, 'missing-section.md');
      await client.open(copy, RULE_PAGE, 'markdown');
      const bogus = await client.diagnostics(copy);
      assert.ok(bogus.diagnostics.length > 0, 'the rule page reads as a report with problems');

      const page = uri(extension, 'docs', 'rules', 'missing-section.md');
      await client.open(page, RULE_PAGE, 'markdown');
      assert.deepEqual((await client.diagnostics(page)).diagnostics, []);
      // The client offers no report command on it (the copy is a report to the server).
      assert.deepEqual(client.reportStatuses.filter((s) => s.uri === page).map((s) => s.isReport), [false]);
      assert.deepEqual(client.reportStatuses.filter((s) => s.uri === copy).map((s) => s.isReport), [true]);
      assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: page } }), []);
      assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: page }, position: { line: 0, character: 2 } }), null);
      const coverage = (await client.connection.sendRequest('govreport/coverage', { uri: page })) as CoverageResult;
      assert.equal(coverage.unavailable, 'not-report');
      assert.equal(coverage.year, null);
      assert.equal(await client.connection.sendRequest('govreport/figures', { uri: page }), null);

      // A workspace check that names it publishes nothing for it.
      const before = client.mark();
      const result = (await client.connection.sendRequest('govreport/checkFiles', { uris: [page, uri(workspace, '003.txt')] })) as CheckFilesResult;
      assert.equal(result.checked, 2);
      assert.deepEqual(result.unreadable, []);
      assert.ok(!client.published.slice(before).some((p) => p.uri === page && p.diagnostics.length > 0));
      assert.ok(client.published.slice(before).some((p) => p.uri === uri(workspace, '003.txt') && p.diagnostics.length > 0));
    } finally {
      await client.shutdown();
    }
  });

  it('checks the reports of a checkout of the extension opened as the workspace, but still not its rule pages', async () => {
    const client = await started(extension);
    try {
      const seed = uri(extension, 'seeds', '003.txt');
      await client.open(seed, seedText('003'), 'plaintext');
      assert.ok((await client.diagnostics(seed)).diagnostics.some((d) => d.code === 'numbering-duplicate'));
      const page = uri(extension, 'docs', 'rules', 'missing-section.md');
      await client.open(page, RULE_PAGE, 'markdown');
      assert.deepEqual((await client.diagnostics(page)).diagnostics, []);
    } finally {
      await client.shutdown();
    }
  });

  it('checks everything when the client names no folder (another editor)', async () => {
    const client = new TestClient();
    await client.initialize('zh-cn');
    try {
      const page = uri(extension, 'docs', 'rules', 'missing-section.md');
      await client.open(page, RULE_PAGE, 'markdown');
      assert.ok((await client.diagnostics(page)).diagnostics.length > 0);
    } finally {
      await client.shutdown();
    }
  });
});
