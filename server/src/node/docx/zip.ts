// The parts of a .docx, which is a zip archive. The central directory names each part with its flags,
// compression method, sizes and CRC, as Word reads it. Node's zlib inflates a part and stops as soon as the
// output passes the limit (maxOutputLength is checked while inflating, so a bomb costs no more than the limit
// allows), and zlib's crc32 checks what came out.
//
// Neither fflate's Unzip nor yauzl: the first walks local headers and gives neither flags nor CRC (an
// encrypted part would read as garbage, and an entry with a data descriptor is cut where its bytes happen to
// look like a signature); the second is asynchronous only, and reports are read synchronously. zlib is in
// Node already and costs the bundles nothing.

import * as zlib from 'zlib';
import { DocxError, megabytes } from './error';

export interface ZipLimits {
  /** Bytes one part may inflate to. */
  maxEntryBytes: number;
  /** Bytes all the parts read may inflate to together. */
  maxTotalBytes: number;
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50 };

export class ZipArchive {
  /** By lower-case name: OPC compares part names without case. */
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(private readonly buf: Buffer, private readonly limits: ZipLimits) {
    this.readDirectory();
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** Every part's name as the archive writes it (the first of two entries of one name). */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** The inflated bytes of a part, checked against its CRC; undefined when there is no such part. */
  read(name: string): Buffer | undefined {
    const e = this.entries.get(name.toLowerCase());
    if (!e) return undefined;
    const shown = shownName(e.name);
    if (e.flags & 1) throw new DocxError(`${shown} 已加密`, `${shown} is encrypted`);
    if (e.method !== 0 && e.method !== 8) {
      throw new DocxError(`${shown} 使用了不支持的压缩方式（${e.method}）`, `${shown} uses an unsupported compression method (${e.method})`);
    }
    const buf = this.buf;
    const at = e.localHeader;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== SIGNATURE.local) throw damaged(`${shown}：本地文件头`, `local header of ${shown}`);
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) throw damaged(`${shown}：数据不完整`, `${shown} is cut short`);
    const entryLimited = this.limits.maxEntryBytes <= this.limits.maxTotalBytes - this.inflated;
    const budget = Math.max(0, Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.inflated));
    const overLimit = () => entryLimited
      ? new DocxError(`${shown} 解压后超过 ${megabytes(this.limits.maxEntryBytes)} 的上限`, `${shown} inflates to more than ${megabytes(this.limits.maxEntryBytes)}`)
      : new DocxError(`各部分解压后合计超过 ${megabytes(this.limits.maxTotalBytes)} 的上限`, `the parts inflate to more than ${megabytes(this.limits.maxTotalBytes)} together`);
    // The declared size may be a lie; it is only trusted to refuse early.
    if (e.size > budget) throw overLimit();
    let data: Buffer;
    if (e.method === 0) {
      data = buf.subarray(start, end);
    } else {
      try {
        data = zlib.inflateRawSync(buf.subarray(start, end), { maxOutputLength: Math.max(1, budget) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw overLimit();
        throw damaged(`${shown} 无法解压`, `${shown} cannot be inflated`);
      }
    }
    if (data.length > budget) throw overLimit();
    this.inflated += data.length;
    if (zlib.crc32(data) !== e.crc) throw damaged(`${shown} 校验和（CRC）不符`, `${shown} fails its CRC check`);
    return data;
  }

  private readDirectory(): void {
    const buf = this.buf;
    const eocd = endOfCentralDirectory(buf);
    if (eocd < 0) {
      // A password-protected .docx is not a zip but an OLE compound file, as an old .doc is.
      if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
        throw new DocxError(
          '是设有打开密码的 Word 文档或旧版 .doc 文件：请在 Word 中取消密码或另存为 .docx',
          'an encrypted (password-protected) Word document or an old .doc file: remove the password or save it as .docx in Word',
        );
      }
      throw new DocxError('不是 zip 格式的 .docx 文件', 'not a zip file');
    }
    let count = buf.readUInt16LE(eocd + 10);
    let at = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || at === 0xffffffff) {
      // ZIP64: the counts and offsets are in the record the locator before the end record points to.
      const locator = eocd - 20;
      if (locator < 0 || buf.readUInt32LE(locator) !== SIGNATURE.locator64) throw damaged('zip 目录', 'zip directory');
      const end64 = uint64(buf, locator + 8);
      if (end64 + 56 > buf.length || buf.readUInt32LE(end64) !== SIGNATURE.end64) throw damaged('zip 目录', 'zip directory');
      count = uint64(buf, end64 + 32);
      at = uint64(buf, end64 + 48);
    }
    for (let k = 0; k < count; k++) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== SIGNATURE.central) throw damaged('zip 目录', 'zip directory');
      const nameLength = buf.readUInt16LE(at + 28);
      const extraLength = buf.readUInt16LE(at + 30);
      const next = at + 46 + nameLength + extraLength + buf.readUInt16LE(at + 32);
      if (next > buf.length) throw damaged('zip 目录', 'zip directory');
      const flags = buf.readUInt16LE(at + 8);
      const entry: Entry = {
        // Bit 11: the name is UTF-8; else it is in the writer's code page, which part names (ASCII) do not need.
        name: buf.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength).replace(/\\/g, '/').replace(/^\//, ''),
        flags,
        method: buf.readUInt16LE(at + 10),
        crc: buf.readUInt32LE(at + 16),
        compressedSize: buf.readUInt32LE(at + 20),
        size: buf.readUInt32LE(at + 24),
        localHeader: buf.readUInt32LE(at + 42),
      };
      readZip64Extra(buf, at + 46 + nameLength, extraLength, entry);
      // The first of two entries of one name, as most readers take it.
      const key = entry.name.toLowerCase();
      if (!this.entries.has(key)) this.entries.set(key, entry);
      at = next;
    }
  }
}

function endOfCentralDirectory(buf: Buffer): number {
  // The end record is the last 22 bytes, unless a comment of up to 64 KB follows it.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIGNATURE.end) return i;
  }
  return -1;
}

/** The ZIP64 extra field holds, in this order, whichever of the sizes and offset are 0xFFFFFFFF in the header. */
function readZip64Extra(buf: Buffer, start: number, length: number, entry: Entry): void {
  const fields = ['size', 'compressedSize', 'localHeader'] as const;
  if (!fields.some((f) => entry[f] === 0xffffffff)) return;
  for (let at = start; at + 4 <= start + length;) {
    const id = buf.readUInt16LE(at);
    const size = buf.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const f of fields) {
        if (entry[f] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + size) throw damaged('zip 目录', 'zip directory');
        entry[f] = uint64(buf, field);
        field += 8;
      }
      return;
    }
    at += 4 + size;
  }
  throw damaged('zip 目录', 'zip directory');
}

/** An unsigned 64-bit field (inexact past 2⁵³, which no offset in a Buffer reaches and any limit refuses). */
function uint64(buf: Buffer, at: number): number {
  if (at + 8 > buf.length) throw damaged('zip 目录', 'zip directory');
  return buf.readUInt32LE(at + 4) * 2 ** 32 + buf.readUInt32LE(at);
}

function damaged(zh: string, en: string): DocxError {
  return new DocxError(`文件已损坏（${zh}）`, `damaged file (${en})`);
}

/** A part's name for a one-line message: a name comes from the file, so control characters go, and length. */
export function shownName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}
