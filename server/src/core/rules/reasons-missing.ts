// reasons-missing: the 规定 asks for 「存在的不足和原因」 — a 不足 section that lists problems but gives no
// reason (原因, 究其原因, 根源 …) answers only half of it. 厅字〔2019〕28号; rules.md §3 item 2, C3, Q4.
import type { Rule } from '../findings';
import { itemHeadings, sectionText } from './shared/sections';
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
    for (const h of itemHeadings(sections, 'shortcomings')) {
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
