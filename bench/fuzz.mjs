// `npm run fuzz` (node bench/fuzz.mjs [cases] [--seed N]): the properties of test/properties/report-properties.ts
// — analysis never throws, ranges inside the document, deterministic results, fixes that never overlap and
// change only their ranges, fix-all idempotent — on at least 100,000 generated texts (arbitrary Unicode,
// report-like lines with random numbering, mutated seeds). A failure is shrunk by fast-check to a minimal
// reproducer, printed and saved under bench/.cache/. The slowest case (per KB) is reported as a check that
// the time grows with size and nothing more, and so is the cost of one huge paragraph against short ones.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'bench', '.cache');
const args = process.argv.slice(2);
const total = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const seedArg = args.indexOf('--seed');
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : Date.now() % 2 ** 31;

fs.mkdirSync(CACHE, { recursive: true });
const bundle = path.join(CACHE, 'fuzz.cjs');
await esbuild.build({
  stdin: {
    contents: `
      const fc = require('fast-check');
      const p = require('./test/properties/report-properties.ts');
      module.exports = { fc, ...p };`,
    resolveDir: ROOT, loader: 'ts', sourcefile: 'fuzz-entry.ts',
  },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'warning',
});
const require = createRequire(import.meta.url);
const { fc, anyText, reportLikeText, mutatedSeed, checkReportProperties, analyse } = require(bundle);
// The seeds and the 政府信息公开 reports of the corpus, whose tables mutations break in every way.
const textsIn = (dir) => fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(ROOT, dir, f), 'utf8'));
const seeds = [...textsIn('seeds'), ...textsIn('test/fixtures/corpus/gov-info')];

// Share of the cases per kind of input: most are cheap, mutated seeds cost a whole report each.
const kinds = [
  { name: 'arbitrary Unicode', arbitrary: anyText, share: 0.45 },
  { name: 'report-like lines', arbitrary: reportLikeText, share: 0.45 },
  { name: 'mutated seeds', arbitrary: mutatedSeed(seeds), share: 0.1 },
];

const started = performance.now();
const summary = { seed, cases: 0, failures: 0, seconds: 0, kinds: [], slowest: null };
let slowest = { msPerKB: 0, ms: 0, bytes: 0, kind: '', text: '' };
for (const kind of kinds) {
  const numRuns = Math.max(1, Math.round(total * kind.share));
  const t = performance.now();
  const result = fc.check(fc.property(kind.arbitrary, (text) => {
    const s = performance.now();
    checkReportProperties(text);
    const ms = performance.now() - s;
    const kb = Math.max(1, Buffer.byteLength(text) / 1024);
    if (ms / kb > slowest.msPerKB && ms > 5) slowest = { msPerKB: ms / kb, ms, bytes: Buffer.byteLength(text), kind: kind.name, text };
  }), { seed, numRuns });
  const seconds = (performance.now() - t) / 1000;
  summary.cases += result.numRuns;
  const entry = { kind: kind.name, cases: result.numRuns, seconds: Math.round(seconds * 10) / 10, failed: result.failed };
  if (result.failed) {
    summary.failures++;
    const reproducer = result.counterexample?.[0];
    const file = path.join(CACHE, `fuzz-failure-${seed}-${kinds.indexOf(kind)}.txt`);
    fs.writeFileSync(file, typeof reproducer === 'string' ? reproducer : JSON.stringify(reproducer));
    entry.error = String(result.errorInstance?.message ?? result.error).split('\n')[0];
    entry.reproducer = JSON.stringify(reproducer);
    entry.saved = path.relative(ROOT, file);
    console.error(`FAILED (${kind.name}): ${entry.error}\n  minimal reproducer: ${entry.reproducer}\n  saved: ${entry.saved}\n  replay: node bench/fuzz.mjs ${total} --seed ${seed}`);
  }
  summary.kinds.push(entry);
  console.error(`${kind.name}: ${result.numRuns} cases in ${entry.seconds} s${result.failed ? ' — FAILED' : ''}`);
}
// Time grows linearly with size: generated report-like texts repeated to 50 KB and to 1 MB, best of three
// each; the cost per KB of the large one must stay within three times that of the small one.
/** The time of one analysis of `t` in ms: the best of three runs, so that a garbage collection does not count. */
function bestOfThree(t) {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const s = performance.now();
    analyse(t);
    best = Math.min(best, performance.now() - s);
  }
  return best;
}
summary.linear = [];
for (const text of [0, 1, 2, 3].map((k) => fc.sample(reportLikeText, { seed: seed + k, numRuns: 30 }).join('\n'))) {
  const sized = (n) => text.repeat(Math.ceil(n / text.length)).slice(0, n);
  const perKB = (t) => bestOfThree(t) / (t.length / 1024);
  const small = perKB(sized(50_000));
  const large = perKB(sized(1_000_000));
  const ratio = Math.round((large / small) * 100) / 100;
  summary.linear.push(ratio);
  if (ratio > 3) {
    summary.failures++;
    console.error(`FAILED (linear time): ${ratio}× the cost per KB at 1 MB than at 50 KB for ${JSON.stringify(text.slice(0, 120))}`);
  }
}
console.error(`linear time: cost per KB at 1 MB ÷ at 50 KB = ${summary.linear.join(', ')}`);
// …and with the length of one paragraph: the same texts with their line breaks taken out, 1 MB as one paragraph
// against the same 1 MB cut into paragraphs of 50 KB (both sides handle as much data, so only the paragraph's length
// differs; test/unit/linear-paragraph.test.ts does the same for every rule on report-like clauses).
summary.paragraph = [];
for (const sample of [0, 1, 2, 3].map((k) => fc.sample(reportLikeText, { seed: seed + k, numRuns: 30 }).join('').replace(/\r\n|\r|\n/g, ''))) {
  if (sample.length === 0) continue;
  const text = sample.repeat(Math.ceil(1_000_000 / sample.length)).slice(0, 1_000_000);
  const cut = text.match(/[^]{1,50000}/g).join('\n');
  const ratio = Math.round((bestOfThree(text) / bestOfThree(cut)) * 100) / 100;
  summary.paragraph.push(ratio);
  if (ratio > 3) {
    summary.failures++;
    console.error(`FAILED (linear in a paragraph): ${ratio}× the cost of 1 MB as one paragraph than in 50 KB paragraphs for ${JSON.stringify(sample.slice(0, 120))}`);
  }
}
console.error(`linear in one paragraph: cost of 1 MB as one paragraph ÷ in 50 KB paragraphs = ${summary.paragraph.join(', ')}`);
summary.seconds = Math.round((performance.now() - started) / 100) / 10;
// One slow sample may be a garbage collection: the slowest case is timed again, best of five.
let again = Infinity;
for (let k = 0; k < 5 && slowest.text; k++) {
  const s = performance.now();
  checkReportProperties(slowest.text);
  again = Math.min(again, performance.now() - s);
}
summary.slowest = {
  kind: slowest.kind, bytes: slowest.bytes, ms: Math.round(slowest.ms * 10) / 10,
  retimedMs: Number.isFinite(again) ? Math.round(again * 10) / 10 : null, text: JSON.stringify(slowest.text.slice(0, 200)),
};
fs.writeFileSync(path.join(CACHE, 'fuzz-last.json'), JSON.stringify(summary, null, 1));
console.log(JSON.stringify(summary));
process.exitCode = summary.failures ? 1 : 0;
