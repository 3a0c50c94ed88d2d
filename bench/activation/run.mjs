#!/usr/bin/env node
// Activation of GovReport in a real VS Code: code-server 4.100.3 (VS Code 1.100.3, web workbench + Node
// extension host) from .tools/code-server, driven by headless Chromium through playwright-core — the same
// machinery as test/e2e/run-code-server.mjs (whose setup.sh installs it), reduced to what timing needs:
//
//   code-server once → for each of RUNS window loads: a fresh page (a fresh extension host) whose
//   extensionTestsPath is bench/activation/suite.cjs, which activates the extension through the API and times
//   it (see suite.cjs), opens the Running Extensions editor, and waits; this runner then reads VS Code's own
//   figure for GovReport there ("Activation: N ms" = code loading + activate() call), and lets the suite end.
//
// Prints a JSON object: { vscode, runs: [{ activateMs, selfReportedMs, serverReadyMs, firstSymbolsMs,
// vscodeActivationMs, … }] } — or { error }. The extension must be built (dist/client.js, dist/server.js).
//
//   node bench/activation/run.mjs [runs]
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.argv[2]) || 3;
const DEADLINE_MS = 240_000;
const RUN_TIMEOUT_MS = 90_000;
const CHROMIUM = '/usr/bin/chromium';
const codeServerEntry = path.join(root, '.tools', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const suite = path.join(root, 'bench', 'activation', 'suite.cjs');
const log = (s) => process.stderr.write(`[activation] ${s}\n`);

let server;
let browser;
let tmp;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(what, probe, timeoutMs, intervalMs = 50) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`code-server exited (${server.exitCode}) while waiting for ${what}`);
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Kills code-server's process group (it was started detached, so the group is its own) and its descendants. */
function stopServer() {
  if (!server?.pid) return;
  const descendants = [];
  const children = new Map();
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(e));
    } catch { /* gone */ }
  }
  const queue = [server.pid];
  while (queue.length) for (const c of children.get(queue.shift()) ?? []) { descendants.push(c); queue.push(c); }
  try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
  for (const p of descendants) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
}

async function main() {
  if (!fs.existsSync(codeServerEntry)) {
    log('code-server is not installed: running test/e2e/setup.sh');
    const r = spawnSync('bash', [path.join(root, 'test', 'e2e', 'setup.sh')], { cwd: root, stdio: ['ignore', 2, 2] });
    if (r.status !== 0 || !fs.existsSync(codeServerEntry)) throw new Error(`code-server is not available (test/e2e/setup.sh exited ${r.status})`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  for (const f of ['client.js', 'server.js']) if (!fs.existsSync(path.join(root, 'dist', f))) throw new Error(`dist/${f} is missing: build first`);

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-bench-activation-'));
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions'); // must exist, or the extension under development is not loaded
  const workspace = path.join(tmp, 'workspace');
  const results = path.join(tmp, 'results');
  for (const d of [userData, extensions, workspace, results, path.join(userData, 'User'), ...['xdg-config', 'xdg-data', 'xdg-cache'].map((d) => path.join(tmp, d))]) fs.mkdirSync(d, { recursive: true });
  fs.copyFileSync(path.join(root, 'seeds', '003_762afae05cecc87d.txt'), path.join(workspace, '003_762afae05cecc87d.txt'));
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true, 'update.mode': 'none', 'security.workspace.trust.enabled': false,
    'chat.commandCenter.enabled': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));

  const port = await freePort();
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  Object.assign(env, {
    GOVREPORT_BENCH_ACTIVATION_DIR: results,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    EXTENSIONS_GALLERY: '{}',
  });
  log('starting code-server');
  let serverLog = '';
  server = spawn(process.execPath, [
    codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData,
    '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', workspace,
  ], { cwd: tmp, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const s of [server.stdout, server.stderr]) s.on('data', (d) => { serverLog = (serverLog + d).slice(-20_000); });
  await waitFor('code-server to listen', () => /HTTP server listening on/.test(serverLog), 60_000);

  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
  });
  const authority = `127.0.0.1:${port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${root}`],
    ['extensionTestsPath', `vscode-remote://${authority}${suite}`],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const runs = [];
  let vscodeVersion;
  for (let k = 0; k < RUNS; k++) {
    log(`window ${k + 1}/${RUNS}`);
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const t = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const file = path.join(results, `results-${k}.json`);
    await waitFor(`the suite's results (window ${k + 1})`, () => fs.existsSync(file), RUN_TIMEOUT_MS);
    const run = JSON.parse(fs.readFileSync(file, 'utf8'));
    run.windowToResultsMs = Date.now() - t;
    vscodeVersion ??= run.vscode;
    // VS Code's own figure, as the Running Extensions editor shows it.
    try {
      const row = page.locator('.monaco-list-row', { hasText: /govreport/i }).filter({ has: page.locator('.activation-time') }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      const text = await page.waitForFunction(() => {
        for (const r of document.querySelectorAll('.monaco-list-row')) {
          if (!/govreport/i.test(r.textContent ?? '')) continue;
          const a = r.querySelector('.activation-time')?.textContent ?? '';
          if (/\d+\s*ms/.test(a)) return a;
        }
        return undefined;
      }, undefined, { timeout: 15_000 }).then((h) => h.jsonValue());
      run.vscodeActivationText = text;
      run.vscodeActivationMs = Number(/(\d+)\s*ms/.exec(text)?.[1]);
    } catch (e) {
      run.vscodeActivationError = String(e.message).split('\n')[0];
    }
    fs.writeFileSync(path.join(results, `done-${k}.json`), '{}\n');
    await new Promise((r) => setTimeout(r, 500));
    await context.close().catch(() => {});
    runs.push(run);
  }
  return { vscode: vscodeVersion, runs };
}

const deadline = setTimeout(() => {
  process.stdout.write(JSON.stringify({ error: `no result within ${DEADLINE_MS / 1000} s` }) + '\n');
  stopServer();
  process.exit(1);
}, DEADLINE_MS);
let output;
try {
  output = await main();
} catch (e) {
  output = { error: String(e?.message ?? e).split('\n')[0] };
}
clearTimeout(deadline);
await browser?.close().catch(() => {});
stopServer();
if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
process.stdout.write(JSON.stringify(output) + '\n');
process.exit(output.error ? 1 : 0);
