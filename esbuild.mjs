// Bundles the extension client, the language server and the CLI into dist/.
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
import * as esbuild from 'esbuild';
import { chmod, copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  // Chinese messages as UTF-8, not \uXXXX escapes (half the bytes); Node reads sources as UTF-8.
  charset: 'utf8',
  logLevel: 'warning',
};

/**
 * Bundles of their own, loaded at run time from beside dist/server.js only when needed, so that ordinary use
 * (text reports in the editor and the CLI) never loads them:
 * - dist/re2.js, the linear-time regular expression engine for users' own profiles (re2js, about 150 KB), required
 *   by core/profiles/patterns.ts only when a user profile exists;
 * - dist/docx-reader.js, the .docx reader (server/src/node/docx.ts, with saxes), required by node/files.ts when it
 *   reads the first .docx;
 * - dist/html-reader.js, the saved web page reader (server/src/node/html.ts, with htmlparser2), required by
 *   node/files.ts when it reads the first .html, .htm or .shtml;
 * - dist/pdf-reader.js, the PDF reader (server/src/node/pdf.ts, with pdf.js and its worker, about 2 MB), required
 *   by node/files.ts when it reads the first PDF; the CMaps of Chinese fonts it reads are copied to dist/pdf-cmaps.
 */
const APART = [
  { request: /^\.\/re2$/, importer: /profiles[\\/]patterns\.ts$/, path: './re2.js' },
  { request: /^\.\/docx$/, importer: /node[\\/]files\.ts$/, path: './docx-reader.js' },
  { request: /^\.\/html$/, importer: /node[\\/]files\.ts$/, path: './html-reader.js' },
  { request: /^\.\/pdf$/, importer: /node[\\/]files\.ts$/, path: './pdf-reader.js' },
];
const bundlesApart = {
  name: 'bundles-apart',
  setup(build) {
    for (const a of APART) {
      build.onResolve({ filter: a.request }, (args) => (a.importer.test(args.importer) ? { path: a.path, external: true } : undefined));
    }
  },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The server and the CLI in one bundle (server/src/main.ts picks which runs); dist/cli.js launches it.
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [bundlesApart] },
  { entryPoints: ['server/src/core/profiles/re2.ts'], outfile: 'dist/re2.js' },
  { entryPoints: ['server/src/node/docx.ts'], outfile: 'dist/docx-reader.js' },
  { entryPoints: ['server/src/node/html.ts'], outfile: 'dist/html-reader.js' },
  // pdf.js is ES modules that look for themselves with import.meta.url (only to load a canvas package, which is not
  // shipped and not needed for text): in this CommonJS bundle it is the bundle's own URL.
  {
    entryPoints: ['server/src/node/pdf.ts'],
    outfile: 'dist/pdf-reader.js',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  },
];

/** The CMaps of Simplified Chinese fonts (server/src/node/pdf/cmaps.ts reads them from here). */
async function copyCMaps() {
  const from = 'node_modules/pdfjs-dist/cmaps';
  await mkdir('dist/pdf-cmaps', { recursive: true });
  const names = (await readdir(from)).filter((n) => /GB/.test(n) && n.endsWith('.bcmap'));
  await Promise.all(names.map((n) => copyFile(`${from}/${n}`, `dist/pdf-cmaps/${n}`)));
}

/** The `govreport` command: the shared bundle, told to run the CLI. */
const CLI_LAUNCHER = `#!/usr/bin/env node
// The govreport command line: runs the CLI part of the shared server bundle (see server/src/main.ts).
process.env.GOVREPORT_ENTRY = 'cli';
require('./server.js');
`;

async function writeCliLauncher() {
  await mkdir('dist', { recursive: true });
  await writeFile('dist/cli.js', CLI_LAUNCHER);
  await chmod('dist/cli.js', 0o755);
}

await writeCliLauncher();
await copyCMaps();
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
