// End-to-end: the 「纲要覆盖情况」 view in a real VS Code — its data for a 2024 seed is what the core computes,
// a click on a place selects it in the editor, and an edit that adds a heading for an uncovered area shows up.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { gangyaoCoverage, parseReport } from '../../../server/src/core/index';
import type { GovReportApi } from '../../../client/src/extension';
import type { ShownFigures } from '../../../client/src/commands/figures';
import type { CoverageNode } from '../../../client/src/views/coverage';
import { requestScreenshot, waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';
/** 桥头镇 2024: areas by heading, by keywords, and 制度体系 not at all. */
const SEED = '001_a3147baa5fe66bcd.txt';
const SEED_2020 = '000_99d9b9cc9a7ff384.txt';

async function seedUri(name: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the runner opens a copy of seeds/)');
  for (const candidate of [vscode.Uri.joinPath(folder.uri, name), vscode.Uri.joinPath(folder.uri, 'seeds', name)]) {
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // try the next place
    }
  }
  assert.fail(`${name} is not in the workspace folder ${folder.uri.toString()}`);
}

// A picture of the view with seed 001, asked for after every suite (a root hook) so that it comes after the
// Outline's, whose steps expect the Explorer as the workbench opens it.
after(() => {
  requestScreenshot({
    name: 'coverage',
    view: 'coverage',
    // The view's header names the report it describes.
    waitForText: SEED,
    prepare: async () => {
      const seed = await vscode.workspace.openTextDocument(await seedUri(SEED));
      await vscode.window.showTextDocument(seed, { preview: false });
    },
  });
});

describe('纲要 coverage view', () => {
  let api: GovReportApi;
  let document: vscode.TextDocument;
  let editor: vscode.TextEditor;

  /** The view's data once it is of the document's current version. */
  const shownFor = (doc: vscode.TextDocument, what: string, also: () => boolean = () => true) =>
    waitFor(`the coverage view to show ${what}`, () => {
      const shown = api.coverage.shown;
      return shown && shown.uri === doc.uri.toString() && shown.version === doc.version && shown.state !== 'loading' && also() ? shown : undefined;
    });

  const areaNode = (id: string) => {
    const node = api.coverage.getChildren().find((n) => n.kind === 'area' && n.area.id === id);
    assert.ok(node, `no area ${id} in the view`);
    return node;
  };

  before(async function () {
    this.timeout(90_000);
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as GovReportApi;
    await api.ready;
    document = await vscode.workspace.openTextDocument(await seedUri(SEED));
    editor = await vscode.window.showTextDocument(document, { preview: false });
  });

  after(async () => {
    // The workspace is a copy, but later suites may open the seed: leave it as it was.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows the ten parts with what the core computes for the seed, icons and descriptions by how each is covered', async () => {
    const shown = await shownFor(document, 'seed 001');
    assert.strictEqual(shown.state, 'ready');
    assert.strictEqual(shown.year, 2024);
    const core = gangyaoCoverage(parseReport(document.getText()))!;
    assert.deepStrictEqual(shown.areas.map((a) => [a.part, a.id, a.via, a.count]), core.map((a) => [a.part, a.id, a.via, a.count]));
    const roots = api.coverage.getChildren();
    assert.strictEqual(roots.length, 10);
    const icons = { heading: 'pass', keywords: 'circle-large-outline', none: 'close' };
    for (const node of roots) {
      assert.ok(node.kind === 'area');
      const item = api.coverage.getTreeItem(node);
      assert.strictEqual(item.label, `${node.area.part}、${node.area.short}`);
      assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, icons[node.area.via]);
      assert.ok(String(item.tooltip).includes(node.area.title), `tooltip of ${node.area.id}`);
      if (node.area.via === 'keywords') assert.ok(String(item.description).includes(String(node.area.count)), `${item.description}`);
      assert.strictEqual(item.collapsibleState, node.area.via === 'none' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
      assert.deepStrictEqual(api.coverage.getChildren(node).map((c) => c.kind === 'place' && c.place.text), node.area.places.map((p) => p.text));
    }
  });

  it('a click on a place brings the report to the front and selects the place: a keyword, then a heading', async () => {
    const elsewhere = await vscode.workspace.openTextDocument(await seedUri(SEED_2020));
    for (const [id, expected] of [['emergencies', '应急队'], ['thought', '(一)深入学习贯彻习近平法治思想']] as const) {
      await shownFor(document, 'seed 001');
      const [place] = api.coverage.getChildren(areaNode(id));
      assert.ok(place?.kind === 'place');
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.window.showTextDocument(elsewhere, { preview: false });
      const command = api.coverage.getTreeItem(place).command!;
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      const active = vscode.window.activeTextEditor!;
      assert.strictEqual(active.document.uri.toString(), document.uri.toString());
      const { start, end } = place.place.range;
      assert.ok(active.selection.isEqual(new vscode.Selection(start.line, start.character, end.line, end.character)), `selection ${JSON.stringify(active.selection)}`);
      assert.strictEqual(active.document.getText(active.selection), expected);
      editor = active;
    }
    await vscode.window.showTextDocument(elsewhere);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    editor = await vscode.window.showTextDocument(document);
  });

  it('follows an edit: a heading for the uncovered 制度体系 area covers it', async () => {
    await shownFor(document, 'seed 001');
    const before = areaNode('system');
    assert.strictEqual(before.kind === 'area' && before.area.via, 'none');
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('(七)努力定纷止争'));
    const heading = '(八)加强行政规范性文件制定监督管理';
    await editor.edit((edit) => edit.insert(new vscode.Position(line + 1, 0), `${heading}。全年审核规范性文件3件。\n`));
    const shown = await shownFor(document, 'the edited seed', () => api.coverage.shown?.areas.find((a) => a.id === 'system')?.via === 'heading');
    const system = shown.areas.find((a) => a.id === 'system')!;
    assert.deepStrictEqual(system.places.map((p) => [p.text, p.range.start.line]), [[heading, line + 1]]);
    const node = areaNode('system') as Extract<CoverageNode, { kind: 'area' }>;
    assert.strictEqual((api.coverage.getTreeItem(node).iconPath as vscode.ThemeIcon).id, 'pass');
    const core = gangyaoCoverage(parseReport(document.getText()))!;
    assert.deepStrictEqual(shown.areas.map((a) => [a.id, a.via, a.count]), core.map((a) => [a.id, a.via, a.count]));
  });

  it('copies the coverage as a Markdown table', async () => {
    const table = await vscode.commands.executeCommand<string>('govreport.coverage.copyMarkdown');
    const rows = table.split('\n').filter((l) => l.startsWith('| '));
    assert.strictEqual(rows.length, 12, table); // header, separator, ten parts
    assert.ok(rows[2].startsWith('| 一 | 深入学习贯彻习近平法治思想'), rows[2]);
    assert.ok(rows.some((r) => r.includes('(八)加强行政规范性文件制定监督管理')), table);
  });

  it('names the report it describes, and still names it while a webview has the focus', async () => {
    await vscode.window.showTextDocument(document);
    await shownFor(document, 'seed 001');
    assert.strictEqual(api.coverage.description, SEED);
    // 「显示报告数据」 opens a webview beside; the user clicks into it: no text editor is active, the view keeps seed
    // 001 and says so.
    const figures = (await vscode.commands.executeCommand('govreport.showFigures', document.uri)) as ShownFigures;
    try {
      figures.panel.reveal(figures.panel.viewColumn, false);
      await waitFor('the webview to take the focus', () => (vscode.window.activeTextEditor === undefined && figures.panel.active ? true : undefined));
      assert.strictEqual(api.coverage.shown?.uri, document.uri.toString());
      assert.strictEqual(api.coverage.description, SEED);
    } finally {
      figures.panel.dispose();
    }
    const old = await vscode.workspace.openTextDocument(await seedUri(SEED_2020));
    await vscode.window.showTextDocument(old, { preview: false });
    await shownFor(old, 'seed 000');
    assert.strictEqual(api.coverage.description, SEED_2020);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows a progress bar and the report’s name at once, until the first answer', async () => {
    // A report the view has not shown yet: a copy of seed 001 as a new document.
    const copy = await vscode.workspace.openTextDocument({ language: 'plaintext', content: document.getText() });
    const seen: { state: string | undefined; loading: boolean; description: string | undefined }[] = [];
    const listener = api.coverage.onDidChangeTreeData(() => {
      if (api.coverage.shown?.uri === copy.uri.toString()) seen.push({ state: api.coverage.shown.state, loading: api.coverage.loading, description: api.coverage.description });
    });
    try {
      await vscode.window.showTextDocument(copy, { preview: false });
      await shownFor(copy, 'the copy');
    } finally {
      listener.dispose();
    }
    const name = copy.uri.path.split('/').pop();
    assert.deepStrictEqual(seen[0], { state: 'loading', loading: true, description: name }, JSON.stringify(seen));
    assert.deepStrictEqual(seen.at(-1), { state: 'ready', loading: false, description: name }, JSON.stringify(seen));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('has no parts, only its welcome text, for a report on 2020', async () => {
    const old = await vscode.workspace.openTextDocument(await seedUri(SEED_2020));
    await vscode.window.showTextDocument(old, { preview: false });
    const shown = await shownFor(old, 'seed 000');
    assert.deepStrictEqual([shown.state, shown.year, shown.areas], ['beforeFirstYear', 2020, []]);
    assert.deepStrictEqual(api.coverage.getChildren(), []);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
