// `npm run bench`: the whole comparison in one run, on the same inputs, so that ratios hold on a noisy machine.
// Writes bench/RESULTS.md (targets with PASS/FAIL, every figure) and bench/results.json (raw numbers).
// See bench/README.md.
//
//   node bench/run.mjs                         everything
//   node bench/run.mjs --only core,peers       some parts (core, peers, lsp, cli, html, extension, pdf); writes
//                                              bench/.cache/RESULTS.partial.md and results.partial.json instead
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measureCli } from './cli.mjs';
import { measureExtension } from './extension.mjs';
import { buildAll } from './lib/build.mjs';
import { round } from './lib/stats.mjs';
import { measureLsp } from './lsp.mjs';
import { measureHtml } from './html.mjs';
import { PEER_BUDGET_MS, PEER_CAP_MS, PEER_REPS, measurePeers } from './peers.mjs';
import { render, targets } from './report.mjs';
import { CACHE, inputs, ROOT } from './inputs.mjs';

const PARTS = ['core', 'peers', 'lsp', 'cli', 'html', 'extension', 'pdf'];
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : process.argv[process.argv.indexOf(onlyArg) + 1]).split(',') : undefined;
const started = Date.now();
const log = (s) => process.stderr.write(`[bench ${String(Math.round((Date.now() - started) / 1000)).padStart(3)} s] ${s}\n`);

const results = {
  machine: {
    cpu: os.cpus()[0]?.model?.trim(), cores: os.availableParallelism(), memoryGB: round(os.totalmem() / 2 ** 30, 0),
    os: `${os.type()} ${os.release()}`, node: process.version, date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    loadAtStart: os.loadavg().map((v) => v.toFixed(2)).join(' '),
  },
  peerReps: PEER_REPS, peerBudgetS: PEER_BUDGET_MS / 1000, peerCapS: PEER_CAP_MS / 1000,
};
if (only) {
  const unknown = only.filter((p) => !PARTS.includes(p));
  if (unknown.length) throw new Error(`unknown part(s) ${unknown.join(', ')}: choose from ${PARTS.join(', ')}`);
  results.partial = `only ${only.join(', ')}`;
}

async function part(name, fn) {
  if (only && !only.includes(name)) return;
  const t = Date.now();
  try {
    results[name] = await fn();
  } catch (e) {
    log(`${name} FAILED: ${e?.stack ?? e}`);
    results[name] = { error: String(e?.message ?? e).split('\n')[0] };
  }
  results.seconds = { ...results.seconds, [name]: round((Date.now() - t) / 1000, 0) };
}

await buildAll({ log });
log('inputs (bench/.cache/inputs, generated once)');
results.inputs = inputs().map(({ name, bytes, lines, duplicateShare }) => ({ name, bytes, lines, duplicateShare: round(duplicateShare, 4) }));
try {
  results.commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  results.dirty = execFileSync('git', ['--no-optional-locks', 'status', '--porcelain', '--', 'server', 'client', 'esbuild.mjs', 'package.json'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
} catch { /* not a git checkout */ }

await part('core', () => {
  log('limit and core (own process)');
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(ROOT, 'bench', 'core.mjs')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`bench/core.mjs exited ${r.status ?? r.signal}: ${(r.stderr || '').trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(r.stdout);
});
await part('peers', () => measurePeers({ log }));
await part('lsp', () => measureLsp({ log }));
await part('cli', () => measureCli({ log }));
await part('html', () => measureHtml({ log }));
await part('extension', () => measureExtension({ log }));
await part('pdf', () => {
  log('PDF extraction (own process)');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'pdf.mjs')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`bench/pdf.mjs exited ${r.status ?? r.signal}: ${(r.stderr || '').trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(r.stdout);
});

results.totalSeconds = round((Date.now() - started) / 1000, 0);
results.targets = targets(results);
const suffix = only ? '.partial' : '';
const outDir = only ? CACHE : path.join(ROOT, 'bench');
fs.writeFileSync(path.join(outDir, `results${suffix}.json`), JSON.stringify(results, null, 1) + '\n');
fs.writeFileSync(path.join(outDir, `RESULTS${suffix}.md`), render(results));
const t = results.targets;
log(`done in ${results.totalSeconds} s: ${path.relative(ROOT, path.join(outDir, `RESULTS${suffix}.md`))} — ` +
  `${t.filter((x) => x.pass === true).length} PASS, ${t.filter((x) => x.pass === false).length} FAIL, ${t.filter((x) => x.pass === null).length} NOT MEASURED`);
