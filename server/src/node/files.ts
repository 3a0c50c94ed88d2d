// Reading report files for the CLI: folders walked recursively, encodings detected, binary refused with
// a clear reason. Lives outside the core, which never touches the file system.

import * as fs from 'fs';
import * as path from 'path';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.govreport'];

export interface ReportFile {
  path: string;
  text: string;
  encoding: string;
}

export interface UnreadableFile {
  path: string;
  reason: { zh: string; en: string };
}

/** Expands files and folders into report file paths, in a stable order. Missing paths are returned apart. */
export function collectPaths(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const visit = (p: string, explicit: boolean) => {
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
        visit(path.join(p, e), false);
      }
    } else if (explicit || REPORT_EXTENSIONS.includes(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  };
  for (const input of inputs) visit(input, true);
  return { files, missing };
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
  const decoded = decodeReport(bytes);
  if ('error' in decoded) return { path: file, reason: decoded.error };
  return { path: file, text: decoded.text, encoding: decoded.encoding };
}
