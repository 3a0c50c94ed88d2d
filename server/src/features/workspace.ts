// Reports that are not open in the editor: the client's 「检查工作区中的所有报告」 sends their URIs in batches;
// each is read from disk (any encoding, .docx too), checked under its configuration, and its diagnostics
// published like an open document's. And the text of a .docx, for the client's read-only view of it.
import { fileURLToPath } from 'url';
import { readReport } from '../node/files';

export const CHECK_FILES_REQUEST = 'govreport/checkFiles';
export const DOCX_TEXT_REQUEST = 'govreport/docxText';
/** The scheme of the read-only text view of a .docx: the file's path under another scheme. */
export const DOCX_SCHEME = 'govreport-docx';

export interface CheckFilesParams {
  uris: string[];
}

export interface CheckFilesResult {
  /** Files read and checked (reports or not). */
  checked: number;
  /** Files with at least one error or warning. */
  withProblems: number;
  unreadable: { uri: string; reason: string }[];
}

export interface DocxTextParams {
  /** The view's URI (govreport-docx:) or the file's (file:). */
  uri: string;
}

/** The file: URI behind a report URI (the .docx view's URI is the same path under DOCX_SCHEME). */
export function fileUriOf(uri: string): string | undefined {
  if (uri.startsWith('file:')) return uri;
  if (uri.startsWith(`${DOCX_SCHEME}:`)) return `file:${uri.slice(DOCX_SCHEME.length + 1)}`;
  return undefined;
}

/** The URI a file's diagnostics are published under: a .docx's go to its text view, which can show them. */
export function publishedUriOf(fileUri: string): string {
  return /\.docx$/i.test(fileUri) ? `${DOCX_SCHEME}:${fileUri.slice('file:'.length)}` : fileUri;
}

export function readReportText(uri: string): { text: string; encoding: string } | { error: { zh: string; en: string } } {
  const file = fileUriOf(uri);
  if (!file) return { error: { zh: '不是本地文件', en: 'not a local file' } };
  let filePath: string;
  try {
    filePath = fileURLToPath(file);
  } catch {
    return { error: { zh: '不是本地文件', en: 'not a local file' } };
  }
  const read = readReport(filePath);
  return 'reason' in read ? { error: read.reason } : { text: read.text, encoding: read.encoding };
}
