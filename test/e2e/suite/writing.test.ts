// End-to-end: snippets inserted by VS Code's own snippet engine, a writer tabbing through the skeleton, and
// heading-number completion — in a real VS Code.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'govreport');
const loud = (uri: vscode.Uri) => ours(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);

/**
 * A report with one known error (a second 「一、」): once that error is gone after an edit, the server has
 * checked a version after the edit, so whatever diagnostics there are then belong to the edited text.
 */
const SENTINEL = '某县人民政府关于2024年度法治政府建设情况的报告\n\n一、总体情况\n正文。\n\n一、重复的序号\n正文。\n';

async function sentinelDocument(): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: SENTINEL });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await waitFor('the sentinel error (a duplicated 「一、」)', () => (ours(document.uri).some((d) => codeOf(d) === 'numbering-duplicate') ? true : undefined));
  return { document, editor };
}

/** Replaces the whole text with the snippet `name`, as VS Code inserts it. */
async function insertSnippet(editor: vscode.TextEditor, name: string): Promise<void> {
  const document = editor.document;
  editor.selection = new vscode.Selection(0, 0, document.lineCount, 0);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'govreport', name });
  await waitFor(`snippet 「${name}」 to be inserted`, () => (!document.getText().includes('重复的序号') ? true : undefined));
}

/** Waits until the server has checked the text after the edits (the sentinel's error is gone). */
async function checked(document: vscode.TextDocument, what: string): Promise<void> {
  await waitFor(`the diagnostics of ${what}`, () => (!ours(document.uri).some((d) => codeOf(d) === 'numbering-duplicate') ? true : undefined));
}

/** How many tab stops a snippet body has: accepting each default is one Tab. */
function tabStops(body: string[]): number {
  return new Set([...body.join('\n').matchAll(/\$\{?([1-9][0-9]*)/g)].map((m) => m[1])).size;
}

async function close(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('Writing assistance in VS Code', () => {
  // The snippets file the installed extension carries, as VS Code reads it.
  const snippetsFile = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'snippets', 'govreport.json');
  const snippets = JSON.parse(fs.readFileSync(snippetsFile, 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;

  it('inserts every snippet with its defaults: no error or warning (a skeleton: only its placeholders)', async function () {
    this.timeout(180_000);
    for (const name of Object.keys(snippets)) {
      const { document, editor } = await sentinelDocument();
      await insertSnippet(editor, name);
      // Tab through every placeholder, keeping its default: VS Code applies the transforms (the plan year
      // after the report year) as each placeholder is left.
      for (let k = 0; k < tabStops(snippets[name].body); k++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      await checked(document, `「${name}」`);
      // Table rows (the 政府信息公开 skeleton's three tables) keep their TABs: VS Code adjusts only leading whitespace.
      for (const line of snippets[name].body.filter((l) => l.includes('\t'))) {
        assert.ok(document.getText().split(/\r?\n/).includes(line), `${name}: the table row 「${line}」 as inserted`);
      }
      const isSkeleton = name.endsWith('（全文框架）');
      // The wanted state, waited for: diagnostics of a version before the last Tab may still be showing.
      const unwanted = () => loud(document.uri)
        .filter((d) => !isSkeleton || codeOf(d) !== 'artifact')
        .map((d) => `${codeOf(d)}@${d.range.start.line + 1}: ${d.message}`);
      try {
        await waitFor(`「${name}」 to have ${isSkeleton ? 'only placeholder warnings' : 'no error or warning'}`, () => (unwanted().length === 0 ? true : undefined), 15_000);
      } catch {
        assert.deepStrictEqual(unwanted(), [], `${name}:\n${document.getText()}`);
      }
      if (isSkeleton) assert.ok(loud(document.uri).length > 0, `${name}: the placeholders are warned about`);
      await close(document);
    }
  });

  it('a writer types the skeleton, tabs through year, organ and every section, and gets a report with no finding and a full outline', async function () {
    this.timeout(120_000);
    const { document, editor } = await sentinelDocument();
    await insertSnippet(editor, '法治政府建设年度报告（全文框架）');
    await checked(document, 'the skeleton');
    const typeThenTab = async (text: string | undefined) => {
      if (text !== undefined) await vscode.commands.executeCommand('type', { text });
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    };
    await typeThenTab('2023'); // the report year
    await typeThenTab('清水县人民政府'); // the organ
    await typeThenTab(undefined); // the addressee as it is
    await typeThenTab('全年召开政府常务会议专题研究法治政府建设4次，审核规范性文件12件。');
    await typeThenTab('一是依法决策水平有待提高。主要原因是对决策程序的学习不够深入。');
    await typeThenTab('县政府主要负责同志带头述法，认真履行推进法治建设第一责任人职责。');
    await typeThenTab('深化“放管服”改革，严格落实重大行政决策程序。');
    await typeThenTab('无。');
    await typeThenTab('2024年2月20日'); // the 成文日期, before the 3月1日 deadline
    const text = document.getText();
    assert.match(text.split('\n')[0], /^清水县人民政府关于2023年度法治政府建设情况的报告$/);
    assert.match(text, /四、2024年推进法治政府建设的主要安排/, 'the plan year follows the report year');
    assert.match(text, /\n清水县人民政府\n2024年2月20日/, 'the 落款 takes the organ, and the date the writer set');
    const symbols = await waitFor('the outline of the written report', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return s && s.length === 5 ? s : undefined;
    });
    assert.deepStrictEqual(symbols.map((s) => s.detail), ['一、', '二、', '三、', '四、', '五、']);
    await waitFor('no finding at all on the written report', () => (ours(document.uri).length === 0 ? true : undefined), 30_000);
    await close(document);
  });

  it('completes the next heading number after 「（」 on a new line', async function () {
    this.timeout(60_000);
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: '一、总体情况\n（一）加强组织领导\n正文。\n（' });
    await vscode.window.showTextDocument(document, { preview: false });
    const list = await waitFor('completion items from GovReport', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(3, 1), '（');
      return l.items.some((i) => i.label === '（二）') ? l : undefined;
    });
    const item = list.items.find((i) => i.label === '（二）')!;
    assert.match(String(item.detail), /^(二级标题，接（一）|level 2, after （一）)$/);
    await close(document);
  });
});
