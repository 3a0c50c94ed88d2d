// reasons-missing: the 规定 asks for 「存在的不足和原因」 — a 不足 section that lists problems but gives no
// reason (原因, 究其原因, 根源 …) answers only half of it. 厅字〔2019〕28号; rules.md §3 item 2, C3, Q4.
import type { Rule } from '../findings';
import type { Heading, ReportModel } from '../model/types';
import { DUCHA_2019 } from './shared/sources';

const REASON_WORDS = /原因|根源|归因|源于|缘于|由于|在于|导致|造成|之所以|因素/;

export const reasonsMissing: Rule = {
  id: 'reasons-missing',
  defaultSeverity: 'warning',
  description: { zh: '“存在的不足”只列问题、未分析原因', en: 'The shortcomings section states problems but no causes' },
  sources: [DUCHA_2019],
  reportsOnly: true,
  check({ model, profile, sections, report }) {
    if (!profile) return;
    const match = sections().find((s) => s.item.id === 'shortcomings');
    if (!match?.present || match.via !== 'heading') return;
    for (const h of match.headings) {
      if (REASON_WORDS.test(h.title)) continue;
      const text = sectionText(model, h);
      if (text.length === 0 || REASON_WORDS.test(text)) continue;
      report({
        range: h.range,
        message: {
          zh: '此部分只列出了不足，没有分析原因：规定要求报告“存在的不足和原因”，可逐条写明“主要原因是……”',
          en: 'This section lists shortcomings without their causes; the regulation asks for both (e.g. “主要原因是……” for each)',
        },
      });
    }
  },
};

/** The running text under a heading and its sub-headings (paragraphs and headings are in line order). */
function sectionText(model: ReportModel, h: Heading): string {
  const parts: string[] = [];
  const last = h.sectionRange.end.line;
  for (let i = firstAtOrAfter(model.paragraphs, h.line); i < model.paragraphs.length && model.paragraphs[i].line <= last; i++) {
    parts.push(model.paragraphs[i].text);
  }
  for (let i = h.index + 1; i < model.headings.length && model.headings[i].line <= last; i++) parts.push(model.headings[i].title);
  return parts.join('\n');
}

function firstAtOrAfter(items: readonly { line: number }[], line: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
