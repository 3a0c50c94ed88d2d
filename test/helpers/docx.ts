// Word documents for tests, built by hand when the XML itself is the point (malformed, unusual or huge), and
// the zip around them when the zip is (a bomb, a wrong CRC, an encrypted part).
import * as zlib from 'zlib';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** One entry of a zip: its bytes as stored in the archive (deflated for method 8). */
export interface ZipEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** Inflated size. */
  size: number;
  /** General purpose flags: bit 0 encrypted. */
  flags?: number;
  /** Sizes in a ZIP64 extra field of the central directory, 0xFFFFFFFF in its header. */
  zip64?: boolean;
}

export function storedEntry(name: string, content: string | Buffer): ZipEntry {
  const data = Buffer.from(content);
  return { name, data, method: 0, crc: zlib.crc32(data), size: data.length };
}

export function deflatedEntry(name: string, content: string | Buffer): ZipEntry {
  const raw = Buffer.from(content);
  return { name, data: zlib.deflateRawSync(raw), method: 8, crc: zlib.crc32(raw), size: raw.length };
}

/** A zip archive of the entries, in order, with its central directory. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800 | (e.flags ?? 0), 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(e.zip64 ? 20 : 0);
    if (e.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
      extra.writeBigUInt64LE(BigInt(e.data.length), 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800 | (e.flags ?? 0), 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : e.data.length, 20);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name, extra);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A .docx with the given parts, stored (not deflated). */
export function storedDocx(parts: Record<string, string | Buffer>): Buffer {
  return zipOf(Object.entries(parts).map(([name, content]) => storedEntry(name, content)));
}

/**
 * A part that inflates to `megabytes` MB of spaces inside one w:t, deflated a megabyte at a time: each
 * megabyte is compressed once (a non-final block ending on a byte boundary) and the same bytes repeated, so a
 * 300 MB bomb takes a few hundred KB and a moment to write, and nothing of its inflated size is ever held.
 * `declaredSize`: the size its headers claim, if they lie.
 */
export function bombEntry(name: string, megabytes: number, declaredSize?: number): ZipEntry {
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>`);
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const spaces = Buffer.alloc(2 ** 20, 0x20);
  const block = zlib.deflateRawSync(spaces, sync);
  const pieces = [zlib.deflateRawSync(head, sync)];
  let crc = zlib.crc32(head);
  for (let i = 0; i < megabytes; i++) {
    pieces.push(block);
    crc = zlib.crc32(spaces, crc);
  }
  pieces.push(zlib.deflateRawSync(tail));
  crc = zlib.crc32(tail, crc);
  const size = head.length + megabytes * spaces.length + tail.length;
  return { name, data: Buffer.concat(pieces), method: 8, crc, size: declaredSize ?? Math.min(size, 0xfffffffe) };
}

/** word/document.xml around body XML. */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`;
}
