// Reading report files for the CLI: folders walked recursively, encodings detected, binary refused with
// a clear reason. Lives outside the core, which never touches the file system.

import * as fs from 'fs';
import * as path from 'path';
import { minimatch } from 'minimatch';
import type * as DocxReader from './docx';

/** Text files: read, checked and fixed in place. */
export const TEXT_EXTENSIONS = ['.txt', '.md', '.govreport'];
/** Every file a folder is searched for: the text files and Word documents (checked, never written). */
export const REPORT_EXTENSIONS = [...TEXT_EXTENSIONS, '.docx'];
/** The encoding name of text extracted from a Word document. */
export const DOCX_ENCODING = 'docx';

export interface ReportFile {
  path: string;
  text: string;
  encoding: string;
}

export interface UnreadableFile {
  path: string;
  reason: { zh: string; en: string };
}

/**
 * Expands files, folders (recursively) and glob patterns (「reports/**\/*.docx」, quoted so the shell leaves
 * them alone) into report file paths, in a stable order. Paths and patterns that match nothing come back apart.
 */
export function collectPaths(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      files.push(p);
    }
  };
  const visit = (p: string, explicit: boolean, filter?: (file: string) => boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      if (explicit) missing.push(p);
      return;
    }
    if (stat.isDirectory()) {
      const entries = fs.readdirSync(p).sort();
      for (const e of entries) {
        if (e.startsWith('.') || e === 'node_modules') continue;
        visit(path.join(p, e), false, filter);
      }
    } else if (filter ? filter(p) : explicit || REPORT_EXTENSIONS.includes(path.extname(p).toLowerCase())) {
      add(p);
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input) && /[*?[\]{}]/.test(input)) {
      const before = files.length;
      const pattern = input.split(path.sep).join('/');
      visit(globBase(pattern), false, (file) => minimatch(file.split(path.sep).join('/'), pattern, { dot: false }));
      if (files.length === before) missing.push(input);
    } else {
      visit(input, true);
    }
  }
  return { files, missing };
}

/** The folder a glob pattern starts from: its path up to the first segment with a wildcard. */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const s of segments) {
    if (/[*?[\]{}]/.test(s)) break;
    fixed.push(s);
  }
  if (fixed.length === 0) return '.';
  return fixed.join('/') || '/';
}

/** Decodes a report file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which covers GBK). */
export function decodeReport(bytes: Uint8Array): { text: string; encoding: string } | { error: UnreadableFile['reason'] } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (looksBinary(bytes)) {
    return { error: { zh: '不是文本文件（含有二进制内容）', en: 'not a text file (binary content)' } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      return { error: { zh: '无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK）', en: 'unknown encoding (neither UTF-8 nor GB18030/GBK)' } };
    }
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

export function readReport(file: string): ReportFile | UnreadableFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const message = (e as Error).message;
    return { path: file, reason: { zh: `无法读取：${message}`, en: `cannot read: ${message}` } };
  }
  if (path.extname(file).toLowerCase() === '.docx') return readDocx(file, bytes);
  const decoded = decodeReport(bytes);
  if ('error' in decoded) return { path: file, reason: decoded.error };
  return { path: file, text: decoded.text, encoding: decoded.encoding };
}

/** The .docx reader, a bundle of its own (dist/docx-reader.js, see esbuild.mjs), loaded for the first .docx. */
let docxReader: typeof DocxReader | undefined;

function readDocx(file: string, bytes: Uint8Array): ReportFile | UnreadableFile {
  try {
    docxReader ??= require('./docx') as typeof DocxReader;
    return { path: file, text: docxReader.extractDocxText(bytes), encoding: DOCX_ENCODING };
  } catch (e) {
    // Anything else (a reader missing from an installation, say) also in one line.
    const other = String((e as Error)?.message ?? e).split('\n')[0];
    const detail = docxReader && e instanceof docxReader.DocxError ? { zh: e.zh, en: e.message } : { zh: other, en: other };
    return { path: file, reason: { zh: `无法读取 Word 文档（${detail.zh}）`, en: `not a readable Word document (${detail.en})` } };
  }
}

/** The bytes of `text` in one of the encodings `decodeReport` names, BOM included, so that a file written
 * back keeps the encoding it was read in. Throws if a character has no form in that encoding. */
export function encodeReport(text: string, encoding: string): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030':
      return encodeGb18030(text);
    default:
      throw new Error(`unsupported encoding: ${encoding}`);
  }
}

// GB18030 is encoded with tables derived from the very decoder that read the file, so that what is read
// and what is written back always agree. Node has a GB18030 decoder (ICU) but no encoder.
let gbTwoByte: Map<number, number> | undefined;
let gbFourByteBmp: Map<number, number> | undefined;

/** BMP code unit → lead << 8 | trail, for the two-byte area (GBK and its GB18030 extensions). */
function gb18030TwoByteTable(): Map<number, number> {
  if (gbTwoByte) return gbTwoByte;
  const table = new Map<number, number>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let s: string;
      try {
        s = decoder.decode(pair);
      } catch {
        continue;
      }
      if (s.length === 1 && !table.has(s.charCodeAt(0))) table.set(s.charCodeAt(0), (lead << 8) | trail);
    }
  }
  return (gbTwoByte = table);
}

/** BMP code unit → four-byte pointer, for the BMP characters outside the two-byte area. */
function gb18030FourByteBmpTable(): Map<number, number> {
  if (gbFourByteBmp) return gbFourByteBmp;
  const table = new Map<number, number>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const quad = new Uint8Array(4);
  // Pointers 0‥39419 cover 81 30 81 30 ‥ 84 31 A4 39, the BMP part of the four-byte area.
  for (let pointer = 0; pointer < 39420; pointer++) {
    writeFourBytePointer(quad, 0, pointer);
    let s: string;
    try {
      s = decoder.decode(quad);
    } catch {
      continue;
    }
    if (s.length === 1 && !table.has(s.charCodeAt(0))) table.set(s.charCodeAt(0), pointer);
  }
  return (gbFourByteBmp = table);
}

function writeFourBytePointer(out: Uint8Array, at: number, pointer: number): void {
  out[at] = Math.floor(pointer / 12600) + 0x81;
  out[at + 1] = Math.floor((pointer % 12600) / 1260) + 0x30;
  out[at + 2] = Math.floor((pointer % 1260) / 10) + 0x81;
  out[at + 3] = (pointer % 10) + 0x30;
}

function encodeGb18030(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 4);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const codePoint = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        writeFourBytePointer(out, n, 189000 + codePoint - 0x10000);
        n += 4;
        i++;
        continue;
      }
    }
    const two = gb18030TwoByteTable().get(c);
    if (two !== undefined) {
      out[n++] = two >> 8;
      out[n++] = two & 0xff;
      continue;
    }
    const four = gb18030FourByteBmpTable().get(c);
    if (four === undefined) throw new Error(`U+${c.toString(16).toUpperCase().padStart(4, '0')} cannot be written in GB18030`);
    writeFourBytePointer(out, n, four);
    n += 4;
  }
  return out.subarray(0, n);
}
