// A minimal LSP client for protocol tests: starts dist/server.js over stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type CodeAction, type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams, type Range,
} from 'vscode-languageserver-protocol/node';

export const SERVER_JS = path.resolve(__dirname, '../../dist/server.js');

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly diagnosticWaiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** What `workspace/configuration` answers, by section (e.g. `settings.govreport = { rules: … }`). */
  settings: Record<string, unknown> = {};
  /** Dynamic registrations the server asked for. */
  readonly registrations: { method: string; registerOptions?: any }[] = [];
  /** `window/showMessage` notifications received. */
  readonly messages: { type: number; message: string }[] = [];
  /** `govreport/reportStatus` notifications received: which open documents the server takes for reports. */
  readonly reportStatuses: { uri: string; isReport: boolean }[] = [];
  /** `window/logMessage` notifications received (the server's Output channel). */
  readonly logs: { type: number; message: string }[] = [];
  stderr = '';
  /** The server's exit code, once it has exited. */
  exited: Promise<number | null>;

  constructor(args: string[] = ['--stdio']) {
    this.child = spawn(process.execPath, [SERVER_JS, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (let i = this.diagnosticWaiters.length - 1; i >= 0; i--) {
        const w = this.diagnosticWaiters[i];
        if (w.uri === p.uri && w.predicate(p)) {
          this.diagnosticWaiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section !== undefined ? this.settings[item.section] ?? null : null)));
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: any }[] }) => {
      this.registrations.push(...params.registrations);
      this.notifyChange();
      return null;
    });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
      this.notifyChange();
    });
    this.connection.onNotification('govreport/reportStatus', (p: { uri: string; isReport: boolean }) => {
      this.reportStatuses.push(p);
      this.notifyChange();
    });
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p);
      this.notifyChange();
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  /** Initializes as VS Code would: settings asked for, watched files and configuration registered
   * dynamically, versioned workspace edits, workspace folders that change. */
  async initialize(locale = 'zh-cn', options: { workspaceFolder?: string; initializationOptions?: unknown } = {}): Promise<any> {
    const folderUri = options.workspaceFolder ? pathToFileURL(options.workspaceFolder).href : null;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: path.basename(options.workspaceFolder!) }] : null,
      locale,
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
          executeCommand: { dynamicRegistration: false },
        },
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true },
          synchronization: { didSave: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
            dataSupport: true,
          },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next publishDiagnostics for `uri` that satisfies `predicate` (or one already received,
   * from the `since`-th publication on: pass `mark()` taken before an action to wait for its effect). */
  diagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000, since = 0): Promise<PublishDiagnosticsParams> {
    const already = this.published.slice(since).reverse().find((p) => p.uri === uri && predicate(p));
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.diagnosticWaiters.push({ uri, predicate, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  private readonly changeListeners = new Set<() => void>();

  private notifyChange(): void {
    for (const listener of [...this.changeListeners]) listener();
  }

  /** Resolves with the first non-undefined value of `probe`, tried now and after every registration or
   * message the server sends; rejects after `timeoutMs`. */
  until<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const listener = () => {
        const value = probe();
        if (value === undefined) return;
        clearTimeout(timer);
        this.changeListeners.delete(listener);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.changeListeners.delete(listener);
        reject(new Error(`${what}: not within ${timeoutMs} ms`));
      }, timeoutMs);
      this.changeListeners.add(listener);
    });
  }

  /** A position in the stream of publications, for `diagnostics(…, since)`. */
  mark(): number {
    return this.published.length;
  }

  open(uri: string, text: string, languageId = 'govreport', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: only ? { diagnostics, only } : { diagnostics },
    }) as Promise<CodeAction[]>;
  }

  executeCommand(command: string, args: unknown[]): Promise<any> {
    return this.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  /** Changes what `workspace/configuration` answers and tells the server, as VS Code does. */
  changeSettings(section: string, value: unknown): Promise<void> {
    this.settings[section] = value;
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}
