// A minimal stdio LSP client for the benchmark: spawn a server, send requests and notifications, wait for the
// diagnostics of a given document version, read the server's memory from /proc.
import { spawn } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

export class LspClient {
  /** @param onRequest answers the server's requests (method, params) => result; null by default. */
  constructor(command, args, { onRequest, cwd } = {}) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd });
    this.stderr = '';
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (d) => { if (this.stderr.length < 20_000) this.stderr += d; });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.waiters = [];
    this.lastDiagnostics = new Map();
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      this.lastDiagnostics.set(p.uri, { version: p.version, count: p.diagnostics.length, at });
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version >= w.version)) {
          w.resolve({ params: p, at });
          return false;
        }
        return true;
      });
    });
    this.connection.onRequest((method, params) => (onRequest ? onRequest(method, params) : null));
    this.connection.onNotification(() => {});
    this.connection.onError(() => {});
    this.connection.listen();
  }

  get pid() {
    return this.child.pid;
  }

  async initialize(capabilities = {}) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        textDocument: {
          synchronization: { didSave: false },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          publishDiagnostics: { versionSupport: true },
        },
        ...capabilities,
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /**
   * Resolves with { params, at } when diagnostics for `uri` at `version` (or later) are published — at once if
   * they already were (register before sending the change to time it).
   */
  diagnostics(uri, version, timeoutMs = 120_000) {
    const last = this.lastDiagnostics.get(uri);
    if (last && version !== undefined && last.version !== undefined && last.version >= version) return Promise.resolve({ params: undefined, at: last.at });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (x) => { clearTimeout(timer); resolve(x); } });
    });
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /** The round trip of one request, in ms, and its result. */
  async timed(method, params) {
    const t = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - t, result };
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  /** VmRSS and VmHWM (peak) of the server process, in MB. */
  memory() {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1]);
      return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
    } catch {
      return {};
    }
  }

  async close() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 2000))]);
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** A one-character insertion at (line, character) as an incremental didChange. */
export function insertion(uri, version, line, character, text) {
  return {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
  };
}
