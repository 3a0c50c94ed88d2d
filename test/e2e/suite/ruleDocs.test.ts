// End-to-end: a rule link in the Problems panel opens the rule's page rendered and read-only, and adds no problem.
// It used to open docs/rules/<rule>.md of the extension's folder as an editable Markdown file, which GovReport then
// checked as a report (28 bogus problems, the coverage view calling the help page a "2024 report").
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { GovReportApi } from '../../../client/src/extension';
import { waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Every GovReport problem VS Code holds, by document. */
function allProblems(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [uri, ds] of vscode.languages.getDiagnostics()) {
    const n = ds.filter((d) => d.source === 'govreport').length;
    if (n > 0) counts.set(uri.toString(), n);
  }
  return counts;
}

/**
 * Opens a link as the Problems panel and the hover do: the opener service with commands allowed, which runs a
 * command: URI's command with the arguments of its query (JSON), and opens any other URI in an editor.
 */
async function openLink(target: vscode.Uri): Promise<void> {
  if (target.scheme !== 'command') {
    await vscode.commands.executeCommand('vscode.open', target);
    return;
  }
  let args: unknown = [];
  try {
    args = JSON.parse(decodeURIComponent(target.query));
  } catch {
    args = JSON.parse(target.query);
  }
  await vscode.commands.executeCommand(target.path, ...(Array.isArray(args) ? args : [args]));
}

function markdownPreviewTab(name: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) =>
    t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes(name));
}

describe('Rule links in VS Code', () => {
  let api: GovReportApi;
  let report: vscode.TextDocument;
  before(async function () {
    this.timeout(60_000);
    api = await vscode.extensions.getExtension<GovReportApi>(EXTENSION_ID)!.activate();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const [name] = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).filter((n) => n.startsWith('003'));
    report = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
    await vscode.window.showTextDocument(report, { preview: false });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('clicking 「missing-section」 shows its page as a rendered, read-only preview and adds no problem', async function () {
    this.timeout(60_000);
    const missing = await waitFor('the missing-section problem on seed 003', () =>
      vscode.languages.getDiagnostics(report.uri).find((d) => d.source === 'govreport' && codeOf(d) === 'missing-section'));
    assert.ok(typeof missing.code === 'object', 'the code is a link');
    const target = missing.code.target;
    assert.strictEqual(target.scheme, 'command', `the link opens the page through our command, not as a file: ${target.toString()}`);
    const before = allProblems();

    await openLink(target);
    const tab = await waitFor('a Markdown preview of missing-section.md', () => markdownPreviewTab('missing-section'));
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    // The preview renders a document of our read-only scheme (a content provider: it cannot be edited or saved).
    const page = await waitFor('the preview to read the page', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'govreport-doc' && d.uri.path === '/rules/missing-section.md'));
    assert.match(page.getText(), /^# missing-section/);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'file' && d.uri.path.endsWith('/docs/rules/missing-section.md')),
      'no file of the extension was opened');

    // The server has answered everything it was sent before this untitled report (its diagnostics come after).
    const barrier = await vscode.workspace.openTextDocument({ language: 'govreport', content: report.getText() });
    try {
      await waitFor('diagnostics of a later document', () => (vscode.languages.getDiagnostics(barrier.uri).length > 0 ? true : undefined));
      const after = allProblems();
      after.delete(barrier.uri.toString());
      assert.deepStrictEqual([...after].sort(), [...before].sort(), 'opening the rule page added or changed no problem');
    } finally {
      await vscode.window.showTextDocument(barrier);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('the page as a file of the extension, opened by hand, is no report either: no problem, no outline, no coverage', async function () {
    this.timeout(60_000);
    const file = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'docs', 'rules', 'missing-section.md');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document, { preview: false });
    assert.strictEqual(document.languageId, 'markdown');
    // The coverage view asks the server about it, and hears it is no report (it used to read "2024 report").
    const shown = await waitFor('the coverage view’s answer for the page', () => {
      const s = api.coverage.shown;
      return s && s.uri === document.uri.toString() && s.state !== 'loading' ? s : undefined;
    });
    assert.strictEqual(shown.state, 'notReport');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', file);
    // Markdown's own outline gives its headings no detail; GovReport's names each heading's number there.
    const details = (list: vscode.DocumentSymbol[]): string[] => list.flatMap((s) => [s.detail, ...details(s.children)]).filter((d) => d !== '');
    assert.deepStrictEqual(details(symbols ?? []), [], 'no GovReport outline');
    const barrier = await vscode.workspace.openTextDocument({ language: 'govreport', content: report.getText() });
    try {
      await waitFor('diagnostics of a later document', () => (vscode.languages.getDiagnostics(barrier.uri).length > 0 ? true : undefined));
      assert.deepStrictEqual(vscode.languages.getDiagnostics(file).filter((d) => d.source === 'govreport').map(codeOf), []);
    } finally {
      await vscode.window.showTextDocument(barrier);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
