// Bundles the end-to-end suite for the extension host: test/e2e/suite/index.ts (which runs mocha) and every
// test/e2e/suite/**/*.test.ts, each into its own CommonJS file under dist/test/e2e/. `vscode` stays external
// (the extension host provides it); mocha is bundled into index.js so nothing is required from node_modules
// at run time. Shared by run-code-server.mjs and run-electron.mjs, like the workspace folder they open
// (copyWorkspace) and the summary they print (printResults).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteDir = path.join(repoRoot, 'test', 'e2e', 'suite');
export const outDir = path.join(repoRoot, 'dist', 'test', 'e2e');

/** Makes sure the bundles exist (dist/client.js, dist/server.js and the readers); builds them with the project's esbuild.mjs if not. */
export async function ensureExtensionBuilt() {
  const needed = ['client.js', 'server.js', 'docx-reader.js', 'html-reader.js'].map((f) => path.join(repoRoot, 'dist', f));
  if (needed.every((f) => fs.existsSync(f))) return;
  console.log('[e2e] a bundle of dist/ is missing: running node esbuild.mjs');
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`node esbuild.mjs failed (exit ${r.status ?? r.signal})`);
}

/** The corpus report the tables suite opens: a 政府信息公开工作年度报告 whose tables are TAB-separated rows. */
export const GOV_INFO_FIXTURE = path.join('test', 'fixtures', 'corpus', 'gov-info', 'pingtan-2021.txt');

/**
 * Fills `workspace`, the folder both runners open: a copy of seeds/, and the 政府信息公开 corpus report as
 * gov-info/pingtan-2021.txt. The suites edit documents only in memory, so the copies stay as they are on disk.
 */
export function copyWorkspace(workspace) {
  fs.cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
  const govInfo = path.join(workspace, 'gov-info');
  fs.mkdirSync(govInfo, { recursive: true });
  fs.copyFileSync(path.join(repoRoot, GOV_INFO_FIXTURE), path.join(govInfo, path.basename(GOV_INFO_FIXTURE)));
}

/** Bundles the suite; returns the absolute path of the bundled index.js (the extensionTestsPath). */
export async function bundleSuite() {
  const testFiles = fs
    .readdirSync(suiteDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(suiteDir, f))
    .sort();
  if (testFiles.length === 0) throw new Error(`no *.test.ts files under ${suiteDir}`);

  // Stale test bundles from renamed or deleted tests would otherwise still be run.
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(suiteDir, 'index.ts'), ...testFiles],
    outbase: suiteDir,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'error',
    absWorkingDir: repoRoot,
  });
  return path.join(outDir, 'index.js');
}

/**
 * Prints the suite's results file (written by suite/index.ts) test by test, mocha-style; returns the counts.
 * The runners print the closing `N passed, N failed` line themselves, last.
 */
export function printResults(results, host) {
  console.log(
    `\nGovReport e2e: VS Code ${results.vscodeVersion} (${host}), runner environment inherited by the extension host: ${results.envInherited ? 'yes' : 'no'}`,
  );
  let file;
  for (const t of results.tests) {
    if (t.file !== file) {
      file = t.file;
      console.log(`  ${file ?? ''}`);
    }
    const ms = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
    if (t.state === 'passed') console.log(`    ✔ ${t.fullTitle}${ms}`);
    else if (t.state === 'pending') console.log(`    - ${t.fullTitle} (skipped)`);
    else {
      console.log(`    ✖ ${t.fullTitle}${ms}`);
      const stack = (t.error?.stack ?? t.error?.message ?? '').split('\n').slice(0, 8);
      for (const line of stack) console.log(`        ${line}`);
    }
  }
  const { passed, failed, pending } = results.stats;
  return { passed, failed, pending };
}
