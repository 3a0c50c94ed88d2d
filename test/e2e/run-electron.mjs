#!/usr/bin/env node
// `npm run test:e2e:electron`: the same end-to-end suite in desktop VS Code through @vscode/test-electron.
// For machines that can download VS Code (a developer's laptop, a public CI): test-electron fetches the build at
// run time, which this project's own machines cannot do — there `npm run test:e2e` (code-server) is the runner.
// On Linux without a display, run it under xvfb-run. No screenshots here: the suite only asks for them when
// GOVREPORT_E2E_HANDSHAKE_DIR is set, and this runner does not set it.
// Environment knobs: GOVREPORT_E2E_VSCODE_VERSION (default 1.100.3, the engine's minimum; 'stable' for the latest).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleSuite, copyWorkspace, ensureExtensionBuilt, printResults, repoRoot } from './bundle-suite.mjs';

const outputDir = path.join(repoRoot, 'test-results', 'e2e');
const version = process.env.GOVREPORT_E2E_VSCODE_VERSION || '1.100.3';

await ensureExtensionBuilt();
const extensionTestsPath = await bundleSuite();

fs.mkdirSync(outputDir, { recursive: true });
const resultsFile = path.join(outputDir, 'results.json');
fs.rmSync(resultsFile, { force: true });
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-electron-'));
const workspace = path.join(tmpDir, 'seeds');
copyWorkspace(workspace);

let exitCode = 0;
try {
  await runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv: { GOVREPORT_E2E_RESULTS: resultsFile },
  });
} catch (err) {
  console.error(`[e2e] VS Code test run failed: ${err instanceof Error ? err.message : err}`);
  exitCode = 1;
} finally {
  fs.rmSync(tmpDir, { recursive: true, force: true });
}

let counts = { passed: 0, failed: 1, pending: 0 };
if (fs.existsSync(resultsFile)) {
  counts = printResults(JSON.parse(fs.readFileSync(resultsFile, 'utf8')), `test-electron ${version}`);
} else {
  console.error(`[e2e] the suite wrote no results (${path.relative(repoRoot, resultsFile)})`);
}
if (counts.failed > 0 || counts.passed === 0) exitCode = 1;
console.log(`\n${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
process.exit(exitCode);
