// govreport — the command line over the same core as the language server.
//
//   govreport check   [--fix] [--format text|json] [--locale zh|en] [--profile auto|none|ID] [--config FILE] PATH...
//   govreport outline [--diagnostics] [--locale zh|en] [--profile auto|none|ID] [--config FILE] PATH...
//   govreport figures [--format text|csv|json] PATH...
//   govreport matrix  [--format text|csv|json] PATH...
//   govreport compare [--format text|json] [--locale zh|en] PREVIOUS CURRENT
//
// PATH: files, folders (searched recursively) and quoted glob patterns; .txt .md .govreport and .docx.
//
// Each report is checked under the nearest .govreport.json above it (or the one given with --config):
// its severities, profile and ignore list apply, as in the editor.
//
// Exit codes of `check`: 0 no error-severity finding, 1 at least one, 2 usage or I/O errors (`outline`: 0 or 2).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import {
  checkOptionsKey, checkReportText, configForFile, filterIgnored, formatProblem, mergeConfig, toCheckOptions, type GovReportConfig,
} from './core/config';
import { fixAll, type ChosenFix } from './core/fixes';
import {
  BUILTIN_PROFILES, buildOutline, checkModel, compareReports, figureRows, figuresCsv, localize, matchSections, parseReport, resolveProfile,
  type CheckOptions, type FigureRow, type Finding, type Locale, type OutlineNode, type ReportModel,
} from './core/index';
import { loadProjectConfig, projectConfigFor, relativeReportPath, writeFileAtomic, type ProjectConfig } from './node/config';
import { collectPaths, DOCX_ENCODING, encodeReport, readReport, TEXT_EXTENSIONS, type ReportFile, type UnreadableFile } from './node/files';
import { compareJson, compareText } from './node/compare';
import { matrixCsv, matrixJson, matrixText } from './node/matrix';
import { toSarif } from './node/sarif';
import { GOVREPORT_VERSION } from './version';


const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

interface Options {
  command: 'check' | 'outline' | 'figures' | 'matrix' | 'compare';
  format: 'text' | 'json' | 'csv' | 'sarif';
  locale: Locale;
  /** Whether --locale was given: it then wins over a project file's locale. */
  localeGiven: boolean;
  diagnostics: boolean;
  fix: boolean;
  /** --profile: wins over the project file's profile. */
  profile: string | undefined;
  /** --config: this project file for every report, instead of the nearest one. */
  configPath: string | undefined;
  /** --jobs: worker threads; 1 checks in this thread; undefined lets the batch size decide. */
  jobs: number | undefined;
  paths: string[];
}

const USAGE = {
  zh: `用法：
  govreport check   [选项] 路径...                  检查报告，列出问题
  govreport outline [--diagnostics] [选项] 路径...  打印标题、年度和大纲
  govreport figures [--format text|csv|json] 路径... 列出报告中的全部数据（数值、单位、统计对象）
  govreport matrix  [--format text|csv|json] 路径... 汇总表：每份报告一行，每项必备内容一列（有/缺），及年度、错误和警告数
  govreport compare [--format text|json] 上年报告 本年报告
                                                与上一年度报告比较：原样照搬的段落、未变化的数字、上年安排本年未提及的事项
选项：
  --fix                       自动修正可修正的问题（标题序号重排、括号改全角等），直接改写 .txt .md .govreport
                              文件，保留原编码和换行符；随后列出余下的问题（.docx 只检查，不改写）
  --format text|json|sarif    输出格式（check；sarif 为 SARIF 2.1.0）；figures、matrix 可用 text|csv|json；compare 可用 text|json
  --locale zh|en              提示语言，默认中文
  --profile auto|none|类型    按哪类报告检查：auto 按标题自动识别（默认），none 不区分类型，
                              或 ${BUILTIN_PROFILES.map((p) => p.id).join('、')}
  --config 文件               使用此配置文件，而不是报告所在文件夹及其上级中最近的 .govreport.json
  --jobs N                    用 N 个工作线程并行检查（默认：文件较多时按处理器核数，1 表示不用工作线程）
路径可以是文件、文件夹（递归查找 .txt .md .govreport .docx）或加引号的通配模式（如 "报告/**/*.docx"）。
文本文件可为 UTF-8（带或不带 BOM）、带 BOM 的 UTF-16 或 GB18030/GBK，自动识别。
配置文件 .govreport.json 中的检查级别、报告类型和已忽略的问题同样适用于命令行。
退出码：0 无错误；1 有错误级别的问题（check）；2 用法或读写错误。`,
  en: `Usage:
  govreport check   [options] PATH...                  check reports and list findings
  govreport outline [--diagnostics] [options] PATH...  print title, year and outline
  govreport figures [--format text|csv|json] PATH...   list every figure (value, unit, what it counts)
  govreport matrix  [--format text|csv|json] PATH...   one row per report, one column per mandated item
                                                       (present/missing), with year, errors and warnings
  govreport compare [--format text|json] PREVIOUS CURRENT
                                                       compare with last year's report: paragraphs copied,
                                                       figures unchanged, last year's plans not mentioned
Options:
  --fix                       fix what can be fixed (renumbering, full-width brackets, ...) in place in
                              .txt .md .govreport files, keeping their encoding and line ends; then list the rest
                              (.docx files are checked, never written)
  --format text|json|sarif    output format of check (sarif: SARIF 2.1.0); figures and matrix: text|csv|json;
                              compare: text|json
  --locale zh|en              language of the messages (default Chinese)
  --profile auto|none|ID      kind of report: auto recognises it from the title (default), none checks no
                              kind, or ${BUILTIN_PROFILES.map((p) => p.id).join(', ')}
  --config FILE               use this configuration file instead of the nearest .govreport.json above a report
  --jobs N                    check in N worker threads (default: one per core for large batches; 1: none)
PATH may be a file, a folder (searched recursively for .txt .md .govreport .docx) or a quoted glob pattern
("reports/**/*.docx"). Text files may be UTF-8 (with or without BOM), UTF-16 with BOM or GB18030/GBK.
Severities, profile and ignored findings in .govreport.json apply on the command line too.
Exit codes: 0 no error; 1 error-severity findings (check); 2 usage or I/O errors.`,
};

function parseArgs(argv: string[]): Options | { error: string } | 'help' {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || command === undefined) return 'help';
  if (command !== 'check' && command !== 'outline' && command !== 'figures' && command !== 'matrix' && command !== 'compare') return { error: `未知命令 / unknown command: ${command}` };
  const options: Options = {
    command, format: 'text', locale: defaultLocale(), localeGiven: false, diagnostics: false, fix: false,
    profile: undefined, configPath: undefined, jobs: undefined, paths: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (v === undefined) throw new Error(`${arg} 缺少取值 / needs a value`);
      return v;
    };
    try {
      if (arg === '--format' || arg.startsWith('--format=')) {
        const v = value();
        const allowed = command === 'figures' || command === 'matrix' ? ['text', 'csv', 'json'] : command === 'check' ? ['text', 'json', 'sarif'] : command === 'compare' ? ['text', 'json'] : ['text'];
        if (!allowed.includes(v)) return { error: `--format 只能是 ${allowed.join('、')} / must be ${allowed.join(' or ')}: ${v}` };
        options.format = v as Options['format'];
      } else if (arg === '--locale' || arg.startsWith('--locale=')) {
        options.locale = value().toLowerCase().startsWith('en') ? 'en' : 'zh';
        options.localeGiven = true;
      } else if (arg === '--diagnostics') {
        options.diagnostics = true;
      } else if (arg === '--fix') {
        if (command !== 'check') return { error: '--fix 只用于 check / --fix is for check only' };
        options.fix = true;
      } else if (arg === '--profile' || arg.startsWith('--profile=')) {
        const v = value();
        const known = ['auto', 'none', ...BUILTIN_PROFILES.map((p) => p.id)];
        if (!known.includes(v)) return { error: `--profile 只能是 ${known.join('、')} / must be one of ${known.join(', ')}: ${v}` };
        options.profile = v;
      } else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 64) return { error: `--jobs 应为 1 到 64 的整数 / must be an integer from 1 to 64: ${v}` };
        options.jobs = n;
      } else if (arg === '--config' || arg.startsWith('--config=')) {
        options.configPath = path.resolve(value());
      } else if (arg === '--help' || arg === '-h') {
        return 'help';
      } else if (arg.startsWith('--')) {
        return { error: `未知选项 / unknown option: ${arg}` };
      } else {
        options.paths.push(arg);
      }
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  if (options.paths.length === 0) return { error: '请给出要检查的文件或文件夹 / no PATH given' };
  if (command === 'compare' && options.paths.length !== 2) return { error: 'compare 需要两个文件：上年报告、本年报告 / compare takes two files: PREVIOUS CURRENT' };
  return options;
}

function defaultLocale(): Locale {
  const env = process.env.GOVREPORT_LOCALE ?? process.env.LC_ALL ?? process.env.LANG ?? '';
  return env.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** What became of one report: plain data, so that a worker thread can hand it back to the main thread. */
interface Checked {
  file: { path: string };
  isReport: boolean;
  /** The profile the report was checked against, as resolved (it may be forced). */
  profile: string | null;
  title: string | null;
  year: ReportModel['year'] | null;
  outline: OutlineNode[];
  figures: FigureRow[];
  findings: Finding[];
  /** For `matrix`: each item of the profile, present or not. */
  items: Record<string, boolean>;
  /** What `--fix` changed, pass by pass, and whether it could write the file. */
  fixed: ChosenFix[];
  fixError?: { zh: string; en: string };
}

/** One file through the whole pipeline; `undefined` text means the file could not be read. */
type Processed = { checked: Checked; notes: string[] } | { unreadable: UnreadableFile; notes: string[] };

/** Reads, fixes (with --fix) and checks one report; everything the output needs is in the result. */
function processReport(f: string, parsed: Options, configs: ProjectConfigs): Processed {
  const notes: string[] = [];
  const read = readReport(f);
  if ('reason' in read) return { unreadable: read, notes: [`govreport: ${f}: ${localize(read.reason, parsed.locale)}\n`] };
  const { config, options, relativeFile, problems } = configs.forReport(f);
  notes.push(...problems);
  const locale = parsed.localeGiven ? parsed.locale : config.locale ?? parsed.locale;
  let text = read.text;
  let fixed: ChosenFix[] = [];
  let fixError: Checked['fixError'];
  if (parsed.fix && read.encoding === DOCX_ENCODING) {
    notes.push(`govreport: ${f}: ${localize({ zh: 'Word 文档只检查、不改写，请在 Word 中按下列问题修改', en: 'Word documents are checked, never rewritten: fix the findings below in Word' }, locale)}\n`);
  } else if (parsed.fix && TEXT_EXTENSIONS.includes(path.extname(f).toLowerCase())) {
    const result = fixAll(text, (t) => checkReportText(t, options, config, relativeFile));
    if (result.text !== text) {
      fixError = writeBack(read, result.text);
      if (!fixError) {
        text = result.text;
        fixed = result.applied;
      }
    }
  }
  const model = parseReport(text);
  const wantFindings = parsed.command === 'check' || parsed.command === 'matrix' || parsed.diagnostics;
  const findings = model.isReport && wantFindings ? filterIgnored(checkModel(model, options), text, relativeFile, config) : [];
  const profile = resolveProfile(model, options.profile ?? 'auto', options.extraProfiles);
  const items: Record<string, boolean> = {};
  if (parsed.command === 'matrix' && profile && model.isReport) {
    for (const s of matchSections(model, profile)) items[s.item.id] = s.present;
  }
  if (fixError) notes.push(`govreport: ${f}: ${localize(fixError, locale)}\n`);
  return {
    notes,
    checked: {
      file: { path: read.path },
      isReport: model.isReport,
      profile: profile?.id ?? null,
      title: model.title?.text ?? null,
      year: model.year ?? null,
      outline: parsed.command === 'outline' && model.isReport ? buildOutline(model, locale) : [],
      figures: parsed.command === 'figures' && model.isReport ? figureRows(model) : [],
      findings,
      items,
      fixed,
      fixError,
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(USAGE[defaultLocale()] + '\n');
    return EXIT_OK;
  }
  if ('error' in parsed) {
    process.stderr.write(`govreport: ${parsed.error}\n\n${USAGE[defaultLocale()]}\n`);
    return EXIT_USAGE;
  }
  if (parsed.configPath && !isReadableFile(parsed.configPath)) {
    process.stderr.write(`govreport: ${parsed.locale === 'en' ? 'no such configuration file' : '找不到配置文件'}: ${parsed.configPath}\n`);
    return EXIT_USAGE;
  }
  if (parsed.command === 'compare') return compareFiles(parsed);
  const { files, missing } = collectPaths(parsed.paths);
  for (const m of missing) process.stderr.write(`govreport: ${parsed.locale === 'en' ? 'no such file or folder' : '找不到文件或文件夹'}: ${m}\n`);
  const jobs = parsed.jobs ?? defaultJobs(files.length);
  const progress = new Progress(files.length, parsed.locale);
  const processed = jobs > 1 && files.length > 1 ? await processInWorkers(files, parsed, jobs, progress) : processHere(files, parsed, progress);
  progress.done();
  const checked: Checked[] = [];
  const unreadable: UnreadableFile[] = [];
  // Notes come out in input order, whatever thread finished first.
  for (const p of processed) {
    for (const note of p.notes) process.stderr.write(note);
    if ('unreadable' in p) unreadable.push(p.unreadable);
    else checked.push(p.checked);
  }
  const out = parsed.command === 'outline' ? renderOutlines(checked, parsed) :
    parsed.command === 'figures' ? renderFigures(checked, parsed) :
    parsed.command === 'matrix' ? renderMatrix(checked, parsed) :
    parsed.format === 'sarif' ? renderSarif(checked, unreadable, parsed) :
    parsed.format === 'json' ? renderJson(checked) : renderText(checked, parsed.locale);
  if (parsed.format !== 'text') {
    // The JSON contract on stdout stays as it is; what --fix did goes to stderr.
    for (const c of checked.filter((x) => x.fixed.length > 0)) {
      process.stderr.write(`govreport: ${c.file.path}: ${parsed.locale === 'en' ? `fixed ${c.fixed.length}` : `已修正 ${c.fixed.length} 处`}\n`);
    }
  }
  process.stdout.write(out);
  if (missing.length > 0 || (checked.length === 0 && (unreadable.length > 0 || files.length === 0))) return EXIT_USAGE;
  // Only `check` reports through its exit code; the others succeed whenever they could read something.
  if (parsed.command !== 'check') return EXIT_OK;
  return checked.some((c) => c.findings.some((f) => f.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}

/** `compare PREVIOUS CURRENT`: two files, read like any report (any encoding, .docx too). */
function compareFiles(parsed: Options): number {
  const [previous, current] = parsed.paths.map((p) => readReport(p));
  for (const read of [previous, current]) {
    if ('reason' in read) process.stderr.write(`govreport: ${read.path}: ${localize(read.reason, parsed.locale)}\n`);
  }
  if ('reason' in previous || 'reason' in current) return EXIT_USAGE;
  // This year's project file (or --config, --profile) says which kind of report it is, as for `check`.
  const { options, problems } = new ProjectConfigs(parsed).forReport(current.path);
  for (const p of problems) process.stderr.write(p);
  const comparison = compareReports(parseReport(previous.text), parseReport(current.text), { profile: options.profile, extraProfiles: options.extraProfiles });
  const files = { previous: previous.path, current: current.path, comparison };
  process.stdout.write(parsed.format === 'json' ? compareJson(files) : compareText(files, parsed.locale, displayPath));
  return EXIT_OK;
}

function isReadableFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The configuration of each report: its project file (the nearest, or --config) under the command
 * line's own options. One CheckOptions per distinct configuration; each file's problems printed once. */
class ProjectConfigs {
  private readonly optionsByKey = new Map<string, CheckOptions>();
  private readonly reported = new Set<string>();

  constructor(private readonly cli: Options) {}

  forReport(file: string): { config: GovReportConfig; options: CheckOptions; relativeFile: string | undefined; problems: string[] } {
    const project: ProjectConfig | undefined = this.cli.configPath ? loadProjectConfig(this.cli.configPath) : projectConfigFor(file);
    const problems: string[] = [];
    if (project && !this.reported.has(project.path)) {
      this.reported.add(project.path);
      for (const p of project.problems) problems.push(`govreport: ${project.path}: ${formatProblem(p, this.cli.locale)}\n`);
    }
    const relativeFile = project ? relativeReportPath(project.path, file) : undefined;
    const config = configForFile(mergeConfig({}, project?.config), relativeFile);
    if (this.cli.profile) config.profile = this.cli.profile;
    const key = checkOptionsKey(config);
    let options = this.optionsByKey.get(key);
    if (!options) this.optionsByKey.set(key, (options = toCheckOptions(config)));
    return { config, options, relativeFile, problems };
  }
}

/**
 * Writes the fixed text over the file, atomically, in the encoding it was read in. Refuses when the
 * original text would not encode back to the original bytes (a character with two encodings in
 * GB18030, say): then even the unfixed parts would change, and the user did not ask for that.
 */
function writeBack(file: ReportFile, fixedText: string): { zh: string; en: string } | undefined {
  try {
    const original = fs.readFileSync(file.path);
    if (!Buffer.from(encodeReport(file.text, file.encoding)).equals(original)) {
      return { zh: '无法按原编码原样写回（文件中有编码方式不唯一的字符），未作修改', en: 'cannot be written back byte for byte in its encoding; left unchanged' };
    }
    writeFileAtomic(file.path, encodeReport(fixedText, file.encoding));
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    return { zh: `无法写入修正：${message}`, en: `cannot write the fixes: ${message}` };
  }
}

// --- rendering ---

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColour ? `\u001b[${code}m${s}\u001b[0m` : s);

const SEVERITY_LABEL: Record<Locale, Record<Finding['severity'], string>> = {
  zh: { error: '错误', warning: '警告', information: '信息', hint: '提示' },
  en: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
};
const SEVERITY_COLOUR: Record<Finding['severity'], string> = { error: '31', warning: '33', information: '36', hint: '2' };

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}

function renderFindings(findings: Finding[], locale: Locale): string {
  return findings.map((f) => {
    const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const severity = paint(SEVERITY_COLOUR[f.severity], SEVERITY_LABEL[locale][f.severity]);
    return `  ${where.padEnd(8)} ${severity}  ${localize(f.message, locale)}  ${paint('2', f.rule)}\n`;
  }).join('');
}

function renderFixes(fixed: ChosenFix[], locale: Locale): string {
  let out = `  ${paint('32', locale === 'en' ? `fixed ${fixed.length}:` : `已修正 ${fixed.length} 处：`)}\n`;
  for (const { finding, fix } of fixed) {
    const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    out += `    ${where.padEnd(8)} ${localize(fix.title, locale)}  ${paint('2', finding.rule)}\n`;
  }
  return out;
}

function renderText(checked: Checked[], locale: Locale): string {
  let out = '';
  let total = 0;
  let fixes = 0;
  for (const c of checked) {
    out += paint('1', displayPath(c.file.path)) + '\n';
    if (c.fixed.length > 0) out += renderFixes(c.fixed, locale);
    if (!c.isReport) out += `  ${locale === 'en' ? 'not recognised as a report; skipped' : '未识别为报告，已跳过'}\n`;
    else if (c.findings.length === 0) out += `  ${locale === 'en' ? 'no problems found' : '未发现问题'}\n`;
    else out += renderFindings(c.findings, locale);
    total += c.findings.length;
    fixes += c.fixed.length;
  }
  if (fixes > 0) {
    out += locale === 'en' ? `\n${checked.length} file(s) checked, ${fixes} fixed, ${total} finding(s) left.\n` : `\n已检查 ${checked.length} 个文件，修正 ${fixes} 处，余下 ${total} 个问题。\n`;
  } else {
    out += locale === 'en' ? `\n${checked.length} file(s) checked, ${total} finding(s).\n` : `\n已检查 ${checked.length} 个文件，发现 ${total} 个问题。\n`;
  }
  return out;
}

/** The fixed JSON contract other tools rely on. */
function renderJson(checked: Checked[]): string {
  const files = checked.map((c) => ({
    path: c.file.path,
    profile: c.profile,
    diagnostics: c.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: localize(f.message, 'zh'), range: f.range })),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}

function renderSarif(checked: Checked[], unreadable: UnreadableFile[], options: Options): string {
  const log = toSarif({
    files: checked.map((c) => ({ path: c.file.path, findings: c.findings })),
    unreadable,
    locale: options.locale,
    baseDir: process.cwd(),
    toolVersion: GOVREPORT_VERSION,
  });
  return JSON.stringify(log, null, 2) + '\n';
}

function renderMatrix(checked: Checked[], options: Options): string {
  const rows = checked.map((c) => ({
    path: c.file.path,
    title: c.title,
    year: c.year?.value ?? null,
    profile: c.isReport ? c.profile : null,
    items: c.items,
    errors: c.findings.filter((f) => f.severity === 'error').length,
    warnings: c.findings.filter((f) => f.severity === 'warning').length,
    isReport: c.isReport,
  }));
  if (options.format === 'json') return matrixJson(rows);
  if (options.format === 'csv') return matrixCsv(rows, options.locale, displayPath);
  return matrixText(rows, options.locale, displayPath);
}

function renderOutlines(checked: Checked[], options: Options): string {
  const en = options.locale === 'en';
  let out = '';
  for (const c of checked) {
    out += paint('1', `== ${displayPath(c.file.path)}`) + '\n';
    if (!c.isReport) {
      out += `  ${en ? 'not recognised as a report' : '未识别为报告'}\n\n`;
      continue;
    }
    out += `${en ? 'Title' : '标题'}: ${c.title ?? (en ? '(none)' : '（无标题）')}\n`;
    const year = c.year ? `${c.year.value}${c.year.source === 'title' ? '' : en ? ' (from the headings)' : '（据标题层次推断）'}` : en ? '(unknown)' : '（未知）';
    out += `${en ? 'Year' : '年度'}: ${year}\n`;
    out += `${en ? 'Outline' : '大纲'}:\n`;
    const walk = (nodes: OutlineNode[], depth: number) => {
      for (const n of nodes) {
        const label = n.kind === 'table' ? `${n.name}${en ? ` (${n.detail})` : `（${n.detail}）`}` : `${n.detail}${n.name === n.detail ? '' : n.name}`;
        out += `${'  '.repeat(depth + 1)}${label}  ${paint('2', `L${n.selectionRange.start.line + 1}`)}\n`;
        walk(n.children, depth + 1);
      }
    };
    walk(c.outline, 0);
    if (options.diagnostics) {
      out += `${en ? 'Findings' : '问题'}:${c.findings.length === 0 ? (en ? ' none' : ' 无') : ''}\n`;
      out += renderFindings(c.findings, options.locale);
    }
    out += '\n';
  }
  return out;
}

function renderFigures(checked: Checked[], options: Options): string {
  const en = options.locale === 'en';
  if (options.format === 'json') {
    return JSON.stringify({ files: checked.map((c) => ({ path: c.file.path, figures: c.figures })) }, null, 2) + '\n';
  }
  if (options.format === 'csv') {
    const many = checked.length > 1;
    return checked.map((c, i) => figuresCsv(c.figures, options.locale, {
      file: many ? displayPath(c.file.path) : undefined, header: i === 0,
    })).join('');
  }
  let out = '';
  for (const c of checked) {
    out += paint('1', `== ${displayPath(c.file.path)}`) + '\n';
    const rows = c.figures;
    if (rows.length === 0) out += `  ${en ? 'no figures' : '没有数据'}\n`;
    let section: string | undefined;
    for (const r of rows) {
      if (r.section !== section) {
        section = r.section;
        out += `  ${section || (en ? '(opening)' : '（导语）')}\n`;
      }
      const value = r.upper !== null ? `${r.value}～${r.upper}` : String(r.value);
      const approx = r.approximate ? (en ? ' ≈' : ' 约数') : '';
      out += `    ${paint('2', `L${r.range.start.line + 1}`)}  ${r.subject || '—'}  ${r.text}  → ${value} ${r.unit}${approx}\n`;
    }
    out += '\n';
  }
  return out;
}

// --- worker threads ---

/** Batches smaller than this are checked in this thread: starting workers would cost more than it saves. */
const WORKER_THRESHOLD = 64;
const MAX_DEFAULT_JOBS = 8;

/**
 * Workers only where they pay: a large batch and at least three cores, one left for the main thread, which
 * reads the results and renders them. On two cores, measured, two workers were slower than none: checking
 * allocates much, and the garbage collectors' threads then compete for the same two cores.
 */
function defaultJobs(fileCount: number): number {
  const cores = os.availableParallelism();
  if (fileCount < WORKER_THRESHOLD || cores < 3) return 1;
  return Math.min(MAX_DEFAULT_JOBS, cores - 1);
}

function processHere(files: string[], parsed: Options, progress: Progress): Processed[] {
  const configs = new ProjectConfigs(parsed);
  return files.map((f) => {
    const result = processReport(f, parsed, configs);
    progress.advance(1);
    return result;
  });
}

/**
 * A progress bar on stderr while a batch is checked, on a terminal only (never in a pipe or a log), and only
 * for batches large enough to take a moment.
 */
class Progress {
  private doneCount = 0;
  private readonly shown: boolean;
  private lastDraw = 0;

  constructor(private readonly total: number, private readonly locale: Locale) {
    this.shown = process.stderr.isTTY === true && total > PROGRESS_MIN_FILES;
  }

  advance(n: number): void {
    this.doneCount += n;
    if (!this.shown) return;
    const now = Date.now();
    if (now - this.lastDraw < 50 && this.doneCount < this.total) return;
    this.lastDraw = now;
    const width = 24;
    const filled = Math.round((this.doneCount / this.total) * width);
    const label = this.locale === 'en' ? 'checking' : '正在检查';
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.doneCount}/${this.total}`);
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\u001b[K');
  }
}

const PROGRESS_MIN_FILES = 5;

/** Files go to a worker a few at a time: one by one, the messages cost more than small reports take. */
const FILES_PER_TASK = 16;

interface WorkerTask { start: number; files: string[] }
interface WorkerReply { start: number; results: Processed[] }

/** Hands files to `jobs` workers in small batches (so a slow file never holds back a whole share), and
 * returns the results in input order. */
async function processInWorkers(files: string[], parsed: Options, jobs: number, progress: Progress): Promise<Processed[]> {
  const results: Processed[] = new Array(files.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, Math.ceil(files.length / FILES_PER_TASK)) }, () => new Worker(__filename, { workerData: parsed }));
  await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
    const feed = () => {
      if (next >= files.length) {
        void worker.terminate().then(() => resolve());
        return;
      }
      const task: WorkerTask = { start: next, files: files.slice(next, next + FILES_PER_TASK) };
      next += task.files.length;
      worker.postMessage(task);
    };
    worker.on('message', (reply: WorkerReply) => {
      reply.results.forEach((r, i) => (results[reply.start + i] = r));
      progress.advance(reply.results.length);
      feed();
    });
    worker.on('error', reject);
    feed();
  })));
  return results;
}

function runWorker(): void {
  const parsed = workerData as Options;
  const configs = new ProjectConfigs(parsed);
  parentPort!.on('message', (task: WorkerTask) => {
    const reply: WorkerReply = { start: task.start, results: task.files.map((f) => processReport(f, parsed, configs)) };
    parentPort!.postMessage(reply);
  });
}

if (isMainThread) {
  // A reader that stops early (`govreport figures … | head`) is no error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error) => {
    process.stderr.write(`govreport: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  });
} else {
  runWorker();
}
