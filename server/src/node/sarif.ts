// Findings as SARIF 2.1.0 (OASIS), for code-scanning dashboards and reviewers' tools. Columns count UTF-16
// code units, as our positions do; lines and columns are 1-based.
import * as path from 'path';
import { localize, RULES, type Finding, type Fix, type Locale, type Range, type Severity } from '../core/index';
import { pageOfLine } from './pages';

export interface SarifInput {
  /** `bytes`: the path as the file system has it, when it is not valid UTF-8. */
  files: { path: string; bytes?: Uint8Array; findings: Finding[]; pageStarts?: number[] }[];
  /** Files that could not be read (or written, under --fix), with the reason: the run then did not succeed. */
  unreadable: { path: string; reason: { zh: string; en: string } }[];
  locale: Locale;
  /** Paths in the log are relative to this folder. */
  baseDir: string;
  toolVersion: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(input: SarifInput): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const root = fileUri(path.resolve(input.baseDir), true);
  // Below the base folder: relative to SRCROOT; elsewhere: the whole file URI.
  const artifactOf = (file: { path: string; bytes?: Uint8Array }) => {
    const uri = fileUri(file.bytes ? absoluteBytes(file.bytes) : path.resolve(file.path), false);
    return uri.startsWith(root) ? { uri: uri.slice(root.length), uriBaseId: 'SRCROOT' } : { uri };
  };
  // In a paged document (a PDF) a region carries its page, a property of its own, as SARIF regions count
  // lines and columns only.
  const location = (file: { path: string; bytes?: Uint8Array; pageStarts?: number[] }, range?: Range) => ({
    physicalLocation: {
      artifactLocation: artifactOf(file),
      ...(range ? { region: region(range, pageOfLine(file.pageStarts, range.start.line)) } : {}),
    },
  });
  const results = input.files.flatMap((f) => f.findings.map((finding) => ({
    ruleId: finding.rule,
    ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
    level: LEVEL[finding.severity],
    message: { text: localize(finding.message, input.locale) },
    locations: [location(f, finding.range)],
    ...(finding.related?.length ? {
      relatedLocations: finding.related.map((r, id) => ({ id, ...location(f, r.range), message: { text: localize(r.message, input.locale) } })),
    } : {}),
    ...(finding.fixes?.length ? { fixes: finding.fixes.map((fix) => sarifFix(fix, artifactOf(f), input.locale)) } : {}),
    ...(f.pageStarts?.length ? { properties: { page: pageOfLine(f.pageStarts, finding.range.start.line) } } : {}),
  })));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'GovReport',
          version: input.toolVersion,
          rules: RULES.map((r) => ({
            id: r.id,
            shortDescription: { text: localize(r.description, input.locale) },
            fullDescription: { text: `${localize(r.description, input.locale)}（${r.sources.map((s) => `${s.title} ${s.cite}`).join('；')}）` },
            defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            properties: { sources: r.sources.map((s) => `${s.title} ${s.cite}`) },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: root } },
      columnKind: 'utf16CodeUnits',
      results,
      invocations: [{
        executionSuccessful: input.unreadable.length === 0,
        toolExecutionNotifications: input.unreadable.map((u) => ({
          level: 'error',
          message: { text: localize(u.reason, input.locale) },
          locations: [location(u)],
        })),
      }],
    }],
  };
}

function region(r: Range, page?: number) {
  return {
    startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1,
    ...(page !== undefined ? { properties: { page } } : {}),
  };
}

function sarifFix(fix: Fix, artifactLocation: { uri: string; uriBaseId?: string }, locale: Locale) {
  return {
    description: { text: localize(fix.title, locale) },
    artifactChanges: [{
      artifactLocation,
      replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
    }],
  };
}

/**
 * The file: URI of an absolute path (a folder's with a final '/'), every byte percent-encoded but the
 * characters RFC 3986 allows in a path: '#', '?', '%', spaces, brackets and Chinese are all encoded, as url.pathToFileURL
 * encodes them, and a name that is not UTF-8 keeps its own bytes, which url.pathToFileURL cannot take.
 */
export function fileUri(abs: string | Uint8Array, folder: boolean): string {
  const bytes = typeof abs === 'string' ? Buffer.from(abs.split(path.sep).join('/'), 'utf8') : abs;
  let out = bytes[0] === 0x2f ? 'file://' : 'file:///';
  for (const b of bytes) out += PATH_SAFE[b] ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return folder && !out.endsWith('/') ? `${out}/` : out;
}

// Unreserved characters, sub-delimiters, ':', '@' and the separator '/'; '~' encoded all the same, as
// url.pathToFileURL does (the same URI either way).
const PATH_SAFE: boolean[] = Array.from({ length: 256 }, (_, b) => b < 0x80 && /[A-Za-z0-9\-._!$&'()*+,;=:@/]/.test(String.fromCharCode(b)));

/** A path as bytes made absolute against the working folder. */
function absoluteBytes(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === path.sep.charCodeAt(0)) return bytes;
  return Buffer.concat([Buffer.from(process.cwd() + path.sep), bytes]);
}
