// The CLI on 1,000 seed-sized reports in one folder (bench/.cache/cli-1000/, see inputs.mjs):
// `node dist/cli.js check --format json <folder>` wall-clock, process start to exit, output to a file.
// Three ways: as shipped (the CLI picks its number of worker threads), `--jobs 1` (no worker threads) and
// `--jobs 2` (two worker threads). One unmeasured run first (file cache, and a check that the output lists
// every report), then CLI_REPS runs of each, interleaved so that drift in machine speed hits all alike.
// A variant the CLI rejects (exit 2, usage error naming --jobs) is recorded as "not available".
//
//   node bench/cli.mjs      prints the results as JSON
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { median, round, summary } from './lib/stats.mjs';
import { CACHE, cliFolder, ROOT } from './inputs.mjs';

export const CLI_REPS = 3;
const VARIANTS = { default: [], jobs1: ['--jobs', '1'], jobs2: ['--jobs', '2'] };

function runCli(folder, extra) {
  const outFile = path.join(CACHE, 'cli-output.json');
  const fd = fs.openSync(outFile, 'w');
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', ...extra, folder], {
    cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - t;
  fs.closeSync(fd);
  return { ms, status: r.status, signal: r.signal, stderr: r.stderr ?? '', outFile };
}

export function measureCli({ log = () => {} } = {}) {
  const folder = cliFolder();
  const files = fs.readdirSync(folder).length;
  log(`CLI: ${files} reports, warm-up run`);
  const warm = runCli(folder, []);
  let reports;
  try {
    reports = JSON.parse(fs.readFileSync(warm.outFile, 'utf8')).files.length;
  } catch (e) {
    return { error: `the CLI's output is not the JSON contract (exit ${warm.status}): ${warm.stderr.slice(0, 300) || e.message}` };
  }
  const findings = JSON.parse(fs.readFileSync(warm.outFile, 'utf8')).files.reduce((n, f) => n + f.diagnostics.length, 0);
  const out = { files, reportsInOutput: reports, findings, reps: CLI_REPS };
  const times = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, []]));
  const unavailable = {};
  for (let rep = 0; rep < CLI_REPS; rep++) {
    for (const [name, extra] of Object.entries(VARIANTS)) {
      if (unavailable[name]) continue;
      log(`CLI: ${files} reports, ${name === 'default' ? 'as shipped' : extra.join(' ')} (${rep + 1}/${CLI_REPS})`);
      const r = runCli(folder, extra);
      if (r.status === 2 && /jobs/.test(r.stderr)) {
        unavailable[name] = `not available: ${r.stderr.trim().split('\n')[0].slice(0, 160)}`;
        continue;
      }
      if (r.status !== 0 && r.status !== 1) {
        unavailable[name] = `failed (exit ${r.status ?? r.signal}): ${r.stderr.trim().split('\n').slice(-1)[0]?.slice(0, 160)}`;
        continue;
      }
      times[name].push(r.ms);
    }
  }
  for (const name of Object.keys(VARIANTS)) {
    out[name] = unavailable[name] ? { error: unavailable[name] } : { wallMs: round(median(times[name]), 0), spread: summary(times[name], 0) };
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(measureCli({ log: (s) => process.stderr.write(s + '\n') }), null, 1) + '\n');
}
