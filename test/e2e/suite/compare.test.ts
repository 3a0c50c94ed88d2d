// End-to-end: 「与上一年度报告比较…」 in a real VS Code. The 2023 report is compared with the 2022 one (the file
// pick is driven through the command's arguments); the Explorer view lists the four groups with their counts,
// a click on an entry opens the right report at the right place, and 「并排比较」 opens the two side by side.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { previousYearSibling, type ComparisonNode, type ComparisonView } from '../../../client/src/commands/compare';
import { repoRoot, waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';

describe('Comparing with last year\'s report in VS Code', () => {
  let dir: string;
  let previous: vscode.Uri;
  let current: vscode.Uri;
  let view: ComparisonView;

  before(async function () {
    this.timeout(30_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const api = await extension.activate() as { ready: Promise<void>; comparison: ComparisonView };
    await api.ready;
    view = api.comparison;
    // Outside the workspace folder, so that the other suites' file counts stay as they are.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-compare-'));
    const fixtures = path.join(repoRoot, 'test', 'fixtures', 'compare');
    for (const name of fs.readdirSync(fixtures)) fs.copyFileSync(path.join(fixtures, name), path.join(dir, name));
    previous = vscode.Uri.file(path.join(dir, '蔈草镇2022年法治政府建设情况的报告.txt'));
    current = vscode.Uri.file(path.join(dir, '蔈草镇2023年法治政府建设情况的报告.txt'));
  });
  /** What a click on the entry does: its command, as the tree runs it. */
  async function click(node: ComparisonNode): Promise<void> {
    const command = view.getTreeItem(node).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  }

  after(async () => {
    // Only this suite's tabs: the other suites' documents stay as they left them.
    const ours = (uri: vscode.Uri | undefined) => uri !== undefined && uri.fsPath.startsWith(dir);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) =>
      (t.input instanceof vscode.TabInputText && ours(t.input.uri)) || (t.input instanceof vscode.TabInputTextDiff && ours(t.input.modified)));
    await vscode.window.tabGroups.close(tabs);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('offers the file with the year before in its name as last year\'s report', async () => {
    const sibling = await previousYearSibling(current);
    assert.strictEqual(sibling?.fsPath, previous.fsPath);
    assert.strictEqual(await previousYearSibling(previous), undefined, 'there is no 2021 report beside the 2022 one');
  });

  it('fills the view with the four groups and their counts (no tables in a 法治政府建设 report: 0, and the tooltip says why)', async function () {
    this.timeout(60_000);
    await vscode.window.showTextDocument(current);
    const result = await vscode.commands.executeCommand<{ copiedParagraphs: unknown[] } | undefined>('govreport.compareWithPrevious', current, previous);
    assert.ok(result, 'the command returns what it shows');
    const groups = await waitFor('the comparison in the view', () => {
      const g = view.getChildren();
      return g.length === 4 ? g : undefined;
    });
    const shown = groups.map((g) => {
      const item = view.getTreeItem(g);
      return `${String(item.label)} ${String(item.description)}`;
    });
    // The view speaks VS Code's display language (English under the test runners, Chinese for most users).
    const expected = vscode.env.language.startsWith('zh')
      ? ['原样照搬的段落 3', '未变化的数字 3', '上年安排本年未提及 2', '表格与上年不衔接 0']
      : ['Paragraphs copied from last year 3', 'Figures that did not change 3', "Last year's plans not mentioned this year 2", "Tables that do not follow on from last year's 0"];
    assert.deepStrictEqual(shown, expected);
    assert.match(String(view.getTreeItem(groups[3]).tooltip), vscode.env.language.startsWith('zh') ? /无法核对/ : /Not checked/);
  });

  it('a click on a copied paragraph opens this year\'s report at it, a plan item last year\'s at the item', async function () {
    this.timeout(60_000);
    const [copied, , plan] = view.getChildren();
    await click(view.getChildren(copied)[2]);
    const here = await waitFor('this year\'s report at （三）\'s text', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === current.fsPath && e.selection.start.line === 10 ? e : undefined;
    });
    assert.ok(here.document.getText(here.selection).startsWith('全面推行行政执法“三项制度”'), here.document.getText(here.selection));

    const planItems = view.getChildren(plan);
    assert.deepStrictEqual(planItems.map((n) => String(view.getTreeItem(n).label)), ['开展民主法治示范村创建', '加强电子证照应用']);
    await click(planItems[1]);
    const there = await waitFor('last year\'s report at the 电子证照 item', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === previous.fsPath && e.selection.start.line === 23 ? e : undefined;
    });
    assert.match(there.document.getText(there.selection), /^（四）加强电子证照应用。/);
  });

  it('「与上年报告并排比较」 opens last year\'s report beside this year\'s', async function () {
    this.timeout(60_000);
    const [, figures] = view.getChildren();
    await vscode.commands.executeCommand('govreport.openComparisonDiff', view.getChildren(figures)[0]);
    const diff = await waitFor('the side-by-side view', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.strictEqual(diff.original.fsPath, previous.fsPath);
    assert.strictEqual(diff.modified.fsPath, current.fsPath);
  });
});
