// The language server as an editor sees it: the production bundle `node dist/server.js --stdio`, over stdio,
// with incremental one-character edits in the middle of a body line of the 200 KB and 2 MB inputs.
//
//   diagnostics   EDITS edits, each waiting for the publishDiagnostics of its version: time from sending the
//                 didChange to receiving the diagnostics. The server waits DIAGNOSTICS_DEBOUNCE_MS after a
//                 change (read from server/src/server.ts), so the figure is also given minus the debounce.
//   requests      for each of documentSymbol, hover (on a figure) and completion (at the start of an empty
//                 line): EDITS edits, each followed at once by that request — so every request is the first
//                 after its edit and pays for re-analysing the document — timed as a round trip; then the
//                 edit's diagnostics are awaited, so that the next edit starts from a quiet server.
//   memory        a fresh server opens the 10 MB input; after its diagnostics, VmRSS (and VmHWM, the peak).
//
// WARMUP_EDITS edits before each series are not recorded.
//
//   node bench/lsp.mjs      prints the results as JSON
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { insertion, LspClient } from './lib/lsp-client.mjs';
import { round, summary } from './lib/stats.mjs';
import { CACHE, editPoint, inputs, ROOT } from './inputs.mjs';

export const EDITS = 50;
const WARMUP_EDITS = 5;
const SERVER = path.join(ROOT, 'dist', 'server.js');

export function debounceMs() {
  const source = fs.readFileSync(path.join(ROOT, 'server', 'src', 'server.ts'), 'utf8');
  const m = /DIAGNOSTICS_DEBOUNCE_MS\s*=\s*(\d+)/.exec(source);
  return m ? Number(m[1]) : undefined;
}

/** A figure to hover (a number with a count unit) on a line after the edited one, and an empty line after it. */
function targets(text, editLine) {
  const lines = text.split('\n');
  let figure;
  let empty;
  for (let i = editLine + 1; i < lines.length && !(figure && empty); i++) {
    const m = /[0-9]+(?=(?:余|多)?(?:件|次|项|个|人|场|篇|份|条))/.exec(lines[i]);
    if (!figure && m) figure = { line: i, character: m.index + 1 };
    if (!empty && figure && lines[i].trim() === '') empty = { line: i, character: 0 };
  }
  return { figure, empty };
}

async function session(input, log) {
  const text = fs.readFileSync(input.file, 'utf8');
  const client = new LspClient(process.execPath, [SERVER, '--stdio']);
  const init = await client.initialize();
  const uri = pathToFileURL(path.join(CACHE, `lsp-${input.name}.txt`)).href;
  const at = editPoint(text);
  const { figure, empty } = targets(text, at.line);
  let version = 1;
  let inserted = 0;
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
  await client.diagnostics(uri, version);

  /** One edit; resolves with the time to its diagnostics. `after` runs right after the didChange is sent. */
  const edit = async (after) => {
    version++;
    const diagnostics = client.diagnostics(uri, version, 60_000);
    const t = performance.now();
    await client.notify('textDocument/didChange', insertion(uri, version, at.line, at.character + inserted, '法'));
    inserted++;
    const request = after ? await after() : undefined;
    const { at: when } = await diagnostics;
    return { diagnosticsMs: when - t, request };
  };

  const out = { edits: EDITS, warmupEdits: WARMUP_EDITS, capabilities: Object.keys(init.capabilities ?? {}).sort() };
  // didChange → publishDiagnostics
  log(`language server at ${input.name}: ${EDITS} edits, didChange → publishDiagnostics`);
  for (let i = 0; i < WARMUP_EDITS; i++) await edit();
  const diag = [];
  for (let i = 0; i < EDITS; i++) diag.push((await edit()).diagnosticsMs);
  out.diagnostics = summary(diag);

  // requests after an edit
  const requests = {
    documentSymbol: () => ['textDocument/documentSymbol', { textDocument: { uri } }],
    hover: () => ['textDocument/hover', { textDocument: { uri }, position: figure }],
    completion: () => ['textDocument/completion', { textDocument: { uri }, position: empty }],
  };
  const provided = {
    documentSymbol: !!init.capabilities.documentSymbolProvider,
    hover: !!init.capabilities.hoverProvider && !!figure,
    completion: !!init.capabilities.completionProvider && !!empty,
  };
  for (const [name, make] of Object.entries(requests)) {
    if (!provided[name]) {
      out[name] = { notProvided: true };
      continue;
    }
    log(`language server at ${input.name}: ${EDITS} edits, each followed by ${name}`);
    const times = [];
    let nonEmpty = 0;
    for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
      const { request } = await edit(() => client.timed(...make()));
      if (i < WARMUP_EDITS) continue;
      times.push(request.ms);
      const r = request.result;
      if (r && (!Array.isArray(r) || r.length) && (!r.items || r.items.length)) nonEmpty++;
    }
    out[name] = { ...summary(times), nonEmptyResults: nonEmpty };
  }
  out.hoverAt = figure;
  out.completionAt = empty;
  out.memoryAfter = roundMemory(client.memory());
  await client.close();
  return out;
}

const roundMemory = (m) => ({ rssMB: round(m.rssMB, 0), hwmMB: round(m.hwmMB, 0) });

export async function measureLsp({ log = () => {} } = {}) {
  const all = inputs();
  const out = { debounceMs: debounceMs() };
  for (const input of all.filter((i) => i.name === '200KB' || i.name === '2MB')) {
    out[input.name] = await session(input, log);
    const d = out[input.name].diagnostics;
    out[input.name].diagnosticsMinusDebounce = {
      p50: round(d.p50 - out.debounceMs, 2), p95: round(d.p95 - out.debounceMs, 2),
    };
  }
  const big = all.find((i) => i.name === '10MB');
  log('language server: RSS after opening the 10 MB input (as shipped)');
  out.memory10MB = await memoryAfterOpening(big);
  // The 10 MB input is above the default large-document threshold (structure checks only): the same with every
  // rule, the threshold raised through the settings, for comparison.
  log('language server: RSS after opening the 10 MB input with every rule (threshold raised)');
  out.memory10MBAllRules = await memoryAfterOpening(big, { largeDocumentThreshold: 1_000_000_000 });
  return out;
}

async function memoryAfterOpening(input, settings) {
  const client = new LspClient(process.execPath, [SERVER, '--stdio'], {
    onRequest: (method, params) => (method === 'workspace/configuration' ? params.items.map(() => settings ?? null) : null),
  });
  await client.initialize(settings ? { workspace: { configuration: true } } : {});
  const uri = pathToFileURL(path.join(CACHE, 'lsp-10MB.txt')).href;
  const idle = client.memory();
  const t = performance.now();
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: fs.readFileSync(input.file, 'utf8') } });
  const { params } = await client.diagnostics(uri, 1);
  const result = {
    ...roundMemory(client.memory()), idleRssMB: round(idle.rssMB, 0),
    firstDiagnosticsMs: round(performance.now() - t, 0), diagnostics: params?.diagnostics.length,
  };
  await client.close();
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await measureLsp({ log: (s) => process.stderr.write(s + '\n') });
  process.stdout.write(JSON.stringify(r, null, 1) + '\n');
}
