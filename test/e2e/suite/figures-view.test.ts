// End-to-end, as a user sees them in the page: the 「显示报告数据」 table laid out from 400 px to a wide editor, a
// figure's hover rendered line by line, and one language everywhere — govreport.locale set to zh in an English
// VS Code words the figures table and the 纲要 coverage view in Chinese, and `en` words them in English.
// The runner measures the webview's DOM and the hover's rendering and takes the pictures (askRunner); under
// @vscode/test-electron no runner drives the page and these tests are skipped.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ShownFigures } from '../../../client/src/commands/figures';
import { askRunner, runnerListens, waitFor, type CoverageRows, type FiguresLayout, type HoverLines, type PaletteRows } from './helpers';

const EXTENSION_ID = 'govreport.govreport';
/** 蔈草镇 2023: figures in text before the first heading (2023年), money, counts and rates. */
const SEED_FIGURES = '004_e67b96818f2919f9.txt';
/** 桥头镇 2024: 纲要 parts by heading, by keywords, and one not at all. */
const SEED_COVERAGE = '001_a3147baa5fe66bcd.txt';

async function openSeed(name: string): Promise<vscode.TextDocument> {
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name));
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
  return document;
}

function setLocale(locale: 'zh' | 'en' | undefined): Thenable<void> {
  return vscode.workspace.getConfiguration('govreport').update('locale', locale, vscode.ConfigurationTarget.Global);
}

/** The hover's markdown at `position`, once `probe` says it is the one wanted. */
function hoverText(document: vscode.TextDocument, position: vscode.Position, wanted: RegExp): Promise<string> {
  return waitFor(`a hover matching ${wanted}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    return wanted.test(all) ? all : undefined;
  });
}

/**
 * Shows the hover at `position` as Ctrl+K Ctrl+I does and has the runner read it. The command may come before the
 * editor has the focus (then no hover shows): it is given again, a few times, each time the runner saw none.
 */
async function showHover(document: vscode.TextDocument, position: vscode.Position, waitForText: string, screenshot?: string): Promise<HoverLines> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    try {
      return await askRunner<HoverLines>({ action: 'hover', waitForText, screenshot, timeoutMs: 8_000 });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** The block holding `text`, and its index. */
function blockWith(lines: HoverLines, text: string): { index: number; top: number; bottom: number } {
  const index = lines.blocks.findIndex((b) => b.text.includes(text));
  assert.ok(index >= 0, `no rendered line has ${text}: ${JSON.stringify(lines.blocks.map((b) => b.text))}`);
  return { index, ...lines.blocks[index] };
}

/** Checks what holds at every width: fixed narrow columns, the sentence the widest, nothing cut off or scrolled. */
function assertFits(layout: FiguresLayout, width: number): void {
  const at = `at ${width} px (webview ${layout.viewport} px wide)`;
  const { columns, em } = layout;
  assert.ok(Math.abs(columns.line.width - 3.6 * em) <= 1, `${at}: line column ${columns.line.width} px, not 3.6em`);
  assert.ok(Math.abs(columns.value.width - 7.6 * em) <= 1, `${at}: value column ${columns.value.width} px, not 7.6em`);
  assert.ok(Math.abs(columns.unit.width - 3.4 * em) <= 1, `${at}: unit column ${columns.unit.width} px, not 3.4em`);
  const shown = Object.entries(columns).filter(([, c]) => c.shown);
  const widest = shown.reduce((a, b) => (b[1].width > a[1].width ? b : a));
  assert.strictEqual(widest[0], 'context', `${at}: the widest column is ${widest[0]}: ${JSON.stringify(columns)}`);
  const tableWidth = layout.table.right - layout.table.left;
  assert.ok(columns.context.width >= 0.4 * tableWidth, `${at}: the sentence has ${columns.context.width} of ${tableWidth} px`);
  assert.ok(layout.table.scrollWidth <= layout.table.clientWidth, `${at}: table scrollWidth ${layout.table.scrollWidth} > clientWidth ${layout.table.clientWidth}`);
  assert.ok(layout.page.scrollWidth <= layout.page.clientWidth, `${at}: the page scrolls sideways (${layout.page.scrollWidth} > ${layout.page.clientWidth})`);
  assert.ok(layout.table.right <= layout.viewport + 0.5, `${at}: the table ends at ${layout.table.right}, beyond the webview`);
  assert.deepStrictEqual(layout.cutOff, [], `${at}: cells cut off at the right edge`);
  for (const [id, c] of shown) assert.ok(c.right <= layout.table.right + 0.5, `${at}: column ${id} ends at ${c.right}, beyond the table's ${layout.table.right}`);
  assert.ok(Math.abs(layout.headerTopAfterScroll) <= 1, `${at}: scrolled down, the header is at ${layout.headerTopAfterScroll} px, not stuck on top`);
  assert.ok(layout.builtRows > 10, `${at}: ${layout.builtRows} rows built`);
}

describe('「显示报告数据」 and the figure hover in the page, in the language of govreport.locale', function () {
  this.timeout(120_000);
  let document: vscode.TextDocument;
  let shown: ShownFigures | undefined;

  before(async function () {
    if (!runnerListens()) this.skip();
    // As a writer of Chinese prose has the editor: its paragraphs wrapped (a line is a paragraph of the report).
    await vscode.workspace.getConfiguration('editor').update('wordWrap', 'on', vscode.ConfigurationTarget.Global);
    document = await openSeed(SEED_FIGURES);
    // The report alone at normal width, no toast left by other suites over it.
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  after(async () => {
    if (!runnerListens()) return;
    shown?.panel.dispose();
    await setLocale(undefined);
    await vscode.workspace.getConfiguration('editor').update('wordWrap', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a figure’s hover renders each line apart, in Chinese (picture hover)', async () => {
    await setLocale('zh');
    const line = document.getText().split(/\r?\n/).findIndex((l) => l.includes('1.99亿元'));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('1.99亿元') + 2);
    await hoverText(document, position, /款项：招商引资到位资金/);
    const lines = await showHover(document, position, '199,000,000', 'hover');
    const title = blockWith(lines, '199,000,000 元');
    const subject = blockWith(lines, '款项：招商引资到位资金');
    const section = blockWith(lines, '所在部分：（二）健全政府机构职能体系');
    assert.strictEqual(title.index, 0, 'the value first');
    assert.ok(title.index < subject.index && subject.index < section.index, 'title, subject, section: each its own line, in order');
    assert.ok(subject.top >= title.bottom - 1 && section.top >= subject.bottom - 1, `lines overlap: ${JSON.stringify(lines.blocks)}`);
    assert.strictEqual(lines.opacity, 1, 'the hover is photographed fully shown, not fading in');
  });

  it('the same hover in English when govreport.locale is en: lines apart, ": " after the labels', async () => {
    await setLocale('en');
    const line = document.getText().split(/\r?\n/).findIndex((l) => l.includes('1.99亿元'));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('1.99亿元') + 2);
    await hoverText(document, position, /Amount: 招商引资到位资金/);
    const lines = await showHover(document, position, 'Amount:');
    const subject = blockWith(lines, 'Amount: 招商引资到位资金');
    const section = blockWith(lines, 'Section: （二）健全政府机构职能体系');
    assert.ok(subject.index < section.index && section.top >= subject.bottom - 1, `lines run together: ${JSON.stringify(lines.blocks)}`);
  });

  it('the table reads from 400 px to a wide editor: fixed line, value and unit columns, the sentence the rest (picture figures at 470 px)', async () => {
    await setLocale('zh');
    shown = await vscode.commands.executeCommand<ShownFigures>('govreport.showFigures', document.uri);
    assert.ok(shown && shown.rows > 50, `the figures view shows ${shown?.rows} rows`);
    assert.strictEqual(shown.locale, 'zh');
    const title = shown.title!;

    const wide = await askRunner<FiguresLayout>({ action: 'figures', title, width: 1000, waitForText: '数值' });
    assert.ok(wide.viewport >= 900, `the wide webview is ${wide.viewport} px`);
    assertFits(wide, 1000);
    assert.ok(wide.columns.what.shown && wide.columns.section.shown, 'wide: what it counts and the section are shown');

    const narrowest = await askRunner<FiguresLayout>({ action: 'figures', title, width: 400 });
    assertFits(narrowest, 400);

    const layout = await askRunner<FiguresLayout>({ action: 'figures', title, width: 470, screenshot: 'figures' });
    assertFits(layout, 470);
    assert.ok(layout.viewport >= 440 && layout.viewport <= 480, `the webview is ${layout.viewport} px wide, not about 470`);
    assert.ok(!layout.columns.section.shown, 'at 470 px the section makes room (the detail bar and tooltip name it)');

    // The sentence cut with 「…」 keeps the whole of it in the row's tooltip.
    const first = layout.firstRow!;
    assert.ok(first.tooltip.includes(first.cells.context.text.replace(/^…/, '')), `the tooltip ${JSON.stringify(first.tooltip)} has the sentence ${JSON.stringify(first.cells.context.text)}`);
    // Chinese everywhere in the page; years as written; what comes before the first heading named.
    assert.deepStrictEqual(['line', 'value', 'unit'].map((c) => layout.columns[c].header), ['行', '数值', '单位']);
    assert.match(layout.bar, new RegExp(`共 ${shown.rows} 个数据`));
    assert.ok(layout.values.includes('2023'), `a year shows as 2023: ${layout.values.slice(0, 5).join(' | ')}`);
    assert.ok(!layout.values.some((v) => /^\d,\d{3}$/.test(v)), `a year grouped like 2,023: ${layout.values.join(' | ')}`);
    assert.strictEqual(layout.sections[0], '（第一个标题之前）');
  });

  it('the table in English when govreport.locale is en', async () => {
    assert.ok(shown, 'the figures view is open');
    await setLocale('en');
    const layout = await askRunner<FiguresLayout>({ action: 'figures', title: shown.title!, waitForText: 'Value' });
    assert.deepStrictEqual(['line', 'value', 'unit'].map((c) => layout.columns[c].header), ['Line', 'Value', 'Unit']);
    assert.match(layout.bar, new RegExp(`${shown.rows} figures`));
    assert.strictEqual(layout.sections[0], '(before the first heading)');
    assertFits(layout, 470);
  });

  it('the 纲要 coverage view speaks Chinese in an English VS Code when govreport.locale is zh (picture coverage-zh)', async () => {
    await setLocale('zh');
    await openSeed(SEED_COVERAGE);
    await vscode.commands.executeCommand('govreport.coverage.focus');
    const { title, rows } = await askRunner<CoverageRows>({ action: 'coverage', waitForText: '未涉及', screenshot: 'coverage-zh' });
    assert.strictEqual(title, '纲要覆盖情况', 'the view’s title');
    const statuses = rows.map((r) => r.description);
    assert.ok(statuses.includes('未涉及'), `no 「未涉及」 among ${JSON.stringify(statuses)}`);
    assert.ok(statuses.some((s) => /^(标题|关键词 \d+处)/.test(s)), `no 「标题」 or 「关键词 N处」 among ${JSON.stringify(statuses)}`);
    assert.ok(!statuses.some((s) => /[A-Za-z]{3,}/.test(s)), `English among the statuses: ${JSON.stringify(statuses)}`);
  });

  it('the palette of an English VS Code finds a command by its Chinese name as well as its English one', async () => {
    assert.ok(vscode.env.language.startsWith('en'), `VS Code's display language is ${vscode.env.language}`);
    const byChinese = await askRunner<PaletteRows>({ action: 'palette', query: '显示报告数据', waitForText: 'Show Report Figures' });
    assert.ok(byChinese.labels.includes('GovReport: Show Report Figures'), `「显示报告数据」 offers ${JSON.stringify(byChinese.labels)}`);
    const byEnglish = await askRunner<PaletteRows>({ action: 'palette', query: 'Check All Reports', waitForText: 'Check All Reports' });
    assert.ok(byEnglish.labels.includes('GovReport: Check All Reports in the Workspace'), `"Check All Reports" offers ${JSON.stringify(byEnglish.labels)}`);
  });
});
