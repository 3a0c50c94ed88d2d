// One peer linter on one input, in its own process so that a slow or crashing peer cannot stall the
// benchmark: prints {"times":[ms…],"version":"…"} or {"error":"…"}.
//   node bench/peer.mjs <markdownlint|zhlint|autocorrect|markdown-ls> <input file> <repetitions>
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { LspClient } from './lib/lsp.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, file, repsArg] = process.argv.slice(2);
const reps = Number(repsArg);
const text = fs.readFileSync(file, 'utf8');
const version = (pkg) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

async function timed(fn) {
  await fn(); // warm-up
  const times = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return times;
}

async function main() {
  switch (name) {
    case 'markdownlint': {
      const { lint } = await import('markdownlint/sync');
      return { version: version('markdownlint'), times: await timed(() => lint({ strings: { doc: text } })) };
    }
    case 'zhlint': {
      const { run } = await import('zhlint');
      return { version: version('zhlint'), times: await timed(() => run(text)) };
    }
    case 'autocorrect': {
      const autocorrect = require('autocorrect-node');
      return { version: version('autocorrect-node'), times: await timed(() => autocorrect.lintFor(text, 'report.md')) };
    }
    case 'markdown-ls': {
      // The Markdown language server asks its client to tokenise (VS Code answers with markdown-it).
      const MarkdownIt = require('markdown-it');
      const md = new MarkdownIt();
      const docs = new Map();
      const server = path.join(root, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-markdown-language-server');
      const client = new LspClient(process.execPath, [server, '--stdio'], {
        onRequest: (method, params) => {
          if (method === 'markdown/parse') return md.parse(params.text ?? docs.get(params.uri) ?? '', {});
          if (method === 'workspace/configuration') return (params.items ?? []).map(() => null);
          return null;
        },
      });
      await client.initialize();
      const uri = 'file:///bench/report.md';
      // Headings as Markdown sees them: the report's numbered lines become ATX headings.
      let doc = text.replace(/^([一二三四五六七八九十百千]+、)/gm, '# $1').replace(/^([（(][一二三四五六七八九十]+[）)])/gm, '## $1');
      docs.set(uri, doc);
      await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: doc } });
      let v = 1;
      const times = await timed(async () => {
        v++;
        const mid = Math.floor(doc.length / 2);
        doc = doc.slice(0, mid) + '。' + doc.slice(mid);
        docs.set(uri, doc);
        await client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: doc }] });
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      });
      await client.close();
      return { version: version('vscode-langservers-extracted'), times };
    }
    default:
      throw new Error(`unknown peer ${name}`);
  }
}

main().then((r) => {
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}, (e) => {
  process.stdout.write(JSON.stringify({ error: String(e?.message ?? e) }));
  process.exit(0);
});
