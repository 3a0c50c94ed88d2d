// govreport — the command line over the same core as the language server.
//
//   govreport check   [--fix] [--format text|json|sarif] [--locale zh|en] [--profile auto|none|ID] [--config FILE] PATH...
//   govreport outline [--diagnostics] [--locale zh|en] [--profile auto|none|ID] [--config FILE] PATH...
//   govreport figures [--format text|csv|json] PATH...
//   govreport matrix  [--format text|csv|json] PATH...
//   govreport compare [--format text|json] [--locale zh|en] PREVIOUS CURRENT
//
// PATH: files, folders (searched recursively) and quoted glob patterns; .txt .md .govreport, .docx, .pdf and saved
// web pages (.html .htm .shtml).
//
// Each report is checked under the nearest .govreport.json above it (or the one given with --config):
// its severities, profile and ignore list apply, as in the editor.
//
// Exit codes of `check`: 0 no error-severity finding, 1 at least one, 2 usage or I/O errors (`outline`: 0 or 2).
// A file that could not be read, or whose fixes could not be written, makes it 2 even when the rest is clean:
// the others are checked all the same, and the exit code does not claim a clean batch.
//
// Text output escapes every control character that comes from a file (names, headings, quoted text), JSON
// escapes them as JSON does, CSV guards against formulas: see node/terminal.ts and csvField.
//
// This file runs a command; the parts are beside it: args (options and usage), report (one report through the
// pipeline), pool (worker threads), render/ (one output per command), compare.

import * as fs from 'fs';
import { isMainThread } from 'worker_threads';
import { localize } from '../core/index';
import { collectPaths, type UnreadableFile } from '../node/files';
import { defaultLocale, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parseArgs, USAGE } from './args';
import { compareFiles } from './compare';
import { defaultJobs, processHere, processInWorkers, runWorker } from './pool';
import { Progress } from './progress';
import { renderJson, renderSarif, renderText } from './render/check';
import { plain } from './render/style';
import { renderFigures } from './render/figures';
import { renderMatrix } from './render/matrix';
import { renderOutlines } from './render/outline';
import type { Checked } from './report';

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(USAGE[defaultLocale()] + '\n');
    return EXIT_OK;
  }
  if ('error' in parsed) {
    process.stderr.write(`govreport: ${parsed.error}\n\n${USAGE[defaultLocale()]}\n`);
    return EXIT_USAGE;
  }
  if (parsed.configPath && !isReadableFile(parsed.configPath)) {
    process.stderr.write(plain(`govreport: ${parsed.locale === 'en' ? 'no such configuration file' : '找不到配置文件'}: ${parsed.configPath}`) + '\n');
    return EXIT_USAGE;
  }
  if (parsed.command === 'compare') return compareFiles(parsed);
  const { files, missing, unreadable: skipped } = collectPaths(parsed.paths);
  for (const m of missing) process.stderr.write(plain(`govreport: ${parsed.locale === 'en' ? 'no such file or folder' : '找不到文件或文件夹'}: ${m}`) + '\n');
  for (const s of skipped) process.stderr.write(plain(`govreport: ${s.path}: ${localize(s.reason, parsed.locale)}`) + '\n');
  const jobs = parsed.jobs ?? defaultJobs(files.length);
  const progress = new Progress(files.length, parsed.locale);
  const processed = jobs > 1 && files.length > 1 ? await processInWorkers(files, parsed, jobs, progress) : await processHere(files, parsed, progress);
  progress.done();
  const checked: Checked[] = [];
  const unreadable: UnreadableFile[] = [...skipped];
  // Notes come out in input order, whatever thread finished first.
  for (const p of processed) {
    for (const note of p.notes) process.stderr.write(plain(note));
    if ('unreadable' in p) unreadable.push(p.unreadable);
    else checked.push(p.checked);
  }
  const notFixed: UnreadableFile[] = checked.flatMap((c) => (c.fixError ? [{ path: c.file.path, reason: c.fixError }] : []));
  const out = parsed.command === 'outline' ? renderOutlines(checked, parsed) :
    parsed.command === 'figures' ? renderFigures(checked, parsed) :
    parsed.command === 'matrix' ? renderMatrix(checked, parsed) :
    parsed.format === 'sarif' ? renderSarif(checked, [...unreadable, ...notFixed], parsed) :
    parsed.format === 'json' ? renderJson(checked) : renderText(checked, parsed.locale);
  if (parsed.format !== 'text') {
    // The JSON contract on stdout stays as it is; what --fix did goes to stderr.
    for (const c of checked.filter((x) => x.fixed.length > 0)) {
      process.stderr.write(plain(`govreport: ${c.file.path}: ${parsed.locale === 'en' ? `fixed ${c.fixed.length}` : `已修正 ${c.fixed.length} 处`}`) + '\n');
    }
  }
  // CSV keeps the text as it is for the spreadsheet; on a terminal it is shown, and escaped like any text.
  process.stdout.write(parsed.format === 'csv' && process.stdout.isTTY ? plain(out) : out);
  if (missing.length > 0 || unreadable.length > 0 || notFixed.length > 0 || (checked.length === 0 && files.length === 0)) return EXIT_USAGE;
  // Only `check` reports through its exit code; the others succeed whenever they could read something.
  if (parsed.command !== 'check') return EXIT_OK;
  return checked.some((c) => c.findings.some((f) => f.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}

function isReadableFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

if (isMainThread) {
  // A reader that stops early (`govreport figures … | head`) is no error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error) => {
    process.stderr.write(`govreport: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  });
} else {
  runWorker();
}
