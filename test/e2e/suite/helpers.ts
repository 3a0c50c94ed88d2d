// Small helpers shared by the end-to-end tests and the suite's entry point (index.ts). Each bundled test file
// gets its own copy of this module, so anything that must be shared between them lives on `globalThis`.
import * as path from 'path';

/**
 * The repository the suite was bundled from (dist/test/e2e/*.js): the tests' own fixtures are read from there.
 * What the extension ships (snippets, rule pages) is read from the installed extension's extensionPath instead,
 * which under run-code-server.mjs is the .vsix installed into code-server, not this folder.
 */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * Calls `probe` until it returns something other than `undefined`, or fails after `timeoutMs` with a message
 * naming `what` (and the last error the probe threw, if any). A poll with a deadline, not a fixed sleep.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A picture a test asks the runner to take of the workbench once every test has run. */
export interface ScreenshotRequest {
  /** File name without extension: the runner saves test-results/e2e/<name>.png. */
  readonly name: string;
  /**
   * What to show before the picture is taken: 'outline' for the Outline view, 'coverage' for 「纲要覆盖情况」;
   * 'extension' waits for the extension's details page (prepared by the test) to show its name and icon.
   */
  readonly view?: 'outline' | 'coverage' | 'extension';
  /**
   * A text the view must show before the picture is taken — for the Outline, a symbol of the document `prepare`
   * shows, so that the picture is not of the outline of the editor shown before it.
   */
  readonly waitForText?: string;
  /**
   * What the active editor group's title bar must show before the picture is taken: the tab named `tab` active,
   * and the buttons with these codicons (e.g. 'table' for 「显示报告数据」) present (`shown`) or absent.
   */
  readonly editorTitle?: { readonly tab: string; readonly icons: readonly string[]; readonly shown: boolean };
  /** Puts the workbench in the state to photograph (e.g. shows a document); run just before the request. */
  readonly prepare?: () => Thenable<unknown> | Promise<unknown>;
}

const REGISTRY_KEY = Symbol.for('govreport.e2e.screenshotRequests');

function registry(): ScreenshotRequest[] {
  const g = globalThis as unknown as Record<symbol, ScreenshotRequest[] | undefined>;
  return (g[REGISTRY_KEY] ??= []);
}

/**
 * Asks the runner for a screenshot after the suite has finished. Only the code-server runner takes pictures;
 * under @vscode/test-electron the request is ignored.
 */
export function requestScreenshot(request: ScreenshotRequest): void {
  const list = registry();
  const i = list.findIndex((r) => r.name === request.name);
  if (i >= 0) list.splice(i, 1);
  list.push(request);
}

/** The screenshot requests made so far (used by index.ts). */
export function screenshotRequests(): readonly ScreenshotRequest[] {
  return registry();
}
