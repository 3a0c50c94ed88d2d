// govreport — the command line over the same core as the language server.
//
//   govreport check   [--fix] [--format text|json] [--locale zh|en] [--profile auto|none|ID] [--config FILE] PATH...
//   govreport outline [--diagnostics] [--locale zh|en] [--profile auto|none|ID] [--config FILE] PATH...
//   govreport figures [--format text|csv|json] PATH...
//
// Each report is checked under the nearest .govreport.json above it (or the one given with --config):
// its severities, profile and ignore list apply, as in the editor.
//
// Exit codes of `check`: 0 no error-severity finding, 1 at least one, 2 usage or I/O errors (`outline`: 0 or 2).

import * as fs from 'fs';
import * as path from 'path';
import {
  checkOptionsKey, checkReportText, configForFile, filterIgnored, formatProblem, mergeConfig, toCheckOptions, type GovReportConfig,
} from './core/config';
import { fixAll, type ChosenFix } from './core/fixes';
import {
  BUILTIN_PROFILES, buildOutline, checkModel, figureRows, figuresCsv, localize, parseReport, resolveProfile,
  type CheckOptions, type Finding, type Locale, type OutlineNode, type ReportModel,
} from './core/index';
import { loadProjectConfig, projectConfigFor, relativeReportPath, writeFileAtomic, type ProjectConfig } from './node/config';
import { collectPaths, encodeReport, readReport, REPORT_EXTENSIONS, type ReportFile, type UnreadableFile } from './node/files';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

interface Options {
  command: 'check' | 'outline' | 'figures';
  format: 'text' | 'json' | 'csv';
  locale: Locale;
  /** Whether --locale was given: it then wins over a project file's locale. */
  localeGiven: boolean;
  diagnostics: boolean;
  fix: boolean;
  /** --profile: wins over the project file's profile. */
  profile: string | undefined;
  /** --config: this project file for every report, instead of the nearest one. */
  configPath: string | undefined;
  paths: string[];
}

const USAGE = {
  zh: `用法：
  govreport check   [选项] 路径...                  检查报告，列出问题
  govreport outline [--diagnostics] [选项] 路径...  打印标题、年度和大纲
  govreport figures [--format text|csv|json] 路径... 列出报告中的全部数据（数值、单位、统计对象）
选项：
  --fix                       自动修正可修正的问题（标题序号重排、括号改全角等），直接改写 .txt .md .govreport
                              文件，保留原编码和换行符；随后列出余下的问题
  --format text|json          输出格式（check）；figures 另可用 csv
  --locale zh|en              提示语言，默认中文
  --profile auto|none|类型    按哪类报告检查：auto 按标题自动识别（默认），none 不区分类型，
                              或 ${BUILTIN_PROFILES.map((p) => p.id).join('、')}
  --config 文件               使用此配置文件，而不是报告所在文件夹及其上级中最近的 .govreport.json
路径可以是文件或文件夹（递归查找 .txt .md .govreport）。
配置文件 .govreport.json 中的检查级别、报告类型和已忽略的问题同样适用于命令行。
退出码：0 无错误；1 有错误级别的问题（check）；2 用法或读写错误。`,
  en: `Usage:
  govreport check   [options] PATH...                  check reports and list findings
  govreport outline [--diagnostics] [options] PATH...  print title, year and outline
  govreport figures [--format text|csv|json] PATH...   list every figure (value, unit, what it counts)
Options:
  --fix                       fix what can be fixed (renumbering, full-width brackets, ...) in place in
                              .txt .md .govreport files, keeping their encoding and line ends; then list the rest
  --format text|json          output format (check); figures also takes csv
  --locale zh|en              language of the messages (default Chinese)
  --profile auto|none|ID      kind of report: auto recognises it from the title (default), none checks no
                              kind, or ${BUILTIN_PROFILES.map((p) => p.id).join(', ')}
  --config FILE               use this configuration file instead of the nearest .govreport.json above a report
PATH may be a file or a folder (searched recursively for .txt .md .govreport).
Severities, profile and ignored findings in .govreport.json apply on the command line too.
Exit codes: 0 no error; 1 error-severity findings (check); 2 usage or I/O errors.`,
};

function parseArgs(argv: string[]): Options | { error: string } | 'help' {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || command === undefined) return 'help';
  if (command !== 'check' && command !== 'outline' && command !== 'figures') return { error: `未知命令 / unknown command: ${command}` };
  const options: Options = {
    command, format: 'text', locale: defaultLocale(), localeGiven: false, diagnostics: false, fix: false,
    profile: undefined, configPath: undefined, paths: [],
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
        const allowed = command === 'figures' ? ['text', 'csv', 'json'] : ['text', 'json'];
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
  return options;
}

function defaultLocale(): Locale {
  const env = process.env.GOVREPORT_LOCALE ?? process.env.LC_ALL ?? process.env.LANG ?? '';
  return env.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

interface Checked {
  file: ReportFile;
  model: ReportModel;
  /** The options the report was checked with (its profile may be forced). */
  options: CheckOptions;
  findings: Finding[];
  /** What `--fix` changed, pass by pass, and whether it could write the file. */
  fixed: ChosenFix[];
  fixError?: { zh: string; en: string };
}

function main(argv: string[]): number {
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
  const { files, missing } = collectPaths(parsed.paths);
  for (const m of missing) process.stderr.write(`govreport: ${parsed.locale === 'en' ? 'no such file or folder' : '找不到文件或文件夹'}: ${m}\n`);
  const checked: Checked[] = [];
  const unreadable: UnreadableFile[] = [];
  const configs = new ProjectConfigs(parsed);
  for (const f of files) {
    const read = readReport(f);
    if ('reason' in read) {
      unreadable.push(read);
      process.stderr.write(`govreport: ${f}: ${localize(read.reason, parsed.locale)}\n`);
      continue;
    }
    const { config, options, relativeFile } = configs.forReport(f);
    const locale = parsed.localeGiven ? parsed.locale : config.locale ?? parsed.locale;
    let text = read.text;
    let fixed: ChosenFix[] = [];
    let fixError: Checked['fixError'];
    if (parsed.fix && REPORT_EXTENSIONS.includes(path.extname(f).toLowerCase())) {
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
    const wantFindings = parsed.command === 'check' || parsed.diagnostics;
    const findings = model.isReport && wantFindings ? filterIgnored(checkModel(model, options), text, relativeFile, config) : [];
    checked.push({ file: { ...read, text }, model, options, findings, fixed, fixError });
    if (fixError) process.stderr.write(`govreport: ${f}: ${localize(fixError, locale)}\n`);
  }
  const out = parsed.command === 'outline' ? renderOutlines(checked, parsed) :
    parsed.command === 'figures' ? renderFigures(checked, parsed) :
    parsed.format === 'json' ? renderJson(checked) : renderText(checked, parsed.locale);
  if (parsed.format === 'json') {
    // The JSON contract on stdout stays as it is; what --fix did goes to stderr.
    for (const c of checked.filter((x) => x.fixed.length > 0)) {
      process.stderr.write(`govreport: ${c.file.path}: ${parsed.locale === 'en' ? `fixed ${c.fixed.length}` : `已修正 ${c.fixed.length} 处`}\n`);
    }
  }
  process.stdout.write(out);
  if (missing.length > 0 || (checked.length === 0 && (unreadable.length > 0 || files.length === 0))) return EXIT_USAGE;
  // Only `check` reports through its exit code; `outline` succeeds whenever it could read something.
  if (parsed.command !== 'check') return EXIT_OK;
  return checked.some((c) => c.findings.some((f) => f.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
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

  forReport(file: string): { config: GovReportConfig; options: CheckOptions; relativeFile: string | undefined } {
    const project: ProjectConfig | undefined = this.cli.configPath ? loadProjectConfig(this.cli.configPath) : projectConfigFor(file);
    if (project && !this.reported.has(project.path)) {
      this.reported.add(project.path);
      for (const p of project.problems) process.stderr.write(`govreport: ${project.path}: ${formatProblem(p, this.cli.locale)}\n`);
    }
    const relativeFile = project ? relativeReportPath(project.path, file) : undefined;
    const config = configForFile(mergeConfig({}, project?.config), relativeFile);
    if (this.cli.profile) config.profile = this.cli.profile;
    const key = checkOptionsKey(config);
    let options = this.optionsByKey.get(key);
    if (!options) this.optionsByKey.set(key, (options = toCheckOptions(config)));
    return { config, options, relativeFile };
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
    if (!c.model.isReport) out += `  ${locale === 'en' ? 'not recognised as a report; skipped' : '未识别为报告，已跳过'}\n`;
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
    profile: resolveProfile(c.model, c.options.profile ?? 'auto', c.options.extraProfiles)?.id ?? null,
    diagnostics: c.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: localize(f.message, 'zh'), range: f.range })),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}

function renderOutlines(checked: Checked[], options: Options): string {
  const en = options.locale === 'en';
  let out = '';
  for (const c of checked) {
    const m = c.model;
    out += paint('1', `== ${displayPath(c.file.path)}`) + '\n';
    if (!m.isReport) {
      out += `  ${en ? 'not recognised as a report' : '未识别为报告'}\n\n`;
      continue;
    }
    out += `${en ? 'Title' : '标题'}: ${m.title?.text ?? (en ? '(none)' : '（无标题）')}\n`;
    const year = m.year ? `${m.year.value}${m.year.source === 'title' ? '' : en ? ' (from the headings)' : '（据标题层次推断）'}` : en ? '(unknown)' : '（未知）';
    out += `${en ? 'Year' : '年度'}: ${year}\n`;
    out += `${en ? 'Outline' : '大纲'}:\n`;
    const walk = (nodes: OutlineNode[], depth: number) => {
      for (const n of nodes) {
        out += `${'  '.repeat(depth + 1)}${n.detail}${n.name === n.detail ? '' : n.name}  ${paint('2', `L${n.selectionRange.start.line + 1}`)}\n`;
        walk(n.children, depth + 1);
      }
    };
    walk(buildOutline(m), 0);
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
    return JSON.stringify({ files: checked.map((c) => ({ path: c.file.path, figures: figureRows(c.model) })) }, null, 2) + '\n';
  }
  if (options.format === 'csv') {
    const many = checked.length > 1;
    return checked.map((c, i) => figuresCsv(c.model.isReport ? figureRows(c.model) : [], options.locale, {
      file: many ? displayPath(c.file.path) : undefined, header: i === 0,
    })).join('');
  }
  let out = '';
  for (const c of checked) {
    out += paint('1', `== ${displayPath(c.file.path)}`) + '\n';
    const rows = c.model.isReport ? figureRows(c.model) : [];
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

// A reader that stops early (`govreport figures … | head`) is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = main(process.argv.slice(2));
