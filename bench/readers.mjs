// Reading reports as they are published: the text extracted from a saved web page (dist/html-reader.js, the
// production bundle), per MB of the page's bytes. The page is a GBK 政务公开 page (test/helpers/gov-info-html.ts)
// of pingtan-2021, its article repeated to reach each size: paragraphs and the three tables, with the site's
// navigation and footer around it, as it is read from disk. Median of runs after a warm-up.
//
//   node bench/readers.mjs      prints the results as JSON
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

/** The page generator of the tests, bundled once for this plain-JavaScript process. */
async function pageMaker() {
  const out = path.join(CACHE, 'pages.cjs');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test/helpers/gov-info-html.ts')], bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', outfile: out, logLevel: 'warning', absWorkingDir: ROOT,
  });
  return require(out);
}

export async function measureReaders({ log = () => {} } = {}) {
  fs.mkdirSync(CACHE, { recursive: true });
  const { govInfoPageGbk } = await pageMaker();
  const reader = require(path.join(ROOT, 'dist', 'html-reader.js'));
  const report = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/gov-info/pingtan-2021.txt'), 'utf8').replace(/\n$/, '');
  const [title, ...body] = report.split('\n');
  const html = {};
  for (const [name, bytes] of Object.entries(PAGE_SIZES)) {
    log(`HTML extraction, ${name} page`);
    let copies = 1;
    let page = govInfoPageGbk(report);
    // Copies of the article until the page reaches the size.
    copies = Math.max(1, Math.round(bytes / page.length));
    page = govInfoPageGbk([title, ...Array.from({ length: copies }, () => body.join('\n'))].join('\n'));
    reader.extractHtmlText(page);
    const times = [];
    let chars = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      chars = reader.extractHtmlText(page).text.length;
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const ms = median(times);
    html[name] = { bytes: page.length, characters: chars, ms: round(ms, 1), msPerMB: round(ms / (page.length / 2 ** 20), 1), runs: RUNS };
  }
  return { html };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measureReaders({ log: (s) => process.stderr.write(`${s}\n`) })));
}
