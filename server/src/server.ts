// The GovReport language server: a thin LSP adapter over the core. Start it with `--stdio` from any
// editor, or over node IPC from the VS Code client. It analyses every document it is sent, whatever the
// language id, and stays silent on text the core does not recognise as a report.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createReportService, type Locale } from './core/index';
import { toDiagnostic } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { documentSymbols } from './features/symbols';

/** Diagnostics wait this long after the last keystroke, so that typing is never slowed by checking. */
const DIAGNOSTICS_DEBOUNCE_MS = 150;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createReportService();
let locale: Locale = 'zh';
const pending = new Map<string, NodeJS.Timeout>();
/** Documents whose diagnostics were published at least once since they were opened. */
const checkedOnce = new Set<string>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = pickLocale(params);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'GovReport' },
      foldingRangeProvider: true,
    },
    serverInfo: { name: 'govreport-language-server', version: '0.1.0' },
  };
});

function pickLocale(params: InitializeParams): Locale {
  const fromOptions = (params.initializationOptions as { locale?: string } | undefined)?.locale;
  const tag = (fromOptions ?? params.locale ?? 'zh').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'zh';
}

function publishDiagnostics(document: TextDocument): void {
  const findings = service.check(document);
  const model = service.model(document);
  const diagnostics = model.isReport ? findings.map((f) => toDiagnostic(f, locale, document.uri)) : [];
  checkedOnce.add(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

function scheduleDiagnostics(document: TextDocument, delay: number): void {
  const previous = pending.get(document.uri);
  if (previous) clearTimeout(previous);
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) publishDiagnostics(current); // always the newest version: stale ones are never published
    }, delay),
  );
}

// Fired on open as well as on every change: a newly opened document is checked at once, edits are debounced.
documents.onDidChangeContent((e) => scheduleDiagnostics(e.document, checkedOnce.has(e.document.uri) ? DIAGNOSTICS_DEBOUNCE_MS : 0));
documents.onDidClose((e) => {
  checkedOnce.delete(e.document.uri);
  const timer = pending.get(e.document.uri);
  if (timer) clearTimeout(timer);
  pending.delete(e.document.uri);
  service.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? documentSymbols(service.model(document)) : null;
});

connection.onFoldingRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? foldingRanges(service.model(document)) : null;
});

documents.listen(connection);
connection.listen();
