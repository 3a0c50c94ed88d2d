// The extension as it ships: the size of every production bundle dist/*.js (after `node esbuild.mjs
// --production`) and their sum, apart for the bundles loaded in ordinary use (dist/client.js in VS Code,
// dist/server.js for the server and the CLI, dist/cli.js its launcher) and those loaded on demand
// (dist/re2.js for users' own profiles, dist/docx-reader.js for the first .docx a process reads, dist/pdf-reader.js
// for the first PDF); activation in a real VS Code (activation/run.mjs, ACTIVATION_RUNS window
// loads, each a fresh extension host). A failure of the VS Code part is recorded, not thrown.
//
//   node bench/extension.mjs      prints the results as JSON
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { median, round } from './lib/stats.mjs';
import { ROOT } from './inputs.mjs';

export const ACTIVATION_RUNS = 5;
const ACTIVATION_TIMEOUT_MS = 300_000;

/** Bundles a process loads only when it needs them (see esbuild.mjs): dist/re2.js for users' own profiles,
 * dist/docx-reader.js for the first .docx, dist/pdf-reader.js for the first PDF, dist/html-reader.js for the first
 * saved web page. Every other bundle loads in ordinary use. */
export const ON_DEMAND_BUNDLES = ['re2.js', 'docx-reader.js', 'pdf-reader.js', 'html-reader.js'];

export function bundleSizes() {
  const dist = path.join(ROOT, 'dist');
  const files = fs.readdirSync(dist).filter((f) => f.endsWith('.js')).sort();
  const sizes = Object.fromEntries(files.map((f) => [f, fs.statSync(path.join(dist, f)).size]));
  const sum = (names) => names.reduce((a, f) => a + sizes[f], 0);
  return {
    files: sizes,
    total: sum(files),
    ordinary: sum(files.filter((f) => !ON_DEMAND_BUNDLES.includes(f))),
    onDemand: sum(files.filter((f) => ON_DEMAND_BUNDLES.includes(f))),
  };
}

function runActivation(runs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'activation', 'run.mjs'), String(runs)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    // The runner has its own deadline and cleans up after itself; this is the last resort.
    const timer = setTimeout(() => child.kill('SIGTERM'), ACTIVATION_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()));
      } catch {
        resolve({ error: `the activation runner exited ${code ?? signal} without a result: ${stderr.trim().split('\n').slice(-2).join(' ').slice(0, 300)}` });
      }
    });
  });
}

export async function measureExtension({ log = () => {}, runs = ACTIVATION_RUNS } = {}) {
  const out = { bundles: bundleSizes() };
  log(`activation in a real VS Code (code-server, ${runs} window loads)`);
  const a = await runActivation(runs);
  if (a.error) {
    out.activation = { error: a.error };
    return out;
  }
  const good = a.runs.filter((r) => !r.error);
  const pick = (k) => good.map((r) => r[k]).filter((v) => typeof v === 'number');
  const med = (k, d = 1) => round(median(pick(k)), d);
  out.activation = {
    vscode: a.vscode, runs: a.runs.length, failedRuns: a.runs.filter((r) => r.error).map((r) => r.error.split('\n')[0]),
    wasActive: a.runs.some((r) => r.wasActive),
    vscodeActivationMs: med('vscodeActivationMs', 0), activateMs: med('activateMs'), selfReportedMs: med('selfReportedMs', 2),
    serverReadyMs: med('serverReadyMs', 0), firstSymbolsMs: med('firstSymbolsMs', 0), firstSymbolsFromActivationMs: med('firstSymbolsFromActivationMs', 0),
    samples: {
      vscodeActivationMs: pick('vscodeActivationMs'), activateMs: pick('activateMs').map((v) => round(v, 1)),
      settleMs: pick('settleMs'), vscodeActivationErrors: a.runs.map((r) => r.vscodeActivationError).filter(Boolean),
    },
  };
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(await measureExtension({ log: (s) => process.stderr.write(s + '\n') }), null, 1) + '\n');
}
