// The project file `.govreport.json` on disk: found by walking up from a report, read and validated once
// per change, and updated when the user silences a finding — never through a link, never outside the folders
// the user works in, never over a change made meanwhile. Shared by the server and the CLI.

import * as fs from 'fs';
import * as path from 'path';
import {
  CONFIG_FILE_NAME, normaliseRelativePath, validateConfig,
  type ConfigProblem, type GovReportConfig, type IgnoredFinding,
} from '../core/config';
import { readFileLimited } from './files';
import { createFile, replaceFileContent, WriteRefused } from './write';

export interface ProjectConfig {
  path: string;
  config: GovReportConfig;
  problems: ConfigProblem[];
  /** The text the config was read from, to place its problems on; absent when it could not be read or was too large. */
  text?: string;
}

/** A project file larger than this is not read: a config is a few kilobytes, and every report under it would wait
 * for a parse of megabytes of ignore entries. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** The nearest `.govreport.json` in the report's folder or above it, up to the file-system root. */
export function findProjectConfig(reportPath: string): string | undefined {
  let dir = path.dirname(path.resolve(reportPath));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

const cache = new Map<string, { stamp: string; loaded: ProjectConfig }>();

/** Reads and validates a project file; re-read only when its modification time or size changed (or it was
 * forgotten), and otherwise the same object is returned. A file that cannot be read or parsed, or is over
 * MAX_CONFIG_BYTES, yields an empty config and a problem saying why. */
export function loadProjectConfig(configPath: string): ProjectConfig {
  const file = path.resolve(configPath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    cache.delete(file);
    return { path: file, config: {}, problems: [readProblem(e)] };
  }
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const cached = cache.get(file);
  if (cached && cached.stamp === stamp) return cached.loaded;
  let loaded: ProjectConfig;
  try {
    if (stat.size > MAX_CONFIG_BYTES) {
      loaded = { path: file, config: {}, problems: [tooLargeProblem(stat.size)] };
    } else {
      const raw = stripBom(fs.readFileSync(file, 'utf8'));
      try {
        const { config, problems } = raw.trim() === '' ? { config: {}, problems: [] } : validateConfig(JSON.parse(raw));
        loaded = { path: file, config, problems, text: raw };
      } catch (e) {
        loaded = { path: file, config: {}, problems: [e instanceof SyntaxError ? syntaxProblem(e) : readProblem(e)], text: raw };
      }
    }
  } catch (e) {
    loaded = { path: file, config: {}, problems: [e instanceof SyntaxError ? syntaxProblem(e) : readProblem(e)] };
  }
  cache.set(file, { stamp, loaded });
  return loaded;
}

/** The project config that applies to a report, if there is one. */
export function projectConfigFor(reportPath: string): ProjectConfig | undefined {
  const found = findProjectConfig(reportPath);
  return found ? loadProjectConfig(found) : undefined;
}

/** Forgets what was read, e.g. when the editor reports the file changed within the same millisecond. */
export function forgetProjectConfig(configPath?: string): void {
  if (configPath === undefined) cache.clear();
  else cache.delete(path.resolve(configPath));
}

/** The report's path as an ignore entry names it: relative to the config file's folder, '/'-separated. */
export function relativeReportPath(configPath: string, reportPath: string): string {
  return normaliseRelativePath(path.relative(path.dirname(path.resolve(configPath)), path.resolve(reportPath)));
}

export interface IgnoreRequest {
  rule: string;
  /** Absolute path of the report. */
  reportPath: string;
  text: string;
  line?: number;
  /**
   * The folders the project file may be written in (the workspace folders): one elsewhere, or in a folder
   * reached through a link from one of them, is refused. Anywhere when not given.
   */
  within?: string[];
}

/**
 * Records a silenced finding. `target` is either a config file (created if missing) or a report, whose
 * nearest config file is used, or created beside it. Other keys and their order are kept; an entry
 * already present is not added twice. A file that is not valid JSON is left alone and an error thrown,
 * so that a user's half-edited file is never overwritten. A config file that is a link, or lies outside
 * `request.within`, is left alone too (WriteRefused): writing would change a file the user did not mean.
 */
export function addIgnoredFinding(target: string, request: IgnoreRequest): { configPath: string; added: boolean } {
  const configPath = path.basename(target) === CONFIG_FILE_NAME
    ? path.resolve(target)
    : findProjectConfig(target) ?? path.join(path.dirname(path.resolve(target)), CONFIG_FILE_NAME);
  if (request.within) ensureWithin(configPath, request.within);
  let original: Buffer | undefined;
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(configPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (stat) {
    if (stat.isSymbolicLink()) throw new WriteRefused({ zh: `${configPath} 是链接，未写入（请直接编辑它指向的文件）`, en: `${configPath} is a link; not written (edit the file it points to)` });
    // A project file over the limit is not applied, so it is not grown either.
    const read = readFileLimited(configPath, { maxBytes: MAX_CONFIG_BYTES });
    if ('error' in read) throw new WriteRefused(read.error);
    original = read.bytes;
  }
  const raw = original ? stripBom(original.toString('utf8')) : '';
  let json: Record<string, unknown> = {};
  if (raw.trim() !== '') {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`${configPath}: 不是 JSON 对象，未写入 / not a JSON object; left unchanged`);
    }
    json = parsed as Record<string, unknown>;
  }
  const entry: IgnoredFinding = { rule: request.rule, file: relativeReportPath(configPath, request.reportPath), text: request.text };
  if (request.line !== undefined) entry.line = request.line;
  const list = Array.isArray(json.ignore) ? (json.ignore as unknown[]) : [];
  const present = list.some((e) => isSameEntry(e, entry));
  if (!present) {
    list.push(entry);
    json.ignore = list;
    const eol = /\r\n/.test(raw) ? '\r\n' : '\n';
    const text = (JSON.stringify(json, null, 2) + '\n').replace(/\n/g, eol);
    if (original) replaceFileContent(configPath, original, Buffer.from(text, 'utf8'));
    else createFile(configPath, text);
  }
  forgetProjectConfig(configPath);
  return { configPath, added: !present };
}

function isSameEntry(existing: unknown, entry: IgnoredFinding): boolean {
  if (typeof existing !== 'object' || existing === null) return false;
  const e = existing as Partial<IgnoredFinding>;
  return e.rule === entry.rule && typeof e.file === 'string' && normaliseRelativePath(e.file) === entry.file && e.text === entry.text &&
    (e.line === undefined || entry.line === undefined || e.line === entry.line);
}

/** Refuses a project file whose real folder is not inside one of `roots` (compared by real path, so that a
 * link inside a workspace folder that leads out of it counts as outside). */
function ensureWithin(configPath: string, roots: string[]): void {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const folder = real(path.dirname(configPath));
  const inside = roots.some((root) => {
    const rel = path.relative(real(root), folder);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
  });
  if (!inside) {
    throw new WriteRefused({ zh: `${configPath} 不在工作区文件夹内，未写入`, en: `${configPath} is outside the workspace folder; not written` });
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function readProblem(e: unknown): ConfigProblem {
  const message = (e as Error).message;
  return { path: '', message: { zh: `无法读取配置文件：${message}`, en: `cannot read the configuration file: ${message}` } };
}

function tooLargeProblem(size: number): ConfigProblem {
  const bytes = (n: number) => n.toLocaleString('en-US');
  const limit = `${bytes(MAX_CONFIG_BYTES)}`;
  return {
    path: '',
    message: {
      zh: `配置文件过大（${bytes(size)} 字节，上限 ${limit} 字节，即 1 MB），整个文件未生效`,
      en: `the configuration file is too large (${bytes(size)} bytes, at most ${limit}, 1 MB); none of it applies`,
    },
  };
}

function syntaxProblem(e: SyntaxError): ConfigProblem {
  return { path: '', message: { zh: `配置文件不是有效的 JSON：${e.message}`, en: `the configuration file is not valid JSON: ${e.message}` } };
}
