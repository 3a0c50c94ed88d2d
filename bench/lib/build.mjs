// The code under test, built as it ships: `node esbuild.mjs --production` (dist/*.js, minified), and the pure
// core (server/src/core/index.ts) bundled and minified the same way into bench/.cache/core.cjs, so that the
// in-process measurements run the production build of the core, not TypeScript through a loader.
import { execFileSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { CACHE, ROOT } from '../inputs.mjs';

export const CORE_BUNDLE = path.join(CACHE, 'core.cjs');

export async function buildAll({ log = () => {} } = {}) {
  log('production build: node esbuild.mjs --production');
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  fs.mkdirSync(CACHE, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'server/src/core/index.ts')],
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, legalComments: 'none',
    outfile: CORE_BUNDLE, logLevel: 'warning', absWorkingDir: ROOT,
  });
}
