// numbering-duplicate: two siblings with the same number (一、二、二、). The fix renumbers the run.
import type { Rule } from '../findings';
import { expectedLabel, quoted, runRenumberFix, siblingRuns } from './shared/siblings';
import { unheadedRestarts } from './shared/sections';
import { GBT_9704_HEADINGS } from './shared/sources';

export const numberingDuplicate: Rule = {
  id: 'numbering-duplicate',
  defaultSeverity: 'error',
  description: { zh: '同级标题序号重复', en: 'Two sibling headings share a number' },
  sources: [GBT_9704_HEADINGS],
  reportsOnly: true,
  check({ model, sections, report }) {
    for (const run of siblingRuns(model, unheadedRestarts(sections))) {
      if (run.firstFault < 0) continue;
      const seen = new Map<number, number>();
      run.headings.forEach((h, i) => {
        const earlier = seen.get(h.number.value);
        if (earlier === undefined) {
          seen.set(h.number.value, i);
          return;
        }
        const first = run.headings[earlier];
        const fix = runRenumberFix(run);
        report({
          range: h.number.range,
          message: {
            zh: `标题序号${quoted(h)}与第${first.line + 1}行的${quoted(first)}重复，应为“${expectedLabel(h, i + 1)}”`,
            en: `Heading number ${h.number.raw} repeats the one on line ${first.line + 1}; expected ${expectedLabel(h, i + 1)}`,
          },
          related: [{ range: first.number.range, message: { zh: '首次使用该序号', en: 'first use of this number' } }],
          fixes: fix ? [fix] : undefined,
        });
      });
    }
  },
};
