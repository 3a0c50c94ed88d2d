// 「与上一年度报告比较…」: this year's report against last year's file, shown as a list with links in the Explorer
// (the 「与上年报告比较」 view): paragraphs copied over, figures unchanged, last year's plans not taken up, and for
// 政府信息公开 reports the table cells that do not follow on from last year's. Each entry opens its place;
// 「并排比较」 opens the two files side by side. The comparison itself is the server's (govreport/compareReports).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
// Types only: the results travel over LSP.
import type { Range } from '../../../server/src/core/model/types';
import type { CompareReportsResponse, CompareReportsResult } from '../../../server/src/features/compare';
import { plural, t, uiLocale } from '../l10n';
import { EXTRACTED_SCHEME, REPORT_EXTENSIONS } from './workspace';

export const COMPARISON_VIEW = 'govreport.comparison';
const HAS_COMPARISON = 'govreport.hasComparison';

type GroupId = 'copied' | 'figures' | 'plan' | 'tables';

export type ComparisonNode =
  /** `note`: what the group's count means when it could mean two things (nothing wrong, or nothing checked). */
  | { kind: 'group'; id: GroupId; count: number; note?: string }
  | { kind: 'item'; group: GroupId; label: string; description: string; tooltip: string; uri: string; range: Range };

/** The 「与上年报告比较」 view's data: the latest comparison, grouped. */
export class ComparisonView implements vscode.TreeDataProvider<ComparisonNode> {
  private readonly changed = new vscode.EventEmitter<ComparisonNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  result: CompareReportsResult | undefined;
  private view: vscode.TreeView<ComparisonNode> | undefined;

  /** Connects the tree view: its title is worded in the UI's language, not VS Code's (package.json's name). */
  attach(view: vscode.TreeView<ComparisonNode>): void {
    this.view = view;
    this.reword();
  }

  /** Words the title and the rows anew (govreport.locale changed). */
  reword(): void {
    if (this.view) this.view.title = t('Comparison with Last Year');
    this.changed.fire(undefined);
  }

  show(result: CompareReportsResult): void {
    this.result = result;
    void vscode.commands.executeCommand('setContext', HAS_COMPARISON, true);
    this.changed.fire(undefined);
  }

  getChildren(node?: ComparisonNode): ComparisonNode[] {
    const r = this.result;
    if (!r) return [];
    if (!node) {
      return [
        { kind: 'group', id: 'copied', count: r.copiedParagraphs.length },
        { kind: 'group', id: 'figures', count: r.unchangedFigures.length },
        { kind: 'group', id: 'plan', count: r.unmentionedPlanItems.length },
        { kind: 'group', id: 'tables', count: r.tableLinks.breaks.length, note: tablesNote(r) },
      ];
    }
    if (node.kind === 'item') return [];
    if (node.id === 'tables') {
      // The cells' names and the equations come from the server in both languages; the UI's decides.
      const locale = uiLocale(vscode.Uri.parse(r.currentUri));
      return r.tableLinks.breaks.map((b) => ({
        kind: 'item', group: 'tables', label: b.label[locale], uri: r.currentUri, range: b.current.range,
        description: t('{0} this year, {1} from last year\'s', b.actual, b.expected),
        tooltip: t('Line {0} this year, line {1} last year:\n{2}', b.current.range.start.line + 1, b.previous.range.start.line + 1, b.message[locale]),
      }));
    }
    if (node.id === 'copied') {
      return r.copiedParagraphs.map((c) => ({
        kind: 'item', group: 'copied', label: excerpt(c.current.text), uri: r.currentUri, range: c.current.range,
        description: c.similarity === 1 ? t('identical') : t('{0}% alike', Math.round(c.similarity * 100)),
        tooltip: t('Line {0} this year, line {1} last year:\n{2}', c.current.range.start.line + 1, c.previous.range.start.line + 1, c.current.text),
      }));
    }
    if (node.id === 'figures') {
      return r.unchangedFigures.map((f) => ({
        kind: 'item', group: 'figures', label: `${f.subject} ${f.value}${f.unit === '%' ? '%' : f.unit}`, uri: r.currentUri, range: f.current.range,
        description: t('line {0}, last year line {1}', f.current.range.start.line + 1, f.previous.range.start.line + 1),
        tooltip: t('This year: {0}\nLast year: {1}', f.current.text, f.previous.text),
      }));
    }
    return r.unmentionedPlanItems.map((p) => ({
      kind: 'item', group: 'plan', label: p.label, uri: r.previousUri, range: p.previous.range,
      description: p.terms.slice(0, 3).join(' '),
      tooltip: t('Last year, line {0}:\n{1}', p.previous.range.start.line + 1, p.previous.text),
    }));
  }

  getTreeItem(node: ComparisonNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const label = node.id === 'copied' ? t('Paragraphs copied from last year') : node.id === 'figures' ? t('Figures that did not change')
        : node.id === 'plan' ? t("Last year's plans not mentioned this year") : t("Tables that do not follow on from last year's");
      const item = new vscode.TreeItem(label, node.count > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.description = String(node.count);
      if (node.note) item.tooltip = node.note;
      item.contextValue = 'comparisonGroup';
      item.id = `group:${node.id}`;
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = 'comparisonItem';
    const selection = new vscode.Range(node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character);
    item.command = { command: 'vscode.open', title: t('Go to'), arguments: [vscode.Uri.parse(node.uri), { selection, preview: true } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  /** Last year's and this year's report side by side, at the item's place in this year's when it has one there. */
  async openDiff(node?: ComparisonNode): Promise<void> {
    const r = this.result;
    if (!r) return;
    const options: vscode.TextDocumentShowOptions = { preview: false };
    if (node?.kind === 'item' && node.group !== 'plan') {
      options.selection = new vscode.Range(node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character);
    }
    const title = t('{0} ↔ {1}', fileName(r.previousUri), fileName(r.currentUri));
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(r.previousUri), vscode.Uri.parse(r.currentUri), title, options);
  }
}

/** What the tables group's count stands on: how many equations were checked, or why none could be. */
function tablesNote(r: CompareReportsResult): string {
  const links = r.tableLinks;
  if (links.unavailable === 'no-tables') return t('Not checked: table 2 or 3 is not in both reports');
  if (links.unavailable === 'not-consecutive') return t('Not checked: the reports are not of consecutive years');
  return t(plural(links.checked, '{0} equation checked: this year\'s carried-over requests against last year\'s, documents in force', '{0} equations checked: this year\'s carried-over requests against last year\'s, documents in force'), links.checked);
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 30 ? `${flat.slice(0, 29)}…` : flat;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.split('/').pop() ?? uri);
}

/** The file behind a report's URI: a text view (of a .docx, a web page) stands for the file itself. */
function fileOf(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === EXTRACTED_SCHEME ? uri.with({ scheme: 'file' }) : uri;
}

/** 「…2023年…报告」 beside 「…2022年…报告」: last year's file, by the name, if it is there. */
export async function previousYearSibling(current: vscode.Uri): Promise<vscode.Uri | undefined> {
  const file = fileOf(current);
  if (file.scheme !== 'file') return undefined;
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const years = [...name.matchAll(/(?<![0-9])(19|20)[0-9]{2}(?![0-9])/g)];
  for (const m of years.reverse()) {
    const sibling = name.slice(0, m.index) + String(Number(m[0]) - 1) + name.slice(m.index! + 4);
    const candidates = [sibling, ...REPORT_EXTENSIONS.map((ext) => sibling.replace(/\.[^.]*$/, ext))];
    for (const candidate of new Set(candidates)) {
      const uri = vscode.Uri.joinPath(file, '..', candidate);
      try {
        await vscode.workspace.fs.stat(uri);
        return uri;
      } catch {
        // not there: try the next form
      }
    }
  }
  return undefined;
}

async function pickPrevious(current: vscode.Uri): Promise<vscode.Uri | undefined> {
  const sibling = await previousYearSibling(current);
  if (sibling) {
    const other = t('Choose another file…');
    const choice = await vscode.window.showQuickPick([
      { label: fileName(sibling.path), description: t("last year's report, by its name"), uri: sibling },
      { label: other, uri: undefined },
    ], { placeHolder: t("Last year's report to compare with") });
    if (!choice) return undefined;
    if (choice.uri) return choice.uri;
  }
  const picked = await vscode.window.showOpenDialog({
    defaultUri: vscode.Uri.joinPath(fileOf(current), '..'),
    canSelectMany: false,
    filters: { [t('Reports')]: REPORT_EXTENSIONS.map((e) => e.slice(1)) },
    openLabel: t('Compare'),
    title: t("Last year's report to compare with"),
  });
  return picked?.[0];
}

/**
 * Compares `current` (default: the active report) with `previous` (default: asked for). Returns the result
 * shown, so that tests and other extensions can see it.
 */
export async function compareWithPrevious(client: LanguageClient, view: ComparisonView, current?: vscode.Uri, previous?: vscode.Uri): Promise<CompareReportsResult | undefined> {
  const target = current ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showWarningMessage(t('Open a report first.'));
    return undefined;
  }
  const before = previous ?? await pickPrevious(target);
  if (!before) return undefined;
  // The user chose both: the server may read them, inside the workspace or not (it reads nothing else).
  for (const chosen of [target, before]) {
    const file = fileOf(chosen);
    if (file.scheme === 'file') await client.sendNotification('govreport/userOpenedFile', { uri: file.toString() });
  }
  const response = await vscode.window.withProgress(
    { location: { viewId: COMPARISON_VIEW }, title: t('Comparing with last year\'s report') },
    () => client.sendRequest<CompareReportsResponse>('govreport/compareReports', { current: target.toString(), previous: before.toString() }),
  );
  if ('error' in response) {
    void vscode.window.showErrorMessage(t('GovReport: cannot compare: {0}', response.error));
    return undefined;
  }
  view.show(response);
  await vscode.commands.executeCommand(`${COMPARISON_VIEW}.focus`);
  return response;
}
