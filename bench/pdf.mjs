// PDF extraction, measured in a process of its own (a child of run.mjs): the reader as it ships
// (dist/pdf-reader.js, production build) on reports printed to PDF by the tests' writer (test/helpers/make-pdf.ts:
// pdfkit, Noto Sans CJK subset embedded, justified paragraphs, tables with borders, page numbers and a running
// header). Two inputs: one report (the 政府信息公开 report pingtan-2021 with its three tables, about 170 KB) and a
// compilation of the six reports (the seeds and pingtan-2021) printed over and over until the PDF is at least
// 1 MB. Time per MB of PDF and per page, median of REPS calls after a warm-up call (which also loads pdf.js).
//
//   node bench/pdf.mjs            prints the results as JSON
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { median, round } from './lib/stats.mjs';
import { CACHE, ROOT } from './inputs.mjs';

export const PDF_REPS = 5;
/** The compilation is printed until its PDF is at least this large. */
const LARGE_BYTES = 1_000_000;
const require = createRequire(import.meta.url);

/** The tests' PDF writer, bundled for plain Node (pdfkit stays in node_modules, where it finds its data files). */
async function pdfWriter() {
  const out = path.join(CACHE, 'make-pdf.cjs');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test/helpers/make-pdf.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    packages: 'external', outfile: out, logLevel: 'warning', absWorkingDir: ROOT,
  });
  return require(out);
}

function reports() {
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(ROOT, 'seeds', f));
  return [...seeds, path.join(ROOT, 'test/fixtures/corpus/gov-info/pingtan-2021.txt')].map((f) => fs.readFileSync(f, 'utf8').replace(/\r\n?/g, '\n').trimEnd());
}

/** The inputs, made once and cached (the writer is deterministic: fixed dates, no random ids). */
async function inputs() {
  const dir = path.join(CACHE, 'pdf');
  const one = path.join(dir, 'report.pdf');
  const large = path.join(dir, 'compilation.pdf');
  if (!fs.existsSync(one) || !fs.existsSync(large)) {
    const writer = await pdfWriter();
    fs.mkdirSync(dir, { recursive: true });
    const options = { header: '政府年度报告汇编', pageNumbers: true };
    const texts = reports();
    fs.writeFileSync(one, await writer.reportPdf(texts[texts.length - 1], options));
    // The reports one after another, as one document (its first line is the compilation's title).
    let copies = 1;
    for (;;) {
      const body = Array.from({ length: copies }, () => texts.join('\n')).join('\n');
      const pdf = await writer.reportPdf(`政府年度报告汇编\n${body}`, options);
      if (pdf.length >= LARGE_BYTES) {
        fs.writeFileSync(large, pdf);
        break;
      }
      copies = Math.max(copies + 1, Math.ceil(copies * LARGE_BYTES / pdf.length));
    }
  }
  return { one: fs.readFileSync(one), large: fs.readFileSync(large) };
}

async function measure(reader, bytes) {
  const warm = await reader.extractPdfText(bytes);
  const times = [];
  for (let i = 0; i < PDF_REPS; i++) {
    const t = process.hrtime.bigint();
    await reader.extractPdfText(bytes);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const ms = median(times);
  const pages = warm.pageStarts.length;
  return {
    bytes: bytes.length, pages, lines: warm.text.split('\n').length, ms: round(ms, 1),
    msPerMB: round(ms / (bytes.length / 1e6), 1), msPerPage: round(ms / pages, 2),
  };
}

export async function measurePdf() {
  const { one, large } = await inputs();
  const reader = require(path.join(ROOT, 'dist', 'pdf-reader.js'));
  return { reps: PDF_REPS, report: await measure(reader, one), compilation: await measure(reader, large) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.stdout.write(JSON.stringify(await measurePdf()) + '\n');
}
