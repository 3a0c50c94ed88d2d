// End-to-end: a real VS Code shows the outline the GovReport language server computes for a seed report.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { requestScreenshot, waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';
const SEED = 'seeds/003_762afae05cecc87d.txt';

async function activateExtension(): Promise<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in the extension host`);
  return extension.activate();
}

/** The seed inside the workspace folder: the runners open a copy of seeds/, but a copy of the repo works too. */
async function seedUri(): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the runner opens a copy of seeds/)');
  const name = SEED.slice('seeds/'.length);
  for (const candidate of [vscode.Uri.joinPath(folder.uri, name), vscode.Uri.joinPath(folder.uri, SEED)]) {
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // try the next place
    }
  }
  assert.fail(`${name} is not in the workspace folder ${folder.uri.toString()}`);
}

describe('GovReport in VS Code', () => {
  it('runs inside VS Code >= 1.100 and activates the extension', async () => {
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || (major === 1 && minor >= 100), `VS Code ${vscode.version} is older than the engine ^1.100.0`);
    const api = (await activateExtension()) as { client?: { isRunning(): boolean }; ready?: Promise<void>; activationMs?: number } | undefined;
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'extension is not active after activate()');
    assert.ok(api?.client, 'activate() did not return the language client');
    await api.ready;
    assert.ok(api.client.isRunning(), 'the language client is not running');
    assert.strictEqual(typeof api.activationMs, 'number');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('govreport.restartServer'), 'command govreport.restartServer is not registered');
  });
});

describe('Outline of seed 003 (瀍河回族区 2021 report)', () => {
  let document: vscode.TextDocument;
  let symbols: vscode.DocumentSymbol[];

  before(async function () {
    this.timeout(90_000);
    document = await vscode.workspace.openTextDocument(await seedUri());
    await vscode.window.showTextDocument(document, { preview: false });
    // Asked for before the wait, so that a run whose outline never comes still leaves a picture of it.
    requestScreenshot({
      name: 'outline',
      view: 'outline',
      prepare: () => vscode.window.showTextDocument(document, { preview: false }),
    });
    await activateExtension();
    symbols = await waitFor(
      'the language server to provide document symbols for the seed',
      async () => {
        const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
          'vscode.executeDocumentSymbolProvider',
          document.uri,
        );
        return result && result.length > 0 ? result : undefined;
      },
      30_000,
      200,
    );
  });

  it('has the nine numbered sections as top-level symbols, markers in detail', () => {
    assert.deepStrictEqual(
      symbols.map((s) => s.detail),
      ['一、', '二、', '三、', '三、', '四、', '五、', '六、', '七、', '八、'],
    );
    assert.strictEqual(symbols[0].name, '高度重视,深入推进法治政府建设');
    assert.strictEqual(symbols[1].name, '依法全面履行政府职能');
    assert.strictEqual(symbols[8].name, '存在问题及下步打算');
  });

  it('nests the run-in (一)(二)(三) headings of section 一、 under it', () => {
    const children = symbols[0].children ?? [];
    assert.deepStrictEqual(
      children.map((c) => [c.detail, c.name]),
      [
        ['(一)', '加强组织领导'],
        ['(二)', '落实报告制度和考核制度'],
        ['(三)', '全面助力洛阳市创建全国法治政府建设示范市'],
      ],
    );
  });

  it('nests the two run-in headings of section 七、 under it', () => {
    const seventh = symbols[7];
    assert.strictEqual(seventh.name, '加强学习培训,提升政府依法行政能力');
    assert.deepStrictEqual(
      (seventh.children ?? []).map((c) => c.name),
      ['开展领导干部法治讲座,提高依法行政能力', '持续贯彻落实中心组和领导干部学法用法制度'],
    );
  });

  it('places each symbol on its heading line', () => {
    assert.strictEqual(document.lineAt(symbols[0].selectionRange.start.line).text.trim(), '一、高度重视,深入推进法治政府建设');
    for (const s of symbols) {
      assert.ok(s.range.contains(s.selectionRange), `range of ${s.name} does not contain its selection range`);
      const line = document.lineAt(s.selectionRange.start.line).text;
      assert.ok(line.includes(s.name), `line ${s.selectionRange.start.line + 1} does not contain ${s.name}`);
    }
  });
});
