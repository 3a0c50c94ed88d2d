// Replacing a file others may touch too: `check --fix` on a report, 「忽略此问题」 on a .govreport.json. The
// write goes to the real file behind a link, keeps hard links, owner and permissions, refuses a read-only file,
// and refuses when the file no longer holds what was read, so that a change another program made meanwhile
// (an append, say) is never lost.
import * as fs from 'fs';
import * as path from 'path';

/** A write the file system's state forbids; the reason is for the user, in both languages. */
export class WriteRefused extends Error {
  constructor(readonly reason: { zh: string; en: string }) {
    super(`${reason.zh} / ${reason.en}`);
  }
}

export interface ReplaceOptions {
  /** Run when the new content is ready, before the last check of the file: a test makes a concurrent change here. */
  beforeFinalCheck?: () => void;
  /** Run after the last check, just before the file is replaced: a change here is the one only an after-check can see. */
  afterFinalCheck?: () => void;
}

const READ_ONLY = { zh: '文件为只读，未改写', en: 'the file is read-only; not rewritten' };
const CHANGED = { zh: '文件在读取后被其他程序修改，未改写（请重新运行）', en: 'the file changed since it was read; not rewritten (run again)' };
const NOT_REGULAR = { zh: '不是普通文件，未改写', en: 'not a regular file; not rewritten' };

/**
 * Replaces the content of `target` with `data`, provided it still holds exactly `expected`, the bytes read
 * earlier. A link is followed to the real file, which is written; the link stays a link.
 *
 * A file with one link, owned by this user, is replaced by renaming a finished copy over it, so that a reader
 * sees the old content or the new, never half. Any other file (hard links, another owner) is rewritten in place,
 * which keeps its identity, with a backup of the old content beside it until the new one is verified.
 *
 * The content is checked once more right before the replacement; and after a rename, the old file, still
 * open, is checked again: a change that slipped in between is put back and the write refused.
 */
export function replaceFileContent(target: string | Buffer, expected: Uint8Array, data: Uint8Array, options: ReplaceOptions = {}): void {
  // The native call: the JavaScript one turns a path of bytes that are not UTF-8 into a string and loses it.
  const real = fs.realpathSync.native(target, { encoding: 'buffer' });
  const stat = fs.lstatSync(real, { bigint: true });
  if (!stat.isFile()) throw new WriteRefused(NOT_REGULAR);
  // By the mode bits, not by trying: the superuser could write, and would take the file over.
  if ((stat.mode & 0o222n) === 0n) throw new WriteRefused(READ_ONLY);
  const fd = fs.openSync(real, fs.constants.O_RDWR | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const opened = fs.fstatSync(fd, { bigint: true });
    if (!opened.isFile() || opened.ino !== stat.ino || opened.dev !== stat.dev || !holds(fd, expected)) throw new WriteRefused(CHANGED);
    const uid = process.getuid?.();
    const gid = process.getgid?.();
    const ours = uid === undefined || (BigInt(uid) === opened.uid && BigInt(gid ?? -1) === opened.gid);
    if (opened.nlink === 1n && ours) replaceByRename(real, fd, opened, expected, data, options);
    else rewriteInPlace(real, fd, opened, expected, data, options);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a new file that must not exist yet: a file created meanwhile by someone else is never overwritten. */
export function createFile(target: string, data: string | Uint8Array): void {
  let fd: number;
  try {
    fd = fs.openSync(target, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteRefused(CHANGED);
    throw e;
  }
  try {
    writeAllAt(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, 0);
  } finally {
    fs.closeSync(fd);
  }
}

function replaceByRename(real: Buffer, fd: number, opened: fs.BigIntStats, expected: Uint8Array, data: Uint8Array, options: ReplaceOptions): void {
  const temp = besides(real, 'tmp');
  try {
    writeNewFile(temp, data, Number(opened.mode & 0o7777n));
    options.beforeFinalCheck?.();
    const at = fs.lstatSync(real, { bigint: true });
    if (!unchanged(fd, opened, expected) || at.ino !== opened.ino || at.dev !== opened.dev) throw new WriteRefused(CHANGED);
    options.afterFinalCheck?.();
    fs.renameSync(temp, real);
  } catch (e) {
    removeQuietly(temp);
    throw e;
  }
  // A write that came between the check and the rename went to the old file, which the rename detached: it
  // holds the other program's change, and goes back in place of the fixed text.
  if (!unchanged(fd, opened, expected)) {
    const current = readAll(fd);
    const back = besides(real, 'tmp');
    try {
      writeNewFile(back, current, Number(opened.mode & 0o7777n));
      fs.renameSync(back, real);
    } catch (e) {
      removeQuietly(back);
      throw e;
    }
    throw new WriteRefused(CHANGED);
  }
}

function rewriteInPlace(real: Buffer, fd: number, opened: fs.BigIntStats, expected: Uint8Array, data: Uint8Array, options: ReplaceOptions): void {
  // Should the write fail half-way, the old content is beside the file.
  const backup = besides(real, 'bak');
  writeNewFile(backup, expected, Number(opened.mode & 0o7777n));
  /** Whether the file may now hold neither the old text nor the new: the backup then stays. */
  let damaged = false;
  try {
    options.beforeFinalCheck?.();
    if (!unchanged(fd, opened, expected)) throw new WriteRefused(CHANGED);
    options.afterFinalCheck?.();
    damaged = true;
    writeAllAt(fd, data, 0);
    // Longer than both texts: something was appended after the check. When the new text is no longer than the
    // old, the appended bytes are intact beyond it, and go back with the old text.
    const size = Number(fs.fstatSync(fd).size);
    if (size > Math.max(expected.length, data.length)) {
      if (data.length > expected.length) throw new WriteRefused(damagedReason(backup));
      const appended = Buffer.alloc(size - expected.length);
      fs.readSync(fd, appended, 0, appended.length, expected.length);
      writeAllAt(fd, Buffer.concat([expected, appended]), 0);
      fs.fsyncSync(fd);
      damaged = false;
      throw new WriteRefused(CHANGED);
    }
    fs.ftruncateSync(fd, data.length);
    fs.fsyncSync(fd);
    if (!holds(fd, data)) throw new WriteRefused(damagedReason(backup));
    damaged = false;
  } catch (e) {
    if (damaged && !(e instanceof WriteRefused)) throw new WriteRefused(damagedReason(backup));
    throw e;
  } finally {
    if (!damaged) removeQuietly(backup);
  }
}

function damagedReason(backup: Buffer): { zh: string; en: string } {
  const name = backup.toString('utf8');
  return { zh: `写入时文件被其他程序修改，原内容保存在 ${name}`, en: `the file changed while it was written; the old content is in ${name}` };
}

/** Whether the open file still is what was read: same size and time, same bytes. */
function unchanged(fd: number, opened: fs.BigIntStats, expected: Uint8Array): boolean {
  const now = fs.fstatSync(fd, { bigint: true });
  return now.size === opened.size && now.mtimeNs === opened.mtimeNs && holds(fd, expected);
}

function holds(fd: number, expected: Uint8Array): boolean {
  const buffer = Buffer.alloc(expected.length + 1);
  let length = 0;
  for (;;) {
    const n = fs.readSync(fd, buffer, length, buffer.length - length, length);
    if (n === 0) break;
    length += n;
    if (length === buffer.length) return false;
  }
  return length === expected.length && buffer.subarray(0, length).equals(expected);
}

function readAll(fd: number): Buffer {
  const size = Number(fs.fstatSync(fd).size);
  const buffer = Buffer.alloc(size);
  let length = 0;
  while (length < size) {
    const n = fs.readSync(fd, buffer, length, size - length, length);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

function writeAllAt(fd: number, data: Uint8Array, position: number): void {
  let written = 0;
  while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written, position + written);
}

function writeNewFile(file: Buffer, data: Uint8Array, mode: number): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    writeAllAt(fd, data, 0);
    fs.fsyncSync(fd);
    // After the write, whatever the umask: the new file takes the old one's permissions.
    fs.fchmodSync(fd, mode);
  } finally {
    fs.closeSync(fd);
  }
}

/** A new name beside `file`, hidden, that says where it comes from. */
function besides(file: Buffer, kind: string): Buffer {
  const cut = file.lastIndexOf(path.sep.charCodeAt(0));
  const dir = file.subarray(0, cut + 1);
  const name = file.subarray(cut + 1);
  const suffix = `.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.govreport-${kind}`;
  return Buffer.concat([dir, Buffer.from('.'), name, Buffer.from(suffix)]);
}

function removeQuietly(file: Buffer): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Never created, or gone already.
  }
}
