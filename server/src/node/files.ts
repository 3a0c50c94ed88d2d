// Reading report files for the CLI and the server: folders walked recursively, every read limited in size and
// to regular files, encodings detected, binary refused with a clear reason. Lives outside the core, which never
// touches the file system.

import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../core/config';
import { compileGlob } from '../core/glob';
import type * as DocxReader from './docx';
import type * as HtmlReader from './html';
import type * as PdfReader from './pdf';

/** Text files: read, checked and fixed in place. */
export const TEXT_EXTENSIONS = ['.txt', '.md', '.govreport'];
/** Saved web pages: their article is read (node/html.ts). */
export const PAGE_EXTENSIONS = ['.html', '.htm', '.shtml'];
/** Files whose text is extracted (a Word document, a PDF's text layer, a saved web page): checked, never written. */
export const EXTRACTED_EXTENSIONS = ['.docx', '.pdf', ...PAGE_EXTENSIONS];
/** Every file a folder is searched for. */
export const REPORT_EXTENSIONS = [...TEXT_EXTENSIONS, ...EXTRACTED_EXTENSIONS];
/** The encoding name of text extracted from a Word document. */
export const DOCX_ENCODING = 'docx';
/** The encoding name of text extracted from a saved web page. */
export const HTML_ENCODING = 'html';
/** The encoding name of text extracted from a PDF. */
export const PDF_ENCODING = 'pdf';
/** The encoding names of extracted text: such a file is never written back. */
export const EXTRACTED_ENCODINGS: readonly string[] = [DOCX_ENCODING, HTML_ENCODING, PDF_ENCODING];

/** What kind of file the text was extracted from, by its encoding name, for messages; undefined for a text file. */
export function extractedKind(encoding: string): { zh: string; en: string } | undefined {
  if (encoding === DOCX_ENCODING) return { zh: 'Word 文档', en: 'Word document' };
  if (encoding === HTML_ENCODING) return { zh: '网页', en: 'web page' };
  if (encoding === PDF_ENCODING) return { zh: 'PDF 文件', en: 'PDF' };
  return undefined;
}

/**
 * A file to read: its path as shown, and its path as bytes when the name is not valid UTF-8 (a GBK name from a
 * zip made on Chinese Windows). A JavaScript string cannot name such a file: Node would turn the bytes into
 * U+FFFD and the file would not be found.
 */
export interface FoundFile {
  /** As shown to the user: a GBK name decoded as GBK. */
  path: string;
  /** The path as the file system has it, when it is not valid UTF-8. */
  bytes?: Uint8Array;
}

/** A file as a plain path or as found by a folder walk. */
export type FileRef = string | FoundFile;

export interface ReportFile {
  path: string;
  text: string;
  /** The text's encoding, or where it was extracted from (DOCX_ENCODING, HTML_ENCODING …). */
  encoding: string;
  /** The bytes as read, so that a fix can make sure the file still holds them before it replaces it. */
  bytes: Uint8Array;
  /** Of text extracted from a paged document: the 0-based line on which each page starts (page 1 first). */
  pageStarts?: number[];
  /** Of a saved web page: the 发布日期 and 来源 the site prints beside the article (not part of `text`). */
  pageDetails?: string;
}

export interface UnreadableFile {
  path: string;
  reason: { zh: string; en: string };
}

/** What the file system takes: the string, or the bytes of a name that is not valid UTF-8. */
export function fsPathOf(file: FileRef): string | Buffer {
  if (typeof file === 'string') return file;
  return file.bytes ? Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) : file.path;
}

export function shownPathOf(file: FileRef): string {
  return typeof file === 'string' ? file : file.path;
}

export interface Collected {
  files: FoundFile[];
  /** Inputs that name nothing. */
  missing: string[];
  /** What was found but cannot be read: folders that cannot be listed, special files, broken links. */
  unreadable: UnreadableFile[];
}

/** A place during a walk: as shown, and as the file system takes it. */
interface Place {
  path: string;
  fs: string | Buffer;
}

/**
 * Expands files, folders (recursively) and glob patterns (「reports/**\/*.docx」, quoted so the shell leaves
 * them alone) into report files, in a stable order. Paths and patterns that match nothing come back apart, and
 * so does what cannot be read, one reason each, so that the rest of the batch is still checked.
 *
 * Links are followed, but every file and folder is taken once (by device and inode), and a link back to the
 * folder being walked or one above it (「.」, 「..」) is not followed at all: no walk goes in circles or checks a
 * report twice. Special files (FIFOs, devices, sockets) are never opened. Names that are not valid UTF-8 are
 * read through their bytes.
 */
export function collectPaths(inputs: string[]): Collected {
  const files: FoundFile[] = [];
  const missing: string[] = [];
  const unreadable: UnreadableFile[] = [];
  const taken = new Set<string>();
  const take = (stat: fs.BigIntStats) => {
    const id = `${stat.dev}:${stat.ino}`;
    if (taken.has(id)) return false;
    taken.add(id);
    return true;
  };

  const visit = (place: Place, explicit: boolean, parentReal: Buffer | undefined, filter?: (file: string) => boolean) => {
    const wanted = () => explicit || (filter ? filter(place.path) : isReportName(place.path));
    let stat: fs.BigIntStats;
    try {
      stat = fs.statSync(place.fs, { bigint: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (explicit && (code === 'ENOENT' || code === 'ENOTDIR')) missing.push(place.path);
      // A broken link, or a file gone since the folder was listed: said when it looks like a report.
      else if (wanted()) unreadable.push({ path: place.path, reason: cannotRead(e) });
      return;
    }
    if (stat.isDirectory()) {
      walk(place, stat, parentReal, filter);
    } else if (wanted()) {
      if (!stat.isFile()) unreadable.push({ path: place.path, reason: notRegularFile(stat) });
      else if (take(stat)) files.push(typeof place.fs === 'string' ? { path: place.path } : { path: place.path, bytes: place.fs });
    }
  };

  const walk = (dir: Place, stat: fs.BigIntStats, parentReal: Buffer | undefined, filter?: (file: string) => boolean) => {
    let real: Buffer;
    let entries: fs.Dirent<Buffer>[];
    try {
      // The native call: the JavaScript one turns a path of bytes that are not UTF-8 into a string and loses it.
      real = fs.realpathSync.native(dir.fs, { encoding: 'buffer' });
      // A link to the folder being walked or to one above it: everything there is walked already, or being walked.
      if (parentReal && isSameOrAbove(real, parentReal)) return;
      if (!take(stat)) return;
      entries = fs.readdirSync(dir.fs, { encoding: 'buffer', withFileTypes: true });
    } catch (e) {
      unreadable.push({ path: dir.path, reason: cannotReadFolder(e) });
      return;
    }
    const children = entries
      .filter((d) => d.name[0] !== 0x2e && !d.name.equals(NODE_MODULES))
      .map((d) => ({ dirent: d, place: childPlace(dir, d.name) }))
      .sort((a, b) => (a.place.path < b.place.path ? -1 : a.place.path > b.place.path ? 1 : 0));
    for (const { dirent, place } of children) {
      // Files of other kinds are passed over without a look: only folders, links and what may be a report are.
      const known = dirent.isFile() || dirent.isFIFO() || dirent.isSocket() || dirent.isCharacterDevice() || dirent.isBlockDevice();
      if (known && !(filter ? filter(place.path) : isReportName(place.path))) continue;
      visit(place, false, real, filter);
    }
  };

  for (const input of inputs) {
    if (!fs.existsSync(input) && /[*?[\]{}]/.test(input)) {
      const before = files.length + unreadable.length;
      const pattern = input.split(path.sep).join('/');
      // Matched in linear time (core/glob.ts); '\\' escapes where it is not the separator. Folder walks name files
      // without a leading './'. A pattern the matcher refuses (an extglob) matches nothing.
      const compiled = compileGlob(pattern.replace(/^(\.\/)+/, ''), { dot: false, escapes: path.sep === '/' });
      const base = globBase(pattern);
      visit({ path: base, fs: base }, false, undefined, (file) => 'glob' in compiled && compiled.glob.match(file.split(path.sep).join('/')));
      if (files.length + unreadable.length === before) missing.push(input);
    } else {
      visit({ path: input, fs: input }, true, undefined);
    }
  }
  return { files, missing, unreadable };
}

const NODE_MODULES = Buffer.from('node_modules');
const SEPARATOR = path.sep.charCodeAt(0);

function isReportName(p: string): boolean {
  return REPORT_EXTENSIONS.includes(path.extname(p).toLowerCase());
}

/** Whether `a` is the folder `b` or one above it (both real paths, as bytes). */
function isSameOrAbove(a: Buffer, b: Buffer): boolean {
  if (a.length > b.length || !b.subarray(0, a.length).equals(a)) return false;
  return a.length === b.length || a[a.length - 1] === SEPARATOR || b[a.length] === SEPARATOR;
}

/** The entry `name` of folder `dir`: by string while every name is valid UTF-8, by bytes from the first that is not. */
function childPlace(dir: Place, name: Buffer): Place {
  const decoded = utf8Name(name);
  const shown = path.join(dir.path, decoded ?? foreignName(name));
  if (decoded !== undefined && typeof dir.fs === 'string') return { path: shown, fs: path.join(dir.fs, decoded) };
  // Absolute from here on: a path of bytes is not resolved against the working folder by anyone else.
  const parent = typeof dir.fs === 'string' ? Buffer.from(path.resolve(dir.fs)) : dir.fs;
  const joined = parent.length > 0 && parent[parent.length - 1] !== SEPARATOR ? Buffer.concat([parent, Buffer.from(path.sep), name]) : Buffer.concat([parent, name]);
  return { path: shown, fs: joined };
}

function utf8Name(name: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(name);
  } catch {
    return undefined;
  }
}

/** A name that is not UTF-8, as it is meant to be read: as GBK (GB18030) if it is that, else with each byte
 * that is not printable ASCII written as \xNN. */
export function foreignName(name: Uint8Array): string {
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(name);
  } catch {
    let out = '';
    for (const b of name) out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    return out;
  }
}

function cannotRead(e: unknown): UnreadableFile['reason'] {
  const message = (e as Error).message;
  return { zh: `无法读取：${message}`, en: `cannot read: ${message}` };
}

function cannotReadFolder(e: unknown): UnreadableFile['reason'] {
  const message = (e as Error).message;
  return { zh: `无法读取文件夹，其中的报告未检查：${message}`, en: `cannot read the folder; the reports in it were not checked: ${message}` };
}

function notRegularFile(stat: fs.Stats | fs.BigIntStats): UnreadableFile['reason'] {
  const [zh, en] = stat.isFIFO() ? ['命名管道', 'a FIFO'] : stat.isSocket() ? ['套接字', 'a socket'] :
    stat.isCharacterDevice() || stat.isBlockDevice() ? ['设备', 'a device'] : stat.isDirectory() ? ['文件夹', 'a folder'] : ['特殊文件', 'a special file'];
  return { zh: `不是普通文件（${zh}），已跳过`, en: `not a regular file (${en}); skipped` };
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

const MEGABYTE = 1024 * 1024;

export interface ReadLimits {
  /** Files larger than this many bytes are not read. */
  maxBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: DEFAULT_MAX_FILE_SIZE_MB * MEGABYTE };

/** The limits under a configured `maxFileSize` (megabytes). */
export function readLimits(maxFileSizeMB: number | undefined): ReadLimits {
  return maxFileSizeMB === undefined ? DEFAULT_READ_LIMITS : { maxBytes: maxFileSizeMB * MEGABYTE };
}

/**
 * The bytes of a regular file of at most `limits.maxBytes`, or why not. The size is checked before anything is
 * read, and again while reading (a file may grow meanwhile). Special files are refused before they are
 * opened, and the file is opened non-blocking besides: a FIFO put in its place in between cannot block the read.
 */
export function readFileLimited(file: string | Buffer, limits: ReadLimits): { bytes: Buffer } | { error: UnreadableFile['reason'] } {
  let fd: number | undefined;
  try {
    const before = fs.statSync(file);
    if (!before.isFile()) return { error: notRegularFile(before) };
    if (before.size > limits.maxBytes) return { error: tooLarge(before.size, limits) };
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { error: notRegularFile(stat) };
    if (stat.size > limits.maxBytes) return { error: tooLarge(stat.size, limits) };
    // One byte more than the limit allows, to tell a file that grew past it.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, limits.maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limits.maxBytes) return { error: tooLarge(length, limits) };
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limits.maxBytes + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limits.maxBytes) return { error: tooLarge(length, limits) };
    return { bytes: buffer.subarray(0, length) };
  } catch (e) {
    return { error: cannotRead(e) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function tooLarge(size: number, limits: ReadLimits): UnreadableFile['reason'] {
  const mb = (n: number) => (n / MEGABYTE).toFixed(n < 10 * MEGABYTE ? 1 : 0);
  return {
    zh: `文件过大（${mb(size)} MB，读取上限 ${mb(limits.maxBytes)} MB），未读取；上限可用 maxFileSize 设置调整`,
    en: `too large (${mb(size)} MB; files are read up to ${mb(limits.maxBytes)} MB): not read; the maxFileSize setting changes the limit`,
  };
}

/**
 * Reads and decodes a report: a text file in any of the encodings `decodeReport` knows, or the text of a Word
 * document, a PDF's text layer or a saved web page. Asynchronous, as the PDF reader is.
 */
export async function readReport(file: FileRef, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<ReportFile | UnreadableFile> {
  const shown = shownPathOf(file);
  const read = readFileLimited(fsPathOf(file), limits);
  if ('error' in read) return { path: shown, reason: read.error };
  const bytes = read.bytes;
  const extension = path.extname(shown).toLowerCase();
  if (extension === '.docx') return readDocx(shown, bytes);
  if (extension === '.pdf') return readPdf(shown, bytes);
  if (PAGE_EXTENSIONS.includes(extension)) return readPage(shown, bytes);
  const decoded = decodeReport(bytes);
  if ('error' in decoded) return { path: shown, reason: decoded.error };
  return { path: shown, text: decoded.text, encoding: decoded.encoding, bytes };
}

/** The readers of extracted text are bundles of their own (dist/docx-reader.js, dist/pdf-reader.js,
 * dist/html-reader.js, see esbuild.mjs), loaded for the first file of their kind. */
let docxReader: typeof DocxReader | undefined;
let pdfReader: typeof PdfReader | undefined;
let htmlReader: typeof HtmlReader | undefined;

function readDocx(file: string, bytes: Uint8Array): ReportFile | UnreadableFile {
  try {
    docxReader ??= require('./docx') as typeof DocxReader;
    return { path: file, text: docxReader.extractDocxText(bytes), encoding: DOCX_ENCODING, bytes };
  } catch (e) {
    const detail = docxReader && e instanceof docxReader.DocxError ? { zh: e.zh, en: e.message } : otherError(e);
    return { path: file, reason: { zh: `无法读取 Word 文档（${detail.zh}）`, en: `not a readable Word document (${detail.en})` } };
  }
}

/** A PDF's text layer, with the line on which each page starts; a scan (no text layer) is one line of reason. */
async function readPdf(file: string, bytes: Uint8Array): Promise<ReportFile | UnreadableFile> {
  try {
    pdfReader ??= require('./pdf') as typeof PdfReader;
    const read = await pdfReader.extractPdfText(bytes);
    return { path: file, text: read.text, encoding: PDF_ENCODING, bytes, pageStarts: read.pageStarts };
  } catch (e) {
    const detail = pdfReader && e instanceof pdfReader.PdfError ? { zh: e.zh, en: e.message } : otherError(e);
    return { path: file, reason: { zh: `无法读取 PDF（${detail.zh}）`, en: `not a readable PDF (${detail.en})` } };
  }
}

function readPage(file: string, bytes: Uint8Array): ReportFile | UnreadableFile {
  try {
    htmlReader ??= require('./html') as typeof HtmlReader;
    const page = htmlReader.extractHtmlText(bytes);
    return { path: file, text: page.text, encoding: HTML_ENCODING, bytes, ...(page.details ? { pageDetails: page.details } : {}) };
  } catch (e) {
    const detail = htmlReader && e instanceof htmlReader.HtmlError ? { zh: e.zh, en: e.message } : otherError(e);
    return { path: file, reason: { zh: `无法读取网页（${detail.zh}）`, en: `not a readable web page (${detail.en})` } };
  }
}

/** Anything else (a reader missing from an installation, say), in one line. */
function otherError(e: unknown): { zh: string; en: string } {
  const other = String((e as Error)?.message ?? e).split('\n')[0];
  return { zh: other, en: other };
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
