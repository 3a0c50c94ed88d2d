// End-to-end: 「显示报告数据」 and the comparison with last year are offered on a report kept as .txt, as on a file
// of the report language (they were offered only there), and not on a text file that is no report. The server
// says which documents are reports; the client lists their paths in the context key the `when` clauses read; the
// runner checks the title bar's buttons in the workbench itself.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ShownFigures } from '../../../client/src/commands/figures';
import type { GovReportApi } from '../../../client/src/extension';
import { requestScreenshot, waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';
/** The codicons of the two buttons in package.json: 「显示报告数据」 $(table), compare with last year $(diff). */
const REPORT_BUTTONS = ['table', 'diff'];
const NOTES_NAME = '会议记录.txt';

async function seedUri(prefix: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const [name] = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).filter((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  assert.ok(name, `no seed ${prefix}*.txt in the workspace`);
  return vscode.Uri.joinPath(folder, name);
}

/** A text file that is no report, beside the workspace folder (in the runner's temp folder), not in it: the
 * workspace check of a later suite counts the files in it. */
function notesUri(): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '..', 'notes', NOTES_NAME);
}

async function writeNotes(): Promise<void> {
  await vscode.workspace.fs.writeFile(notesUri(), Buffer.from('会议记录\n明天上午九点在三楼会议室开会，请准时参加。\n', 'utf8'));
}

let api: GovReportApi;

/** Opens the file in the active group and waits until the server has said whether it is a report. */
async function showAndWaitForStatus(uri: vscode.Uri): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  assert.strictEqual(document.languageId, 'plaintext');
  return waitFor(`the server to say whether ${uri.path} is a report`, () => api.reports.statusOf(uri));
}

// Pictures with the title bar checked by the runner: the buttons on the .txt report, none on the notes.
after(async () => {
  const report = await seedUri('004');
  requestScreenshot({
    name: 'report-buttons-txt',
    editorTitle: { tab: report.path.split('/').pop()!, icons: REPORT_BUTTONS, shown: true },
    prepare: () => showAndWaitForStatus(report),
  });
  requestScreenshot({
    name: 'report-buttons-not-report',
    editorTitle: { tab: NOTES_NAME, icons: REPORT_BUTTONS, shown: false },
    prepare: () => showAndWaitForStatus(notesUri()),
  });
});

describe('The report commands on a report kept as plain text', () => {
  before(async function () {
    this.timeout(60_000);
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as GovReportApi;
    await api.ready;
    await writeNotes();
  });

  it('a .txt report: the server takes it for a report, its path is in govreport.reportPaths, 「显示报告数据」 shows its figures', async function () {
    this.timeout(60_000);
    const uri = await seedUri('004');
    assert.strictEqual(await showAndWaitForStatus(uri), true);
    // The path as the workbench's `resourcePath` gives it for a file.
    assert.ok(api.reports.paths.includes(uri.fsPath), `${uri.fsPath} in ${JSON.stringify(api.reports.paths)}`);
    const shown = (await vscode.commands.executeCommand('govreport.showFigures', uri)) as ShownFigures | undefined;
    assert.ok(shown, 'the figures of the .txt report are shown');
    assert.strictEqual(shown.uri, uri.toString());
    assert.ok(shown.rows > 10, `${shown.rows} figures`);
    shown.panel.dispose();
  });

  it('a .txt that is no report: not a report to the server, and its path is not in the list', async function () {
    this.timeout(60_000);
    const uri = notesUri();
    assert.strictEqual(await showAndWaitForStatus(uri), false);
    assert.ok(!api.reports.paths.includes(uri.fsPath), `${uri.fsPath} not in ${JSON.stringify(api.reports.paths)}`);
  });

  it('a text that becomes a report by its title gets the commands; closed, it leaves the list', async function () {
    this.timeout(60_000);
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '草稿\n' });
    await vscode.window.showTextDocument(document);
    assert.strictEqual(await waitFor('the status of the draft', () => api.reports.statusOf(document.uri)), false);
    const seed = Buffer.from(await vscode.workspace.fs.readFile(await seedUri('004'))).toString('utf8');
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, document.lineCount, 0), seed));
    await waitFor('the draft to become a report', () => (api.reports.statusOf(document.uri) === true ? true : undefined));
    assert.ok(api.reports.paths.includes(document.uri.path), `${document.uri.path} in ${JSON.stringify(api.reports.paths)}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the closed draft to leave the list', () => (api.reports.statusOf(document.uri) === undefined ? true : undefined));
    assert.ok(!api.reports.paths.includes(document.uri.path));
  });
});
