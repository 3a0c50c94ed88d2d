// Replacing a file as --fix and 「忽略此问题」 do: through links to the real file, keeping hard links and
// permissions, never over a read-only file, never over a change made since the file was read — the change made
// at the worst moment included (the hooks stand for another program writing then).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createFile, replaceFileContent, WriteRefused } from '../../server/src/node/write';

const OLD = Buffer.from('一、旧的标题\n正文。\n');
const NEW = Buffer.from('一、新的标题（已修正）\n正文。\n');
const SHORT = Buffer.from('一、新\n');
const APPENDED = Buffer.from('另一程序追加的一行\n');

const changed = (e: unknown) => e instanceof WriteRefused && /被其他程序修改/.test(e.reason.zh) && /changed/.test(e.reason.en);

describe('replaceFileContent', function () {
  if (process.platform === 'win32') return;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-write-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const file = (name = 'r.txt', content: Buffer = OLD) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  /** Whatever was left beside the file: temporary copies, backups. */
  const leftovers = () => fs.readdirSync(dir).filter((n) => n.startsWith('.'));

  it('replaces a plain file whole, keeping its permissions, and leaves nothing beside it', () => {
    const p = file();
    fs.chmodSync(p, 0o640);
    replaceFileContent(p, OLD, NEW);
    assert.deepEqual(fs.readFileSync(p), NEW);
    assert.equal(fs.statSync(p).mode & 0o777, 0o640);
    assert.deepEqual(leftovers(), []);
  });

  it('writes through a link to the real file, and the link stays a link', () => {
    const real = file('real.txt');
    const link = path.join(dir, 'link.txt');
    fs.symlinkSync(real, link);
    replaceFileContent(link, OLD, NEW);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.deepEqual(fs.readFileSync(real), NEW);
    assert.deepEqual(leftovers(), []);
  });

  it('keeps hard links: every name sees the new content, the file is the same file', () => {
    const p = file();
    const other = path.join(dir, 'other-name.txt');
    fs.linkSync(p, other);
    const inode = fs.statSync(p).ino;
    replaceFileContent(p, OLD, NEW);
    assert.deepEqual(fs.readFileSync(other), NEW);
    assert.equal(fs.statSync(p).ino, inode);
    assert.equal(fs.statSync(p).nlink, 2);
    replaceFileContent(p, NEW, SHORT);
    assert.deepEqual(fs.readFileSync(other), SHORT, 'a shorter text leaves no tail of the longer one');
    assert.deepEqual(leftovers(), [], 'the backup is gone once the new content is verified');
  });

  it('refuses a read-only file by its mode, even for the superuser', () => {
    const p = file();
    fs.chmodSync(p, 0o444);
    assert.throws(() => replaceFileContent(p, OLD, NEW), (e: unknown) => e instanceof WriteRefused && /只读/.test(e.reason.zh) && /read-only/.test(e.reason.en));
    assert.deepEqual(fs.readFileSync(p), OLD);
    assert.equal(fs.statSync(p).mode & 0o777, 0o444);
  });

  it('refuses when the file changed since it was read, and the change stays', () => {
    const p = file();
    fs.appendFileSync(p, APPENDED);
    assert.throws(() => replaceFileContent(p, OLD, NEW), changed);
    assert.deepEqual(fs.readFileSync(p), Buffer.concat([OLD, APPENDED]));
  });

  for (const links of [1, 2]) {
    const kind = links === 1 ? 'a plain file (renamed over)' : 'a hard-linked file (rewritten in place)';
    it(`${kind}: an append while the new content is prepared is seen by the last check`, () => {
      const p = file();
      if (links === 2) fs.linkSync(p, path.join(dir, 'second.txt'));
      assert.throws(() => replaceFileContent(p, OLD, NEW, { beforeFinalCheck: () => fs.appendFileSync(p, APPENDED) }), changed);
      assert.deepEqual(fs.readFileSync(p), Buffer.concat([OLD, APPENDED]));
      assert.deepEqual(leftovers(), []);
    });

    it(`${kind}: an append after the last check is put back, with the old text, and the write refused`, () => {
      const p = file();
      if (links === 2) fs.linkSync(p, path.join(dir, 'second.txt'));
      // In place, only a text no longer than the old one leaves the appended bytes where they can be found.
      const data = links === 2 ? SHORT : NEW;
      assert.throws(() => replaceFileContent(p, OLD, data, { afterFinalCheck: () => fs.appendFileSync(p, APPENDED) }), changed);
      assert.deepEqual(fs.readFileSync(p), Buffer.concat([OLD, APPENDED]));
      assert.deepEqual(leftovers(), []);
    });
  }

  it('refuses what is not a regular file', () => {
    assert.throws(() => replaceFileContent(dir, OLD, NEW), (e: unknown) => e instanceof WriteRefused && /不是普通文件/.test(e.reason.zh));
  });

  it('createFile never overwrites a file that appeared meanwhile', () => {
    const p = file('.govreport.json', Buffer.from('{}'));
    assert.throws(() => createFile(p, '{"ignore":[]}'), changed);
    assert.equal(fs.readFileSync(p, 'utf8'), '{}');
    const q = path.join(dir, 'new.json');
    createFile(q, '{"ignore":[]}');
    assert.equal(fs.readFileSync(q, 'utf8'), '{"ignore":[]}');
  });
});
