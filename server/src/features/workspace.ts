// Reports that are not open in the editor: the client's 「检查工作区中的所有报告」 sends their URIs in batches;
// each is read from disk (any encoding, .docx, PDF and saved web pages too), checked under its configuration, and its
// diagnostics published like an open document's. And the text extracted from a .docx, a PDF or a web page, for
// the client's read-only view of it.
//
// The server reads only what the user works on (FileAccess): files inside the workspace folders, documents
// open in the editor, and files the user opened or picked in the client. A request naming any other path is
// answered with a reason, and nothing is read.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { Message, Severity } from '../core/index';
import { EXTRACTED_EXTENSIONS, readReport, type ReadLimits } from '../node/files';

export const CHECK_FILES_REQUEST = 'govreport/checkFiles';
/** The text extracted from a .docx or a saved web page, for the client's read-only view. */
export const EXTRACTED_TEXT_REQUEST = 'govreport/extractedText';
/** Its name from when only .docx files were read; still answered. */
export const DOCX_TEXT_REQUEST = 'govreport/docxText';
/** The client's word that the user opened or picked a file (a .docx in its editor, last year's report in a
 * dialog): the server may read it, wherever it lies. */
export const USER_OPENED_FILE_NOTIFICATION = 'govreport/userOpenedFile';
/** The scheme of the read-only text view of a .docx or a web page: the file's path under another scheme. */
export const EXTRACTED_SCHEME = 'govreport-text';
/** Its name from when only .docx files were read; still understood. */
export const DOCX_SCHEME = 'govreport-docx';

export interface CheckFilesParams {
  uris: string[];
  /** One run of the workspace check, over several requests: a file reached twice in it (through a link) is
   * checked once. */
  session?: string;
}

export interface CheckFilesResult {
  /** Files checked (reports or not): read from disk, open in the editor (counted with their live findings), or
   * already checked in this session under another name. */
  checked: number;
  /** Files with at least one problem the Problems view lists: an error, a warning or an information (hints are
   * only marked in the editor). */
  withProblems: number;
  /** The findings of these files by severity, as their diagnostics are published. */
  problems: ProblemCounts;
  unreadable: { uri: string; reason: string }[];
}

export type ProblemCounts = Record<Severity, number>;

export function noProblems(): ProblemCounts {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}

/** Adds one file's findings to `result`. */
export function countFindings(result: CheckFilesResult, findings: readonly { severity: Severity }[]): void {
  result.checked++;
  for (const f of findings) result.problems[f.severity]++;
  if (findings.some((f) => f.severity !== 'hint')) result.withProblems++;
}

export interface ExtractedTextParams {
  /** The view's URI (govreport-text:) or the file's (file:). */
  uri: string;
}

/** The file: URI behind a report URI (a text view's URI is the same path under EXTRACTED_SCHEME). */
export function fileUriOf(uri: string): string | undefined {
  if (uri.startsWith('file:')) return uri;
  for (const scheme of [EXTRACTED_SCHEME, DOCX_SCHEME]) if (uri.startsWith(`${scheme}:`)) return `file:${uri.slice(scheme.length + 1)}`;
  return undefined;
}

/** Whether a file's text is extracted (a .docx, a PDF, a saved web page), by its name or URI. */
export function isExtractedName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && EXTRACTED_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/** The URI a file's diagnostics are published under: those of a file whose text is extracted go to its text
 * view, which can show them. */
export function publishedUriOf(fileUri: string): string {
  return isExtractedName(fileUri) ? `${EXTRACTED_SCHEME}:${fileUri.slice('file:'.length)}` : fileUri;
}

const NOT_LOCAL: Message = { zh: '不是本地文件', en: 'not a local file' };
const OUTSIDE: Message = {
  zh: '不在工作区文件夹内，也不是在编辑器中打开的文件，未读取',
  en: 'outside the workspace folders and not opened in the editor; not read',
};

/** The path on disk behind a report URI (file:, or a .docx's text view). */
export function filePathOf(uri: string): string | undefined {
  const file = fileUriOf(uri);
  if (!file) return undefined;
  try {
    return fileURLToPath(file);
  } catch {
    return undefined;
  }
}

/** Which files the server may read: inside a workspace folder, open in the editor, or opened by the user. */
export class FileAccess {
  /** Real paths of the workspace folders. */
  private folders = new Map<string, string>();
  /** Real paths of files the user opened or picked in the client. */
  private readonly opened = new Set<string>();

  constructor(private readonly isOpenDocument: (uri: string) => boolean) {}

  addFolders(paths: string[]): void {
    for (const p of paths) this.folders.set(path.resolve(p), realPath(p));
  }

  removeFolders(paths: string[]): void {
    for (const p of paths) this.folders.delete(path.resolve(p));
  }

  userOpened(filePath: string): void {
    this.opened.add(realPath(filePath));
  }

  /** The workspace folders, as the client named them. */
  get workspaceFolders(): string[] {
    return [...this.folders.keys()];
  }

  /** The file behind `uri` when the server may read it; why not, otherwise. By real path: a link inside a
   * workspace folder to a file outside it is outside. */
  check(uri: string): { path: string } | { error: Message } {
    const filePath = filePathOf(uri);
    if (filePath === undefined) return { error: NOT_LOCAL };
    const fileUri = fileUriOf(uri)!;
    if (this.isOpenDocument(uri) || this.isOpenDocument(fileUri) || this.isOpenDocument(publishedUriOf(fileUri))) return { path: filePath };
    const real = realPath(filePath);
    if (this.opened.has(real)) return { path: filePath };
    for (const folder of this.folders.values()) if (isInside(real, folder)) return { path: filePath };
    return { error: OUTSIDE };
  }
}

/** The real path, or the absolute path when there is none (a file that does not exist, which reading will say). */
function realPath(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** Reads the report behind `uri`, if the server may. */
export async function readReportText(uri: string, access: FileAccess, limits: ReadLimits): Promise<{ text: string; encoding: string; path: string } | { error: Message }> {
  const allowed = access.check(uri);
  if ('error' in allowed) return allowed;
  const read = await readReport(allowed.path, limits);
  return 'reason' in read ? { error: read.reason } : { text: read.text, encoding: read.encoding, path: allowed.path };
}

/**
 * The extension's own folder, which the client names at initialize: its files (the rule pages, the README) are not
 * reports, and the server leaves them alone — no diagnostics, outline, hovers or coverage, even when a user opens
 * one. Files of it inside a workspace folder (a developer's checkout of GovReport opened as the workspace) are the
 * user's work and are checked, except the rule pages under docs/.
 */
export class OwnFolder {
  private readonly root: string | undefined;
  private readonly docs: string | undefined;
  /** Answers per URI; dropped when the workspace folders change. */
  private readonly cache = new Map<string, boolean>();

  constructor(root: string | undefined, private readonly workspaceFolders: () => string[]) {
    this.root = root ? realPath(root) : undefined;
    this.docs = this.root ? path.join(this.root, 'docs') : undefined;
  }

  /** True for a document the server must leave alone: a file of the extension. */
  contains(uri: string): boolean {
    if (!this.root) return false;
    let answer = this.cache.get(uri);
    if (answer === undefined) {
      answer = this.compute(uri);
      if (this.cache.size > 1000) this.cache.clear();
      this.cache.set(uri, answer);
    }
    return answer;
  }

  foldersChanged(): void {
    this.cache.clear();
  }

  private compute(uri: string): boolean {
    const file = filePathOf(uri);
    if (file === undefined) return false;
    const real = realPath(file);
    if (!isInside(real, this.root!)) return false;
    if (isInside(real, this.docs!)) return true;
    return !this.workspaceFolders().some((folder) => isInside(real, realPath(folder)));
  }
}
