// The VS Code side of GovReport: a thin launcher for the bundled language server plus a few commands.
// Everything the user sees about a report (diagnostics, outline, hovers) comes from the server.
import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { COMPARISON_VIEW, compareWithPrevious, ComparisonView, type ComparisonNode } from './commands/compare';
import { exportFigures, refreshFigures, showFigures } from './commands/figures';
import { linkRuleDocs, RULE_DOC_SCHEME, RuleDocProvider, SHOW_RULE_DOC_COMMAND, showRuleDoc } from './commands/ruleDocs';
import { checkWorkspace, EXTRACTED_SCHEME, ExtractedEditorProvider, ExtractedTextProvider, openReportAsText } from './commands/workspace';
import { t } from './l10n';
import { ReportContext } from './reportContext';
import { registerCoverageView, type CoverageTreeProvider } from './views/coverage';

/** Languages whose documents the server checks: our own, plus reports kept as plain text or Markdown. */
export const REPORT_LANGUAGES = ['govreport', 'plaintext', 'markdown'] as const;

let client: LanguageClient | undefined;
let outputChannel: vscode.LogOutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<GovReportApi> {
  const started = performance.now();
  outputChannel = vscode.window.createOutputChannel('GovReport', { log: true });
  context.subscriptions.push(outputChannel);

  // The views speak the language of the diagnostics: when govreport.locale changes, they are asked for again and
  // worded anew — once the client has told the server of the change, or the server would answer in the old language.
  let localeSetting = vscode.workspace.getConfiguration('govreport').get('locale');
  let refreshViews = (): void => undefined;
  client = createClient(context, outputChannel, () => {
    const now = vscode.workspace.getConfiguration('govreport').get('locale');
    if (now === localeSetting) return;
    localeSetting = now;
    refreshViews();
  });
  // Before the start, so that the server's first word on each document is heard.
  const reports = new ReportContext(client);
  context.subscriptions.push(reports);
  const comparison = new ComparisonView();
  const comparisonView = vscode.window.createTreeView(COMPARISON_VIEW, { treeDataProvider: comparison });
  comparison.attach(comparisonView);
  context.subscriptions.push(
    comparisonView,
    vscode.commands.registerCommand('govreport.compareWithPrevious', (current?: vscode.Uri, previous?: vscode.Uri) => (client ? compareWithPrevious(client, comparison, current, previous) : undefined)),
    vscode.commands.registerCommand('govreport.openComparisonDiff', (node?: ComparisonNode) => comparison.openDiff(node)),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('govreport.restartServer', () => restartServer()),
    vscode.commands.registerCommand('govreport.showOutput', () => outputChannel?.show(true)),
    vscode.commands.registerCommand('govreport.showFigures', (uri?: vscode.Uri) => (client ? showFigures(client, context.extensionUri, uri) : undefined)),
    vscode.commands.registerCommand('govreport.exportFigures', (uri?: vscode.Uri, target?: vscode.Uri) => (client ? exportFigures(client, uri, target) : undefined)),
    vscode.commands.registerCommand('govreport.checkWorkspace', () => (client ? checkWorkspace(client) : undefined)),
    vscode.commands.registerCommand('govreport.openAsText', (uri?: vscode.Uri) => openReportAsText(client, uri)),
    // The command's name from when only .docx files were read.
    vscode.commands.registerCommand('govreport.openDocxAsText', (uri?: vscode.Uri) => openReportAsText(client, uri)),
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, new ExtractedTextProvider(client)),
    vscode.window.registerCustomEditorProvider(ExtractedEditorProvider.docxViewType, new ExtractedEditorProvider(() => client)),
    vscode.window.registerCustomEditorProvider(ExtractedEditorProvider.pdfViewType, new ExtractedEditorProvider(() => client)),
    vscode.window.registerCustomEditorProvider(ExtractedEditorProvider.pageViewType, new ExtractedEditorProvider(() => client)),
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, new RuleDocProvider(context.extensionUri)),
    vscode.commands.registerCommand(SHOW_RULE_DOC_COMMAND, (rule?: unknown) => showRuleDoc(rule)),
  );
  // The server starts in the background: activation returns at once, and the editor stays responsive while
  // the server process boots. Diagnostics and outline simply arrive when it is up.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('govreport/workspaceTrusted')));
  const ready = client.start().catch((error: unknown) => {
    outputChannel?.error(`GovReport language server failed to start: ${(error as Error)?.stack ?? String(error)}`);
    throw error;
  });
  const coverage = registerCoverageView(context, client, ready, isCheckedDocument, outputChannel);
  refreshViews = () => {
    comparison.reword();
    coverage.scheduleRefresh();
    if (client) void refreshFigures(client);
  };
  const activationMs = performance.now() - started;
  return { get client() { return client; }, ready, activationMs, comparison, coverage, reports };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** What `activate` returns, so end-to-end tests and the benchmark can reach the running client. */
export interface GovReportApi {
  readonly client: LanguageClient | undefined;
  /** Settles when the language server has started (or failed to). */
  readonly ready: Promise<void>;
  /** How long `activate` itself took, in milliseconds. */
  readonly activationMs: number;
  /** The 「与上年报告比较」 view's data. */
  readonly comparison: ComparisonView;
  /** The 「纲要覆盖情况」 view's data: what it shows (`shown`), its nodes and tree items. */
  readonly coverage: CoverageTreeProvider;
  /** Which open documents the server takes for reports (the report commands are offered on them). */
  readonly reports: ReportContext;
}

/** A document the server is sent (see the client's documentSelector): a file or untitled document in one of
 * the report languages, or the text extracted from a .docx, a PDF or a web page. Only these: documents of other
 * schemes (git:, output:, vscode-userdata:, our rule pages' govreport-doc:) are not the user's reports. The server
 * itself leaves the extension's own files alone. */
function isCheckedDocument(document: vscode.TextDocument): boolean {
  const { scheme } = document.uri;
  if (scheme === EXTRACTED_SCHEME) return true;
  return (scheme === 'file' || scheme === 'untitled') && (REPORT_LANGUAGES as readonly string[]).includes(document.languageId);
}

/** `settingsSent` runs after each notification that the settings changed has gone to the server. */
function createClient(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel, settingsSent: () => void): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...REPORT_LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // The read-only text of .docx and PDF reports and saved web pages.
      { scheme: EXTRACTED_SCHEME },
    ],
    outputChannel: channel,
    synchronize: { configurationSection: 'govreport' },
    // In an untrusted workspace the server does not run the patterns of profiles a project file defines. The
    // extension's folder: its files (the rule pages among them) are not reports, and the server leaves them alone.
    initializationOptions: { locale: vscode.env.language, workspaceTrusted: vscode.workspace.isTrusted, extensionPath: context.extensionPath },
    middleware: {
      // A rule's page opens rendered and read-only, not as a file of the extension's folder.
      handleDiagnostics: (uri, diagnostics, next) => {
        linkRuleDocs(diagnostics);
        next(uri, diagnostics);
      },
      workspace: {
        didChangeConfiguration: async (sections, next) => {
          await next(sections);
          settingsSent();
        },
      },
    },
  };
  return new LanguageClient('govreport', t('GovReport Language Server'), serverOptions, clientOptions);
}

async function restartServer(): Promise<void> {
  if (!client) return;
  await client.restart();
  void vscode.window.showInformationMessage(t('GovReport language server restarted.'));
}
