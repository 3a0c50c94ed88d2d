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

/**
 * What a test can ask the runner to do in the workbench page, as a user would see it, while the test waits:
 * - `figures`: the 「显示报告数据」 webview whose heading is `title` — widen or narrow its editor group to `width` px
 *   (by dragging the sash before it), wait for `waitForText`, measure the table, and save `screenshot` if given;
 * - `hover`: wait for the editor's hover showing `waitForText`, read its rendered lines, save `screenshot`, close it;
 * - `coverage`: read the rows of the 「纲要覆盖情况」 view (focused by the test) once one shows `waitForText`;
 * - `palette`: type `query` into the command palette and read the commands offered (waiting a while for one with
 *   `waitForText`).
 */
export type RunnerAsk =
  | { readonly action: 'figures'; readonly title: string; readonly width?: number; readonly waitForText?: string; readonly screenshot?: string }
  | { readonly action: 'hover'; readonly waitForText: string; readonly screenshot?: string; readonly timeoutMs?: number }
  | { readonly action: 'coverage'; readonly waitForText: string; readonly screenshot?: string }
  | { readonly action: 'palette'; readonly query: string; readonly waitForText: string };

/** A column of the figures table as laid out: its header's text and box. */
export interface MeasuredColumn {
  readonly header: string;
  readonly width: number;
  readonly left: number;
  readonly right: number;
  readonly shown: boolean;
}

/** The runner's answer to `figures`. */
export interface FiguresLayout {
  /** The webview's width in CSS px. */
  readonly viewport: number;
  /** The root font size (px) the em widths of the CSS are of. */
  readonly em: number;
  readonly table: { readonly left: number; readonly right: number; readonly scrollWidth: number; readonly clientWidth: number };
  readonly page: { readonly scrollWidth: number; readonly clientWidth: number };
  readonly columns: Readonly<Record<string, MeasuredColumn>>;
  /** The text of the bar above the table (title, count, hint). */
  readonly bar: string;
  /** The rows built (the page builds only those in sight and a margin). */
  readonly builtRows: number;
  /** The value and section cells of the rows built, in order. */
  readonly values: string[];
  readonly sections: string[];
  /** Cells whose right edge is beyond the table's: a column cut off. */
  readonly cutOff: string[];
  /** The first built row: each cell's text, whether it is cut with an ellipsis, and the row's tooltip. */
  readonly firstRow: { readonly cells: Readonly<Record<string, { text: string; truncated: boolean }>>; readonly tooltip: string } | null;
  /** Where the header is after the page was scrolled down: 0 when it sticks. */
  readonly headerTopAfterScroll: number;
}

/** The runner's answer to `hover`: the rendered hover's block elements (paragraphs, list items, table rows) in order. */
export interface HoverLines {
  readonly blocks: { readonly tag: string; readonly text: string; readonly top: number; readonly bottom: number }[];
  /** The hover's opacity times its ancestors' when it was read (and photographed). */
  readonly opacity: number;
}

/** The runner's answer to `palette`: the labels of the commands offered, category included. */
export interface PaletteRows {
  readonly labels: string[];
}

/** The runner's answer to `coverage`: the view's title, each visible row's label and description. */
export interface CoverageRows {
  readonly title: string;
  readonly rows: { readonly label: string; readonly description: string }[];
}

const ASK_COUNT_KEY = Symbol.for('govreport.e2e.askCount');

/** The next ask's number, shared by every test file's copy of this module. */
function nextAsk(): number {
  const g = globalThis as unknown as Record<symbol, number | undefined>;
  const n = g[ASK_COUNT_KEY] ?? 0;
  g[ASK_COUNT_KEY] = n + 1;
  return n;
}

/** Whether a runner that can drive the page listens (code-server's; not test-electron). */
export function runnerListens(): boolean {
  return process.env.GOVREPORT_E2E_HANDSHAKE_DIR !== undefined;
}

/**
 * Asks the runner to do `ask` in the page and waits for its answer: writes `<handshake>/ask-<n>.json`, polls for
 * `<handshake>/answer-<n>.json`. Fails with the runner's error when it could not.
 */
export async function askRunner<T>(ask: RunnerAsk, timeoutMs = 60_000): Promise<T> {
  const dir = process.env.GOVREPORT_E2E_HANDSHAKE_DIR;
  if (!dir) throw new Error('no runner listens (GOVREPORT_E2E_HANDSHAKE_DIR is not set)');
  const fs = await import('fs');
  const path = await import('path');
  const n = nextAsk();
  const file = path.join(dir, `ask-${n}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(ask));
  fs.renameSync(`${file}.tmp`, file);
  const answerFile = path.join(dir, `answer-${n}.json`);
  const answer = await waitFor(`the runner's answer to ${ask.action} (ask ${n})`, () =>
    fs.existsSync(answerFile) ? JSON.parse(fs.readFileSync(answerFile, 'utf8')) as { ok: boolean; result?: T; error?: string } : undefined, timeoutMs);
  if (!answer.ok) throw new Error(`the runner could not do ${ask.action}: ${answer.error}`);
  return answer.result as T;
}
