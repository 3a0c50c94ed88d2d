// The .vsix as users get it: `npm run package` on this tree, then what is inside. The end-to-end run installs the
// same file into VS Code (test/e2e/run-code-server.mjs).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ZipArchive } from '../../server/src/node/docx/zip';
import { MARKETPLACE_README, repositoryUrl, vsixFile } from '../../scripts/package.mjs';

const root = path.resolve(__dirname, '..', '..');
const MAX_VSIX_BYTES = 20 * 1024 * 1024;
const BUNDLES = ['client.js', 'server.js', 'cli.js', 're2.js', 'docx-reader.js', 'pdf-reader.js', 'html-reader.js'];
/** Folders shipped whole: each of their files in the repository must be in the package, and nothing else. */
const SHIPPED_FOLDERS = ['docs/rules', 'schemas', 'snippets', 'syntaxes'];

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .map((f) => path.posix.join(folder, f.split(path.sep).join('/')))
    .filter((f) => fs.statSync(path.join(root, f)).isFile());
}

describe('the packaged extension (npm run package)', () => {
  let zip: ZipArchive;
  let names: string[];
  let vsixBytes: number;
  const text = (name: string) => {
    const data = zip.read(name);
    assert.ok(data, `${name} is not in the package`);
    return data.toString('utf8');
  };

  before(() => {
    const run = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 170_000 });
    assert.strictEqual(run.status, 0, `npm run package failed:\n${run.stdout}\n${run.stderr}`);
    const file = vsixFile();
    vsixBytes = fs.statSync(file).size;
    assert.ok(vsixBytes < MAX_VSIX_BYTES, `${file} is ${vsixBytes} bytes`);
    zip = new ZipArchive(fs.readFileSync(file), { maxEntryBytes: 10 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 });
    names = zip.names();
  });

  it('is written to dist/<name>-<version>.vsix, which git and the next package ignore', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.strictEqual(path.relative(root, vsixFile()), path.join('dist', `${manifest.name}-${manifest.version}.vsix`));
    const ignored = spawnSync('git', ['check-ignore', '-q', path.relative(root, vsixFile())], { cwd: root });
    assert.strictEqual(ignored.status, 0, 'the .vsix is not git-ignored');
    assert.ok(!names.some((n) => n.endsWith('.vsix')));
  });

  it('holds no sources, tests, source maps, dependencies, seeds, fixtures or tools', () => {
    const forbidden = names.filter((n) =>
      /\.(ts|mts|cts|map)$/.test(n) ||
      /(^|\/)(node_modules|test|tests|fixtures|seeds|src|scripts|bench|\.tools|\.ci|\.git|test-results)\//.test(n) ||
      /(^|\/)(tsconfig\.json|esbuild\.mjs|package-lock\.json|\.gitignore|\.vscodeignore)$/.test(n) ||
      n.startsWith('extension/docs/marketplace/'),
    );
    assert.deepStrictEqual(forbidden, []);
  });

  it('holds exactly the bundles, manifest, translations, rule pages, schema, grammar, snippets, licence, changelog, details page and icon', () => {
    const expected = [
      'extension.vsixmanifest',
      '[Content_Types].xml',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/images/icon.png',
      ...fs.readdirSync(root).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f)).map((f) => `extension/${f}`),
      ...BUNDLES.map((b) => `extension/dist/${b}`),
      // The PDF reader's CMaps, copied beside it by the build.
      ...fs.readdirSync(path.join(root, 'dist', 'pdf-cmaps')).map((f) => `extension/dist/pdf-cmaps/${f}`),
      ...SHIPPED_FOLDERS.flatMap(filesUnder).map((f) => `extension/${f}`),
    ];
    assert.ok(expected.includes('extension/package.nls.zh-cn.json') && expected.includes('extension/docs/rules/README.md'));
    assert.ok(expected.includes('extension/dist/pdf-cmaps/UniGB-UCS2-H.bcmap'), 'the CMaps of Chinese PDFs');
    assert.deepStrictEqual([...names].sort(), [...new Set(expected)].sort());
  });

  it('ships the licence, changelog and icon as they are in the repository', () => {
    assert.strictEqual(text('extension/LICENSE.txt'), fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'));
    assert.match(text('extension/LICENSE.txt'), /^MIT License\n\nCopyright \(c\) \d{4} GovReport contributors\n/);
    const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
    // vsce would resolve a relative link in the changelog against the details page's folder (docs/marketplace/).
    assert.doesNotMatch(changelog, /\]\((?!https:\/\/)/, 'a relative link in CHANGELOG.md');
    assert.strictEqual(text('extension/changelog.md'), changelog);
    assert.ok(zip.read('extension/images/icon.png')!.equals(fs.readFileSync(path.join(root, 'images', 'icon.png'))));
    assert.match(text('extension.vsixmanifest'), /<Icon>extension\/images\/icon\.png<\/Icon>/);
    assert.match(text('extension.vsixmanifest'), /<License>extension\/LICENSE\.txt<\/License>/);
  });

  it('every file the manifest names is in the package, and the bundles are the production build', () => {
    const manifest = JSON.parse(text('extension/package.json'));
    const named = [
      manifest.main,
      manifest.icon,
      ...Object.values<string>(manifest.bin),
      ...manifest.contributes.snippets.map((s: { path: string }) => s.path),
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
      ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url),
    ];
    for (const p of named) {
      const name = `extension/${path.posix.normalize(p)}`;
      assert.ok(names.includes(name) || names.some((n) => n.startsWith(`${name}/`)), `${p} (package.json) is not in the package`);
    }
    for (const b of BUNDLES) assert.doesNotMatch(text(`extension/dist/${b}`), /sourceMappingURL/, `dist/${b} points to a source map`);
    // The client's Chinese words travel inside its bundle (client/src/messages.ts), not as a file VS Code loads.
    assert.ok(text('extension/dist/client.js').includes('报告数据：{0}'), 'dist/client.js carries l10n/bundle.l10n.zh-cn.json');
  });

  it('carries the repository, homepage and bugs links of one project URL', () => {
    const manifest = JSON.parse(text('extension/package.json'));
    const home = repositoryUrl();
    assert.strictEqual(home, 'https://github.com/govreport/govreport');
    assert.strictEqual(manifest.repository.url, `${home}.git`);
    assert.ok(manifest.homepage.startsWith(home), manifest.homepage);
    assert.ok(manifest.bugs.url.startsWith(home), manifest.bugs.url);
  });

  it('the details page is the users’ README, its links and pictures pointing at files of the repository', () => {
    const readme = text('extension/readme.md');
    const source = fs.readFileSync(path.join(root, MARKETPLACE_README), 'utf8');
    assert.strictEqual(readme.split('\n')[0], source.split('\n')[0]);
    assert.doesNotMatch(readme, /npm ci/, 'the developer README was packaged');
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, `only ${images.length} pictures`);
    const home = repositoryUrl();
    for (const link of links) {
      assert.match(link, /^https:\/\//, `relative link left in the details page: ${link}`);
      const inRepo = new RegExp(`^${home.replace(/[.]/g, '\\.')}/(?:blob|raw)/HEAD/(.+)$`).exec(link);
      if (!inRepo) continue;
      const file = path.posix.normalize(inRepo[1]);
      assert.ok(fs.existsSync(path.join(root, file)), `${link}: ${file} is not in the repository`);
    }
    for (const image of images) assert.match(image, /\/raw\/HEAD\/docs\/marketplace\/images\/[\w-]+\.png$/);
  });

  after(() => {
    if (names) console.log(`      ${path.relative(root, vsixFile())}: ${vsixBytes} bytes, ${names.length} entries`);
  });
});
