// Runs inside VS Code's extension host as the `extensionTestsPath` of bench/activation/run.mjs: activates
// GovReport through the public API and times it, then waits for the runner to read VS Code's own figure from
// the Running Extensions editor. Plain CommonJS: nothing to bundle, only `vscode` and Node built-ins.
//
 // Before activating, it waits (at most SETTLE_MAX_MS) until the machine is no longer busy starting the
// workbench (CPU use from /proc/stat below SETTLE_BUSY over two 250 ms windows): a report is opened after start-up.
//
// Writes <GOVREPORT_BENCH_ACTIVATION_DIR>/results-<k>.json (k: the first free index, one per window load):
//   settleMs, busy     how long it waited for a quiet machine, and the CPU use (0–1) of the last window
//   wasActive          whether anything had activated GovReport before (it should not have)
//   activateMs         wall-clock of `await extension.activate()`: loading dist/client.js and running activate()
//   selfReportedMs     what activate() reports of its own body (GovReportApi.activationMs)
//   serverReadyMs      from the start of activation until the language client reports the server started
//   firstSymbolsMs     from opening a seed report until `vscode.executeDocumentSymbolProvider` returns symbols
//   firstSymbolsFromActivationMs   the same, counted from the start of activation
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'govreport.govreport';
const SEED = '003_762afae05cecc87d.txt';

function writeJson(file, value) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

async function poll(what, probe, timeoutMs, intervalMs = 10) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const SETTLE_MAX_MS = 10_000;
const SETTLE_BUSY = 0.6;

function cpuTimes() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + (f[4] || 0);
  return { idle, total: f.reduce((a, b) => a + b, 0) };
}

/** Waits until two consecutive 250 ms windows show CPU use below SETTLE_BUSY; returns { settleMs, busy }. */
async function settle() {
  const t = performance.now();
  let quiet = 0;
  let busy = 1;
  while (performance.now() - t < SETTLE_MAX_MS) {
    const a = cpuTimes();
    await new Promise((r) => setTimeout(r, 250));
    const b = cpuTimes();
    busy = b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : 0;
    quiet = busy < SETTLE_BUSY ? quiet + 1 : 0;
    if (quiet >= 2) break;
  }
  return { settleMs: Math.round(performance.now() - t), busy: Math.round(busy * 100) / 100 };
}

exports.run = async function run() {
  const dir = process.env.GOVREPORT_BENCH_ACTIVATION_DIR;
  if (!dir) throw new Error('GOVREPORT_BENCH_ACTIVATION_DIR is not set');
  let k = 0;
  while (fs.existsSync(path.join(dir, `results-${k}.json`))) k++;
  const result = { vscode: vscode.version, index: k };
  try {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
    result.wasActive = extension.isActive;
    try {
      Object.assign(result, await settle());
    } catch {
      // no /proc/stat: no wait
    }
    const t0 = performance.now();
    const api = await extension.activate();
    result.activateMs = performance.now() - t0;
    result.selfReportedMs = api && api.activationMs;
    if (api && api.ready) {
      await api.ready;
      result.serverReadyMs = performance.now() - t0;
    }
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    if (!folder) throw new Error('no workspace folder');
    const t1 = performance.now();
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, SEED));
    await vscode.window.showTextDocument(document, { preview: false });
    const symbols = await poll('document symbols', async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
      return s && s.length > 0 ? s : undefined;
    }, 60_000);
    result.firstSymbolsMs = performance.now() - t1;
    result.firstSymbolsFromActivationMs = performance.now() - t0;
    result.symbols = symbols.length;
    await vscode.commands.executeCommand('workbench.action.showRuntimeExtensions');
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  writeJson(path.join(dir, `results-${k}.json`), result);
  // Keep the extension host (and the Running Extensions editor) alive until the runner has read it.
  const done = path.join(dir, `done-${k}.json`);
  await poll('the runner', async () => (fs.existsSync(done) ? true : undefined), 30_000, 50).catch(() => {});
};
