#!/usr/bin/env node
// `npm run package` runs this after the production build: vsce writes dist/<name>-<version>.vsix, unattended.
//
// vsce asks "Do you want to continue? [y/N]" on a warning (no LICENSE, no repository field) when its output is a
// terminal, and answers yes by itself when it is not. Here its output is always piped (so it never asks and never
// hangs, even with stdin closed) and any warning fails the run: a person and CI get the same package, or the same
// error.
//
// The details page is docs/marketplace/README.md. vsce turns its relative links into links to the repository
// (package.json "repository"), resolved from that README's own folder, so they work on GitHub and in the package.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MARKETPLACE_README = 'docs/marketplace/README.md';

/** The .vsix that `npm run package` writes: dist/<name>-<version>.vsix (dist/ is git-ignored and not packaged). */
export function vsixFile(root = repoRoot) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`);
}

/** https://github.com/owner/name from package.json's repository (a string or { url }), without .git. */
export function repositoryUrl(root = repoRoot) {
  const { repository } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (typeof url !== 'string' || !/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/.test(url.replace(/\.git$/, ''))) {
    throw new Error(`package.json: "repository" should be the project's https://github.com/OWNER/NAME URL, not ${JSON.stringify(url)}`);
  }
  return url.replace(/\.git$/, '');
}

function packageVsix() {
  const out = vsixFile();
  const readmeFolder = path.posix.dirname(MARKETPLACE_README);
  const repository = repositoryUrl();
  const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.rmSync(out, { force: true }); // a failed run must not leave the previous package looking new
  const args = [
    vsce,
    'package',
    '--no-dependencies', // the bundles in dist/ carry every dependency
    '--out', out,
    '--readme-path', MARKETPLACE_README,
    '--baseContentUrl', `${repository}/blob/HEAD/${readmeFolder}`,
    '--baseImagesUrl', `${repository}/raw/HEAD/${readmeFolder}`,
  ];
  const run = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  process.stdout.write(output);
  if (run.status !== 0) throw new Error(`vsce package failed (exit ${run.status ?? run.signal})`);
  const warnings = output.split('\n').filter((line) => /\bWARNING\b/.test(line));
  if (warnings.length) {
    fs.rmSync(out, { force: true });
    throw new Error(`vsce warned; fix the cause rather than answer its question:\n${warnings.join('\n')}`);
  }
  if (!fs.existsSync(out)) throw new Error(`vsce reported success but ${path.relative(repoRoot, out)} is missing`);
  console.log(`package: ${path.relative(repoRoot, out)} (${fs.statSync(out).size} bytes)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    packageVsix();
  } catch (err) {
    console.error(`package: ${err.message}`);
    process.exit(1);
  }
}
