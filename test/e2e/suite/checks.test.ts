// End-to-end: diagnostics, the renumbering quick fix, hovers and the figures command in a real VS Code.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';

async function openSeed(prefix: string): Promise<vscode.TextDocument> {
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const [name] = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).filter((n) => n.startsWith(prefix));
  assert.ok(name, `seed ${prefix} is not in the workspace folder`);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('Structure checks on seed 003 in VS Code', () => {
  let document: vscode.TextDocument;
  after(async () => {
    // Leave the seed as it was for the other tests.
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('shows the duplicate 「三、」 and the missing 第一责任人 item, then renumbers 一 to 九 with the quick fix', async function () {
    this.timeout(90_000);
    document = await openSeed('003');
    const diagnostics = await waitFor('GovReport diagnostics for seed 003', () => {
      const ds = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'govreport');
      return ds.some((d) => codeOf(d) === 'numbering-duplicate') && ds.some((d) => codeOf(d) === 'missing-section') ? ds : undefined;
    });
    const duplicate = diagnostics.find((d) => codeOf(d) === 'numbering-duplicate')!;
    assert.strictEqual(duplicate.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(duplicate.range.start.line, 36);
    const missing = diagnostics.find((d) => codeOf(d) === 'missing-section' && d.severity === vscode.DiagnosticSeverity.Error)!;
    assert.match(missing.message, /第一责任人|first persons responsible/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, duplicate.range, vscode.CodeActionKind.QuickFix.value);
    // The quick fix offered for the duplicate is the run's renumbering (titled in the UI language).
    const renumber = actions.find((a) => /Renumber|重新编号/.test(a.title) && a.edit);
    assert.ok(renumber, `no renumbering quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(renumber.edit!), 'the workspace edit was not applied');

    const markers = [12, 20, 28, 36, 44, 52, 60, 68, 74].map((line) => document.lineAt(line).text.slice(0, 2));
    assert.deepStrictEqual(markers, ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、']);
    await waitFor('the duplicate-number diagnostic to go away', () => {
      const ds = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'govreport');
      return ds.length > 0 && !ds.some((d) => codeOf(d) === 'numbering-duplicate') ? true : undefined;
    });
    assert.ok(vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'missing-section'), 'the other findings stay');
  });
});

describe('Figures of seed 004 in VS Code', () => {
  let document: vscode.TextDocument;
  before(async function () {
    this.timeout(60_000);
    document = await openSeed('004');
  });

  it('hovers 1.99亿元 and reads its normalised value and subject', async function () {
    this.timeout(60_000);
    const line = document.getText().split(/\r?\n/).findIndex((l) => l.includes('1.99亿元'));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('1.99亿元') + 2);
    const text = await waitFor('a GovReport hover on 1.99亿元', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return all.includes('199,000,000') ? all : undefined;
    });
    assert.match(text, /199,000,000 元/);
    assert.match(text, /招商引资到位资金/);
  });

  it('runs 「显示报告数据」 and exports the table as CSV', async function () {
    this.timeout(60_000);
    const shown = await vscode.commands.executeCommand<{ rows: number; title: string | null }>('govreport.showFigures', document.uri);
    assert.ok(shown && shown.rows > 50, `the figures view shows ${shown?.rows} rows`);
    assert.strictEqual(shown.title, '中共蔈草镇委员会云阳县蔈草镇人民政府关于2023年法治政府建设情况的报告');
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'figures-004.csv');
    const written = await vscode.commands.executeCommand<vscode.Uri>('govreport.exportFigures', document.uri, target);
    assert.strictEqual(written?.toString(), target.toString());
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.strictEqual(lines.length, shown.rows + 1);
    assert.ok(lines.some((l) => l.includes(',1.99亿元,199000000,,元,money,')), 'the CSV has the 1.99亿元 row');
    await vscode.workspace.fs.delete(target);
  });
});

describe('The title hover of seed 003 in VS Code', () => {
  it('counts the mandated items present and lists only those missing; the optional item not written apart', async function () {
    this.timeout(60_000);
    const document = await openSeed('003');
    const line = document.getText().split(/\r?\n/).findIndex((l) => l.includes('瀍河回族区人民政府关于'));
    const position = new vscode.Position(line, 2);
    const text = await waitFor('the title hover of seed 003', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /已有必备内容|Mandated items present/.test(all) ? all : undefined;
    });
    // In the language the extension shows (VS Code's display language here): the count, the missing, the optional.
    // 「：」 and 「；」 after Chinese, ': ' and '; ' after English.
    const count = /(?:已有必备内容：|Mandated items present: )(\d+)\/(\d+)/.exec(text);
    const missing = /- (?:缺少：|Missing: )(.*)/.exec(text);
    const optional = /- (?:可选内容，未写：|Optional, not written: )(.*)/.exec(text);
    assert.ok(count && missing && optional, text);
    const listed = missing[1].split(/；|; /);
    assert.deepStrictEqual([Number(count[1]), Number(count[2])], [3, 4], text);
    assert.strictEqual(Number(count[1]) + listed.length, Number(count[2]), 'present and missing make the mandated items');
    assert.ok(!/其他需要报告的情况|other matters to report/.test(missing[1]), `the optional item is not among the missing: ${missing[1]}`);
    assert.match(optional[1], /^(?:其他需要报告的情况|other matters to report)$/);
  });
});
