// Findings and fixes as indented text lines under a file's name (`check`, `outline --diagnostics`).
import type { ChosenFix } from '../../core/fixes';
import { localize, type Finding, type Locale } from '../../core/index';
import { pageLabel, pageOfLine } from '../../node/pages';
import { paint, plain } from './style';

const SEVERITY_LABEL: Record<Locale, Record<Finding['severity'], string>> = {
  zh: { error: '错误', warning: '警告', information: '信息', hint: '提示' },
  en: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
};
const SEVERITY_COLOUR: Record<Finding['severity'], string> = { error: '31', warning: '33', information: '36', hint: '2' };

/** `pageStarts`: of a paged document, the line on which each page starts; the page is then told beside the line. */
export function renderFindings(findings: Finding[], locale: Locale, pageStarts?: number[]): string {
  return findings.map((f) => {
    const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const page = pageOfLine(pageStarts, f.range.start.line);
    const severity = paint(SEVERITY_COLOUR[f.severity], SEVERITY_LABEL[locale][f.severity]);
    const place = page === undefined ? where.padEnd(8) : `${where} ${paint('2', pageLabel(page, locale))}`;
    return `  ${place} ${severity}  ${plain(localize(f.message, locale))}  ${paint('2', f.rule)}\n`;
  }).join('');
}

/** 「L12」, and 「L12 第3页」 in a paged document. */
export function lineLabel(line: number, locale: Locale, pageStarts?: number[]): string {
  const page = pageOfLine(pageStarts, line);
  return page === undefined ? `L${line + 1}` : `L${line + 1} ${pageLabel(page, locale)}`;
}

export function renderFixes(fixed: ChosenFix[], locale: Locale): string {
  let out = `  ${paint('32', locale === 'en' ? `fixed ${fixed.length}:` : `已修正 ${fixed.length} 处：`)}\n`;
  for (const { finding, fix } of fixed) {
    const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    out += `    ${where.padEnd(8)} ${plain(localize(fix.title, locale))}  ${paint('2', finding.rule)}\n`;
  }
  return out;
}
