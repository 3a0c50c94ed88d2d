// Findings and fixes as indented text lines under a file's name (`check`, `outline --diagnostics`).
import type { ChosenFix } from '../../core/fixes';
import { localize, type Finding, type Locale } from '../../core/index';
import { paint, plain } from './style';

const SEVERITY_LABEL: Record<Locale, Record<Finding['severity'], string>> = {
  zh: { error: '错误', warning: '警告', information: '信息', hint: '提示' },
  en: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
};
const SEVERITY_COLOUR: Record<Finding['severity'], string> = { error: '31', warning: '33', information: '36', hint: '2' };

export function renderFindings(findings: Finding[], locale: Locale): string {
  return findings.map((f) => {
    const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const severity = paint(SEVERITY_COLOUR[f.severity], SEVERITY_LABEL[locale][f.severity]);
    return `  ${where.padEnd(8)} ${severity}  ${plain(localize(f.message, locale))}  ${paint('2', f.rule)}\n`;
  }).join('');
}

export function renderFixes(fixed: ChosenFix[], locale: Locale): string {
  let out = `  ${paint('32', locale === 'en' ? `fixed ${fixed.length}:` : `已修正 ${fixed.length} 处：`)}\n`;
  for (const { finding, fix } of fixed) {
    const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    out += `    ${where.padEnd(8)} ${plain(localize(fix.title, locale))}  ${paint('2', finding.rule)}\n`;
  }
  return out;
}
