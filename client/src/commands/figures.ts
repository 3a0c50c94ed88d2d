// 「GovReport：显示报告数据」: every figure of the active report in a table (click a row to see it in the report) — the
// numbers of its sentences and the cells of its tables, with their table, row and column — and 「导出报告数据 (CSV)」.
// The rows come from the server's govreport/figures request, like everything else; the page is figures-html.ts.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
// Types only: the rows travel over LSP; nothing of the server is bundled into the client.
import type { FiguresResult } from '../../../server/src/features/figures';
import { plural, t, tIn } from '../l10n';
import { figuresHtml } from './figures-html';

export { escapeHtml } from './figures-html';

/** What the show command hands back, so that tests and other extensions can see what was shown. */
export interface ShownFigures {
  uri: string;
  title: string | null;
  rows: number;
  /** The language the view is worded in: the document's, as the server answered. */
  locale: FiguresResult['locale'];
  panel: vscode.WebviewPanel;
}

/** The open views, by document: shown again in place for the same document, worded anew when the language changes. */
const panels = new Map<string, { panel: vscode.WebviewPanel; document: vscode.TextDocument }>();

async function requestFigures(client: LanguageClient, document: vscode.TextDocument): Promise<FiguresResult | undefined> {
  const result = await client.sendRequest<FiguresResult | null>('govreport/figures', { uri: document.uri.toString() });
  return result ?? undefined;
}

function reportDocument(uri?: vscode.Uri): vscode.TextDocument | undefined {
  if (uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return vscode.window.activeTextEditor?.document;
}

function fileName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() ?? '';
}

export async function showFigures(client: LanguageClient, extensionUri: vscode.Uri, uri?: vscode.Uri): Promise<ShownFigures | undefined> {
  const document = reportDocument(uri);
  if (!document) {
    void vscode.window.showWarningMessage(t('Open a report first.'));
    return undefined;
  }
  const result = await requestFigures(client, document);
  if (result?.notice) {
    void vscode.window.showInformationMessage(result.notice);
    return undefined;
  }
  if (!result || result.rows.length === 0) {
    void vscode.window.showInformationMessage(result ? tIn(result.locale, 'No figures found in this document.') : t('No figures found in this document.'));
    return undefined;
  }
  const key = document.uri.toString();
  let panel = panels.get(key)?.panel;
  if (!panel) {
    panel = vscode.window.createWebviewPanel('govreport.figures', '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [extensionUri] });
    panels.set(key, { panel, document });
    panel.onDidDispose(() => panels.delete(key));
    panel.webview.onDidReceiveMessage(async (message: { type: string; line?: number; character?: number; endLine?: number; endCharacter?: number; focus?: boolean }) => {
      if (message.type === 'reveal' && typeof message.line === 'number') {
        const range = new vscode.Range(message.line, message.character ?? 0, message.endLine ?? message.line, message.endCharacter ?? message.character ?? 0);
        // In the report's own column when it is shown; the table keeps the focus unless the user asked for the editor
        // (Enter, double click), so that the arrow keys go on through the rows.
        const shownIn = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key)?.viewColumn;
        const editor = await vscode.window.showTextDocument(document, { viewColumn: shownIn ?? vscode.ViewColumn.One, selection: range, preserveFocus: message.focus !== true });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      } else if (message.type === 'exportCsv') {
        await vscode.commands.executeCommand('govreport.exportFigures', document.uri);
      }
    });
  } else {
    panel.reveal(vscode.ViewColumn.Beside, true);
  }
  render(panel, document, result);
  return { uri: key, title: result.title, rows: result.rows.length, locale: result.locale, panel };
}

function render(panel: vscode.WebviewPanel, document: vscode.TextDocument, result: FiguresResult): void {
  const title = result.title ?? fileName(document);
  panel.title = tIn(result.locale, 'Figures: {0}', title);
  // A nonce nobody can guess: only the page's own style and scripts run.
  const nonce = randomBytes(18).toString('base64url');
  panel.webview.html = figuresHtml({ locale: result.locale, title, rows: result.rows }, { cspSource: panel.webview.cspSource, nonce });
}

/** Asks again for the figures of every open view and shows them (the language changed). */
export async function refreshFigures(client: LanguageClient): Promise<void> {
  for (const { panel, document } of [...panels.values()]) {
    if (document.isClosed) continue;
    const result = await requestFigures(client, document);
    if (result && !result.notice) render(panel, document, result);
  }
}

export async function exportFigures(client: LanguageClient, uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = reportDocument(uri);
  if (!document) {
    void vscode.window.showWarningMessage(t('Open a report first.'));
    return undefined;
  }
  const result = await requestFigures(client, document);
  if (!result) return undefined;
  if (result.notice) {
    void vscode.window.showInformationMessage(result.notice);
    return undefined;
  }
  const destination = target ?? await vscode.window.showSaveDialog({
    defaultUri: document.uri.with({ path: document.uri.path.replace(/\.[^./]*$/, '') + (result.locale === 'en' ? '.figures.csv' : '.数据.csv') }),
    filters: { CSV: ['csv'] },
  });
  if (!destination) return undefined;
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(result.csv));
  if (!target) {
    void vscode.window.showInformationMessage(tIn(result.locale, plural(result.rows.length, 'Exported {0} figure to {1}', 'Exported {0} figures to {1}'), result.rows.length, destination.fsPath));
  }
  return destination;
}
