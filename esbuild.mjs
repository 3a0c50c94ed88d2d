// Bundles the extension client, the language server and the CLI into dist/.
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
import * as esbuild from 'esbuild';
import { chmod, mkdir, writeFile } from 'node:fs/promises';

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
 * The linear-time regular expression engine for users' own profiles (re2js, about 150 KB) is a bundle of its own,
 * dist/re2.js, required from the server bundle only when a user profile exists (core/profiles/patterns.ts): the
 * server's `require('./re2')` is left to load it at run time, from beside dist/server.js.
 */
const re2Apart = {
  name: 're2-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/re2$/ }, (args) => (/profiles[\\/]patterns\.ts$/.test(args.importer) ? { path: './re2.js', external: true } : undefined));
  },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The server and the CLI in one bundle (server/src/main.ts picks which runs); dist/cli.js launches it.
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [re2Apart] },
  { entryPoints: ['server/src/core/profiles/re2.ts'], outfile: 'dist/re2.js' },
];

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
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
