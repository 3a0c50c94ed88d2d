// End-to-end: a PDF report opens in VS Code as its read-only text — VS Code has no PDF viewer, so GovReport's
// editor for *.pdf hands it over to the text view — with the outline and a table-sum error. The PDF is the
// workspace's 政府信息公开 report with one 表三 总计 wrong, printed by test/helpers/make-pdf.ts (pdfkit and the
// system's Noto CJK font; four pages with a running header and page numbers), in a process of its own, as the
// suite is bundled without pdfkit's data files.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { repoRoot, waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Prints `text` to a PDF at `target` with the tests' PDF maker, run by tsx from the repository (the extension
 * itself is the installed package, without tests or tsx). */
function writeReportPdf(target: vscode.Uri, text: string): void {
  const root = repoRoot;
  const script = `const fs = require('fs'); const { reportPdf } = require('./test/helpers/make-pdf.ts');
    reportPdf(fs.readFileSync(0, 'utf8'), { header: '平潭综合实验区政府信息公开工作年度报告', pageNumbers: true })
      .then((bytes) => fs.writeFileSync(process.env.GOVREPORT_PDF_TARGET, bytes));`;
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    cwd: root, input: text, encoding: 'utf8', env: { ...process.env, GOVREPORT_PDF_TARGET: target.fsPath, ELECTRON_RUN_AS_NODE: '1' }, timeout: 60_000,
  });
  assert.strictEqual(r.status, 0, `the PDF maker failed: ${r.stderr}`);
}

describe('A PDF report in VS Code', () => {
  let pdf: vscode.Uri;
  before(async function () {
    this.timeout(90_000);
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const report = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'gov-info', 'pingtan-2021.txt'))).toString('utf8');
    // 表三 一、本年新收: 总计 70 → 71.
    const broken = report.replace('\t4\t70\n', '\t4\t71\n');
    assert.notStrictEqual(broken, report);
    // Outside the workspace, as a PDF received by mail is: the server reads it because the user opened it, and
    // the workspace's own problems (counted by workspace.test.ts) stay those of its files.
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-pdf-'));
    pdf = vscode.Uri.file(path.join(outside, '平潭年报.pdf'));
    writeReportPdf(pdf, broken);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (pdf) fs.rmSync(path.dirname(pdf.fsPath), { recursive: true, force: true });
  });

  it('opens as its read-only text, with the outline of the report, the table-sum error on the wrong 总计 and the cell’s hover', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('vscode.open', pdf);
    const editor = await waitFor('the text view of the PDF', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.scheme === 'govreport-text' && e.document.uri.path === pdf.path ? e : undefined;
    }, 60_000);
    assert.strictEqual(editor.document.languageId, 'govreport');
    assert.strictEqual(editor.document.lineAt(0).text, '平潭综合实验区2021年度政府信息公开工作年度报告');
    const symbols = await waitFor('the outline of the PDF', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return s && s.length >= 6 ? s : undefined;
    });
    assert.deepStrictEqual(symbols.map((s) => s.detail), ['一、', '二、', '三、', '四、', '五、', '六、']);
    const names = (list: vscode.DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children)]);
    // 「表三 …」, or 「Table 3: …」 in an English VS Code.
    assert.ok(names(symbols).some((n) => /^(?:表三|Table 3)/.test(n)), names(symbols).join(' '));
    const sum = await waitFor('the table-sum error on the PDF’s text', () =>
      vscode.languages.getDiagnostics(editor.document.uri).find((d) => codeOf(d) === 'table-sum' && d.severity === vscode.DiagnosticSeverity.Error));
    assert.match(editor.document.lineAt(sum.range.start.line).text, /^一、本年新收政府信息公开申请数量/);
    assert.strictEqual(editor.document.getText(sum.range), '71');
    // The cell's hover names its table, row and column, as on any report.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, sum.range.start.translate(0, 1));
    const hoverText = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /表三|Table 3/, hoverText);
    assert.match(hoverText, /总计|total/i, hoverText);
    // The text cannot be edited: it is what the PDF says.
    const before = editor.document.getText();
    await vscode.commands.executeCommand('type', { text: '改' });
    assert.strictEqual(editor.document.getText(), before);
  });
});
