// Findings as SARIF 2.1.0 (OASIS), for code-scanning dashboards and reviewers' tools. Columns count UTF-16
// code units, as our positions do; lines and columns are 1-based.
import * as path from 'path';
import { localize, RULES, type Finding, type Fix, type Locale, type Range, type Severity } from '../core/index';

export interface SarifInput {
  files: { path: string; findings: Finding[] }[];
  /** Files that could not be read, with the reason. */
  unreadable: { path: string; reason: { zh: string; en: string } }[];
  locale: Locale;
  /** Paths in the log are relative to this folder. */
  baseDir: string;
  toolVersion: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(input: SarifInput): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const uriOf = (file: string) => encodeURI(path.relative(input.baseDir, path.resolve(file)).split(path.sep).join('/'));
  const location = (file: string, range?: Range) => ({
    physicalLocation: {
      artifactLocation: { uri: uriOf(file), uriBaseId: 'SRCROOT' },
      ...(range ? { region: region(range) } : {}),
    },
  });
  const results = input.files.flatMap((f) => f.findings.map((finding) => ({
    ruleId: finding.rule,
    ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
    level: LEVEL[finding.severity],
    message: { text: localize(finding.message, input.locale) },
    locations: [location(f.path, finding.range)],
    ...(finding.related?.length ? {
      relatedLocations: finding.related.map((r, id) => ({ id, ...location(f.path, r.range), message: { text: localize(r.message, input.locale) } })),
    } : {}),
    ...(finding.fixes?.length ? { fixes: finding.fixes.map((fix) => sarifFix(fix, uriOf(f.path), input.locale)) } : {}),
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
      originalUriBaseIds: { SRCROOT: { uri: pathToFileUri(input.baseDir) } },
      columnKind: 'utf16CodeUnits',
      results,
      invocations: [{
        executionSuccessful: input.files.length > 0 || input.unreadable.length === 0,
        toolExecutionNotifications: input.unreadable.map((u) => ({
          level: 'error',
          message: { text: localize(u.reason, input.locale) },
          locations: [location(u.path)],
        })),
      }],
    }],
  };
}

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function sarifFix(fix: Fix, uri: string, locale: Locale) {
  return {
    description: { text: localize(fix.title, locale) },
    artifactChanges: [{
      artifactLocation: { uri, uriBaseId: 'SRCROOT' },
      replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
    }],
  };
}

function pathToFileUri(dir: string): string {
  const abs = path.resolve(dir).split(path.sep).join('/');
  return encodeURI(`file://${abs.startsWith('/') ? '' : '/'}${abs}/`);
}
