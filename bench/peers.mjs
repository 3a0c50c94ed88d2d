// Peers on the same inputs, each (peer, size) in its own process (peer-worker.mjs) with a cap per operation:
// a peer whose single call outlasts PEER_CAP_MS is killed and recorded as a timeout rather than stalling the run.
//
//   markdownlint          the library, default configuration              (in-process, like the GovReport core)
//   zhlint                run(text, { rules: { preset: 'default' } })      (in-process)
//   autocorrect           autocorrect-node lintFor(text, 'text.md')        (native, in-process); where a repeated
//                         call fails ('call limit reached', autocorrect-node 2.13 on large texts), each sample
//                         is instead the first call of a fresh process (one-time set-up included)
//   markdown-ls           vscode-markdown-language-server over stdio: didOpen → documentSymbol, edit → documentSymbol
//   govreport-ls          dist/server.js over stdio, the very same procedure (the like-for-like row for markdown-ls)
//
//   node bench/peers.mjs [peer…]     prints the results as JSON
import { spawn } from 'child_process';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { median, round, summary } from './lib/stats.mjs';
import { inputs, ROOT } from './inputs.mjs';

export const PEER_CAP_MS = 60_000;
/** Samples per size after one warm-up call; fewer when a peer's samples would outlast PEER_BUDGET_MS. */
export const PEER_REPS = { '20KB': 15, '200KB': 7, '2MB': 3, '10MB': 2 };
export const PEER_BUDGET_MS = 30_000;
export const PEERS = ['markdownlint', 'zhlint', 'autocorrect', 'markdown-ls', 'govreport-ls'];

function runWorker(peer, input, reps = PEER_REPS[input.name]) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'peer-worker.mjs'), peer, input.file, String(reps), String(PEER_BUDGET_MS)], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, // its own process group: a language server it started dies with it
    });
    const events = [];
    let buffer = '';
    let stderr = '';
    let timedOut = false;
    const killGroup = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => { timedOut = true; killGroup(); }, PEER_CAP_MS);
    };
    arm();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      buffer += d;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try { events.push(JSON.parse(line)); } catch { /* not ours */ }
        arm();
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => { if (stderr.length < 4000) stderr += d; });
    child.on('exit', () => {
      clearTimeout(timer);
      killGroup(); // whatever the worker started and left behind
      resolve({ events, timedOut, stderr });
    });
  });
}

export async function measurePeers({ log = () => {}, peers = PEERS, sizes } = {}) {
  const out = {};
  for (const peer of peers) {
    out[peer] = {};
    for (const input of inputs()) {
      if (sizes && !sizes.includes(input.name)) continue;
      log(`peer ${peer} at ${input.name}`);
      const started = performance.now();
      let r = await measureOne(peer, input);
      if (peer === 'autocorrect' && r.error && r.errorOnCall > 0) {
        log(`peer autocorrect at ${input.name}: call ${r.errorOnCall + 1} failed (${r.error.slice(0, 40)}…); first calls of fresh processes instead`);
        r = { ...(await freshProcesses('autocorrect-first', input)), repeatedCallError: r.error };
      }
      r.wallS = round((performance.now() - started) / 1000, 1);
      out[peer][input.name] = r;
    }
  }
  return out;
}

/** One sample per process: the first call of each, as many processes as PEER_REPS and the budget allow. */
async function freshProcesses(peer, input) {
  const times = [];
  let last;
  let spent = 0;
  while (times.length < PEER_REPS[input.name] && (times.length === 0 || spent + spent / times.length <= PEER_BUDGET_MS)) {
    last = await measureOne(peer, input, 1);
    if (last.ms === undefined) return last;
    times.push(last.ms);
    spent += last.ms;
  }
  return { version: last.version, ms: round(median(times), 2), spread: summary(times), check: last.check, mode: 'first call of a fresh process' };
}

async function measureOne(peer, input, reps) {
  const { events, timedOut, stderr } = await runWorker(peer, input, reps);
  const version = events.find((e) => e.version)?.version;
  const samples = (phase) => events.filter((e) => e.sample !== undefined && (phase === undefined || e.phase === phase)).map((e) => e.sample);
  const check = events.find((e) => e.check)?.check;
  const error = events.find((e) => e.error);
  if (timedOut) {
    const done = samples();
    return { version, timeout: true, capS: PEER_CAP_MS / 1000, samplesBeforeTimeout: done.length, check };
  }
  if (error) return { version, error: error.error, errorAfterMs: round(error.ms, 1), errorOnCall: error.call, check: error.check ?? check };
  if (!events.some((e) => e.done)) return { version, error: `no result (${stderr.trim().split('\n').slice(-2).join(' ').slice(0, 200) || 'the worker died'})` };
  const lint = samples('lint');
  if (lint.length) return { version, ms: round(median(lint), 2), spread: summary(lint), check };
  const open = samples('open');
  const edit = samples('edit');
  return { version, openMs: round(median(open), 2), ms: round(median(edit), 2), openSpread: summary(open), spread: summary(edit), check };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const peers = args.filter((a) => PEERS.includes(a));
  const sizes = args.filter((a) => /^\d+(KB|MB)$/.test(a));
  const r = await measurePeers({ log: (s) => process.stderr.write(s + '\n'), peers: peers.length ? peers : undefined, sizes: sizes.length ? sizes : undefined });
  process.stdout.write(JSON.stringify(r, null, 1) + '\n');
}
