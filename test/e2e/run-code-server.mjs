#!/usr/bin/env node
// `npm run test:e2e`: runs the end-to-end mocha suite (test/e2e/suite) inside a real VS Code 1.100 on this
// machine — code-server's web workbench with its Node extension host, driven by headless Debian Chromium
// through playwright-core — then takes the screenshots the suite asks for. See test/e2e/README.md.
//
// Steps: setup.sh (idempotent) -> `npm run package` (the .vsix users get) -> bundle the suite -> temp
// user-data/extensions dirs and a temp workspace (seeds/ and the 政府信息公开 corpus report, see copyWorkspace) ->
// code-server --install-extension <the .vsix> -> code-server on a free loopback port -> Chromium opens the
// workbench with the extension-test payload -> wait for the suite's results file -> print a summary -> screenshot
// handshake -> stop everything. The suite exercises the installed package, not the repository's folder.
// Environment knobs: GOVREPORT_E2E_TIMEOUT_MS (overall deadline, default 300000), GOVREPORT_E2E_KEEP_TMP=1
// (keep the temp dir for inspection).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { vsixFile } from '../../scripts/package.mjs';
import { bundleSuite, copyWorkspace, printResults, repoRoot } from './bundle-suite.mjs';

const OVERALL_TIMEOUT_MS = Number(process.env.GOVREPORT_E2E_TIMEOUT_MS) || 300_000;
const SERVER_START_TIMEOUT_MS = 60_000;
const WORKBENCH_TIMEOUT_MS = 60_000;
const SCREENSHOT_STEP_TIMEOUT_MS = 30_000;
const PACKAGE_TIMEOUT_MS = 180_000;
const INSTALL_TIMEOUT_MS = 120_000;
const EXTENSION_ID = 'govreport.govreport';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const toolsDir = path.join(repoRoot, '.tools', 'code-server');
const codeServerEntry = path.join(toolsDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const outputDir = path.join(repoRoot, 'test-results', 'e2e');

const started = Date.now();
const deadline = started + OVERALL_TIMEOUT_MS;
/** What the runner is doing now, for timeout messages. */
let currentStep = 'starting';
/** @type {import('node:child_process').ChildProcess | undefined} */
let server;
let serverExit; // { code, signal } once code-server has exited
const serverLog = [];
let serverLogStream;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {import('playwright-core').Page | undefined} */
let page;
const browserLog = [];
let tmpDir;
let cleanedUp = false;

class E2EError extends Error {}

function step(name) {
  if (stopReason) throw stopReason; // the run is being stopped: start nothing new
  currentStep = name;
  console.log(`[e2e] ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function remaining() {
  return deadline - Date.now();
}

/** Polls `condition` until it returns a truthy value; fails with `what` after `timeoutMs` (capped by the overall deadline). */
async function waitUntil(what, condition, timeoutMs = remaining(), intervalMs = 100) {
  const until = Math.min(Date.now() + timeoutMs, deadline);
  for (;;) {
    if (stopReason) throw stopReason;
    const value = await condition();
    if (value) return value;
    if (serverExit) throw new E2EError(`code-server exited (${JSON.stringify(serverExit)}) while waiting for ${what}`);
    if (Date.now() >= until) {
      const overall = until === deadline ? ` (overall e2e deadline of ${OVERALL_TIMEOUT_MS / 1000} s)` : '';
      throw new E2EError(`timed out waiting for ${what}${overall}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function tail(lines, n = 40) {
  return lines.join('').split('\n').slice(-n).join('\n');
}

function printDiagnostics() {
  console.error('\n[e2e] --- last lines of the code-server log ---');
  console.error(tail(serverLog) || '(empty)');
  const exthostLogs = findFiles(path.join(tmpDir ?? '/nonexistent', 'user-data', 'logs'), (f) => /(remoteexthost|GovReport)\.log$/.test(f));
  for (const f of exthostLogs) {
    console.error(`\n[e2e] --- last lines of ${path.relative(tmpDir, f)} ---`);
    console.error(tail([fs.readFileSync(f, 'utf8')], 30));
  }
  const errors = browserLog.filter((l) => /^\[(error|pageerror)\]/.test(l));
  if (errors.length) {
    console.error('\n[e2e] --- browser console errors (last 15) ---');
    console.error(errors.slice(-15).join('\n'));
  }
  console.error('');
}

/** True once VS Code's extension host log says it exited (normally only after run() has settled). */
function extensionHostExited(userDataDir) {
  const logs = findFiles(path.join(userDataDir, 'logs'), (f) => f.endsWith('remoteexthost.log'));
  return logs.some((f) => /Extension host with pid \d+ exiting/.test(fs.readFileSync(f, 'utf8')));
}

function findFiles(dir, match) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => match(f) && fs.statSync(f).isFile());
}

// ---------------------------------------------------------------------------------------------------------
// Process cleanup: code-server runs in its own process group; everything it started (extension host, the
// language server, pty host, file watchers) is killed with it, including descendants that left the group.

function descendantsOf(rootPid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process is gone
    }
  }
  const out = [];
  const queue = [rootPid];
  while (queue.length) {
    for (const c of children.get(queue.shift()) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function signalTree(pid, pids, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // group already empty
  }
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      // already gone
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopServer() {
  if (!server?.pid) return;
  const pid = server.pid;
  const tree = [pid, ...descendantsOf(pid)];
  console.log(`[e2e] stopping code-server and its ${tree.length - 1} child processes`);
  signalTree(pid, tree, 'SIGTERM');
  const gone = () => tree.every((p) => !isAlive(p));
  const until = Date.now() + 10_000;
  while (!gone() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  // Whatever ignored SIGTERM, or was started while stopping.
  signalTree(pid, [...tree, ...descendantsOf(pid)], 'SIGKILL');
  const hardUntil = Date.now() + 5_000;
  while (!gone() && Date.now() < hardUntil) await new Promise((r) => setTimeout(r, 50));
  const left = tree.filter(isAlive);
  if (left.length) console.error(`[e2e] warning: processes still alive after SIGKILL: ${left.join(' ')}`);
}

async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (browser) {
    await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000).unref())]);
  }
  await stopServer();
  serverLogStream?.end();
  if (tmpDir) {
    // Keep the VS Code logs next to the results: they explain most failures.
    const logs = path.join(tmpDir, 'user-data', 'logs');
    if (fs.existsSync(logs)) {
      fs.rmSync(path.join(outputDir, 'vscode-logs'), { recursive: true, force: true });
      fs.cpSync(logs, path.join(outputDir, 'vscode-logs'), { recursive: true });
    }
    if (browserLog.length) fs.writeFileSync(path.join(outputDir, 'browser-console.log'), browserLog.join('\n') + '\n');
    if (process.env.GOVREPORT_E2E_KEEP_TMP === '1') console.log(`[e2e] kept ${tmpDir}`);
    else fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

// Last resort when the runner exits in an unexpected way: no code-server left behind.
process.on('exit', () => {
  if (server?.pid) signalTree(server.pid, descendantsOf(server.pid), 'SIGKILL');
});

// ---------------------------------------------------------------------------------------------------------

async function main() {
  step('setup: test/e2e/setup.sh');
  const setup = spawnSync('bash', [path.join(repoRoot, 'test', 'e2e', 'setup.sh')], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (setup.status !== 0) throw new E2EError(`test/e2e/setup.sh failed (exit ${setup.status ?? setup.signal})`);
  if (!fs.existsSync(codeServerEntry)) throw new E2EError(`code-server is not installed at ${codeServerEntry}`);
  if (!fs.existsSync(CHROMIUM)) throw new E2EError(`${CHROMIUM} is missing (Debian package chromium)`);

  step('package the extension: npm run package');
  const vsix = packageExtension();

  step('bundle the suite into dist/test/e2e');
  const testsIndex = await bundleSuite();

  fs.mkdirSync(outputDir, { recursive: true });
  for (const f of fs.readdirSync(outputDir)) {
    if (f.endsWith('.png') || f === 'results.json') fs.rmSync(path.join(outputDir, f));
  }
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-'));
  const userDataDir = path.join(tmpDir, 'user-data');
  const extensionsDir = path.join(tmpDir, 'extensions'); // must exist, or the extension is silently not loaded
  // The test payload must name a folder under development: an empty one, so that GovReport is the installed one.
  const noDevelopmentExtension = path.join(tmpDir, 'no-extension-under-development');
  const workspace = path.join(tmpDir, 'workspace', 'seeds');
  const handshakeDir = path.join(tmpDir, 'handshake');
  const resultsFile = path.join(tmpDir, 'results.json');
  for (const d of [userDataDir, extensionsDir, noDevelopmentExtension, handshakeDir, ...['xdg-config', 'xdg-data', 'xdg-cache'].map((d) => path.join(tmpDir, d))]) {
    fs.mkdirSync(d, { recursive: true });
  }
  copyWorkspace(workspace);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'chat.commandCenter.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'outline.collapseItems': 'alwaysExpand',
        // The web workbench saves after a second by default: the tests' edits to the seeds must stay unsaved,
        // so that reverting them leaves each seed as it was for the next suite.
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );

  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  Object.assign(env, {
    GOVREPORT_E2E_RESULTS: resultsFile,
    GOVREPORT_E2E_HANDSHAKE_DIR: handshakeDir,
    GOVREPORT_E2E_VSIX: vsix, // the suite compares the installed extension with it
    XDG_CONFIG_HOME: path.join(tmpDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmpDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmpDir, 'xdg-cache'),
    EXTENSIONS_GALLERY: '{}', // no marketplace: nothing to look up outside this machine
  });

  step(`install ${path.relative(repoRoot, vsix)} into code-server`);
  installExtension(vsix, { userDataDir, extensionsDir, env });

  step('start code-server');
  const port = await freePort();
  serverLogStream = fs.createWriteStream(path.join(outputDir, 'code-server.log'));
  server = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      workspace,
    ],
    { cwd: tmpDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  for (const stream of [server.stdout, server.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      serverLog.push(chunk);
      if (serverLog.length > 2000) serverLog.splice(0, 1000);
      serverLogStream.write(chunk);
    });
  }
  server.on('error', (err) => (serverExit = { error: err.message }));
  server.on('exit', (code, signal) => (serverExit = { code, signal }));
  await waitUntil(
    `code-server to listen on 127.0.0.1:${port}`,
    () => /HTTP server listening on/.test(serverLog.join('')),
    SERVER_START_TIMEOUT_MS,
  );

  step('open the workbench in headless Chromium');
  const { chromium } = await import('playwright-core');
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
      // Chromium's crash reporter would otherwise write into ~/.config/chromium.
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmpDir, 'xdg-config'), XDG_CACHE_HOME: path.join(tmpDir, 'xdg-cache') },
      // Signals are handled here (one cleanup path); playwright still kills Chromium if the runner dies.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (err) {
    throw new E2EError(`Chromium failed to start: ${err.message}`);
  }
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US' });
  page = await context.newPage();
  let pageCrashed = false;
  page.on('crash', () => (pageCrashed = true));
  page.on('console', (m) => browserLog.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => browserLog.push(`[pageerror] ${e.message}`));

  const authority = `127.0.0.1:${port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${noDevelopmentExtension}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsIndex}`],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT_MS });
    await page.waitForSelector('.monaco-workbench', { timeout: Math.min(WORKBENCH_TIMEOUT_MS, remaining()) });
  } catch (err) {
    throw new E2EError(`the VS Code workbench did not load: ${err.message.split('\n')[0]}`);
  }

  step('run the suite in the extension host');
  const asks = { next: 0 };
  await waitUntil('the suite to write its results', async () => {
    if (fs.existsSync(resultsFile)) return true;
    await serveAsks(page, handshakeDir, asks);
    if (pageCrashed) throw new E2EError('the workbench page crashed');
    if (extensionHostExited(userDataDir) && !fs.existsSync(resultsFile)) {
      throw new E2EError('the extension host exited before the suite wrote its results (see remoteexthost.log below)');
    }
    return false;
  });
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  fs.copyFileSync(resultsFile, path.join(outputDir, 'results.json'));
  const counts = printResults(results, 'code-server');

  const shots = results.screenshots ?? [];
  for (const [i, shot] of shots.entries()) {
    step(`screenshot ${shot.name}`);
    const name = `screenshot ${shot.name}`;
    try {
      await waitUntil(`the suite's screenshot request ${i}`, () => fs.existsSync(path.join(handshakeDir, `request-${i}.json`)), SCREENSHOT_STEP_TIMEOUT_MS);
      const file = await takeScreenshot(page, shot);
      console.log(`  ✔ ${name}: ${path.relative(repoRoot, file)}`);
      counts.passed++;
    } catch (err) {
      console.log(`  ✖ ${name}: ${err.message}`);
      counts.failed++;
    } finally {
      fs.writeFileSync(path.join(handshakeDir, `done-${i}.json`), '{}\n');
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------
// Asks: while a test waits, the runner does in the page what a user would see or do (see askRunner in
// suite/helpers.ts): the test writes <handshake>/ask-<n>.json, the runner answers <handshake>/answer-<n>.json.

/** Answers every ask the suite has written since the last call, in order. */
async function serveAsks(page, handshakeDir, asks) {
  for (;;) {
    const file = path.join(handshakeDir, `ask-${asks.next}.json`);
    if (!fs.existsSync(file)) return;
    const ask = JSON.parse(fs.readFileSync(file, 'utf8'));
    const n = asks.next++;
    let answer;
    try {
      const result = ask.action === 'figures' ? await figuresLayout(page, ask)
        : ask.action === 'hover' ? await hoverLines(page, ask)
          : ask.action === 'coverage' ? await coverageRows(page, ask)
            : ask.action === 'palette' ? await paletteRows(page, ask)
              : undefined;
      if (result === undefined) throw new Error(`unknown action ${ask.action}`);
      answer = { ok: true, result };
    } catch (err) {
      answer = { ok: false, error: err.message.split('\n')[0] };
      // What the page showed when the ask could not be done.
      await page.screenshot({ path: path.join(outputDir, `ask-${n}-${ask.action}-failed.png`) }).catch(() => {});
    }
    const out = path.join(handshakeDir, `answer-${n}.json`);
    fs.writeFileSync(`${out}.tmp`, JSON.stringify(answer));
    fs.renameSync(`${out}.tmp`, out);
  }
}

/**
 * The frame of the 「显示报告数据」 webview whose heading is `title` (and whose text has `waitForText`): a webview is
 * an iframe holding another (#active-frame) with the page; setting new HTML replaces the inner one, so look anew.
 */
async function figuresFrame(page, title, waitForText) {
  let found;
  await waitUntil(`the figures webview of "${title}"${waitForText ? ` showing "${waitForText}"` : ''}`, async () => {
    for (const frame of page.frames()) {
      const ok = await frame.evaluate(([t, w]) => {
        const h1 = document.querySelector('.bar h1');
        return Boolean(h1 && document.getElementById('grid') && h1.textContent === t && (!w || document.body.innerText.includes(w)));
      }, [title, waitForText ?? '']).catch(() => false);
      if (ok) {
        found = frame;
        return true;
      }
    }
    return false;
  }, SCREENSHOT_STEP_TIMEOUT_MS);
  return found;
}

/** The webview's box in the workbench page (the outer iframe's). */
async function webviewBox(frame) {
  const outer = frame.parentFrame() && frame.parentFrame().parentFrame() ? await frame.parentFrame().frameElement() : await frame.frameElement();
  return outer.boundingBox();
}

/** Drags the sash at the webview's left edge so that its editor group is `width` px wide, as a user would. */
async function resizeWebview(page, frame, width) {
  const box = await webviewBox(frame);
  if (!box) throw new Error('the figures webview is not on screen');
  if (Math.abs(box.width - width) <= 4) return;
  const sashes = await page.locator('.part.editor .monaco-sash.vertical').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 })));
  const sash = sashes.find((r) => Math.abs(r.x - box.x) <= 8);
  if (!sash) throw new Error(`no sash at the webview's left edge (x ${box.x.toFixed(0)}; sashes at ${sashes.map((r) => r.x.toFixed(0)).join(', ') || 'none'})`);
  const targetX = box.x + box.width - width;
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(targetX, sash.y, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(300, 12); // rest on the empty title bar: no highlighted sash, no tooltip
  await waitUntil(`the figures webview to be ${width} px wide`, async () => {
    const now = await webviewBox(frame).catch(() => null);
    return now && Math.abs(now.width - width) <= 4;
  }, SCREENSHOT_STEP_TIMEOUT_MS);
}

/** Lays the figures table out at the asked width and measures it from its DOM; saves a picture if asked. */
async function figuresLayout(page, ask) {
  let frame = await figuresFrame(page, ask.title, ask.waitForText);
  if (ask.width) {
    await resizeWebview(page, frame, ask.width);
    frame = await figuresFrame(page, ask.title, ask.waitForText);
  }
  // Two frames: the page's resize handler has measured and built the rows in sight.
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const layout = await frame.evaluate(() => {
    const table = document.querySelector('#grid table');
    const tableBox = table.getBoundingClientRect();
    const shown = (el) => getComputedStyle(el).display !== 'none';
    const columns = {};
    for (const th of document.querySelectorAll('thead th')) {
      const r = th.getBoundingClientRect();
      columns[th.classList[0]] = { header: th.textContent, width: r.width, left: r.left, right: r.right, shown: shown(th) };
    }
    const cutOff = [];
    for (const td of document.querySelectorAll('tbody tr[data-i] td')) {
      if (shown(td) && td.getBoundingClientRect().right > Math.min(tableBox.right, document.documentElement.clientWidth) + 0.5) cutOff.push(td.className);
    }
    const first = document.querySelector('tbody tr[data-i]');
    const firstRow = first && {
      cells: Object.fromEntries([...first.children].filter(shown).map((td) => [td.className, { text: td.textContent, truncated: td.scrollWidth > td.clientWidth }])),
      tooltip: first.title,
    };
    const result = {
      viewport: document.documentElement.clientWidth,
      em: parseFloat(getComputedStyle(document.body).fontSize),
      table: { left: tableBox.left, right: tableBox.right, scrollWidth: table.scrollWidth, clientWidth: table.clientWidth },
      page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
      columns,
      bar: document.querySelector('.bar').innerText,
      builtRows: document.querySelectorAll('tbody tr[data-i]').length,
      values: [...document.querySelectorAll('tbody tr[data-i] td.value')].map((td) => td.textContent),
      sections: [...document.querySelectorAll('tbody tr[data-i] td.section')].map((td) => td.textContent),
      cutOff: [...new Set(cutOff)],
      firstRow,
      headerTopAfterScroll: NaN,
    };
    return result;
  });
  // Scrolled down, the header stays on top.
  layout.headerTopAfterScroll = await frame.evaluate(async () => {
    window.scrollTo(0, Math.min(600, document.documentElement.scrollHeight));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const top = document.querySelector('thead th').getBoundingClientRect().top;
    window.scrollTo(0, 0);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return top;
  });
  if (ask.screenshot) await page.screenshot({ path: path.join(outputDir, `${ask.screenshot}.png`) });
  return layout;
}

/** Waits for the editor's hover with `waitForText`, reads its rendered blocks, saves a picture if asked, closes it. */
async function hoverLines(page, ask) {
  const hover = page.locator('.monaco-editor .monaco-hover').filter({ hasText: ask.waitForText }).first();
  await hover.waitFor({ state: 'visible', timeout: Math.min(ask.timeoutMs ?? SCREENSHOT_STEP_TIMEOUT_MS, SCREENSHOT_STEP_TIMEOUT_MS) });
  // The hover fades in: the picture is taken once its animations (on it or around it) have finished.
  await hover.evaluate((el) => Promise.race([
    Promise.all(document.getAnimations().filter((a) => a.effect?.target && (a.effect.target.contains(el) || el.contains(a.effect.target))).map((a) => a.finished)),
    new Promise((resolve) => setTimeout(resolve, 2_000)),
  ]));
  const blocks = await hover.evaluate((el) => {
    const all = [...el.querySelectorAll('.rendered-markdown p, .rendered-markdown li, .rendered-markdown tr, .rendered-markdown h1, .rendered-markdown h2, .rendered-markdown h3, .rendered-markdown h4')];
    // Innermost blocks only: a list item's paragraph, not the item too.
    return all.filter((b) => !all.some((o) => o !== b && b.contains(o))).map((b) => {
      const r = b.getBoundingClientRect();
      return { tag: b.tagName.toLowerCase(), text: b.innerText.trim(), top: r.top, bottom: r.bottom };
    });
  });
  // Whether it is fully shown in the picture: its opacity times its ancestors'.
  const opacity = await hover.evaluate((el) => {
    let product = 1;
    for (let e = el; e; e = e.parentElement) product *= Number(getComputedStyle(e).opacity);
    return product;
  });
  if (ask.screenshot) await page.screenshot({ path: path.join(outputDir, `${ask.screenshot}.png`) });
  await page.keyboard.press('Escape');
  return { blocks, opacity };
}

/** The rows of the 「纲要覆盖情况」 view (which the test has focused) once one shows `waitForText`; a picture if asked. */
async function coverageRows(page, ask) {
  const tree = page.locator('.part.sidebar .customview-tree').filter({ hasText: ask.waitForText }).first();
  await tree.waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
  const rows = await tree.locator('.monaco-list-row').evaluateAll((els) => els.map((row) => ({
    label: row.querySelector('.label-name')?.textContent ?? '',
    description: row.querySelector('.label-description')?.textContent ?? '',
  })));
  // The view's title as its section header shows it.
  const title = await tree.evaluate((el) => el.closest('.pane')?.querySelector('.pane-header .title')?.textContent ?? '');
  if (ask.screenshot) await page.screenshot({ path: path.join(outputDir, `${ask.screenshot}.png`) });
  return { title, rows };
}

/** Types `query` into the command palette (F1) and reads the commands it offers, then closes it. */
async function paletteRows(page, ask) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
  await input.fill(`>${ask.query}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ hasText: ask.waitForText }).first().waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS }).catch(() => {});
  const labels = await rows.evaluateAll((els) => els.map((row) => row.querySelector('.label-name')?.textContent ?? row.textContent ?? ''));
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'hidden', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
  return { labels };
}

/** `npm run package` (production bundles, then vsce); returns the .vsix it wrote. */
function packageExtension() {
  const run = spawnSync('npm', ['run', 'package'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: Math.min(PACKAGE_TIMEOUT_MS, remaining()),
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new E2EError(`npm run package failed (exit ${run.status ?? run.signal}):\n${tail([run.stdout ?? '', run.stderr ?? ''], 30)}`);
  }
  const vsix = vsixFile();
  if (!fs.existsSync(vsix)) throw new E2EError(`npm run package wrote no ${path.relative(repoRoot, vsix)}`);
  console.log(`[e2e] ${path.relative(repoRoot, vsix)}: ${fs.statSync(vsix).size} bytes`);
  return vsix;
}

/**
 * `code-server --install-extension <vsix>` into the run's own extensions and user-data dirs, as a user installs a
 * downloaded .vsix; then checks that the extension's folder is there.
 */
function installExtension(vsix, { userDataDir, extensionsDir, env }) {
  const run = spawnSync(
    process.execPath,
    [codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { cwd: tmpDir, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: Math.min(INSTALL_TIMEOUT_MS, remaining()) },
  );
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0) throw new E2EError(`code-server --install-extension failed (exit ${run.status ?? run.signal}):\n${tail([output], 20)}`);
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const installed = path.join(extensionsDir, `${EXTENSION_ID}-${version}`, 'package.json');
  if (!fs.existsSync(installed)) {
    throw new E2EError(`code-server --install-extension did not install ${EXTENSION_ID} ${version} (no ${installed}):\n${tail([output], 20)}`);
  }
  console.log(`[e2e] installed ${EXTENSION_ID} ${version} into ${path.relative(tmpDir, path.dirname(installed))} of the run's extensions dir`);
}

/** Shows what the request asks for and saves test-results/e2e/<name>.png. */
async function takeScreenshot(page, shot) {
  const file = path.join(outputDir, `${shot.name}.png`);
  if (shot.view === 'outline') {
    await runCommandFromPalette(page, 'Explorer: Focus on Outline View'); // shows the Explorer and the Outline
    await giveViewRoom(page, 'Outline');
    await runCommandFromPalette(page, 'Explorer: Focus on Outline View'); // focus back from the clicked header
    // Symbols, or the view's message ("No symbols found in document ..."), which may be transient while the
    // outline loads: then symbols get a few more seconds.
    const rows = page.locator('.outline-pane .monaco-list-row');
    const message = page.locator('.outline-pane .outline-message');
    let shown = false;
    try {
      await rows.or(message).filter({ visible: true }).first().waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
      await rows.first().waitFor({ state: 'visible', timeout: (await rows.count()) > 0 ? 1_000 : 5_000 });
      shown = true;
    } catch {
      // reported below
    }
    if (!shown) {
      await page.screenshot({ path: file });
      const text = (await message.isVisible()) ? `: "${(await message.innerText()).trim()}"` : '';
      throw new Error(`the Outline view shows no symbols${text} (picture saved anyway: ${path.relative(repoRoot, file)})`);
    }
    if (shot.waitForText) {
      // The outline of the document the suite showed, not of the editor that was active before.
      try {
        await rows.filter({ hasText: shot.waitForText }).first().waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
      } catch {
        await page.screenshot({ path: file });
        throw new Error(`the Outline view shows no "${shot.waitForText}" (picture saved anyway: ${path.relative(repoRoot, file)})`);
      }
    }
  }
  if (shot.view === 'coverage') {
    // The 「纲要覆盖情况」 view (English UI: "Outline-Plan Coverage"), shown while a report is active.
    const focus = 'Explorer: Focus on Outline-Plan Coverage View';
    await runCommandFromPalette(page, focus);
    await giveViewRoom(page, 'Outline-Plan Coverage');
    await runCommandFromPalette(page, focus);
    const rows = page.locator('.monaco-list-row', { hasText: 'Government functions' });
    try {
      await rows.first().waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
    } catch {
      await page.screenshot({ path: file });
      throw new Error(`the coverage view shows no parts (picture saved anyway: ${path.relative(repoRoot, file)})`);
    }
    if (shot.waitForText) {
      // The header names the report the view describes.
      const header = page.locator('.pane-header[aria-label^="Outline-Plan Coverage"] .description', { hasText: shot.waitForText });
      try {
        await header.first().waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
      } catch {
        await page.screenshot({ path: file });
        throw new Error(`the coverage view's header does not name "${shot.waitForText}" (picture saved anyway: ${path.relative(repoRoot, file)})`);
      }
    }
  }
  if (shot.editorTitle) await checkEditorTitle(page, shot.editorTitle, file);
  if (shot.view === 'extension') {
    // The details page the suite opened: the extension's name, and its icon loaded (not the placeholder).
    const header = page.locator('.extension-editor .header');
    try {
      await header.locator('.name', { hasText: 'GovReport' }).first().waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
      await page.waitForFunction(
        () => {
          const icon = document.querySelector('.extension-editor .header img.icon');
          return icon instanceof HTMLImageElement && icon.complete && icon.naturalWidth === 128 && !icon.src.includes('defaultIcon');
        },
        undefined,
        { timeout: SCREENSHOT_STEP_TIMEOUT_MS },
      );
    } catch {
      await page.screenshot({ path: file });
      throw new Error(`the details page shows no GovReport name with its 128×128 icon (picture saved anyway: ${path.relative(repoRoot, file)})`);
    }
  }
  await page.screenshot({ path: file });
  return file;
}

/**
 * The active editor group's title bar as the user sees it: once the tab `tab` is active there, the buttons with
 * the codicons `icons` are all shown (`shown`) or none is. A button is found by its icon, not its title, so that
 * the check holds in either display language.
 */
async function checkEditorTitle(page, { tab, icons, shown }, file) {
  const group = page.locator('.editor-group-container.active');
  const fail = async (why) => {
    await page.screenshot({ path: file });
    throw new Error(`${why} (picture saved anyway: ${path.relative(repoRoot, file)})`);
  };
  try {
    await group.locator('.tab.active', { hasText: tab }).first().waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
  } catch {
    await fail(`the active editor group shows no active tab "${tab}"`);
  }
  for (const icon of icons) {
    const button = group.locator(`.title .editor-actions .codicon-${icon}`);
    if (shown) {
      try {
        await button.first().waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
      } catch {
        await fail(`the title bar of "${tab}" has no $(${icon}) button`);
      }
    } else if ((await button.count()) > 0) {
      await fail(`the title bar of "${tab}" has a $(${icon}) button, and it is no report`);
    }
  }
}

/**
 * Lets one view of the Explorer use the whole side bar: collapses every other section that is open (the folder
 * section above it; views other suites opened, e.g. the comparison with last year) and drags the side bar's edge
 * to the right so that the Chinese headings are not cut off. `view` is the view's title as its section header's
 * aria-label starts ("Outline Section", "Outline-Plan Coverage Section"; with a description, "Outline-Plan
 * Coverage - 001.txt Section").
 */
async function giveViewRoom(page, view) {
  const othersSelector = `.part.sidebar .pane-header[aria-expanded="true"]:not([aria-label^="${view} Section"]):not([aria-label^="${view} - "])`;
  const others = page.locator(othersSelector);
  for (let left = await others.count(); left > 0; left--) {
    await others.first().click();
    await page.waitForFunction(
      ([selector, before]) => document.querySelectorAll(selector).length < before,
      [othersSelector, left],
      { timeout: SCREENSHOT_STEP_TIMEOUT_MS },
    );
  }
  const sidebar = page.locator('.part.sidebar').first();
  const box = await sidebar.boundingBox();
  const targetWidth = 720;
  if (box && box.width < targetWidth) {
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width, y);
    await page.mouse.down();
    await page.mouse.move(box.x + targetWidth, y, { steps: 8 });
    await page.mouse.up();
    await page.mouse.move(300, 12); // rest on the empty title bar: no highlighted sash, no tooltip
    await page.waitForFunction(
      (min) => (document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) >= min,
      targetWidth - 40,
      { timeout: SCREENSHOT_STEP_TIMEOUT_MS },
    );
  }
}

/** F1, type the command's label, wait for it in the list, Enter — as a person would. */
async function runCommandFromPalette(page, label) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: SCREENSHOT_STEP_TIMEOUT_MS });
}

// The run ends in one place, whatever ends it: the suite's results, a failure, the overall deadline, or a signal.
let overallTimer;
let stopReason;
const stopped = new Promise((_, reject) => {
  const stop = (err) => {
    stopReason ??= err;
    reject(err);
  };
  overallTimer = setTimeout(
    () => stop(new E2EError(`overall e2e deadline of ${OVERALL_TIMEOUT_MS / 1000} s passed during: ${currentStep}`)),
    OVERALL_TIMEOUT_MS,
  );
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (stopReason) {
        console.error(`\n[e2e] ${sig} again: killing code-server and exiting`);
        process.exit(130); // the exit handler kills code-server's processes
      }
      stop(new E2EError(`interrupted by ${sig} during: ${currentStep}`));
    });
  }
});

let counts;
let failure;
try {
  counts = await Promise.race([main(), stopped]);
} catch (err) {
  failure = err;
  stopReason ??= err; // main() checks this and starts nothing new
}
clearTimeout(overallTimer);
if (failure) {
  console.error(`\n[e2e] FAILED: ${failure instanceof E2EError ? failure.message : failure.stack ?? failure}`);
  printDiagnostics();
  if (page && !page.isClosed()) {
    const file = path.join(outputDir, 'failure.png');
    await page.screenshot({ path: file, timeout: 10_000 }).then(
      () => console.error(`[e2e] the workbench at the time of the failure: ${path.relative(repoRoot, file)}`),
      () => {},
    );
  }
}
await cleanup();
console.log(`[e2e] done in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${path.relative(repoRoot, outputDir)}/`);
counts ??= { passed: 0, failed: 1, pending: 0 };
if (failure && counts.failed === 0) counts.failed = 1;
console.log(`\n${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
process.exit(counts.failed > 0 || counts.passed === 0 ? 1 : 0);
