// End-to-end: the extension under test is the package users get. run-code-server.mjs installs the .vsix that
// `npm run package` wrote (code-server --install-extension) and names it in GOVREPORT_E2E_VSIX; the installed
// folder must hold exactly its files. Under run-electron.mjs the extension is the development folder: skipped.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ZipArchive } from '../../../server/src/node/docx/zip';
import { repoRoot, requestScreenshot } from './helpers';

const EXTENSION_ID = 'govreport.govreport';
const PACKAGED_PREFIX = 'extension/';
/** What VS Code adds to an extension's folder when it installs a .vsix. */
const ADDED_BY_INSTALL = new Set(['.vsixmanifest']);

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

describe('The installed package', () => {
  const vsix = process.env.GOVREPORT_E2E_VSIX;
  let extension: vscode.Extension<unknown>;

  before(function () {
    if (!vsix) this.skip(); // run-electron.mjs: the development folder is the extension
    extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
  });

  it('is the installed .vsix, not the repository folder', () => {
    const relative = path.relative(repoRoot, extension.extensionPath);
    assert.ok(relative.startsWith('..') || path.isAbsolute(relative), `the extension runs from ${extension.extensionPath}, inside the repository`);
    assert.strictEqual(path.basename(extension.extensionPath), `${EXTENSION_ID}-${extension.packageJSON.version}`);
    assert.ok(!fs.existsSync(path.join(extension.extensionPath, 'server', 'src')), 'sources were installed');
  });

  it('holds exactly the files of the .vsix, byte for byte', () => {
    const zip = new ZipArchive(fs.readFileSync(vsix!), { maxEntryBytes: 10 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 });
    const packaged = zip.names().filter((n) => n.startsWith(PACKAGED_PREFIX)).map((n) => n.slice(PACKAGED_PREFIX.length));
    const installed = filesUnder(extension.extensionPath).filter((f) => !ADDED_BY_INSTALL.has(f));
    assert.deepStrictEqual([...installed].sort(), [...packaged].sort());
    for (const name of packaged) {
      const onDisk = fs.readFileSync(path.join(extension.extensionPath, name));
      if (name === 'package.json') {
        // VS Code may record its own metadata in the installed manifest; the rest is as packaged.
        const { __metadata: _ignored, ...manifest } = JSON.parse(onDisk.toString('utf8'));
        assert.deepStrictEqual(manifest, JSON.parse(zip.read(PACKAGED_PREFIX + name)!.toString('utf8')));
      } else {
        assert.ok(onDisk.equals(zip.read(PACKAGED_PREFIX + name)!), `${name} differs from the package`);
      }
    }
  });

  it('shows its details page with the icon and the users’ README', async () => {
    const readme = fs.readFileSync(path.join(extension.extensionPath, 'readme.md'), 'utf8');
    assert.match(readme.split('\n')[0], /^# GovReport 政府年度报告检查$/);
    assert.ok(fs.existsSync(path.join(extension.extensionPath, extension.packageJSON.icon)), 'the icon is not installed');
    requestScreenshot({ name: 'extension', view: 'extension', prepare: () => vscode.commands.executeCommand('extension.open', EXTENSION_ID) });
  });
});
