// The output of `check`: text for people, the fixed JSON contract for tools, SARIF for code-scanning dashboards.
import { localize, type Locale } from '../../core/index';
import type { UnreadableFile } from '../../node/files';
import { pageOfLine } from '../../node/pages';
import { toSarif } from '../../node/sarif';
import { GOVREPORT_VERSION } from '../../version';
import type { Options } from '../args';
import type { Checked } from '../report';
import { renderFindings, renderFixes } from './findings';
import { displayPath, jsonSafe, paint } from './style';

export function renderText(checked: Checked[], locale: Locale): string {
  let out = '';
  let total = 0;
  let fixes = 0;
  for (const c of checked) {
    out += paint('1', displayPath(c.file.path)) + '\n';
    if (c.fixed.length > 0) out += renderFixes(c.fixed, locale);
    if (!c.isReport) out += `  ${locale === 'en' ? 'not recognised as a report; skipped' : '未识别为报告，已跳过'}\n`;
    else if (c.findings.length === 0) out += `  ${locale === 'en' ? 'no problems found' : '未发现问题'}\n`;
    else out += renderFindings(c.findings, locale, c.pageStarts);
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
export function renderJson(checked: Checked[]): string {
  const files = checked.map((c) => ({
    path: c.file.path,
    profile: c.profile,
    diagnostics: c.findings.map((f) => {
      // The page, in a paged document only: the contract stays as it was for every other file.
      const page = pageOfLine(c.pageStarts, f.range.start.line);
      return { rule: f.rule, severity: f.severity, message: localize(f.message, 'zh'), range: f.range, ...(page !== undefined ? { page } : {}) };
    }),
  }));
  return jsonSafe(JSON.stringify({ files }, null, 2) + '\n');
}

export function renderSarif(checked: Checked[], unreadable: UnreadableFile[], options: Options): string {
  const log = toSarif({
    files: checked.map((c) => ({ path: c.file.path, bytes: c.file.bytes, findings: c.findings, pageStarts: c.pageStarts })),
    unreadable,
    locale: options.locale,
    baseDir: process.cwd(),
    toolVersion: GOVREPORT_VERSION,
  });
  return jsonSafe(JSON.stringify(log, null, 2) + '\n');
}
