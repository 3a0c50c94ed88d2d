// GovReport benchmark: `npm run bench`. Everything in one run on the same inputs, so that ratios hold on a
// noisy machine; writes bench/RESULTS.md and bench/results.json. See bench/README.md.
import { execFileSync, spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { cliFolder, generate } from './lib/inputs.mjs';
import { LspClient } from './lib/lsp.mjs';
import { median, percentile, round, time } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, 'bench', '.cache');
const started = Date.now();
const log = (s) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${s}\n`);
const results = { machine: {}, limit: {}, core: {}, peers: {}, lsp: {}, cli: {}, extension: {}, targets: [] };

// --- build: the production bundles, and the core alone for in-process timing ---
log('production build');
execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
fs.mkdirSync(cache, { recursive: true });
await esbuild.build({
  entryPoints: [path.join(root, 'server/src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', minify: true,
  outfile: path.join(cache, 'core.cjs'), logLevel: 'warning',
});
const core = require(path.join(cache, 'core.cjs'));

results.machine = {
  cpu: os.cpus()[0]?.model, cores: os.availableParallelism(), memoryGB: round(os.totalmem() / 2 ** 30, 0),
  node: process.version, date: new Date().toISOString().slice(0, 10),
};

// --- inputs ---
log('inputs');
const inputs = generate(root, core, path.join(cache, 'inputs'));
const REPS = { '20KB': 30, '200KB': 15, '2MB': 7, '10MB': 3 };

// --- the limit: a handful of regular expressions in one pass, and a line split ---
const HEADING = /^[ \t\u3000]*(?:[一二三四五六七八九十百]+[、.．，]|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]{1,3}[.．、](?![0-9])|[（(][0-9０-９]{1,3}[）)])/gm;
const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|亿|千)?(?:余|多)?(?:个百分点|人次|场次|万元|亿元|%|％|元|件|起|宗|次|场|名|人|个|项|份|条|家|户|期|篇|批|处|张|学时)/g;
const ENUMERATION = /[一二三四五六七八九十]是/g;
function limitPass(text) {
  let n = text.split(/\r\n|\r|\n/).length;
  for (const re of [HEADING, NUMBER, ENUMERATION]) {
    re.lastIndex = 0;
    while (re.exec(text)) n++;
  }
  return n;
}

/** Full analysis: the model, every rule, and every figure. */
function analyse(text, previous) {
  const model = core.parseReport(text, previous ? { previous } : {});
  core.figuresOf(model);
  core.checkModel(model);
  return model;
}

for (const input of inputs) {
  const mb = input.actualBytes / 1e6;
  const reps = REPS[input.name];
  log(`limit and core at ${input.name}`);
  let matches = 0;
  const limitTimes = time(() => { matches = limitPass(input.text); }, reps * 2, 2);
  results.limit[input.name] = { ms: round(median(limitTimes), 2), mbPerS: round(mb / (median(limitTimes) / 1000)), matches };
  // Each repetition analyses a fresh string (one space appended) so that nothing is reused across runs.
  const coreTimes = time((i) => analyse(input.text + ' '.repeat(i + 1)), reps, 1);
  const base = analyse(input.text);
  const mid = Math.floor(input.text.length / 2);
  const editTimes = time((i) => analyse(input.text.slice(0, mid) + '法'.repeat(i + 1) + input.text.slice(mid), base), reps, 1);
  const model = base;
  results.core[input.name] = {
    ms: round(median(coreTimes), 2), mbPerS: round(mb / (median(coreTimes) / 1000)), msPerMB: round(median(coreTimes) / mb, 1),
    editMs: round(median(editTimes), 2), headings: model.headings.length, figures: core.figuresOf(model).length, findings: core.checkModel(model).length,
  };
}

// --- peers, each in its own process with a time cap ---
const PEER_CAP_MS = 60_000;
for (const peer of ['markdownlint', 'zhlint', 'autocorrect', 'markdown-ls']) {
  results.peers[peer] = {};
  for (const input of inputs) {
    log(`peer ${peer} at ${input.name}`);
    const reps = Math.max(1, Math.min(5, REPS[input.name]));
    const run = spawnSync(process.execPath, [path.join(root, 'bench/peer.mjs'), peer, input.file, String(reps)], { cwd: root, encoding: 'utf8', timeout: PEER_CAP_MS });
    let entry;
    if (run.error?.code === 'ETIMEDOUT' || run.signal) entry = { timeout: `>${PEER_CAP_MS / 1000} s` };
    else {
      try {
        const out = JSON.parse(run.stdout);
        entry = out.error ? { error: out.error } : { ms: round(median(out.times), 2), version: out.version };
      } catch {
        entry = { error: (run.stderr || 'no output').slice(0, 200) };
      }
    }
    results.peers[peer][input.name] = entry;
  }
}

// --- the language server over stdio ---
const serverSource = fs.readFileSync(path.join(root, 'server/src/server.ts'), 'utf8');
const debounceMs = Number(/DIAGNOSTICS_DEBOUNCE_MS = (\d+)/.exec(serverSource)?.[1]);
results.lsp.debounceMs = debounceMs;
const EDITS = 50;
for (const input of inputs.filter((i) => i.name === '200KB' || i.name === '2MB')) {
  log(`language server at ${input.name}`);
  const client = new LspClient(process.execPath, [path.join(root, 'dist/server.js'), '--stdio']);
  const init = await client.initialize();
  const uri = `file:///bench/${input.name}.txt`;
  let text = input.text;
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await client.diagnostics(uri, 1);
  const lines = text.split('\n');
  const figureLine = lines.findIndex((l, i) => i > lines.length / 2 && /\d+次/.test(l));
  const figureAt = { line: figureLine, character: lines[figureLine].search(/\d+次/) + 1 };
  const emptyLine = lines.findIndex((l, i) => i > lines.length / 2 && l.trim() === '');
  const samples = { diagnostics: [], documentSymbol: [], hover: [], completion: [] };
  const editLine = Math.floor(lines.length / 2);
  for (let v = 2; v < EDITS + 2; v++) {
    const t0 = performance.now();
    const waiting = client.diagnostics(uri, v);
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: editLine, character: 0 }, end: { line: editLine, character: 0 } }, text: '法' }],
    });
    let t = performance.now();
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    samples.documentSymbol.push(performance.now() - t);
    t = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: figureAt });
    samples.hover.push(performance.now() - t);
    if (init.capabilities.completionProvider) {
      t = performance.now();
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: emptyLine, character: 0 } });
      samples.completion.push(performance.now() - t);
    }
    const { at } = await waiting;
    samples.diagnostics.push(at - t0);
  }
  const stat = (xs) => (xs.length ? { p50: round(median(xs), 1), p95: round(percentile(xs, 95), 1) } : { notProvided: true });
  results.lsp[input.name] = {
    edits: EDITS,
    diagnostics: stat(samples.diagnostics),
    diagnosticsMinusDebounce: stat(samples.diagnostics.map((x) => x - debounceMs)),
    documentSymbol: stat(samples.documentSymbol), hover: stat(samples.hover), completion: stat(samples.completion),
  };
  await client.close();
}
{
  log('language server RSS after the 10 MB document');
  const big = inputs.find((i) => i.name === '10MB');
  const client = new LspClient(process.execPath, [path.join(root, 'dist/server.js'), '--stdio']);
  await client.initialize();
  const uri = 'file:///bench/10MB.txt';
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: big.text } });
  const t = performance.now();
  await client.diagnostics(uri, 1);
  results.lsp.rss10MB = { rssMB: round(client.rssMB(), 0), firstDiagnosticsMs: round(performance.now() - t, 0) };
  await client.close();
}

// --- the CLI on 1,000 reports ---
{
  const folder = cliFolder(root, cache);
  for (const jobs of [1, 2]) {
    log(`CLI, 1,000 reports, --jobs ${jobs}`);
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const run = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', '--format', 'json', '--jobs', String(jobs), folder], { encoding: 'utf8', maxBuffer: 1 << 28 });
      times.push(performance.now() - t);
      if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI failed: ${run.stderr}`);
    }
    results.cli[`jobs${jobs}`] = { wallMs: round(median(times), 0) };
  }
}

// --- the extension: bundle sizes, and activation in a real VS Code ---
{
  const sizes = Object.fromEntries(['client.js', 'server.js', 'cli.js'].map((f) => [f, fs.statSync(path.join(root, 'dist', f)).size]));
  results.extension.bundles = { ...sizes, total: Object.values(sizes).reduce((a, b) => a + b, 0) };
  log('activation in a real VS Code (the end-to-end runner)');
  const out = path.join(cache, 'activation.json');
  fs.rmSync(out, { force: true });
  const e2e = spawnSync(process.execPath, [path.join(root, 'test/e2e/run-code-server.mjs')], {
    cwd: root, encoding: 'utf8', timeout: 300_000, env: { ...process.env, GOVREPORT_BENCH_ACTIVATION_FILE: out },
  });
  if (fs.existsSync(out)) results.extension.activation = JSON.parse(fs.readFileSync(out, 'utf8'));
  else results.extension.activation = { error: `no activation figure (end-to-end run exited ${e2e.status}): ${(e2e.stdout || '').split('\n').slice(-5).join(' ')}` };
}

// --- targets ---
const target = (name, value, threshold, pass, unit = '') => results.targets.push({ name, value, threshold, pass, unit });
for (const input of inputs) {
  const ratio = results.core[input.name].mbPerS / results.limit[input.name].mbPerS;
  target(`full analysis ≥ 1/3 of the limit at ${input.name}`, round(ratio, 3), '≥ 0.333', ratio >= 1 / 3, '× limit');
}
const perByte = results.core['10MB'].msPerMB / results.core['20KB'].msPerMB;
target('cost linear in size (ms/MB at 10 MB ÷ ms/MB at 20 KB)', round(perByte, 2), '≤ 2', perByte <= 2);
for (const [peer, bySize] of Object.entries(results.peers)) {
  for (const input of inputs) {
    const p = bySize[input.name];
    const ours = results.core[input.name].ms;
    const pass = p.timeout ? true : p.ms !== undefined ? ours < p.ms : false;
    target(`faster than ${peer} at ${input.name}`, `${ours} ms vs ${p.ms ?? p.timeout ?? p.error}`, 'ours < peer', pass);
  }
}
for (const [size, limit] of [['200KB', 15], ['2MB', 100]]) {
  for (const req of ['documentSymbol', 'hover', 'completion']) {
    const s = results.lsp[size][req];
    target(`${req} p95 after an edit at ${size}`, s.notProvided ? 'not provided' : s.p95, `< ${limit} ms`, s.notProvided ? false : s.p95 < limit, 'ms');
  }
}
{
  const d = results.lsp['200KB'].diagnosticsMinusDebounce.p95;
  target('diagnostics after an edit at 200 KB, beyond the debounce (p95)', d, '≤ 20 ms', d <= 20, 'ms');
}
target('1,000 reports through the CLI (best of --jobs 1/2)', Math.min(results.cli.jobs1.wallMs, results.cli.jobs2.wallMs), '< 5000 ms', Math.min(results.cli.jobs1.wallMs, results.cli.jobs2.wallMs) < 5000, 'ms');
target('server RSS after the 10 MB document', results.lsp.rss10MB.rssMB, '< 150 MB', results.lsp.rss10MB.rssMB < 150, 'MB');
target('bundles together', round(results.extension.bundles.total / 1024, 0), '< 1024 KB', results.extension.bundles.total < 1024 * 1024, 'KB');
{
  const a = results.extension.activation?.activationMs;
  target('activation in VS Code', a === undefined ? 'not measured' : round(a, 1), '< 100 ms', a !== undefined && a < 100, 'ms');
}
results.totalSeconds = round((Date.now() - started) / 1000, 0);

// --- write ---
fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
fs.writeFileSync(path.join(root, 'bench/RESULTS.md'), render(results));
log(`done: bench/RESULTS.md (${results.targets.filter((t) => t.pass).length}/${results.targets.length} targets pass)`);

function render(r) {
  const sizes = inputs.map((i) => i.name);
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const lines = [];
  lines.push('# GovReport benchmark results', '');
  lines.push(`Run ${r.machine.date} on ${r.machine.cpu} (${r.machine.cores} cores, ${r.machine.memoryGB} GB), Node ${r.machine.node}; ` +
    `${r.totalSeconds} s in all. Medians of repeated runs (repetitions: ${sizes.map((s) => `${s} ×${REPS[s]}`).join(', ')}). Written by \`npm run bench\`.`, '');
  lines.push('## Throughput: the limit, GovReport, and the peers', '');
  lines.push(row(['', ...sizes]), row(['---', ...sizes.map(() => '---:')]));
  lines.push(row(['input size (bytes)', ...inputs.map((i) => i.actualBytes.toLocaleString('en-US'))]));
  lines.push(row(['**limit**: regex pass + line split (MB/s)', ...sizes.map((s) => r.limit[s].mbPerS)]));
  lines.push(row(['limit (ms)', ...sizes.map((s) => r.limit[s].ms)]));
  lines.push(row(['**GovReport** full analysis (MB/s)', ...sizes.map((s) => r.core[s].mbPerS)]));
  lines.push(row(['GovReport full analysis (ms)', ...sizes.map((s) => r.core[s].ms)]));
  lines.push(row(['GovReport ms per MB', ...sizes.map((s) => r.core[s].msPerMB)]));
  lines.push(row(['GovReport ÷ limit', ...sizes.map((s) => round(r.core[s].mbPerS / r.limit[s].mbPerS, 3))]));
  lines.push(row(['re-analysis after a 1-character edit (ms)', ...sizes.map((s) => r.core[s].editMs)]));
  lines.push(row(['headings / figures / findings', ...sizes.map((s) => `${r.core[s].headings} / ${r.core[s].figures} / ${r.core[s].findings}`)]));
  for (const [peer, bySize] of Object.entries(r.peers)) {
    const v = Object.values(bySize).find((x) => x.version)?.version;
    lines.push(row([`${peer}${v ? ` ${v}` : ''} (ms)`, ...sizes.map((s) => bySize[s].ms ?? bySize[s].timeout ?? `error: ${bySize[s].error}`)]));
  }
  lines.push('', 'Peers: markdownlint (library, default rules), zhlint (`run`), autocorrect-node (`lintFor`, native), and the Markdown ' +
    'language server from vscode-langservers-extracted (one-character edit, then `documentSymbol`, with markdown-it answering its ' +
    '`markdown/parse` requests as VS Code does). GovReport\'s figure is the full analysis: model, all rules and all figures.', '');
  lines.push('## Language server over stdio', '');
  lines.push(`${EDITS} one-character edits in the middle of the document; after each, \`documentSymbol\`, \`hover\` (on a figure) and ` +
    `\`completion\` round trips, then the time from \`didChange\` to \`publishDiagnostics\` for that version. Debounce: ${r.lsp.debounceMs} ms.`, '');
  lines.push(row(['', 'diagnostics p50', 'p95', 'minus debounce p95', 'documentSymbol p50 / p95', 'hover p50 / p95', 'completion p50 / p95']));
  lines.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const s of ['200KB', '2MB']) {
    const x = r.lsp[s];
    const pp = (v) => (v.notProvided ? 'not provided' : `${v.p50} / ${v.p95}`);
    lines.push(row([s, x.diagnostics.p50, x.diagnostics.p95, x.diagnosticsMinusDebounce.p95, pp(x.documentSymbol), pp(x.hover), pp(x.completion)]));
  }
  lines.push('', `Server RSS after opening the 10 MB document and receiving its diagnostics: **${r.lsp.rss10MB.rssMB} MB** ` +
    `(first diagnostics after ${r.lsp.rss10MB.firstDiagnosticsMs} ms).`, '');
  lines.push('## CLI and extension', '');
  lines.push(`- 1,000 seed-sized reports, \`check --format json\`: ${r.cli.jobs1.wallMs} ms in one thread, ${r.cli.jobs2.wallMs} ms with \`--jobs 2\`.`);
  const b = r.extension.bundles;
  lines.push(`- Production bundles: client ${(b['client.js'] / 1024).toFixed(0)} KB, server ${(b['server.js'] / 1024).toFixed(0)} KB, CLI ${(b['cli.js'] / 1024).toFixed(0)} KB; ${(b.total / 1024).toFixed(0)} KB together.`);
  const a = r.extension.activation;
  lines.push(`- Activation in VS Code ${a?.vscode ?? ''} (code-server, headless Chromium): ${a?.activationMs !== undefined ? `${round(a.activationMs, 1)} ms for \`activate()\`` : a?.error}.`, '');
  lines.push('## Targets', '');
  lines.push(row(['target', 'measured', 'threshold', 'result']), row(['---', '---:', '---', '---']));
  for (const t of r.targets) lines.push(row([t.name, `${t.value}${t.unit && typeof t.value === 'number' ? ` ${t.unit}` : ''}`, t.threshold, t.pass ? 'PASS' : '**FAIL**']));
  lines.push('');
  return lines.join('\n');
}
