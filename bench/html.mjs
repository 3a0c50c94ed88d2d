// Saved web pages: the text extracted by dist/html-reader.js (the production bundle), per MB of the page's bytes.
// The page is a GBK 政务公开 page (test/helpers/gov-info-html.ts) of pingtan-2021, its article repeated to reach
// each size: paragraphs and the three tables, with the site's navigation and footer around it. Median of runs
// after a warm-up. (PDFs: bench/pdf.mjs.)
//
//   node bench/html.mjs      prints the results as JSON
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { median, round } from './lib/stats.mjs';
import { CACHE, ROOT } from './inputs.mjs';

const require = createRequire(import.meta.url);
export const PAGE_SIZES = { '1MB': 2 ** 20, '5MB': 5 * 2 ** 20 };
const RUNS = 7;

/** A generator of the tests, bundled once for this plain-JavaScript process. */
async function testHelper(name) {
  const out = path.join(CACHE, `${name}.cjs`);
  await esbuild.build({
    entryPoints: [path.join(ROOT, `test/helpers/${name}.ts`)], bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', outfile: out, logLevel: 'warning', absWorkingDir: ROOT,
  });
  return require(out);
}

/** Median milliseconds of `runs` calls after one to warm up, and the last result. */
async function timed(runs, f) {
  let result = await f();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    result = await f();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { ms: median(times), result };
}

export async function measureHtml({ log = () => {} } = {}) {
  fs.mkdirSync(CACHE, { recursive: true });
  const report = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/gov-info/pingtan-2021.txt'), 'utf8').replace(/\n$/, '');
  const [title, ...body] = report.split('\n');
  /** The report with its body `copies` times over. */
  const repeated = (copies) => [title, ...Array.from({ length: copies }, () => body.join('\n'))].join('\n');

  const { govInfoPageGbk } = await testHelper('gov-info-html');
  const htmlReader = require(path.join(ROOT, 'dist', 'html-reader.js'));
  const html = {};
  for (const [name, bytes] of Object.entries(PAGE_SIZES)) {
    log(`HTML extraction, ${name} page`);
    const page = govInfoPageGbk(repeated(Math.max(1, Math.round(bytes / govInfoPageGbk(report).length))));
    const { ms, result } = await timed(RUNS, () => htmlReader.extractHtmlText(page));
    html[name] = { bytes: page.length, characters: result.text.length, ms: round(ms, 1), msPerMB: round(ms / (page.length / 2 ** 20), 1), runs: RUNS };
  }

  return html;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measureHtml({ log: (s) => process.stderr.write(`${s}\n`) })));
}
