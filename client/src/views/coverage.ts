// The 「纲要覆盖情况」 view in the Explorer: for the active report, each part of the 纲要（2021—2025年） with how
// the report speaks to it (a heading ✓, keywords ~, not at all ✗) and, beneath, the places — a click selects
// one in the editor. The data is the server's govreport/coverage answer for the document's current version;
// the view asks again when the active editor changes and, debounced, when its document does.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
// Types only: the answer travels over LSP; nothing of the server is bundled into the client.
import type { CoveragePlace } from '../../../server/src/core/features/coverage';
import type { CoverageAreaResult, CoverageResult } from '../../../server/src/features/coverage';
import { plural, t, tIn, uiLocale, type UiLocale } from '../l10n';

export const COVERAGE_VIEW_ID = 'govreport.coverage';
export const REVEAL_PLACE_COMMAND = 'govreport.coverage.revealPlace';
/** True while the active editor holds a document the server checks: the view shows only then. */
const ACTIVE_CONTEXT_KEY = 'govreport.coverage.active';
/** What the view can show (its welcome text depends on it): CoverageState. */
const STATE_CONTEXT_KEY = 'govreport.coverage.state';
/** Edits settle this long before the view asks again: typing stays fast, the view follows within a second. */
const REFRESH_DEBOUNCE_MS = 400;

/** 'loading' until the first answer for the document; the others follow the server's `unavailable`. */
export type CoverageState = 'loading' | 'ready' | 'notReport' | 'noYear' | 'beforeFirstYear';

/** What the view shows now: tests read it through the extension's API instead of waiting blindly. */
export interface ShownCoverage {
  uri: string;
  /** The document version the areas are of. */
  version: number;
  state: CoverageState;
  /** The language of the areas' short names, as the server answered: the statuses and places are worded in it too. */
  locale: UiLocale;
  year: number | null;
  areas: CoverageAreaResult[];
}

export type CoverageNode =
  | { kind: 'area'; uri: string; area: CoverageAreaResult }
  | { kind: 'place'; uri: string; area: CoverageAreaResult; place: CoveragePlace };

const STATE_BY_REASON: Record<NonNullable<CoverageResult['unavailable']>, CoverageState> = {
  'not-report': 'notReport',
  'no-year': 'noYear',
  'before-first-year': 'beforeFirstYear',
};

export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: ShownCoverage | undefined;
  private view: vscode.TreeView<CoverageNode> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Bumped per request, so that an answer overtaken by a newer request is dropped. */
  private generation = 0;
  /** Ends the view's progress bar, shown from the first look at a report until its first answer. */
  private endProgress: (() => void) | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
    private readonly isReportDocument: (document: vscode.TextDocument) => boolean,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus on a panel or a webview leaves the last report shown.
        if (editor) void this.refresh();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && e.document.uri.toString() === this.current?.uri) this.scheduleRefresh();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.toString() === this.current?.uri && !this.activeReport()) this.show(undefined);
      }),
      // After a restart of the server (or its recovery from a crash) the answer is asked for again.
      this.client.onDidChangeState((e) => {
        if (e.newState === State.Running) void this.refresh();
      }),
    );
  }

  /** Connects the tree view, whose message sums the coverage up. */
  attach(view: vscode.TreeView<CoverageNode>): void {
    this.view = view;
    this.updateMessage();
  }

  /** What the view shows now. */
  get shown(): ShownCoverage | undefined {
    return this.current;
  }

  /** The view's description beside its title: the name of the report it describes. */
  get description(): string | undefined {
    return this.view?.description;
  }

  /** Whether the view's progress bar is running (a report's first answer is awaited). */
  get loading(): boolean {
    return this.endProgress !== undefined;
  }

  scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DEBOUNCE_MS);
  }

  /** Asks the server for the active report's coverage and shows it. */
  async refresh(): Promise<void> {
    if (!vscode.window.activeTextEditor) return; // nothing new is active: keep what is shown
    const document = this.activeReport();
    void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, document !== undefined);
    if (!document) {
      this.show(undefined);
      return;
    }
    const uri = document.uri.toString();
    const generation = ++this.generation;
    if (this.current?.uri !== uri) this.show({ uri, version: -1, state: 'loading', locale: uiLocale(document.uri), year: null, areas: [] });
    try {
      await this.ready;
      const result = await this.client.sendRequest<CoverageResult | null>('govreport/coverage', { uri });
      if (generation !== this.generation) return;
      if (!result) {
        // The server does not hold the document (it was closed meanwhile): nothing to show.
        this.show(undefined);
        return;
      }
      this.show({
        uri,
        version: result.version,
        state: result.unavailable ? STATE_BY_REASON[result.unavailable] : 'ready',
        locale: result.locale,
        year: result.year,
        areas: result.areas,
      });
      // An answer about an older version (the edit had not reached the server yet): ask once more.
      if (result.version < document.version && !document.isClosed) this.scheduleRefresh();
    } catch (error) {
      if (generation === this.generation) {
        this.stopProgress();
        this.log.warn(`coverage of ${uri}: ${(error as Error)?.message ?? String(error)}`);
      }
    }
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const locale = this.current?.locale ?? uiLocale();
    return node.kind === 'area' ? areaItem(node, locale) : placeItem(node, locale);
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    const shown = this.current;
    if (!shown) return [];
    if (!node) return shown.areas.map((area) => ({ kind: 'area', uri: shown.uri, area }));
    if (node.kind === 'area') return node.area.places.map((place) => ({ kind: 'place', uri: node.uri, area: node.area, place }));
    return [];
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    return node.kind === 'place' ? { kind: 'area', uri: node.uri, area: node.area } : undefined;
  }

  /** The coverage as a Markdown table, for pasting into a review note. */
  markdownTable(): string | undefined {
    const shown = this.current;
    if (!shown || shown.state !== 'ready') return undefined;
    const t = (message: string, ...args: (string | number)[]) => tIn(shown.locale, message, ...args);
    const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    const covered = shown.areas.filter((a) => a.via !== 'none').length;
    const name = fileNameOf(shown.uri);
    const lines = [
      t('Outline (2021—2025) coverage of {0} ({1} report): {2}/{3} parts', name, shown.year ?? '?', covered, shown.areas.length),
      '',
      `| ${t('Part')} | ${t('Title')} | ${t('Spoken to')} | ${t('Places')} |`,
      '| --- | --- | --- | --- |',
      ...shown.areas.map((a) => {
        const places = a.places.map((p) => t('line {0}: {1}', p.range.start.line + 1, p.text)).join('<br>');
        return `| ${a.part} | ${cell(a.title)} | ${viaText(a, shown.locale)} | ${cell(places) || '—'} |`;
      }),
    ];
    return lines.join('\n') + '\n';
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.stopProgress();
    for (const d of this.subscriptions) d.dispose();
  }

  private activeReport(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && this.isReportDocument(document) ? document : undefined;
  }

  private show(shown: ShownCoverage | undefined): void {
    this.current = shown;
    if (shown?.state === 'loading') this.startProgress();
    else this.stopProgress();
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, shown?.state ?? 'loading');
    this.updateMessage();
    this.changed.fire();
  }

  /** The view is empty until the server first answers (it starts with the editor): a progress bar says it is busy. */
  private startProgress(): void {
    if (this.endProgress) return;
    let end!: () => void;
    const answered = new Promise<void>((resolve) => (end = resolve));
    this.endProgress = end;
    void vscode.window.withProgress({ location: { viewId: COVERAGE_VIEW_ID } }, () => answered);
  }

  private stopProgress(): void {
    this.endProgress?.();
    this.endProgress = undefined;
  }

  private updateMessage(): void {
    if (!this.view) return;
    const shown = this.current;
    const locale = shown?.locale ?? uiLocale();
    // Worded in the report's language like the rows, not in VS Code's (package.json's name and welcome texts).
    this.view.title = tIn(locale, 'Outline-Plan Coverage');
    // Which report the view describes: it stays on the last one while a webview or a panel has the focus.
    this.view.description = shown ? fileNameOf(shown.uri) : undefined;
    if (shown?.state !== 'ready') {
      // Loading: the welcome text; no coverage to show: why, as a message.
      this.view.message = shown && shown.state !== 'loading' ? unavailableMessage(shown.state, locale) : undefined;
      return;
    }
    const covered = shown.areas.filter((a) => a.via !== 'none').length;
    this.view.message = tIn(shown.locale, '{0} report: {1} of {2} parts spoken to', shown.year ?? '?', covered, shown.areas.length);
  }
}

/** The name a user knows the document by: a file's name, or an untitled document's (Untitled-1). */
function fileNameOf(uri: string): string {
  const { path } = vscode.Uri.parse(uri);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Why a report has no coverage to show. */
function unavailableMessage(state: Exclude<CoverageState, 'loading' | 'ready'>, locale: UiLocale): string {
  if (state === 'notReport') return tIn(locale, 'The active document does not look like a 法治政府建设 annual report, so there is no coverage of the 法治政府建设实施纲要（2021—2025年） to show.');
  if (state === 'noYear') return tIn(locale, 'The report year could not be found. Name it in the title, e.g. 关于2023年法治政府建设情况的报告, to see which parts of the 纲要（2021—2025年） the report speaks to.');
  return tIn(locale, 'This report is on a year before 2021. The 法治政府建设实施纲要（2021—2025年） applies to reports on 2021 and later; earlier reports follow the 2015—2020 纲要.');
}

function viaText(area: CoverageAreaResult, locale: UiLocale): string {
  if (area.via === 'heading') return area.count > 1 ? tIn(locale, 'heading, {0} places', area.count) : tIn(locale, 'heading');
  if (area.via === 'keywords') return tIn(locale, plural(area.count, 'keywords, {0} place', 'keywords, {0} places'), area.count);
  return tIn(locale, 'not spoken to');
}

const ICONS: Record<CoverageAreaResult['via'], vscode.ThemeIcon> = {
  heading: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  keywords: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('charts.yellow')),
  none: new vscode.ThemeIcon('close', new vscode.ThemeColor('testing.iconFailed')),
};

function areaItem(node: Extract<CoverageNode, { kind: 'area' }>, locale: UiLocale): vscode.TreeItem {
  const { area } = node;
  const item = new vscode.TreeItem(`${area.part}、${area.short}`, area.places.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `${node.uri}#${area.id}`;
  item.description = viaText(area, locale);
  item.iconPath = ICONS[area.via];
  const how = area.via === 'heading'
    ? tIn(locale, 'The report has a heading for this part.')
    : area.via === 'keywords'
      ? tIn(locale, plural(area.count, 'No heading for this part; its keywords occur in {0} paragraph.', 'No heading for this part; its keywords occur in {0} paragraphs.'), area.count)
      : tIn(locale, 'Neither a heading nor a keyword of this part occurs in the report.');
  item.tooltip = `${area.part}、${area.title}\n${how}`;
  item.contextValue = `coverageArea.${area.via}`;
  return item;
}

function placeItem(node: Extract<CoverageNode, { kind: 'place' }>, locale: UiLocale): vscode.TreeItem {
  const { place } = node;
  const item = new vscode.TreeItem(place.text, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.uri}#${node.area.id}@${place.range.start.line}:${place.range.start.character}`;
  const line = tIn(locale, 'line {0}', place.range.start.line + 1);
  item.description = place.keyword ? `${line} · ${place.keyword}` : line;
  item.tooltip = place.keyword ? tIn(locale, '{0}\nKeyword: {1}', place.text, place.keyword) : place.text;
  item.iconPath = new vscode.ThemeIcon(place.keyword ? 'search' : 'symbol-string');
  item.command = { command: REVEAL_PLACE_COMMAND, title: tIn(locale, 'Go to the place'), arguments: [node.uri, place.range] };
  return item;
}

/** The click on a place: shows its document with the place selected and in view. */
export async function revealPlace(uri: string, range: CoveragePlace['range']): Promise<vscode.TextEditor> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  // In the column where the report is already shown, if it is.
  const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  const document = open?.document ?? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: open?.viewColumn, selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Registers the view and its commands; returns the provider (the extension's API exposes it to tests). */
export function registerCoverageView(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  ready: Promise<void>,
  isReportDocument: (document: vscode.TextDocument) => boolean,
  log: vscode.LogOutputChannel,
): CoverageTreeProvider {
  const provider = new CoverageTreeProvider(client, ready, isReportDocument, log);
  const view = vscode.window.createTreeView(COVERAGE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand(REVEAL_PLACE_COMMAND, revealPlace),
    vscode.commands.registerCommand('govreport.coverage.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('govreport.coverage.copyMarkdown', async () => {
      const table = provider.markdownTable();
      if (!table) {
        void vscode.window.showInformationMessage(t('No coverage to copy: open a report on 2021 or later.'));
        return undefined;
      }
      await vscode.env.clipboard.writeText(table);
      void vscode.window.showInformationMessage(tIn(provider.shown?.locale ?? uiLocale(), 'Copied the coverage table (Markdown).'));
      return table;
    }),
  );
  void provider.refresh();
  return provider;
}
