// The characters of a saved web page. Chinese government sites still serve many pages in GBK, and a page saved
// from the browser keeps its bytes, so the page's own word is taken: a byte order mark first, then the charset a
// <meta> declares near the top (as browsers look for it, in the first bytes), else UTF-8 when the bytes are valid
// UTF-8, else GB18030 (which covers GBK and GB2312). Node's TextDecoder knows the WHATWG encodings.

import { HtmlError } from './error';

/** Browsers look for the <meta> charset in the first 1024 bytes; saved pages put comments before it, so 4 KB. */
const META_SCAN_BYTES = 4096;

/** `<meta charset="gbk">` and `<meta http-equiv="Content-Type" content="text/html; charset=gbk">` alike:
 * 「charset=」 inside a <meta> tag. Bounded quantifiers: linear on any input. */
const META_CHARSET = /<meta\b[^>]{0,512}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})/i;

export interface DecodedPage {
  text: string;
  /** The encoding the text was decoded from, as TextDecoder names it (「gbk」 is read as 「gb18030」). */
  encoding: string;
}

export function decodePage(bytes: Uint8Array): DecodedPage {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const declared = declaredCharset(bytes);
  if (declared) {
    // A page that says UTF-8 but holds GBK (a server misconfigured, a page re-saved): the bytes tell.
    const strict = tryDecode(declared, bytes);
    if (strict !== undefined) return { text: strict, encoding: declared };
    const other = declared === 'utf-8' ? 'gb18030' : 'utf-8';
    const fallback = tryDecode(other, bytes);
    if (fallback !== undefined) return { text: fallback, encoding: other };
    return { text: decode(declared, bytes), encoding: declared };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  throw new HtmlError('无法识别网页编码（既不是 UTF-8 也不是 GB18030/GBK，网页中也未声明编码）', 'unknown encoding (neither UTF-8 nor GB18030/GBK, and the page declares none)');
}

/** The encoding a <meta> near the top declares, as TextDecoder names it; undefined when none or not one it knows. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 keeps every byte as one character: the ASCII of the tags reads as it is whatever the encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_SCAN_BYTES)).toString('latin1');
  const label = META_CHARSET.exec(head)?.[1];
  if (!label) return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
  // GBK and GB2312 pages use characters of their superset freely (what browsers do too); a UTF-16 label in an
  // ASCII-readable header is wrong by construction (HTML says to read it as UTF-8).
  if (encoding === 'gbk') return 'gb18030';
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  return encoding;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}
