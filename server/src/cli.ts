// govreport — the command line over the same core as the language server.
//
//   govreport check   [--format text|json] [--locale zh|en] PATH...
//   govreport outline [--diagnostics] [--locale zh|en] PATH...
//
// Exit codes of `check`: 0 no error-severity finding, 1 at least one, 2 usage or I/O errors (`outline`: 0 or 2).

import * as path from 'path';
import {
  buildOutline, checkModel, detectProfile, localize, parseReport,
  type Finding, type Locale, type OutlineNode, type ReportModel,
} from './core/index';
import { collectPaths, readReport, type ReportFile, type UnreadableFile } from './node/files';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

interface Options {
  command: 'check' | 'outline';
  format: 'text' | 'json';
  locale: Locale;
  diagnostics: boolean;
  paths: string[];
}

const USAGE = {
  zh: `用法：
  govreport check   [--format text|json] [--locale zh|en] 路径...   检查报告，列出问题
  govreport outline [--diagnostics] [--locale zh|en] 路径...        打印标题、年度和大纲
路径可以是文件或文件夹（递归查找 .txt .md .govreport）。
退出码：0 无错误；1 有错误级别的问题；2 用法或读写错误。`,
  en: `Usage:
  govreport check   [--format text|json] [--locale zh|en] PATH...   check reports and list findings
  govreport outline [--diagnostics] [--locale zh|en] PATH...        print title, year and outline
PATH may be a file or a folder (searched recursively for .txt .md .govreport).
Exit codes: 0 no error; 1 error-severity findings; 2 usage or I/O errors.`,
};

function parseArgs(argv: string[]): Options | { error: string } | 'help' {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || command === undefined) return 'help';
  if (command !== 'check' && command !== 'outline') return { error: `未知命令 / unknown command: ${command}` };
  const options: Options = { command, format: 'text', locale: defaultLocale(), diagnostics: false, paths: [] };
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
        if (v !== 'text' && v !== 'json') return { error: `--format 只能是 text 或 json / must be text or json: ${v}` };
        options.format = v;
      } else if (arg === '--locale' || arg.startsWith('--locale=')) {
        options.locale = value().toLowerCase().startsWith('en') ? 'en' : 'zh';
      } else if (arg === '--diagnostics') {
        options.diagnostics = true;
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
  findings: Finding[];
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
  const { files, missing } = collectPaths(parsed.paths);
  for (const m of missing) process.stderr.write(`govreport: ${parsed.locale === 'en' ? 'no such file or folder' : '找不到文件或文件夹'}: ${m}\n`);
  const checked: Checked[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const f of files) {
    const read = readReport(f);
    if ('reason' in read) {
      unreadable.push(read);
      process.stderr.write(`govreport: ${f}: ${localize(read.reason, parsed.locale)}\n`);
      continue;
    }
    const model = parseReport(read.text);
    const wantFindings = parsed.command === 'check' || parsed.diagnostics;
    checked.push({ file: read, model, findings: model.isReport && wantFindings ? checkModel(model) : [] });
  }
  const out = parsed.command === 'outline' ? renderOutlines(checked, parsed) :
    parsed.format === 'json' ? renderJson(checked) : renderText(checked, parsed.locale);
  process.stdout.write(out);
  if (missing.length > 0 || (checked.length === 0 && (unreadable.length > 0 || files.length === 0))) return EXIT_USAGE;
  // Only `check` reports through its exit code; `outline` succeeds whenever it could read something.
  if (parsed.command !== 'check') return EXIT_OK;
  return checked.some((c) => c.findings.some((f) => f.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
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

function renderText(checked: Checked[], locale: Locale): string {
  let out = '';
  let total = 0;
  for (const c of checked) {
    out += paint('1', displayPath(c.file.path)) + '\n';
    if (!c.model.isReport) out += `  ${locale === 'en' ? 'not recognised as a report; skipped' : '未识别为报告，已跳过'}\n`;
    else if (c.findings.length === 0) out += `  ${locale === 'en' ? 'no problems found' : '未发现问题'}\n`;
    else out += renderFindings(c.findings, locale);
    total += c.findings.length;
  }
  out += locale === 'en' ? `\n${checked.length} file(s) checked, ${total} finding(s).\n` : `\n已检查 ${checked.length} 个文件，发现 ${total} 个问题。\n`;
  return out;
}

/** The fixed JSON contract other tools rely on. */
function renderJson(checked: Checked[]): string {
  const files = checked.map((c) => ({
    path: c.file.path,
    profile: detectProfile(c.model) ?? null,
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

process.exitCode = main(process.argv.slice(2));
