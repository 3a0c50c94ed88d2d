// Entry point of the end-to-end suite inside VS Code's extension host (the `extensionTestsPath`).
// VS Code calls `run()`; it runs mocha (bdd) over the bundled *.test.js files beside this file, records every
// test in a results JSON file, then — when a runner that can take pictures is listening — performs the
// screenshot handshake (see test/e2e/README.md) before resolving. Works under code-server (run-code-server.mjs)
// and under @vscode/test-electron (run-electron.mjs).
//
// Paths come from environment variables the runner gives the VS Code process (the extension host inherits them):
//   GOVREPORT_E2E_RESULTS        where to write the results JSON (default: test-results/e2e/results.json)
//   GOVREPORT_E2E_HANDSHAKE_DIR  where screenshot requests are written and answered (unset: no screenshots)
//   GOVREPORT_E2E_VSIX           the .vsix the runner installed (unset: the extension is the development folder)
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { screenshotRequests, waitFor, type ScreenshotRequest } from './helpers';

export interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string; expected?: unknown; actual?: unknown };
}

export interface SuiteResults {
  vscodeVersion: string;
  /** Whether the runner's environment variables reached the extension host. */
  envInherited: boolean;
  startedAt: string;
  durationMs: number;
  stats: { passed: number; failed: number; pending: number };
  tests: TestResult[];
  /** Pictures the suite will request, in order, through the handshake directory. */
  screenshots: { name: string; view?: string; waitForText?: string; editorTitle?: ScreenshotRequest['editorTitle'] }[];
}

const repoRoot = path.resolve(__dirname, '..', '..', '..'); // dist/test/e2e -> repo root
const HANDSHAKE_TIMEOUT_MS = 120_000;

export async function run(): Promise<void> {
  const resultsPath = process.env.GOVREPORT_E2E_RESULTS ?? path.join(repoRoot, 'test-results', 'e2e', 'results.json');
  const handshakeDir = process.env.GOVREPORT_E2E_HANDSHAKE_DIR;
  const started = Date.now();
  const tests: TestResult[] = [];

  try {
    await runMocha(tests);
  } catch (err) {
    tests.push({ title: 'load the test files', fullTitle: 'e2e suite: load the test files', state: 'failed', error: toError(err) });
  }

  const requests = handshakeDir ? [...screenshotRequests()] : [];
  const results: SuiteResults = {
    vscodeVersion: vscode.version,
    envInherited: process.env.GOVREPORT_E2E_RESULTS !== undefined,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    stats: {
      passed: tests.filter((t) => t.state === 'passed').length,
      failed: tests.filter((t) => t.state === 'failed').length,
      pending: tests.filter((t) => t.state === 'pending').length,
    },
    tests,
    screenshots: requests.map(({ name, view, waitForText, editorTitle }) => ({ name, view, waitForText, editorTitle })),
  };
  writeJsonAtomically(resultsPath, results);

  if (handshakeDir) await screenshotHandshake(handshakeDir, requests);

  if (results.stats.failed > 0) throw new Error(`${results.stats.failed} end-to-end test(s) failed`);
  if (results.stats.passed === 0) throw new Error('no end-to-end test passed');
}

function runMocha(tests: TestResult[]): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: recordingReporter(tests) });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(__dirname, f));
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    try {
      mocha.run(() => resolve());
    } catch (err) {
      reject(err);
    }
  });
}

/** A spec reporter (console output, seen in test-electron's terminal) that also records each test. */
function recordingReporter(tests: TestResult[]): typeof Mocha.reporters.Base {
  const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  return class RecordingReporter extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const record = (test: Mocha.Runnable, state: TestResult['state'], err?: unknown) =>
        tests.push({
          title: test.title,
          fullTitle: test.fullTitle(),
          file: test.file ? path.basename(test.file) : undefined,
          state,
          durationMs: test.duration,
          error: err === undefined ? undefined : toError(err),
        });
      runner.on(EVENT_TEST_PASS, (test) => record(test, 'passed'));
      runner.on(EVENT_TEST_FAIL, (test, err) => record(test, 'failed', err)); // hooks too
      runner.on(EVENT_TEST_PENDING, (test) => record(test, 'pending'));
    }
  };
}

/**
 * For each requested picture, in order: put the workbench in shape (request.prepare), write
 * `<dir>/request-<i>.json`, and wait until the runner writes `<dir>/done-<i>.json`. `run()` stays pending
 * meanwhile, because the extension host (and with it the outline and diagnostics) goes away when it resolves.
 */
async function screenshotHandshake(dir: string, requests: ReturnType<typeof screenshotRequests>): Promise<void> {
  for (const [i, request] of requests.entries()) {
    try {
      await request.prepare?.();
    } catch (err) {
      console.error(`[e2e] preparing screenshot ${request.name} failed:`, err);
    }
    writeJsonAtomically(path.join(dir, `request-${i}.json`), { name: request.name, view: request.view, waitForText: request.waitForText, editorTitle: request.editorTitle });
    const done = path.join(dir, `done-${i}.json`);
    try {
      await waitFor(`the runner to take screenshot ${request.name}`, () => (fs.existsSync(done) ? true : undefined), HANDSHAKE_TIMEOUT_MS);
    } catch (err) {
      console.error(`[e2e] ${(err as Error).message}`);
      return;
    }
  }
}

function writeJsonAtomically(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

function toError(err: unknown): NonNullable<TestResult['error']> {
  if (err instanceof Error) {
    const e = err as Error & { expected?: unknown; actual?: unknown };
    return { message: e.message, stack: e.stack, expected: e.expected, actual: e.actual };
  }
  return { message: String(err) };
}
