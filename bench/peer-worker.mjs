// One peer on one input, in a process of its own (started by peers.mjs, which kills it when one operation
// outlasts the cap). Prints one JSON object per line:
//   {"version":"…"}                      the peer's version
//   {"warmup":ms}                        the unmeasured first call
//   {"sample":ms,"phase":"…"}            a measured call (phase: lint, open, edit)
//   {"check":{…}}                        what the peer found (so that "fast" cannot mean "did nothing")
//   {"error":"…","ms":ms,"call":k}       the peer answered call k (0: the first in the process) with an error
//   {"done":true}
//
//   node bench/peer-worker.mjs <peer> <input file> <repetitions> <budget ms>
// peers: markdownlint | zhlint | autocorrect | autocorrect-first | markdown-ls | govreport-ls
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { insertion, LspClient } from './lib/lsp-client.mjs';
import { editPoint } from './inputs.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, file, repsArg, budgetArg] = process.argv.slice(2);
const reps = Number(repsArg);
const budgetMs = Number(budgetArg);
const text = fs.readFileSync(file, 'utf8');
const emit = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const versionOf = (pkg) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

/**
 * Warm-up (unless it took over 5 s: then it is also the first sample), then samples until `reps` or the budget.
 * A call that answers with an error ends the loop: {"error", "ms", "call"} (call 0 is the first in the process).
 */
async function lintLoop(fn, phase = 'lint') {
  let t = performance.now();
  let check = await fn();
  const first = performance.now() - t;
  if (check?.error) return emit({ error: check.error, ms: first, call: 0, check });
  emit({ warmup: first });
  let spent = 0;
  let n = 0;
  if (first > 5000) {
    emit({ sample: first, phase });
    spent += first;
    n++;
  }
  while (n < reps && (n === 0 || spent + spent / n <= budgetMs)) {
    t = performance.now();
    check = await fn();
    const ms = performance.now() - t;
    if (check?.error) return emit({ error: check.error, ms, call: n + 1, check });
    emit({ sample: ms, phase });
    spent += ms;
    n++;
  }
  emit({ check });
}

/** One call only, the first in this process, as a sample. */
async function firstCallOnly(fn) {
  const t = performance.now();
  const check = await fn();
  const ms = performance.now() - t;
  if (check?.error) return emit({ error: check.error, ms, call: 0, check });
  emit({ sample: ms, phase: 'lint' });
  emit({ check });
}

async function lspPeer(server, args, { uriName, docText, onRequest, settle }) {
  const client = new LspClient(process.execPath, [server, ...args], { onRequest: (m, p) => onRequest?.(m, p, docs) ?? null });
  const docs = new Map();
  await client.initialize();
  let v = 1;
  const lines = docText.split('\n');
  const at = editPoint(docText);
  const opens = Math.max(1, Math.min(reps, 3));
  let lastSymbols;
  let spent = 0;
  // After open: didOpen, then documentSymbol, timed together; a new URI each time (the previous one closed).
  for (let i = 0; i <= opens; i++) {
    const uri = pathToFileURL(path.join(root, 'bench', '.cache', `${uriName}-${i}`)).href;
    docs.set(uri, docText);
    const t = performance.now();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: uriName.endsWith('.md') ? 'markdown' : 'plaintext', version: 1, text: docText } });
    lastSymbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const ms = performance.now() - t;
    if (i === 0) emit({ warmup: ms });
    else emit({ sample: ms, phase: 'open' });
    spent += ms;
    await settle?.(client, uri, 1);
    if (i === opens || (i >= 1 && spent > budgetMs / 2)) break; // this one stays open for the edits
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    docs.delete(uri);
  }
  const uri = [...docs.keys()][0];
  // After an edit: one character inserted in the middle of a body line, then documentSymbol.
  let current = docText;
  let offset = at.offset;
  spent = 0;
  for (let i = 0, n = 0; n < reps && (n === 0 || spent + spent / n <= budgetMs / 2); i++) {
    v++;
    current = current.slice(0, offset) + '。' + current.slice(offset);
    docs.set(uri, current);
    const t = performance.now();
    await client.notify('textDocument/didChange', insertion(uri, v, at.line, at.character + (v - 2), '。'));
    lastSymbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const ms = performance.now() - t;
    offset++;
    if (i === 0) emit({ warmup: ms });
    else {
      emit({ sample: ms, phase: 'edit' });
      spent += ms;
      n++;
    }
    await settle?.(client, uri, v);
  }
  const count = (list) => (list ?? []).reduce((k, s) => k + 1 + count(s.children), 0);
  emit({ check: { symbols: count(lastSymbols), lines: lines.length } });
  await client.close();
}

async function main() {
  switch (name) {
    case 'markdownlint': {
      const { lint } = await import('markdownlint/sync');
      emit({ version: versionOf('markdownlint') });
      // The library with its default configuration (every default-enabled rule).
      return lintLoop(() => ({ issues: lint({ strings: { doc: text } }).doc.length }));
    }
    case 'zhlint': {
      const { run } = await import('zhlint');
      emit({ version: versionOf('zhlint') });
      // Without options zhlint runs no rule at all; { preset: 'default' } is its documented default set.
      return lintLoop(() => ({ issues: run(text, { rules: { preset: 'default' } }).validations.length }));
    }
    case 'autocorrect': {
      const autocorrect = require('autocorrect-node');
      emit({ version: versionOf('autocorrect-node') });
      return lintLoop(() => {
        const r = autocorrect.lintFor(text, 'text.md');
        if (r.error) return { error: String(r.error).replace(/\s+/g, ' ').trim().slice(0, 160), issues: r.lines.length };
        return { issues: r.lines.length };
      });
    }
    case 'autocorrect-first': {
      // autocorrect-node 2.13 lints a large text only on the first call in a process: later calls fail with
      // pest's 'call limit reached'. So each sample is the first call of a fresh process, one-time set-up
      // (its lazily compiled patterns, ~50 ms) included.
      const autocorrect = require('autocorrect-node');
      emit({ version: versionOf('autocorrect-node') });
      return firstCallOnly(() => {
        const r = autocorrect.lintFor(text, 'text.md');
        if (r.error) return { error: String(r.error).replace(/\s+/g, ' ').trim().slice(0, 160), issues: r.lines.length };
        return { issues: r.lines.length };
      });
    }
    case 'markdown-ls': {
      emit({ version: versionOf('vscode-langservers-extracted') });
      // The server asks its client to tokenise (`markdown/parse`); VS Code answers with markdown-it, so do we.
      const MarkdownIt = require('markdown-it');
      const md = new MarkdownIt();
      // The report's level-1 and level-2 headings as ATX headings, so that there is an outline to compute.
      const docText = text.replace(/^([ \t\u3000]*[一二三四五六七八九十百千零〇]+[、．.])/gm, '# $1').replace(/^([ \t\u3000]*[（(][一二三四五六七八九十]+[）)])/gm, '## $1');
      const server = path.join(root, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-markdown-language-server');
      return lspPeer(server, ['--stdio'], {
        uriName: 'report.md', docText,
        onRequest: (method, params, docs) => {
          if (method === 'markdown/parse') return md.parse(params.text ?? docs.get(params.uri) ?? '', {});
          if (method === 'workspace/configuration') return (params.items ?? []).map(() => null);
          if (method === 'markdown/findMarkdownFilesInWorkspace') return [];
          return null;
        },
      });
    }
    case 'govreport-ls': {
      emit({ version: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version });
      return lspPeer(path.join(root, 'dist', 'server.js'), ['--stdio'], {
        uriName: 'report.txt', docText: text,
        // Each measured round trip starts with a quiet server: the (debounced) diagnostics of the previous
        // version have been published.
        settle: (client, uri, version) => client.diagnostics(uri, version, 30_000).catch(() => {}),
      });
    }
    default:
      throw new Error(`unknown peer ${name}`);
  }
}

main().then(
  () => { emit({ done: true }); process.exit(0); },
  (e) => { emit({ error: String(e?.stack ?? e?.message ?? e).slice(0, 400), crashed: true }); process.exit(0); },
);
