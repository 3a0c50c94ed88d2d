// The GovReport language server: a thin LSP adapter over the core. Start it with `--stdio` from any
// editor, or over node IPC from the VS Code client. It analyses every document it is sent, whatever the
// language id, and stays silent on text the core does not recognise as a report. What it checks follows
// the `govreport` settings and the nearest `.govreport.json` (features/config.ts); fixes and 「忽略此问题」
// come as code actions (features/codeActions.ts). It reads from disk only what the user works on
// (features/workspace.ts, FileAccess), and after `shutdown` answers nothing but `exit` (features/lifecycle.ts).
import * as fs from 'fs';
import * as path from 'path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, checkReportText, DEFAULT_LARGE_DOCUMENT_THRESHOLD, filterIgnored } from './core/config';
import { fixAll, replacementEdit } from './core/fixes';
import { createReportService, localize, type CheckOptions, type Finding, type Locale, type TextEdit } from './core/index';
import {
  codeActions, FIX_ALL_KIND, IGNORE_FINDING_COMMAND,
  type DiagnosticData, type IgnoreFindingArgs, type PublishedFindings,
} from './features/codeActions';
import { ConfigResolver, toFilePath, type DocumentConfig } from './features/config';
import { COMPARE_REPORTS_REQUEST, compareReportsRequest, type CompareReportsParams, type CompareReportsResponse } from './features/compare';
import { COMPLETION_TRIGGERS, completion } from './features/completion';
import { COVERAGE_REQUEST, coverageResult, notReportResult, type CoverageParams } from './features/coverage';
import { toDiagnostic } from './features/diagnostics';
import { FIGURES_REQUEST, figuresResult, type FiguresParams } from './features/figures';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { REPORT_STATUS_NOTIFICATION, ReportStatuses } from './features/reportStatus';
import { guardLifecycle } from './features/lifecycle';
import { documentSymbols } from './features/symbols';
import {
  CHECK_FILES_REQUEST, countFindings, DOCX_TEXT_REQUEST, EXTRACTED_TEXT_REQUEST, FileAccess, filePathOf, isInside, noProblems, OwnFolder,
  publishedUriOf, readReportText, USER_OPENED_FILE_NOTIFICATION, type CheckFilesParams, type CheckFilesResult, type ExtractedTextParams,
} from './features/workspace';
import { readLimits, readReport } from './node/files';
import { WriteRefused } from './node/write';
import { GOVREPORT_VERSION } from './version';

/** The client's word that the user trusted the workspace (VS Code's workspace trust). */
const WORKSPACE_TRUSTED_NOTIFICATION = 'govreport/workspaceTrusted';
import { addIgnoredFinding, findProjectConfig, forgetProjectConfig } from './node/config';

/** Diagnostics wait this long after the last keystroke, so that typing is never slowed by checking. */
const DIAGNOSTICS_DEBOUNCE_MS = 150;
// A newly opened document is checked almost at once, but after the requests the editor sends with the open
// (outline, folding): they need only the model, and the user sees them first.
const OPEN_DIAGNOSTICS_DELAY_MS = 15;

// Every handler is registered through the guarded connection: after `shutdown`, requests get InvalidRequest.
const lifecycle = guardLifecycle(createConnection(ProposedFeatures.all), () => {
  for (const timer of pending.values()) clearTimeout(timer);
  pending.clear();
});
const connection = lifecycle.connection;
const documents = new TextDocuments(TextDocument);
const service = createReportService();
let configs: ConfigResolver;
let clientLocale: Locale = 'zh';
/** What the server may read from disk: the workspace folders, open documents, files the user opened. */
const access = new FileAccess((uri) => documents.get(uri) !== undefined);
/** The extension's own files (its rule pages): not reports, left alone. Known once the client names the folder. */
let ownFolder = new OwnFolder(undefined, () => []);
let supportsDocumentChanges = false;
let registerConfigurationChanges = false;
let registerFileWatcher = false;
let workspaceFolderChanges = false;
const pending = new Map<string, NodeJS.Timeout>();
/** Documents whose diagnostics were published at least once since they were opened. */
const checkedOnce = new Set<string>();
/** What was last published per document: code actions resolve diagnostics against it. */
const published = new Map<string, PublishedFindings>();
/** Which open documents the client was told are reports. */
const reportStatuses = new ReportStatuses();
/** Bumped per publish, so that a publish overtaken while it waited for settings gives way. */
const publishGeneration = new Map<string, number>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientLocale = pickLocale(params);
  const workspace = params.capabilities.workspace;
  // Trusted unless the client says otherwise (editors without workspace trust).
  const workspaceTrusted = (params.initializationOptions as { workspaceTrusted?: boolean } | undefined)?.workspaceTrusted !== false;
  configs = new ConfigResolver({ connection, canAskForSettings: workspace?.configuration === true, clientLocale, workspaceTrusted });
  supportsDocumentChanges = workspace?.workspaceEdit?.documentChanges === true;
  registerConfigurationChanges = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  registerFileWatcher = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  workspaceFolderChanges = workspace?.workspaceFolders === true;
  access.addFolders(folderPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])));
  const extensionPath = (params.initializationOptions as { extensionPath?: unknown } | undefined)?.extensionPath;
  ownFolder = new OwnFolder(typeof extensionPath === 'string' && extensionPath !== '' ? extensionPath : undefined, () => access.workspaceFolders);
  return {
    capabilities: {
      // Folders added and removed later change what the server may read.
      ...(workspaceFolderChanges ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'GovReport' },
      foldingRangeProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [IGNORE_FINDING_COMMAND] },
    },
    serverInfo: { name: 'govreport-language-server', version: GOVREPORT_VERSION },
  };
});

function folderPaths(folders: { uri: string }[]): string[] {
  return folders.map((f) => toFilePath(f.uri)).filter((p): p is string => p !== undefined);
}

connection.onInitialized(() => {
  if (workspaceFolderChanges) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      access.removeFolders(folderPaths(event.removed));
      access.addFolders(folderPaths(event.added));
      ownFolder.foldersChanged();
    });
  }
  if (registerConfigurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
  // A project file created, edited or deleted changes what every report under it is checked with.
  if (registerFileWatcher) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
});

function pickLocale(params: InitializeParams): Locale {
  const fromOptions = (params.initializationOptions as { locale?: string } | undefined)?.locale;
  const tag = (fromOptions ?? params.locale ?? 'zh').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'zh';
}

/**
 * Above the threshold (govreport.largeDocumentThreshold) a document is read for its structure only: the rules that read
 * every figure or judge the wording of every paragraph are skipped, a hover reads only the text around it, and the
 * figures table is not made.
 */
function largeDocument(document: TextDocument, config: DocumentConfig): boolean {
  return document.getText().length > largeDocumentThreshold(config);
}

function largeDocumentThreshold(config: DocumentConfig): number {
  return config.config.largeDocumentThreshold ?? DEFAULT_LARGE_DOCUMENT_THRESHOLD;
}

/** A document the server does not look at: a file of the extension itself (a rule page the user opened). */
function leftAlone(uri: string): boolean {
  return ownFolder.contains(uri);
}

/** The findings the user sees for this version: none on text that is not a report, none silenced. */
function visibleFindings(document: TextDocument, config: DocumentConfig): Finding[] {
  if (leftAlone(document.uri) || !service.model(document).isReport) return [];
  const large = largeDocument(document, config);
  if (large) notifyLargeDocument(document, config);
  return filterIgnored(service.check(document, large ? structureOnly(config.options) : config.options), document.getText(), config.project?.relativeFile, config.config);
}

/** The same options with the structure checks only; one object per options object, as the service caches by identity. */
const structureOnlyOptions = new WeakMap<CheckOptions, CheckOptions>();
function structureOnly(options: CheckOptions): CheckOptions {
  let reduced = structureOnlyOptions.get(options);
  if (!reduced) structureOnlyOptions.set(options, (reduced = { ...options, structureOnly: true }));
  return reduced;
}

/** Once per document: why its figures are not checked, and where to change that. */
const largeDocumentsNotified = new Set<string>();
function notifyLargeDocument(document: TextDocument, config: DocumentConfig): void {
  if (largeDocumentsNotified.has(document.uri)) return;
  largeDocumentsNotified.add(document.uri);
  const tenThousands = Math.round(document.getText().length / 10_000);
  const name = decodeURIComponent(document.uri.split('/').pop() ?? document.uri);
  const message = config.locale === 'en'
    ? `GovReport: ${name} is a large document (about ${tenThousands * 10},000 characters): its structure is checked; the figure checks and the checks of each paragraph's wording (citations, names, paired marks, lists) are skipped. Setting: govreport.largeDocumentThreshold.`
    : `GovReport：${name} 文档较大（约 ${tenThousands} 万字），只检查结构（大纲、标题序号、必备内容），已跳过数据核对和逐段的文字检查（引用文件、单位名称、成对标点、列举序号等）。可在设置 govreport.largeDocumentThreshold 中调整。`;
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
}

async function publishDiagnostics(uri: string): Promise<void> {
  const generation = (publishGeneration.get(uri) ?? 0) + 1;
  publishGeneration.set(uri, generation);
  const config = await configs.resolve(uri);
  const document = documents.get(uri);
  // Overtaken by a newer publish, or by shutdown while the settings were asked for.
  if (!document || publishGeneration.get(uri) !== generation || lifecycle.shutDown) return;
  const findings = visibleFindings(document, config);
  const status = reportStatuses.update(uri, !leftAlone(uri) && service.model(document).isReport);
  if (status) void connection.sendNotification(REPORT_STATUS_NOTIFICATION, status);
  published.set(uri, { version: document.version, findings, locale: config.locale });
  checkedOnce.add(uri);
  const diagnostics = findings.map((f, index) => toDiagnostic(f, config.locale, uri, { version: document.version, index } satisfies DiagnosticData));
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
}

function scheduleDiagnostics(uri: string, delay: number): void {
  const previous = pending.get(uri);
  if (previous) clearTimeout(previous);
  pending.set(
    uri,
    setTimeout(() => {
      pending.delete(uri);
      // Always the newest version: stale ones are never published.
      if (documents.get(uri)) {
        publishDiagnostics(uri).catch((error) => connection.console.error(`diagnostics for ${uri} failed: ${(error as Error)?.stack ?? String(error)}`));
      }
    }, delay),
  );
}

/** Settings or a project file changed: every open report is checked again at once. */
function republishAll(): void {
  for (const document of documents.all()) scheduleDiagnostics(document.uri, 0);
}

// Fired on open as well as on every change: a newly opened document is checked at once, edits are debounced.
documents.onDidChangeContent((e) => scheduleDiagnostics(e.document.uri, checkedOnce.has(e.document.uri) ? DIAGNOSTICS_DEBOUNCE_MS : OPEN_DIAGNOSTICS_DELAY_MS));
documents.onDidClose((e) => {
  const uri = e.document.uri;
  checkedOnce.delete(uri);
  reportStatuses.forget(uri);
  largeDocumentsNotified.delete(uri);
  const timer = pending.get(uri);
  if (timer) clearTimeout(timer);
  pending.delete(uri);
  published.delete(uri);
  publishGeneration.delete(uri);
  configs.forget(uri);
  service.forget(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((params) => {
  configs.settingsChanged(params.settings);
  republishAll();
});

connection.onDidChangeWatchedFiles((params) => {
  if (!params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) return;
  forgetProjectConfig();
  republishAll();
});

connection.onCodeAction(async (params) => {
  try {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const config = await configs.resolve(document.uri);
    // The document may have changed while the configuration was read.
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return [];
    return codeActions({
      params,
      document: current,
      published: published.get(current.uri),
      canIgnore: config.filePath !== undefined,
      documentChanges: supportsDocumentChanges,
      fixAllEdits: () => fixAllEdits(current, config),
    });
  } catch (error) {
    connection.console.error(`codeAction failed: ${(error as Error)?.stack ?? String(error)}`);
    return [];
  }
});

/** Fix-all as edits of the text the editor holds: the fixes themselves after one pass, or one edit over
 * the changed span when a renumbering made further passes necessary. */
function fixAllEdits(document: TextDocument, config: DocumentConfig): TextEdit[] {
  const text = document.getText();
  const check = (t: string) => (t === text ? visibleFindings(document, config) : checkReportText(t, config.options, config.config, config.project?.relativeFile));
  const result = fixAll(text, check);
  if (result.passes === 0) return [];
  if (result.passes === 1) return result.applied.flatMap((c) => c.fix.edits);
  const edit = replacementEdit(text, result.text);
  return edit ? [edit] : [];
}

connection.onExecuteCommand(async (params) => {
  if (params.command !== IGNORE_FINDING_COMMAND) return null;
  const args = params.arguments?.[0] as Partial<IgnoreFindingArgs> | undefined;
  const reportPath = typeof args?.uri === 'string' ? toFilePath(args.uri) : undefined;
  if (!args || !reportPath || typeof args.rule !== 'string' || typeof args.text !== 'string') return null;
  // The nearest project file, else a new one at the top of the workspace folder holding the report. Written only
  // inside that folder (or, for a report in no workspace folder, beside the report): a project file found above
  // it belongs to someone else.
  const folder = workspaceFolderOf(reportPath);
  const target = findProjectConfig(reportPath) ?? path.join(folder ?? path.dirname(reportPath), CONFIG_FILE_NAME);
  try {
    const result = addIgnoredFinding(target, {
      rule: args.rule, reportPath, text: args.text, line: typeof args.line === 'number' ? args.line : undefined,
      within: [folder ?? path.dirname(reportPath)],
    });
    republishAll();
    return result;
  } catch (error) {
    const message = error instanceof WriteRefused ? localize(error.reason, clientLocale) : (error as Error)?.message ?? String(error);
    connection.console.error(`ignoreFinding failed: ${message}`);
    const text = clientLocale === 'en' ? `GovReport: could not record the ignored finding in ${target}: ${message}` : `GovReport：无法把忽略的问题写入 ${target}：${message}`;
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: text });
    return null;
  }
});

function workspaceFolderOf(file: string): string | undefined {
  return access.workspaceFolders.filter((folder) => isInside(path.resolve(file), folder)).sort((a, b) => b.length - a.length)[0];
}

connection.onDocumentSymbol(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  if (leftAlone(document.uri)) return [];
  // The locale names the tables (「表三 …」 / "Table 3: …").
  const config = await configs.resolve(document.uri);
  const current = documents.get(document.uri);
  return current ? documentSymbols(service.model(current), config.locale) : null;
});

connection.onFoldingRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  if (document && leftAlone(document.uri)) return [];
  return document ? foldingRanges(service.model(document)) : null;
});

connection.onHover(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || leftAlone(document.uri)) return null;
  const config = await configs.resolve(document.uri);
  const current = documents.get(document.uri);
  return current ? hover(service.model(current), params.position, config.locale, config.options.profile, largeDocument(current, config)) : null;
});

connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || leftAlone(document.uri)) return null;
  const config = await configs.resolve(document.uri);
  const current = documents.get(document.uri);
  return current ? completion(service.model(current), params.position, config.locale, config.options) : null;
});

connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
  configs.trustGranted();
  republishAll();
});

connection.onNotification(USER_OPENED_FILE_NOTIFICATION, (params: { uri?: unknown }) => {
  const file = typeof params?.uri === 'string' ? filePathOf(params.uri) : undefined;
  if (file) access.userOpened(file);
});

/** The files checked in the latest workspace check, by device and inode: one reached again through a link is
 * not checked twice. Only the latest session is kept. */
let checkSession: { id: string; seen: Set<string> } | undefined;

connection.onRequest(CHECK_FILES_REQUEST, async (params: CheckFilesParams, token: CancellationToken): Promise<CheckFilesResult> => {
  const result: CheckFilesResult = { checked: 0, withProblems: 0, problems: noProblems(), unreadable: [] };
  const session = typeof params?.session === 'string' ? params.session : undefined;
  if (session !== undefined && checkSession?.id !== session) checkSession = { id: session, seen: new Set() };
  const seen = session !== undefined ? checkSession!.seen : new Set<string>();
  for (const uri of Array.isArray(params?.uris) ? params.uris : []) {
    if (token.isCancellationRequested || lifecycle.shutDown) break;
    if (typeof uri !== 'string') continue;
    const target = publishedUriOf(uri);
    // A file of the extension itself (a developer's checkout opened as the workspace): no report.
    if (leftAlone(uri)) {
      countFindings(result, []);
      continue;
    }
    // An open report has live diagnostics already: it is not read again, but its findings count as they are shown.
    const open = documents.get(uri) ?? documents.get(target);
    if (open) {
      const file = filePathOf(uri);
      const identity = file !== undefined ? fileIdentity(file) : undefined;
      if (identity !== undefined) seen.add(identity);
      const current = documents.get(open.uri);
      // What the Problems view shows for this version, when it was published already; else checked now.
      const shown = published.get(open.uri);
      if (current && shown?.version === current.version) countFindings(result, shown.findings);
      else countFindings(result, current ? visibleFindings(current, await configs.resolve(current.uri)) : []);
      continue;
    }
    // Checked before anything near the file is looked at, its project file included.
    const allowed = access.check(uri);
    if ('error' in allowed) {
      result.unreadable.push({ uri, reason: localize(allowed.error, (await configs.resolve('')).locale) });
      continue;
    }
    const config = await configs.resolve(uri);
    // The same file under another name (a link): its findings are shown once, under the first name.
    const identity = fileIdentity(allowed.path);
    if (identity !== undefined) {
      if (seen.has(identity)) {
        result.checked++;
        continue;
      }
      seen.add(identity);
    }
    const read = await readReport(allowed.path, readLimits(config.config.maxFileSize));
    if ('reason' in read) {
      result.unreadable.push({ uri, reason: localize(read.reason, config.locale) });
      continue;
    }
    const findings = checkReportText(read.text, config.options, config.config, config.project?.relativeFile);
    void connection.sendDiagnostics({ uri: target, diagnostics: findings.map((f) => toDiagnostic(f, config.locale, target)) });
    countFindings(result, findings);
    // Between files, let the editor's own requests through.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
});

function fileIdentity(file: string): string | undefined {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

async function extractedText(params: ExtractedTextParams): Promise<{ text: string } | { error: string }> {
  const uri = typeof params?.uri === 'string' ? params.uri : '';
  const config = await configs.resolve('error' in access.check(uri) ? '' : uri);
  const read = await readReportText(uri, access, readLimits(config.config.maxFileSize));
  return 'error' in read ? { error: localize(read.error, config.locale) } : { text: read.text };
}
connection.onRequest(EXTRACTED_TEXT_REQUEST, extractedText);
connection.onRequest(DOCX_TEXT_REQUEST, extractedText);

connection.onRequest(FIGURES_REQUEST, async (params: FiguresParams) => {
  const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
  if (!document || leftAlone(document.uri)) return null;
  const config = await configs.resolve(document.uri);
  const current = documents.get(document.uri);
  if (!current) return null;
  const large = largeDocument(current, config) ? { characters: current.getText().length, threshold: largeDocumentThreshold(config) } : undefined;
  return figuresResult(service.model(current), config.locale, large);
});

connection.onRequest(COMPARE_REPORTS_REQUEST, async (params: CompareReportsParams): Promise<CompareReportsResponse> => {
  // This year's report sets the profile and the language, as it does for its diagnostics (when it may be read).
  const current = typeof params?.current === 'string' ? params.current : '';
  const config = await configs.resolve('error' in access.check(current) ? '' : current);
  const limits = readLimits(config.config.maxFileSize);
  return compareReportsRequest(
    params,
    (uri) => { const open = documents.get(uri); return open ? service.model(open) : undefined; },
    (uri) => readReportText(uri, access, limits),
    config.options,
    config.locale,
  );
});

connection.onRequest(COVERAGE_REQUEST, async (params: CoverageParams) => {
  const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
  if (!document) return null;
  // Its words in the settings' language: the document's own configuration is not looked for.
  if (leftAlone(document.uri)) return notReportResult(document.version, (await configs.resolve('')).locale);
  const config = await configs.resolve(document.uri);
  const current = documents.get(document.uri);
  return current ? coverageResult(service.model(current), config.locale) : null;
});

documents.listen(connection);
connection.listen();
