// GovReport's configuration as plain data: what the editor settings and the project file `.govreport.json`
// say, how the two combine, how a config is checked, and how a silenced finding is recognised again.
// Reading files and settings belongs to the adapters; this module only sees parsed JSON.

import { checkModel, type CheckOptions } from './check';
import { textInRange, lineStarts } from './fixes';
import type { Finding, Locale, Message, SeveritySetting } from './findings';
import { compileGlob, type Glob } from './glob';
import { parseReport } from './model/parse';
import { BUILTIN_PROFILES } from './profiles/index';
import type { Profile } from './profiles/types';
import { validateProfile } from './profiles/validate';
import { RULES } from './rules/index';

export const CONFIG_FILE_NAME = '.govreport.json';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** A finding the user chose to silence. It is recognised by what it covers, not where, so that it stays
 * silenced while the lines around it move. */
export interface IgnoredFinding {
  rule: string;
  /** The report, relative to the folder of the config file, '/'-separated. */
  file: string;
  /** The text the finding covers (line breaks as \n; long stretches shortened, see `ignoreText`). */
  text: string;
  /** 1-based line where the finding was when it was silenced: only picks among equal candidates. */
  line?: number;
}

export interface GovReportConfig {
  /** 'auto' detects the kind of report from its title; 'none' checks numbering and leftovers only. */
  profile?: 'auto' | 'none' | string;
  rules?: Record<string, SeveritySetting>;
  locale?: Locale;
  /** Above this many characters a document is checked for its structure only: no figures, no figure rules. */
  largeDocumentThreshold?: number;
  /** Files larger than this many megabytes are not read (a report is a few hundred KB; a 汇编 a few MB). */
  maxFileSize?: number;
  /** Kinds of report defined by the user (project files only), tried before the built-in ones. */
  profiles?: Profile[];
  ignore?: IgnoredFinding[];
  /** Profile and severities for some files only, matched by glob against their path relative to the
   * project file's folder; later entries win. */
  overrides?: ConfigOverride[];
}

export interface ConfigOverride {
  files: string[];
  profile?: 'auto' | 'none' | string;
  rules?: Record<string, SeveritySetting>;
}

export interface ConfigProblem {
  /** Where in the JSON, e.g. `rules.numbering-dup` or `ignore[2].rule`; '' for the whole document. */
  path: string;
  message: Message;
}

/** Settings and project file combined, key by key; the project file wins, and rule severities combine
 * rule by rule. The ignore list is the project file's alone: its paths are relative to that file's
 * folder, which settings do not have. */
export function mergeConfig(settings: GovReportConfig | undefined, projectFile: GovReportConfig | undefined): GovReportConfig {
  const s = settings ?? {};
  const f = projectFile ?? {};
  const merged: GovReportConfig = {};
  const profile = f.profile ?? s.profile;
  if (profile !== undefined) merged.profile = profile;
  if (s.rules || f.rules) merged.rules = { ...s.rules, ...f.rules };
  const locale = f.locale ?? s.locale;
  if (locale !== undefined) merged.locale = locale;
  const profiles = f.profiles ?? s.profiles;
  if (profiles !== undefined) merged.profiles = profiles;
  const threshold = f.largeDocumentThreshold ?? s.largeDocumentThreshold;
  if (threshold !== undefined) merged.largeDocumentThreshold = threshold;
  const maxFileSize = f.maxFileSize ?? s.maxFileSize;
  if (maxFileSize !== undefined) merged.maxFileSize = maxFileSize;
  if (f.ignore !== undefined) merged.ignore = f.ignore;
  if (f.overrides !== undefined) merged.overrides = f.overrides;
  return merged;
}

/**
 * The configuration for one report: the overrides whose patterns match its path (relative to the project
 * file's folder, '/'-separated) folded in, in order, so that a later override wins over an earlier one and
 * every override over the top level; rules combine rule by rule. A pattern without '/' matches the file
 * name at any depth, as in .gitignore (「*政务公开*.txt」). The ignore list is not affected.
 */
export function configForFile(config: GovReportConfig, relativeFile: string | undefined): GovReportConfig {
  if (!config.overrides?.length || relativeFile === undefined) return config;
  const file = normaliseRelativePath(relativeFile);
  const matching = matchingOverrides(config.overrides, file);
  let result = config;
  for (const [k, o] of config.overrides.entries()) {
    if (!matching[k]) continue;
    if (result === config) result = { ...config };
    if (o.profile !== undefined) result.profile = o.profile;
    if (o.rules) result.rules = { ...result.rules, ...o.rules };
  }
  return result;
}

/** Whether the override applies to the file (relative, '/'-separated): one of its patterns matches and
 * none of its '!' patterns does (with '!' patterns alone: every file they do not match). A pattern that is
 * refused (see `globProblem`) matches nothing. */
export function overrideMatches(override: ConfigOverride, relativeFile: string): boolean {
  const include = override.files.filter((p) => !p.startsWith('!'));
  const exclude = override.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return (include.length === 0 || include.some((p) => compiledPattern(p)?.match(relativeFile) === true)) &&
    !exclude.some((p) => compiledPattern(p)?.match(relativeFile) === true);
}

/** Which overrides apply to a file, remembered per overrides list: every request for a document asks again. */
const matchesByOverrides = new WeakMap<readonly ConfigOverride[], Map<string, boolean[]>>();
const MATCHES_KEPT = 1000;

function matchingOverrides(overrides: readonly ConfigOverride[], file: string): boolean[] {
  let byFile = matchesByOverrides.get(overrides);
  if (!byFile) matchesByOverrides.set(overrides, (byFile = new Map()));
  let matching = byFile.get(file);
  if (!matching) {
    if (byFile.size >= MATCHES_KEPT) byFile.clear();
    byFile.set(file, (matching = overrides.map((o) => overrideMatches(o, file))));
  }
  return matching;
}

// Compiled once: a config is checked against every report, and re-read only when its file changes.
const compiledPatterns = new Map<string, Glob | undefined>();
const PATTERNS_KEPT = 10_000;

function compiledPattern(raw: string): Glob | undefined {
  if (compiledPatterns.has(raw)) return compiledPatterns.get(raw);
  if (compiledPatterns.size >= PATTERNS_KEPT) compiledPatterns.clear();
  const compiled = compilePattern(raw);
  const glob = 'glob' in compiled ? compiled.glob : undefined;
  compiledPatterns.set(raw, glob);
  return glob;
}

function compilePattern(raw: string): { glob: Glob } | { problem: Message } {
  const slashed = raw.replace(/\\/g, '/');
  // A pattern with no '/' names a file at any depth; one with a '/' is relative to the project file's
  // folder, so that a leading '/' or './' (anchoring) changes nothing, and a trailing '/' names a folder:
  // everything below it.
  const matchBase = !slashed.includes('/');
  const pattern = slashed.replace(/^(\.?\/)+/, '').replace(/\/$/, '/**');
  // '!' is handled by the caller, and a '#' is a plain character.
  return compileGlob(pattern, { dot: true, matchBase });
}

/** Why an override's pattern (without its leading '!') is refused, or undefined when it may run. */
export function globProblem(raw: string): Message | undefined {
  const compiled = compilePattern(raw.startsWith('!') ? raw.slice(1) : raw);
  return 'problem' in compiled ? compiled.problem : undefined;
}

export interface ValidateOptions {
  /** Rule ids to accept; the registry's by default. */
  ruleIds?: readonly string[];
  /** Profile ids to accept besides 'auto' and 'none'; the built-in ones by default. */
  profileIds?: readonly string[];
  /** Keys allowed besides the config's own (a JSON file may name its `$schema`). */
  extraKeys?: readonly string[];
}

const KNOWN_KEYS = ['profile', 'profiles', 'rules', 'locale', 'largeDocumentThreshold', 'maxFileSize', 'ignore', 'overrides'];
/** Documents above this many characters (about 100 township reports in one 汇编) are checked for structure only. */
export const DEFAULT_LARGE_DOCUMENT_THRESHOLD = 2_000_000;
/** Files above this many megabytes are not read: ten times a large 汇编, far below what would exhaust memory. */
export const DEFAULT_MAX_FILE_SIZE_MB = 20;
/** The most `maxFileSize` may say: a project file from a stranger must not lift the limit out of sight. */
export const MAX_FILE_SIZE_CEILING_MB = 200;

/**
 * Checks parsed JSON against the config's shape. Whatever is valid is kept, whatever is not is left out
 * and described, so that one typo never throws away the rest of a user's settings.
 */
export function validateConfig(json: unknown, options: ValidateOptions = {}): { config: GovReportConfig; problems: ConfigProblem[] } {
  const ruleIds = options.ruleIds ?? RULES.map((r) => r.id);
  const builtinIds = options.profileIds ?? BUILTIN_PROFILES.map((p) => p.id);
  const profileIds = ['auto', 'none', ...builtinIds];
  const allowed = [...KNOWN_KEYS, ...(options.extraKeys ?? ['$schema'])];
  const problems: ConfigProblem[] = [];
  const config: GovReportConfig = {};
  const problem = (path: string, zh: string, en: string) => problems.push({ path, message: { zh, en } });

  if (json === null || json === undefined) return { config, problems };
  if (!isObject(json)) {
    problem('', `配置应为 JSON 对象，实际为${typeNameZh(json)}`, `the configuration must be a JSON object, not ${typeNameEn(json)}`);
    return { config, problems };
  }
  for (const key of Object.keys(json)) {
    if (!allowed.includes(key)) problem(key, `未知的配置项“${key}”（可用：${KNOWN_KEYS.join('、')}）`, `unknown setting "${key}" (known: ${KNOWN_KEYS.join(', ')})`);
  }

  if (json.profiles !== undefined) {
    if (!Array.isArray(json.profiles)) {
      problem('profiles', `profiles 应为数组，实际为${typeNameZh(json.profiles)}`, `profiles must be an array, not ${typeNameEn(json.profiles)}`);
    } else {
      const accepted: Profile[] = [];
      json.profiles.forEach((entry, i) => {
        const result = validateProfile(entry, `profiles[${i}]`, [...profileIds, ...accepted.map((p) => p.id)]);
        problems.push(...result.problems);
        if (result.profile) accepted.push(result.profile);
      });
      if (accepted.length > 0) {
        config.profiles = accepted;
        profileIds.push(...accepted.map((p) => p.id));
      }
    }
  }

  if (json.profile !== undefined) {
    if (typeof json.profile !== 'string') {
      problem('profile', `profile 应为字符串，实际为${typeNameZh(json.profile)}`, `profile must be a string, not ${typeNameEn(json.profile)}`);
    } else if (!profileIds.includes(json.profile)) {
      problem('profile', `未知的报告类型“${json.profile}”（可用：${profileIds.join('、')}）`, `unknown profile "${json.profile}" (known: ${profileIds.join(', ')})`);
    } else {
      config.profile = json.profile;
    }
  }

  if (json.rules !== undefined) {
    if (!isObject(json.rules)) {
      problem('rules', `rules 应为对象（规则编号 → 级别），实际为${typeNameZh(json.rules)}`, `rules must be an object (rule id → severity), not ${typeNameEn(json.rules)}`);
    } else {
      const rules: Record<string, SeveritySetting> = {};
      for (const [id, severity] of Object.entries(json.rules)) {
        if (!ruleIds.includes(id)) {
          problem(`rules.${id}`, `未知的规则“${id}”`, `unknown rule "${id}"`);
        } else if (typeof severity !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
          problem(`rules.${id}`, `规则“${id}”的级别应为 ${SEVERITY_SETTINGS.join('、')} 之一，实际为 ${JSON.stringify(severity)}`,
            `the severity of rule "${id}" must be one of ${SEVERITY_SETTINGS.join(', ')}, not ${JSON.stringify(severity)}`);
        } else {
          rules[id] = severity as SeveritySetting;
        }
      }
      config.rules = rules;
    }
  }

  if (json.largeDocumentThreshold !== undefined) {
    const v = json.largeDocumentThreshold;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 10_000) config.largeDocumentThreshold = v;
    else problem('largeDocumentThreshold', `largeDocumentThreshold 应为不小于 10000 的整数（字符数），实际为 ${JSON.stringify(v)}`, `largeDocumentThreshold must be an integer of at least 10000 (characters), not ${JSON.stringify(v)}`);
  }
  if (json.maxFileSize !== undefined) {
    const v = json.maxFileSize;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_FILE_SIZE_CEILING_MB) config.maxFileSize = v;
    else problem('maxFileSize', `maxFileSize 应为 1 到 ${MAX_FILE_SIZE_CEILING_MB} 的整数（MB），实际为 ${JSON.stringify(v)}`, `maxFileSize must be an integer from 1 to ${MAX_FILE_SIZE_CEILING_MB} (MB), not ${JSON.stringify(v)}`);
  }
  if (json.locale !== undefined) {
    if (json.locale === 'zh' || json.locale === 'en') config.locale = json.locale;
    else problem('locale', `locale 应为 "zh" 或 "en"，实际为 ${JSON.stringify(json.locale)}`, `locale must be "zh" or "en", not ${JSON.stringify(json.locale)}`);
  }

  if (json.ignore !== undefined) {
    if (!Array.isArray(json.ignore)) {
      problem('ignore', `ignore 应为数组，实际为${typeNameZh(json.ignore)}`, `ignore must be an array, not ${typeNameEn(json.ignore)}`);
    } else {
      const ignore: IgnoredFinding[] = [];
      json.ignore.forEach((entry, i) => {
        const at = `ignore[${i}]`;
        if (!isObject(entry)) {
          problem(at, `${at} 应为对象（rule、file、text），实际为${typeNameZh(entry)}`, `${at} must be an object (rule, file, text), not ${typeNameEn(entry)}`);
          return;
        }
        let ok = true;
        for (const key of ['rule', 'file', 'text'] as const) {
          if (typeof entry[key] !== 'string') {
            problem(`${at}.${key}`, `${at} 缺少字符串字段“${key}”`, `${at} needs a string "${key}"`);
            ok = false;
          }
        }
        if (ok && !ruleIds.includes(entry.rule as string)) {
          problem(`${at}.rule`, `${at} 指向未知的规则“${String(entry.rule)}”`, `${at} names an unknown rule "${String(entry.rule)}"`);
          ok = false;
        }
        if (entry.line !== undefined && !(Number.isInteger(entry.line) && (entry.line as number) >= 1)) {
          problem(`${at}.line`, `${at}.line 应为正整数（行号）`, `${at}.line must be a positive integer (a line number)`);
          ok = false;
        }
        for (const key of Object.keys(entry)) {
          if (!['rule', 'file', 'text', 'line'].includes(key)) problem(`${at}.${key}`, `${at} 含未知字段“${key}”`, `${at} has an unknown field "${key}"`);
        }
        if (ok) {
          const item: IgnoredFinding = { rule: entry.rule as string, file: normaliseRelativePath(entry.file as string), text: entry.text as string };
          if (entry.line !== undefined) item.line = entry.line as number;
          ignore.push(item);
        }
      });
      config.ignore = ignore;
    }
  }
  if (json.overrides !== undefined) {
    if (!Array.isArray(json.overrides)) {
      problem('overrides', `overrides 应为数组，实际为${typeNameZh(json.overrides)}`, `overrides must be an array, not ${typeNameEn(json.overrides)}`);
    } else {
      const overrides: ConfigOverride[] = [];
      json.overrides.forEach((entry, i) => {
        const at = `overrides[${i}]`;
        if (!isObject(entry)) {
          problem(at, `${at} 应为对象（files、profile、rules），实际为${typeNameZh(entry)}`, `${at} must be an object (files, profile, rules), not ${typeNameEn(entry)}`);
          return;
        }
        const files = overrideFiles(entry.files, `${at}.files`, problem);
        // The profile and rules of an override are checked exactly as at the top level.
        // The profiles defined above count as known there.
        const inner = validateConfig({ profile: entry.profile, rules: entry.rules }, { ...options, profileIds: profileIds.filter((id) => id !== 'auto' && id !== 'none') });
        for (const p of inner.problems) problems.push({ path: `${at}.${p.path}`, message: p.message });
        for (const key of Object.keys(entry)) {
          if (!['files', 'profile', 'rules'].includes(key)) problem(`${at}.${key}`, `${at} 含未知字段“${key}”`, `${at} has an unknown field "${key}"`);
        }
        // Without a pattern an override applies to nothing: it is left out (the problem says why).
        if (files.length === 0) return;
        const override: ConfigOverride = { files };
        if (inner.config.profile !== undefined) override.profile = inner.config.profile;
        if (inner.config.rules !== undefined) override.rules = inner.config.rules;
        overrides.push(override);
      });
      config.overrides = overrides;
    }
  }
  return { config, problems };
}

/** The valid patterns of an override's `files` (a pattern or an array of them); each invalid one is
 * described. */
function overrideFiles(value: unknown, at: string, problem: (path: string, zh: string, en: string) => void): string[] {
  if (value === undefined) {
    problem(at, `${at.replace(/\.files$/, '')} 缺少 files（文件模式，或文件模式的数组）`, `${at.replace(/\.files$/, '')} needs "files" (a glob pattern or an array of them)`);
    return [];
  }
  if (typeof value === 'string') {
    if (value.trim() === '') {
      problem(at, `${at} 不能为空字符串`, `${at} must not be an empty string`);
      return [];
    }
    return refuseGlob(value, at, problem) ? [] : [value];
  }
  if (!Array.isArray(value)) {
    problem(at, `${at} 应为文件模式（字符串）或其数组，实际为${typeNameZh(value)}`, `${at} must be a glob pattern (string) or an array of them, not ${typeNameEn(value)}`);
    return [];
  }
  if (value.length === 0) {
    problem(at, `${at} 不能为空数组`, `${at} must not be an empty array`);
    return [];
  }
  const files: string[] = [];
  let refused = false;
  value.forEach((pattern, j) => {
    if (typeof pattern === 'string' && pattern.trim() !== '') {
      files.push(pattern);
      refused = refuseGlob(pattern, `${at}[${j}]`, problem) || refused;
    } else {
      problem(`${at}[${j}]`, `${at}[${j}] 应为非空字符串（文件模式），实际为 ${JSON.stringify(pattern)}`, `${at}[${j}] must be a non-empty string (a glob pattern), not ${JSON.stringify(pattern)}`);
    }
  });
  return refused ? [] : files;
}

/** Describes a pattern the matcher refuses; true if it did. The override is then left out whole: without one of
 * its '!' patterns it would apply to files it was meant to spare. */
function refuseGlob(pattern: string, at: string, problem: (path: string, zh: string, en: string) => void): boolean {
  const why = globProblem(pattern);
  if (why) problem(at, `${why.zh}；此条 override 未生效`, `${why.en}; the override is not applied`);
  return why !== undefined;
}

/** A problem as one line for logs and the CLI: `where: message`. */
export function formatProblem(problem: ConfigProblem, locale: Locale): string {
  const message = locale === 'en' ? problem.message.en : problem.message.zh;
  return problem.path ? `${problem.path}: ${message}` : message;
}

/** The options the checker runs with under this config. */
export function toCheckOptions(config: GovReportConfig): CheckOptions {
  const options: CheckOptions = { profile: config.profile ?? 'auto' };
  if (config.profiles?.length) options.extraProfiles = config.profiles;
  if (config.rules && Object.keys(config.rules).length > 0) options.severities = { ...config.rules };
  return options;
}

/** A key equal for two configs exactly when they check alike: adapters keep one CheckOptions object per
 * key, since the service caches findings by the identity of the options. */
export function checkOptionsKey(config: GovReportConfig): string {
  const rules = Object.entries(config.rules ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([config.profile ?? 'auto', rules, profilesKey(config.profiles)]);
}

// A config's profiles are written out once per reading of its file, not on every request.
const profilesKeys = new WeakMap<readonly Profile[], string>();
function profilesKey(profiles: readonly Profile[] | undefined): string {
  if (!profiles) return '[]';
  let key = profilesKeys.get(profiles);
  if (key === undefined) profilesKeys.set(profiles, (key = JSON.stringify(profiles)));
  return key;
}

// Ranges that span pages (web text around a report) would bloat the config file; their two ends identify
// them well enough.
const IGNORE_TEXT_MAX = 200;
const IGNORE_TEXT_END = 90;

/** How the text a finding covers is written into an ignore entry: line breaks as \n, and a long
 * stretch as its beginning and end joined by 「…」. */
export function ignoreText(rangeText: string): string {
  const text = rangeText.replace(/\r\n?/g, '\n');
  if (text.length <= IGNORE_TEXT_MAX) return text;
  return `${text.slice(0, IGNORE_TEXT_END)}…${text.slice(-IGNORE_TEXT_END)}`;
}

/** Paths in ignore entries compare '/'-separated, without a leading './'. */
export function normaliseRelativePath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** Whether an ignore entry names this finding: same rule, same file, same covered text. */
export function isIgnored(finding: Finding, rangeText: string, relativeFile: string, config: GovReportConfig): boolean {
  const file = normaliseRelativePath(relativeFile);
  const text = ignoreText(rangeText);
  return (config.ignore ?? []).some((e) => entryMatches(e, finding, text, file));
}

function entryMatches(entry: IgnoredFinding, finding: Finding, text: string, file: string): boolean {
  return entry.rule === finding.rule && normaliseRelativePath(entry.file) === file && entry.text === text;
}

/**
 * The findings left once the ignore list is applied. An entry silences every finding it names, except
 * that where several findings of one rule cover the same text (two 「三、」 both out of place), an entry
 * with a line silences only the one nearest that line: the user silenced one finding, not all its twins.
 */
export function filterIgnored(findings: readonly Finding[], text: string, relativeFile: string | undefined, config: GovReportConfig): Finding[] {
  if (!config.ignore?.length || relativeFile === undefined) return [...findings];
  const file = normaliseRelativePath(relativeFile);
  const entries = ignoredByFile(config.ignore).get(file) ?? [];
  if (entries.length === 0) return [...findings];
  const starts = lineStarts(text);
  const texts = findings.map((f) => ignoreText(textInRange(text, f.range, starts)));
  const silenced = new Set<number>();
  for (const entry of entries) {
    const candidates = findings.map((_, i) => i).filter((i) => entryMatches(entry, findings[i], texts[i], file));
    if (candidates.length === 0) continue;
    if (entry.line === undefined || candidates.length === 1) {
      for (const i of candidates) silenced.add(i);
      continue;
    }
    // Twins already silenced by another entry are not picked again.
    const open = candidates.filter((i) => !silenced.has(i));
    if (open.length === 0) continue;
    const distance = (i: number) => Math.abs(findings[i].range.start.line + 1 - entry.line!);
    silenced.add(open.reduce((best, i) => (distance(i) < distance(best) ? i : best)));
  }
  return findings.filter((_, i) => !silenced.has(i));
}

// The ignore list by file, built once per list: a long list is read once, not on every check of every report.
const ignoredByFileCache = new WeakMap<readonly IgnoredFinding[], Map<string, IgnoredFinding[]>>();
function ignoredByFile(ignore: readonly IgnoredFinding[]): Map<string, IgnoredFinding[]> {
  let byFile = ignoredByFileCache.get(ignore);
  if (!byFile) {
    byFile = new Map();
    for (const entry of ignore) {
      const file = normaliseRelativePath(entry.file);
      const list = byFile.get(file);
      if (list) list.push(entry);
      else byFile.set(file, [entry]);
    }
    ignoredByFileCache.set(ignore, byFile);
  }
  return byFile;
}

/** The ignore entry that silences this finding of `text`. */
export function ignoreEntryFor(finding: Finding, text: string, relativeFile: string): IgnoredFinding {
  return {
    rule: finding.rule,
    file: normaliseRelativePath(relativeFile),
    text: ignoreText(textInRange(text, finding.range)),
    line: finding.range.start.line + 1,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeNameZh(value: unknown): string {
  if (value === null) return ' null';
  if (Array.isArray(value)) return '数组';
  return { string: '字符串', number: '数字', boolean: '布尔值', object: '对象' }[typeof value as string] ?? typeof value;
}

function typeNameEn(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return { string: 'a string', number: 'a number', boolean: 'a boolean', object: 'an object' }[typeof value as string] ?? typeof value;
}

/** The findings a user is shown for a text under a config: none on text that is not a report, and none
 * that the ignore list silences. The CLI and fix-all re-check with this. */
export function checkReportText(text: string, options: CheckOptions, config: GovReportConfig, relativeFile: string | undefined): Finding[] {
  const model = parseReport(text);
  if (!model.isReport) return [];
  return filterIgnored(checkModel(model, options), text, relativeFile, config);
}
