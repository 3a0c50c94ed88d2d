// 「GovReport：显示报告数据」: every figure of the active report in a table (click a row to jump to it) — the numbers
// of its sentences and the cells of its tables, with their table, row and column — and 「导出报告数据 (CSV)」.
// The rows come from the server's govreport/figures request, like everything else.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
// Types only: the rows travel over LSP; nothing of the server is bundled into the client.
import type { FigureRow } from '../../../server/src/core/features/figures-table';
import type { FiguresResult } from '../../../server/src/features/figures';

/** What the show command hands back, so that tests and other extensions can see what was shown. */
export interface ShownFigures {
  uri: string;
  title: string | null;
  rows: number;
  panel: vscode.WebviewPanel;
}

const panels = new Map<string, vscode.WebviewPanel>();

async function requestFigures(client: LanguageClient, document: vscode.TextDocument): Promise<FiguresResult | undefined> {
  const result = await client.sendRequest<FiguresResult | null>('govreport/figures', { uri: document.uri.toString() });
  return result ?? undefined;
}

function reportDocument(uri?: vscode.Uri): vscode.TextDocument | undefined {
  if (uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return vscode.window.activeTextEditor?.document;
}

export async function showFigures(client: LanguageClient, extensionUri: vscode.Uri, uri?: vscode.Uri): Promise<ShownFigures | undefined> {
  const document = reportDocument(uri);
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report first.'));
    return undefined;
  }
  const result = await requestFigures(client, document);
  if (result?.notice) {
    void vscode.window.showInformationMessage(result.notice);
    return undefined;
  }
  if (!result || result.rows.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No figures found in this document.'));
    return undefined;
  }
  const key = document.uri.toString();
  let panel = panels.get(key);
  if (!panel) {
    panel = vscode.window.createWebviewPanel('govreport.figures', vscode.l10n.t('Figures: {0}', result.title ?? document.fileName.split(/[\\/]/).pop() ?? ''),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [extensionUri] });
    panels.set(key, panel);
    panel.onDidDispose(() => panels.delete(key));
    panel.webview.onDidReceiveMessage(async (message: { type: string; line?: number; character?: number; endLine?: number; endCharacter?: number }) => {
      if (message.type === 'reveal' && typeof message.line === 'number') {
        const range = new vscode.Range(message.line, message.character ?? 0, message.endLine ?? message.line, message.endCharacter ?? message.character ?? 0);
        const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: range });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      } else if (message.type === 'exportCsv') {
        await vscode.commands.executeCommand('govreport.exportFigures', document.uri);
      }
    });
  } else {
    panel.reveal(vscode.ViewColumn.Beside, true);
  }
  panel.webview.html = renderTable(panel.webview, result);
  return { uri: key, title: result.title, rows: result.rows.length, panel };
}

export async function exportFigures(client: LanguageClient, uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = reportDocument(uri);
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report first.'));
    return undefined;
  }
  const result = await requestFigures(client, document);
  if (!result) return undefined;
  if (result.notice) {
    void vscode.window.showInformationMessage(result.notice);
    return undefined;
  }
  const destination = target ?? await vscode.window.showSaveDialog({
    defaultUri: document.uri.with({ path: document.uri.path.replace(/\.[^./]*$/, '') + '.数据.csv' }),
    filters: { CSV: ['csv'] },
  });
  if (!destination) return undefined;
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(result.csv));
  if (!target) void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} figures to {1}', result.rows.length, destination.fsPath));
  return destination;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function formatValue(r: FigureRow): string {
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return r.upper !== null ? `${n(r.value)}～${n(r.upper)}` : n(r.value);
}

function renderTable(webview: vscode.Webview, result: FiguresResult): string {
  const nonce = Array.from({ length: 24 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('');
  const t = vscode.l10n.t;
  const rows = result.rows.map((r) => `<tr tabindex="0" data-line="${r.range.start.line}" data-character="${r.range.start.character}" data-end-line="${r.range.end.line}" data-end-character="${r.range.end.character}">
<td class="num">${r.range.start.line + 1}</td><td>${escapeHtml(r.section)}</td><td>${escapeHtml(r.subject || '—')}</td><td>${escapeHtml(r.text)}</td>
<td class="num">${escapeHtml(formatValue(r))}</td><td>${escapeHtml(r.unit)}</td><td>${r.approximate ? escapeHtml(t('approximate')) : escapeHtml(t('exact'))}</td>
<td>${escapeHtml(r.table)}</td><td>${escapeHtml(r.row)}</td><td>${escapeHtml(r.column)}</td>
<td class="sentence">${escapeHtml(r.sentence)}</td></tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--vscode-panel-border); padding: 4px 8px; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: var(--vscode-editor-background); }
td.num { text-align: right; white-space: nowrap; }
td.sentence { color: var(--vscode-descriptionForeground); }
tr[data-line] { cursor: pointer; }
tr[data-line]:hover, tr[data-line]:focus { background: var(--vscode-list-hoverBackground); outline: none; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; }
</style>
</head>
<body>
<h2>${escapeHtml(result.title ?? t('Figures'))}</h2>
<p>${escapeHtml(t('{0} figures. Click a row to go to it in the report.', result.rows.length))} <button id="export">${escapeHtml(t('Export CSV'))}</button></p>
<table>
<thead><tr><th>${escapeHtml(t('Line'))}</th><th>${escapeHtml(t('Section'))}</th><th>${escapeHtml(t('Counts'))}</th><th>${escapeHtml(t('As written'))}</th><th>${escapeHtml(t('Value'))}</th><th>${escapeHtml(t('Unit'))}</th><th>${escapeHtml(t('Exact'))}</th><th>${escapeHtml(t('Table'))}</th><th>${escapeHtml(t('Row'))}</th><th>${escapeHtml(t('Column'))}</th><th>${escapeHtml(t('Sentence'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
function reveal(row) {
  vscode.postMessage({ type: 'reveal', line: +row.dataset.line, character: +row.dataset.character, endLine: +row.dataset.endLine, endCharacter: +row.dataset.endCharacter });
}
for (const row of document.querySelectorAll('tr[data-line]')) {
  row.addEventListener('click', () => reveal(row));
  row.addEventListener('keydown', (e) => { if (e.key === 'Enter') reveal(row); });
}
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
</script>
</body>
</html>`;
}
