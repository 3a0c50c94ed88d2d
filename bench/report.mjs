// Targets (each with its measured value, threshold and PASS / FAIL / NOT MEASURED) and bench/RESULTS.md.
import { fmtMs, round } from './lib/stats.mjs';
import { ON_DEMAND_BUNDLES } from './extension.mjs';

const SIZES = ['20KB', '200KB', '2MB', '10MB'];
const PEER_LABEL = {
  markdownlint: 'markdownlint (library, default rules)',
  zhlint: 'zhlint (`run`, default preset)',
  autocorrect: 'autocorrect-node (`lintFor`, native)',
  'markdown-ls': 'Markdown language server',
};
const LINEAR_MAX = 1.5;
/** A report of a few MB opens in a few seconds, on a laptop slower than the benchmark's machine. */
const PDF_MS_PER_MB = 1500;

/** Every target of the issue, from the raw results. `pass` is true, false, or null (not measured). */
export function targets(r) {
  const out = [];
  const add = (group, name, value, threshold, pass) => out.push({ group, name, value, threshold, pass });
  const missing = (x) => x === undefined || x === null || x.error;

  // Throughput against the limit, per size
  for (const s of SIZES) {
    const core = r.core?.core?.[s];
    const limit = r.core?.limit?.[s];
    if (missing(core) || missing(limit)) { add('throughput', `full analysis ≥ ⅓ of the limit, ${s}`, 'not measured', '≥ 0.333 × limit', null); continue; }
    const ratio = core.mbPerS / limit.mbPerS;
    add('throughput', `full analysis ≥ ⅓ of the limit, ${s}`, `${round(ratio, 3)} × (${core.mbPerS} vs ${limit.mbPerS} MB/s)`, '≥ 0.333 × limit', ratio >= 1 / 3);
  }
  // Linearity
  {
    const per = Object.fromEntries(SIZES.map((s) => [s, r.core?.core?.[s]?.msPerMB]));
    if (SIZES.every((s) => typeof per[s] === 'number')) {
      const headline = per['10MB'] / per['20KB'];
      let worst = { ratio: 0 };
      for (let i = 0; i < SIZES.length; i++) for (let j = i + 1; j < SIZES.length; j++) {
        const ratio = per[SIZES[j]] / per[SIZES[i]];
        if (ratio > worst.ratio) worst = { ratio, pair: `${SIZES[j]} ÷ ${SIZES[i]}` };
      }
      add('throughput', 'cost linear in size (ms per MB of a larger input ÷ of a smaller one)',
        `10MB ÷ 20KB: ${round(headline, 2)}; worst: ${round(worst.ratio, 2)} (${worst.pair})`, `every ratio ≤ ${LINEAR_MAX}`, worst.ratio <= LINEAR_MAX);
    } else add('throughput', 'cost linear in size', 'not measured', `every ratio ≤ ${LINEAR_MAX}`, null);
  }
  // Peers
  for (const peer of ['markdownlint', 'zhlint', 'autocorrect', 'markdown-ls']) {
    for (const s of SIZES) {
      const p = r.peers?.[peer]?.[s];
      const name = `faster than ${peer}, ${s}`;
      if (!r.peers || r.peers.error) { add('peers', name, 'not measured', 'ours < peer', null); continue; }
      if (peer === 'markdown-ls') {
        const ours = r.peers?.['govreport-ls']?.[s];
        if (missing(p) && !p?.timeout || missing(ours)) { add('peers', name, `not measured (${p?.error ?? ours?.error ?? 'no result'})`, 'ours < peer', null); continue; }
        if (p.timeout) { add('peers', name, `ours ${fmtMs(ours.ms)}; peer timed out > ${p.capS} s`, 'ours < peer', true); continue; }
        const pass = ours.openMs < p.openMs && ours.ms < p.ms;
        add('peers', name, `documentSymbol after open ${fmtMs(ours.openMs)} vs ${fmtMs(p.openMs)}, after an edit ${fmtMs(ours.ms)} vs ${fmtMs(p.ms)}`, 'ours < peer (both)', pass);
        continue;
      }
      const ours = r.core?.core?.[s];
      if (missing(ours)) { add('peers', name, 'not measured', 'ours < peer', null); continue; }
      if (p?.timeout) { add('peers', name, `ours ${fmtMs(ours.ms)}; peer timed out > ${p.capS} s`, 'ours < peer', true); continue; }
      if (missing(p)) { add('peers', name, `not comparable: the peer failed (${String(p?.error ?? 'no result').slice(0, 80)})`, 'ours < peer', null); continue; }
      add('peers', name, `${fmtMs(ours.ms)} vs ${fmtMs(p.ms)} (${round(p.ms / ours.ms, 2)}×)`, 'ours < peer', ours.ms < p.ms);
    }
  }
  // Language server
  for (const [s, limit] of [['200KB', 15], ['2MB', 100]]) {
    for (const req of ['documentSymbol', 'hover', 'completion']) {
      const x = r.lsp?.[s]?.[req];
      const name = `${req} p95 after an edit, ${s}`;
      if (!x || r.lsp?.error) add('language server', name, 'not measured', `< ${limit} ms`, null);
      else if (x.notProvided) add('language server', name, 'not provided by the server', `< ${limit} ms`, null);
      else add('language server', name, `${x.p95} ms (p50 ${x.p50})`, `< ${limit} ms`, x.p95 < limit);
    }
  }
  {
    const x = r.lsp?.['200KB'];
    if (!x?.diagnostics) add('language server', 'diagnostics after an edit within the debounce + 20 ms, 200KB (p95)', 'not measured', '≤ debounce + 20 ms', null);
    else add('language server', 'diagnostics after an edit within the debounce + 20 ms, 200KB (p95)',
      `${x.diagnostics.p95} ms = ${r.lsp.debounceMs} + ${x.diagnosticsMinusDebounce.p95} ms`, `≤ ${r.lsp.debounceMs} + 20 ms`, x.diagnosticsMinusDebounce.p95 <= 20);
  }
  {
    const m = r.lsp?.memory10MB;
    const all = r.lsp?.memory10MBAllRules;
    add('language server', 'server RSS after the 10 MB document (as shipped: above the large-document threshold, structure checks only)',
      m ? `${m.rssMB} MB${all ? ` (every rule: ${all.rssMB} MB)` : ''}` : 'not measured', '< 150 MB', m ? m.rssMB < 150 : null);
  }
  // CLI
  {
    const c = r.cli?.default;
    add('CLI', '1,000 reports through the CLI (as shipped)', c?.wallMs !== undefined ? fmtMs(c.wallMs) : `not measured (${c?.error ?? r.cli?.error})`, '< 5 s', c?.wallMs !== undefined ? c.wallMs < 5000 : null);
  }
  // Saved web pages
  {
    const h = r.html;
    const per = h && !h.error ? ['1MB', '5MB'].map((s) => h[s]?.msPerMB) : [];
    const measured = per.length === 2 && per.every((v) => typeof v === 'number');
    add('HTML', 'saved web page: text extracted per MB of page (dist/html-reader.js, GBK 政务公开 page, 1 MB / 5 MB)', measured ? `${per[0]} / ${per[1]} ms per MB` : `not measured (${h?.error ?? 'no result'})`, '< 1,000 ms per MB', measured ? Math.max(...per) < 1000 : null);
    add('HTML', 'saved web page: cost linear in size (ms per MB, 5 MB ÷ 1 MB)', measured ? String(round(per[1] / per[0], 2)) : 'not measured', `≤ ${LINEAR_MAX}`, measured ? per[1] / per[0] <= LINEAR_MAX : null);
  }
  // Extension
  {
    const b = r.extension?.bundles;
    // Results from before the .docx reader had a bundle of its own have only the total, which was all loaded.
    const ordinary = b ? b.ordinary ?? b.total : undefined;
    add('extension', 'production bundles loaded in ordinary use together (dist/*.js but those loaded on demand: re2.js for users\' own profiles, docx-reader.js for the first .docx, pdf-reader.js for the first PDF, html-reader.js for the first web page)',
      b ? `${ordinary.toLocaleString('en-US')} bytes${b.onDemand ? ` (+ ${b.onDemand.toLocaleString('en-US')} on demand)` : ''}` : 'not measured', '< 1,000,000 bytes', b ? ordinary < 1_000_000 : null);
    const a = r.extension?.activation;
    const v = a?.vscodeActivationMs;
    add('extension', 'activation in VS Code (its own figure, median)', typeof v === 'number' ? `${v} ms (extension.activate(): ${a.activateMs} ms)` : `not measured (${a?.error ?? 'no figure'})`, '< 100 ms', typeof v === 'number' ? v < 100 : null);
  }
  // PDF extraction
  {
    const c = r.pdf?.compilation;
    add('PDF', `PDF extraction per MB (dist/pdf-reader.js on a ${c ? `${round(c.bytes / 1e6, 2)} MB, ${c.pages}-page` : '≥ 1 MB'} PDF of the reports)`,
      c ? `${c.msPerMB} ms per MB (${fmtMs(c.ms)} in all, ${c.msPerPage} ms per page)` : `not measured (${r.pdf?.error ?? 'no result'})`,
      `< ${PDF_MS_PER_MB.toLocaleString('en-US')} ms per MB`, c ? c.msPerMB < PDF_MS_PER_MB : null);
  }
  // The run itself
  if (typeof r.totalSeconds === 'number') add('run', '`npm run bench` end to end', `${r.totalSeconds} s`, '< 600 s', r.totalSeconds < 600);
  return out;
}

const verdict = (p) => (p === true ? 'PASS' : p === false ? '**FAIL**' : 'NOT MEASURED');
const row = (cells) => `| ${cells.join(' | ')} |`;
const head = (cells, align) => [row(cells), row(align ?? cells.map((_, i) => (i === 0 ? '---' : '---:')))];
const kb = (b) => `${(b / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;

export function render(r) {
  const L = [];
  const m = r.machine;
  L.push('# GovReport benchmark results', '');
  L.push(`Written by \`npm run bench\` (bench/run.mjs) on ${m.date}, in **${r.totalSeconds} s**. Machine: ${m.cpu}, ${m.cores} cores, ` +
    `${m.memoryGB} GB, ${m.os}; Node ${m.node}; load average at start ${m.loadAtStart}.` +
    (r.commit ? ` Code: commit ${r.commit}${r.dirty ? ' with uncommitted changes in server/, client/ or the build' : ''}.` : '') + ' Raw numbers: bench/results.json.', '');
  if (r.partial) L.push(`**Partial run** (${r.partial}): targets of parts not run are NOT MEASURED.`, '');

  // Targets
  const t = r.targets;
  const count = (p) => t.filter((x) => x.pass === p).length;
  L.push('## Targets', '');
  L.push(`${count(true)} PASS, ${count(false)} FAIL, ${count(null)} NOT MEASURED (ratios are within this one run).`, '');
  L.push(...head(['target', 'measured', 'threshold', 'result'], ['---', '---', '---', '---']));
  for (const x of t) L.push(row([x.name, x.value, x.threshold, verdict(x.pass)]));
  L.push('');

  // Inputs
  const inp = Object.fromEntries((r.inputs ?? []).map((i) => [i.name, i]));
  L.push('## Inputs', '');
  L.push('The five seeds and a 政府信息公开 report with its three tables (pingtan-2021) concatenated (level-1 headings renumbered across the whole text; copy r of a report with its figures and table cells × (r+1) ' +
    'and synonym swaps so that copies differ, see bench/inputs.mjs), cut at a line end at the nominal size.', '');
  L.push(...head(['', ...SIZES]));
  L.push(row(['bytes (UTF-8)', ...SIZES.map((s) => inp[s]?.bytes.toLocaleString('en-US'))]));
  L.push(row(['lines', ...SIZES.map((s) => inp[s]?.lines.toLocaleString('en-US'))]));
  L.push(row(['characters of non-blank lines repeating an earlier line', ...SIZES.map((s) => (inp[s] ? `${round(inp[s].duplicateShare * 100, 1)} %` : ''))]));
  L.push(row(['lines whose shape the core took from its per-line cache', ...SIZES.map((s) => (r.core?.core?.[s] ? `${round(r.core.core[s].linesReusedShare * 100, 1)} %` : ''))]));
  L.push('');

  // Throughput
  const c = r.core ?? {};
  L.push('## Throughput: the limit and the GovReport core', '');
  if (!r.core) L.push('Not run.', '');
  else if (c.error) L.push(`Failed: ${c.error}`, '');
  else {
    L.push(`One process (\`node --expose-gc bench/core.mjs\`), minified core bundle, a fresh string per call. Median of N samples after a warm-up of ≥ ${c.reps.warmupMs} ms; ` +
      `short calls are timed in batches of ≥ ${c.reps.minSampleMs} ms (limit: ${c.reps.limitMinSampleMs} ms), time per call. N: core ${SIZES.map((s) => `${s} ${c.reps.core[s]}`).join(', ')}; limit ${SIZES.map((s) => `${s} ${c.reps.limit[s]}`).join(', ')}.`, '');
    L.push(...head(['', ...SIZES]));
    L.push(row(['**limit**: 2 regex passes + line split (MB/s)', ...SIZES.map((s) => c.limit[s]?.mbPerS)]));
    L.push(row(['limit (ms)', ...SIZES.map((s) => c.limit[s]?.ms)]));
    L.push(row(['limit matches: heading markers / numbers with units / lines', ...SIZES.map((s) => { const x = c.limit[s]?.matches; return x ? `${x.headings} / ${x.numbers} / ${x.lines}` : ''; })]));
    L.push(row(['**GovReport** full analysis (MB/s)', ...SIZES.map((s) => c.core[s]?.mbPerS)]));
    L.push(row(['full analysis (ms, median)', ...SIZES.map((s) => c.core[s]?.ms)]));
    L.push(row(['full analysis p95 / min / max (ms)', ...SIZES.map((s) => { const x = c.core[s]?.spread; return x ? `${x.p95} / ${x.min} / ${x.max}` : ''; })]));
    L.push(row(['ms per MB', ...SIZES.map((s) => c.core[s]?.msPerMB)]));
    L.push(row(['GovReport ÷ limit (throughput)', ...SIZES.map((s) => (c.core[s] && c.limit[s] ? round(c.core[s].mbPerS / c.limit[s].mbPerS, 3) : ''))]));
    L.push(row(['re-analysis after a 1-character edit in the middle (ms, median)', ...SIZES.map((s) => c.core[s]?.editMs)]));
    L.push(row(['lines re-shaped by that re-analysis', ...SIZES.map((s) => c.core[s]?.editLinesShaped)]));
    L.push(row(['found: headings / figures / findings', ...SIZES.map((s) => { const x = c.core[s]; return x ? `${x.headings} / ${x.figures} / ${x.findings}` : ''; })]));
    const per = SIZES.map((s) => c.core[s]?.msPerMB);
    if (per.every((v) => typeof v === 'number')) L.push('', `Cost per byte, 10 MB ÷ 20 KB: **${round(per[3] / per[0], 2)}** (200 KB ÷ 20 KB ${round(per[1] / per[0], 2)}, 2 MB ÷ 200 KB ${round(per[2] / per[1], 2)}, 10 MB ÷ 2 MB ${round(per[3] / per[2], 2)}).`);
    L.push('');
  }

  // Peers
  const p = r.peers ?? {};
  L.push('## Peers on the same text (ms, median)', '');
  if (!r.peers) L.push('Not run.', '');
  else if (p.error) L.push(`Failed: ${p.error}`, '');
  else {
    L.push(...head(['', ...SIZES]));
    const cell = (x) => {
      if (!x) return '';
      if (x.timeout) return `timeout > ${x.capS} s`;
      if (x.error) return `error: ${String(x.error).slice(0, 60)}…`;
      return `${fmtMs(x.ms)}${x.spread ? ` (n=${x.spread.n})` : ''}`;
    };
    L.push(row(['**GovReport core**, full analysis', ...SIZES.map((s) => (c.core?.[s] ? fmtMs(c.core[s].ms) : ''))]));
    for (const peer of ['markdownlint', 'zhlint', 'autocorrect']) {
      const by = p[peer] ?? {};
      const v = Object.values(by).find((x) => x.version)?.version;
      L.push(row([`${PEER_LABEL[peer]} ${v ?? ''}`, ...SIZES.map((s) => cell(by[s]))]));
      L.push(row([`— what it found (issues)`, ...SIZES.map((s) => by[s]?.check?.issues ?? '')]));
    }
    const md = p['markdown-ls'] ?? {};
    const gr = p['govreport-ls'] ?? {};
    const mdv = Object.values(md).find((x) => x.version)?.version;
    L.push(row(['**GovReport language server**: didOpen → documentSymbol', ...SIZES.map((s) => (gr[s]?.openMs !== undefined ? fmtMs(gr[s].openMs) : cell(gr[s])))]));
    L.push(row(['**GovReport language server**: edit → documentSymbol', ...SIZES.map((s) => cell(gr[s]))]));
    L.push(row([`Markdown language server (vscode-langservers-extracted ${mdv ?? ''}): didOpen → documentSymbol`, ...SIZES.map((s) => (md[s]?.openMs !== undefined ? fmtMs(md[s].openMs) : cell(md[s])))]));
    L.push(row(['Markdown language server: edit → documentSymbol', ...SIZES.map((s) => cell(md[s]))]));
    L.push(row(['— symbols: GovReport / Markdown', ...SIZES.map((s) => `${gr[s]?.check?.symbols ?? ''} / ${md[s]?.check?.symbols ?? ''}`)]));
    L.push('');
    L.push('Each peer and size in its own process, one warm-up call, then up to ' +
      `${SIZES.map((s) => `${r.peerReps?.[s]}`).join(' / ')} samples per size (fewer when they would take over ${r.peerBudgetS} s); a single call over ${r.peerCapS} s is a timeout. ` +
      'markdownlint: `lint({ strings })` with the default configuration. zhlint: `run(text, { rules: { preset: \'default\' } })` — without options zhlint checks nothing. ' +
      'autocorrect-node: `lintFor(text, \'text.md\')`' +
      (Object.values(p.autocorrect ?? {}).some((x) => x.mode) ? `; at ${SIZES.filter((s) => p.autocorrect?.[s]?.mode).join(' and ')} a second call in the same process fails ` +
        '(“call limit reached”, only the first call of a process lints a text that large), so there each sample is the first call of a fresh process, its one-time set-up (~50 ms) included' : '') + '. ' +
      'Language servers over stdio, the same procedure for both: didOpen then documentSymbol (a new URI each time), then one-character incremental edits each followed by documentSymbol; ' +
      'the GovReport server\'s debounced diagnostics are awaited between edits so that each round trip starts from a quiet server. The Markdown server asks its client to tokenise ' +
      '(`markdown/parse`), answered with markdown-it as VS Code does; its copy of the text has `# ` / `## ` before the 一、 / （一） headings so that it has an outline to compute. ' +
      'The "faster than" targets compare the GovReport core\'s full analysis with the three linters (all in-process), and the two language servers with each other.', '');
  }

  // Language server
  const l = r.lsp ?? {};
  L.push('## Language server over stdio (`node dist/server.js --stdio`, production bundle)', '');
  if (!r.lsp) L.push('Not run.', '');
  else if (l.error) L.push(`Failed: ${l.error}`, '');
  else {
    const n = l['200KB']?.edits;
    L.push(`${n} one-character incremental edits in the middle of a body line (after 5 unrecorded ones) per series. ` +
      `Diagnostics: didChange → publishDiagnostics of that version; the server debounces by DIAGNOSTICS_DEBOUNCE_MS = **${l.debounceMs} ms** (server/src/server.ts). ` +
      'Requests: a series of edits per request, each edit followed at once by that request (so each pays for re-analysing the document), round trip timed; hover on a figure after the edited line, completion at the start of an empty line.', '');
    L.push(...head(['', 'diagnostics p50 / p95', '− debounce p50 / p95', 'documentSymbol p50 / p95', 'hover p50 / p95', 'completion p50 / p95', 'server RSS after']));
    const pp = (x) => (!x ? '' : x.notProvided ? 'not provided' : `${x.p50} / ${x.p95}`);
    for (const s of ['200KB', '2MB']) {
      const x = l[s];
      if (!x) continue;
      L.push(row([s, pp(x.diagnostics), pp(x.diagnosticsMinusDebounce), pp(x.documentSymbol), pp(x.hover), pp(x.completion), `${x.memoryAfter?.rssMB} MB`]));
    }
    if (l.memory10MB) L.push('', `10 MB document, fresh server: VmRSS **${l.memory10MB.rssMB} MB** after its first diagnostics (${l.memory10MB.diagnostics} findings, ` +
      `${fmtMs(l.memory10MB.firstDiagnosticsMs)} after didOpen); peak VmHWM ${l.memory10MB.hwmMB} MB; ${l.memory10MB.idleRssMB} MB before the document. ` +
      'Its 3.4 million characters are above the default govreport.largeDocumentThreshold (2,000,000), so the server, as shipped, checks ' +
      'its structure and skips the figure rules' +
      (l.memory10MBAllRules ? `; with every rule (threshold raised in the settings): VmRSS **${l.memory10MBAllRules.rssMB} MB** ` +
        `(${l.memory10MBAllRules.diagnostics} findings, ${fmtMs(l.memory10MBAllRules.firstDiagnosticsMs)}).` : '.'));
    L.push('');
  }

  // CLI
  const cl = r.cli ?? {};
  L.push('## CLI: 1,000 seed-sized reports', '');
  if (!r.cli) L.push('Not run.', '');
  else if (cl.error) L.push(`Failed: ${cl.error}`, '');
  else {
    L.push(`\`node dist/cli.js check --format json bench/.cache/cli-1000\` (${cl.files} files, ${cl.findings} findings in the output), wall-clock from spawn to exit, median of ${cl.reps} runs after one warm-up run.`, '');
    L.push(...head(['', 'wall time', 'min / max']));
    for (const [k, label] of [['default', 'as shipped (the CLI chooses)'], ['jobs1', '`--jobs 1` (no worker threads)'], ['jobs2', '`--jobs 2` (two worker threads)']]) {
      const x = cl[k];
      L.push(row([label, x?.wallMs !== undefined ? fmtMs(x.wallMs) : x?.error ?? '', x?.spread ? `${fmtMs(x.spread.min)} / ${fmtMs(x.spread.max)}` : '']));
    }
    L.push('');
  }

  // Saved web pages
  const rd = r.html;
  L.push('## Saved web pages (bench/html.mjs, production bundle)', '');
  if (!rd || rd.error) L.push(`Not run${rd?.error ? `: ${rd.error}` : ''}.`, '');
  else {
    L.push('A GBK 政务公开 page of pingtan-2021 (test/helpers/gov-info-html.ts), its article repeated to the size, the site around it; dist/html-reader.js on the bytes as read from disk. Median of the runs after a warm-up.', '');
    L.push(...head(['saved web page', 'bytes', 'characters extracted', 'time', 'per MB']));
    for (const [s, x] of Object.entries(rd)) L.push(row([s, x.bytes.toLocaleString('en-US'), x.characters.toLocaleString('en-US'), fmtMs(x.ms), `${x.msPerMB} ms`]));
    L.push('');
  }

  // Extension
  const e = r.extension ?? {};
  L.push('## Extension', '');
  if (e.bundles) {
    L.push(...head(['production bundle', 'bytes']));
    for (const [f, b] of Object.entries(e.bundles.files)) L.push(row([`dist/${f}${ON_DEMAND_BUNDLES.includes(f) ? ' (on demand)' : ''}`, `${b.toLocaleString('en-US')} (${kb(b)})`]));
    if (e.bundles.ordinary !== undefined) L.push(row(['**loaded in ordinary use**', `${e.bundles.ordinary.toLocaleString('en-US')} (${kb(e.bundles.ordinary)})`]));
    L.push(row(['**together**', `${e.bundles.total.toLocaleString('en-US')} (${kb(e.bundles.total)})`]), '');
  }
  const a = e.activation;
  if (!r.extension) L.push('Not run.', '');
  else if (!a || a.error) L.push(`Activation in VS Code: **not measured** — ${a?.error ?? e.error ?? 'no result'}.`, '');
  else {
    L.push(`VS Code ${a.vscode} (code-server, headless Chromium), ${a.runs} window loads, each a fresh extension host; medians. ` +
      `The suite (bench/activation/suite.cjs) waits for a quiet machine, then activates GovReport through the API${a.wasActive ? ' (**it was already active in some window**)' : ' (never active before)'}.`, '');
    L.push(...head(['', 'median', 'samples']));
    L.push(row(['VS Code\'s own activation time (Running Extensions: code loading + activate())', `${a.vscodeActivationMs} ms`, a.samples.vscodeActivationMs.join(', ')]));
    L.push(row(['`await extension.activate()`, wall-clock in the extension host', `${a.activateMs} ms`, a.samples.activateMs.join(', ')]));
    L.push(row(['`activate()` body as it reports itself', `${a.selfReportedMs} ms`, '']));
    L.push(row(['activation start → language server started', `${a.serverReadyMs} ms`, '']));
    L.push(row(['opening a seed report → first document symbols', `${a.firstSymbolsMs} ms`, '']));
    L.push(row(['activation start → first document symbols', `${a.firstSymbolsFromActivationMs} ms`, '']));
    if (a.failedRuns.length || a.samples.vscodeActivationErrors.length) L.push('', `Problems: ${[...a.failedRuns, ...a.samples.vscodeActivationErrors].join('; ')}`);
    L.push('');
  }

  // PDF extraction
  const pd = r.pdf;
  L.push('## PDF extraction', '');
  if (!pd) L.push('Not run.', '');
  else if (pd.error) L.push(`Failed: ${pd.error}`, '');
  else {
    L.push(`\`node bench/pdf.mjs\`: dist/pdf-reader.js (production build) in a process of its own, \`extractPdfText\` on reports printed to PDF by the tests' writer ` +
      '(test/helpers/make-pdf.ts: pdfkit, a Noto Sans CJK subset embedded, justified paragraphs, tables with borders, page numbers, a running header); ' +
      `median of ${pd.reps} calls after a warm-up call (which also loads pdf.js).`, '');
    L.push(...head(['', 'PDF bytes', 'pages', 'lines of text', 'time', 'per MB', 'per page']));
    for (const [k, label] of [['report', 'one report (pingtan-2021, its three tables)'], ['compilation', 'the six reports over and over (≥ 1 MB)']]) {
      const x = pd[k];
      L.push(row([label, x.bytes.toLocaleString('en-US'), x.pages, x.lines.toLocaleString('en-US'), fmtMs(x.ms), `${x.msPerMB} ms`, `${x.msPerPage} ms`]));
    }
    L.push('');
  }

  L.push('## Noise', '');
  L.push('Everything here ran on one shared 2-core machine; timings in milliseconds move by 10–30 % between runs, single samples by more ' +
    '(garbage collection, the other processes of the run). Medians, in-run ratios, batching of sub-millisecond work and warm-ups keep conclusions stable; ' +
    'p95 of 50 samples is the 48th smallest and moves with a couple of slow samples. See bench/README.md.', '');
  return L.join('\n');
}
