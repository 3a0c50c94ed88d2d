// What a PDF's streams come to once inflated. pdf.js inflates a content stream whole before reading it, with no
// limit: a 1 MB file can hold a stream of 1 GB of blanks (a "zip bomb") and take gigabytes of memory. Before pdf.js
// sees the file, every stream that is not an image (images are not decoded to read text) is inflated here against
// what is left of a budget, and a file over it is refused. A scan of the bytes, in time linear in their length.

import * as zlib from 'zlib';

/** The stream keyword and the end of line after it. */
const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far before a stream its dictionary is looked for. */
const DICTIONARY_REACH = 4096;

/**
 * The bytes the file's non-image streams inflate to, up to `budget` + 1 (a file over the budget is not inflated
 * further). Streams that are not zlib data (not compressed, or by another filter) count their own length.
 */
export function inflatedSize(bytes: Uint8Array, budget: number): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let from = 0;
  while (total <= budget) {
    const at = buf.indexOf(STREAM, from);
    if (at < 0) break;
    from = at + STREAM.length;
    // 「endstream」 ends one; 「stream」 must follow a dictionary's 「>>」 and be followed by an end of line.
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a && buf[start - 1] !== 0x0d) continue;
    if (buf[start] === 0x0a) start++;
    const dictionary = buf.toString('latin1', Math.max(0, at - DICTIONARY_REACH), at);
    const dictStart = dictionary.lastIndexOf('obj');
    const dict = dictStart >= 0 ? dictionary.slice(dictStart) : dictionary;
    // The length the dictionary gives, when it is a number and 「endstream」 follows the data; else up to 「endstream」.
    const length = /\/Length\s+(\d{1,12})(?!\s+\d+\s+R)/.exec(dict);
    let end = length ? start + Number(length[1]) : -1;
    if (end < 0 || end > buf.length || buf.subarray(end, end + 32).indexOf(END_STREAM) < 0) {
      end = buf.indexOf(END_STREAM, start);
      if (end < 0) end = buf.length;
    }
    from = end;
    if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    total += inflatedLength(buf.subarray(start, end), budget - total);
  }
  return total;
}

/** The length `data` inflates to (its own length when it is not zlib data), at most `room` + 1. */
function inflatedLength(data: Buffer, room: number): number {
  // zlib data starts with a header whose first byte is 0x?8 and whose two bytes are a multiple of 31.
  if (data.length < 2 || (data[0] & 0x0f) !== 8 || ((data[0] << 8) | data[1]) % 31 !== 0) return data.length;
  try {
    // A stream cut short or followed by junk inflates as far as it goes, as pdf.js reads it.
    return zlib.inflateSync(data, { maxOutputLength: Math.max(1, room + 1), finishFlush: zlib.constants.Z_SYNC_FLUSH }).length;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return room + 1;
    return data.length;
  }
}
