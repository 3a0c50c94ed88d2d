// 「检查工作区中的所有报告」: every report file of the workspace, open or not, checked into the Problems view, with
// a progress notification that can be cancelled. And reports whose text is extracted (.docx, saved web pages):
// opened as a read-only text view whose text the server extracts, so that diagnostics, outline and hovers work
// on it as on any report.
//
// The server reads only files inside the workspace folders, documents open in the editor, and files the user
// opened here (govreport/userOpenedFile): a file opened from outside the workspace is announced before its
// text is asked for. It also reads only regular files within the size limit, and checks a file reached through
// several links once per run (the session of govreport/checkFiles).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CheckFilesResult } from '../../../server/src/features/workspace';
import { escapeHtml } from './figures-html';
import { plural, t } from '../l10n';

/** The scheme of the text view of a .docx or a web page (the same path as the file): see
 * server/src/features/workspace.ts. */
export const EXTRACTED_SCHEME = 'govreport-text';
/** The files of reports, as the server reads them (server/src/node/files.ts REPORT_EXTENSIONS). */
export const REPORT_EXTENSIONS = ['.txt', '.md', '.govreport', '.docx', '.pdf', '.html', '.htm', '.shtml'];
const REPORT_GLOB = `**/*.{${REPORT_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
/** Files whose text the server extracts; the others are text. */
const EXTRACTED_FILE = /\.(?:docx|pdf|html?|shtml)$/i;
const EXCLUDE_GLOB = '**/{node_modules,.git,dist,out}/**';
/** Files per request: small enough for prompt progress and cancellation, large enough to keep requests few. */
const BATCH = 20;

export interface WorkspaceCheckSummary extends CheckFilesResult {
  files: number;
  cancelled: boolean;
}

export async function checkWorkspace(client: LanguageClient): Promise<WorkspaceCheckSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(t('Open a folder first: there is no workspace to check.'));
    return undefined;
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('GovReport: checking the reports in the workspace'), cancellable: true },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles(REPORT_GLOB, EXCLUDE_GLOB, undefined, token);
      const total: WorkspaceCheckSummary = {
        files: uris.length, checked: 0, withProblems: 0, problems: { error: 0, warning: 0, information: 0, hint: 0 }, unreadable: [], cancelled: false,
      };
      const session = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      for (let k = 0; k < uris.length && !token.isCancellationRequested; k += BATCH) {
        const batch = uris.slice(k, k + BATCH).map((u) => u.toString());
        const result = await client.sendRequest<CheckFilesResult>('govreport/checkFiles', { uris: batch, session }, token);
        total.checked += result.checked;
        total.withProblems += result.withProblems;
        for (const severity of ['error', 'warning', 'information', 'hint'] as const) total.problems[severity] += result.problems[severity];
        total.unreadable.push(...result.unreadable);
        progress.report({ increment: (batch.length / uris.length) * 100, message: `${Math.min(k + BATCH, uris.length)}/${uris.length}` });
      }
      total.cancelled = token.isCancellationRequested;
      return total;
    },
  );
  for (const u of summary.unreadable) client.outputChannel.appendLine(`${u.uri}: ${u.reason}`);
  const message = summary.cancelled
    ? t(plural(summary.files, 'Stopped after {0} of {1} file.', 'Stopped after {0} of {1} files.'), summary.checked, summary.files)
    : t(
      'Files checked: {0}; with problems: {1} (errors: {2}, warnings: {3}, information: {4}); unreadable: {5}.',
      summary.checked, summary.withProblems, summary.problems.error, summary.problems.warning, summary.problems.information, summary.unreadable.length,
    );
  const showProblems = t('Show Problems');
  void vscode.window.showInformationMessage(message, showProblems).then((choice) => {
    if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
}

/** The text of a .docx or a saved web page, from the server; read-only by construction (a content provider
 * cannot be saved). */
export class ExtractedTextProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const result = await this.client.sendRequest<{ text: string } | { error: string }>('govreport/extractedText', { uri: uri.toString() });
    if ('error' in result) throw new Error(result.error);
    return result.text;
  }
}

/** The text view of a file whose text is extracted. */
export function extractedTextUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: EXTRACTED_SCHEME });
}

/** Whether the report's text is extracted from it (a .docx, a saved web page): what the text view is for. */
export function isExtractedFile(uri: vscode.Uri): boolean {
  return EXTRACTED_FILE.test(uri.path);
}

/** 「以文本方式打开报告」: the file's extracted text, read-only, with diagnostics, outline and hovers. */
export async function openReportAsText(client: LanguageClient | undefined, file: vscode.Uri | undefined, column?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
  const target = file ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || !isExtractedFile(target)) {
    void vscode.window.showInformationMessage(t('Choose a Word document, a PDF or a saved web page to open as text.'));
    return undefined;
  }
  // The user opened it: the server may read it, inside the workspace or not.
  if (target.scheme === 'file') await client?.sendNotification('govreport/userOpenedFile', { uri: target.toString() });
  const document = await vscode.workspace.openTextDocument(extractedTextUri(target.with({ scheme: 'file' })));
  await vscode.languages.setTextDocumentLanguage(document, 'govreport');
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/**
 * Opening a .docx or a PDF (or, when the user picks it, a web page) in the editor: this editor hands it over to
 * the text view at once and closes itself. VS Code can show neither a Word document nor a PDF; a web page it
 * shows as HTML source, which stays the default for web developers (the page's editor has priority 「option」).
 */
export class ExtractedEditorProvider implements vscode.CustomReadonlyEditorProvider {
  /** For .docx files, by default. */
  static readonly docxViewType = 'govreport.docxText';
  /** For PDF files, by default. */
  static readonly pdfViewType = 'govreport.pdfText';
  /** For saved web pages, when chosen with 「Reopen Editor With…」. */
  static readonly pageViewType = 'govreport.pageText';

  constructor(private readonly client: () => LanguageClient | undefined) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.html = `<!DOCTYPE html><html><body><p>${escapeHtml(t('Opening the text of {0}…', document.uri.path.split('/').pop() ?? ''))}</p></body></html>`;
    const column = panel.viewColumn;
    await openReportAsText(this.client(), document.uri, column);
    panel.dispose();
  }
}
