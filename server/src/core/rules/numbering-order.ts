// numbering-order: a sibling numbered lower than the one before it, without repeating an earlier number.
import type { Rule } from '../findings';
import { expectedLabel, quoted, runRenumberFix, siblingRuns } from './shared/siblings';
import { unheadedRestarts } from './shared/sections';
import { GBT_9704_HEADINGS } from './shared/sources';

export const numberingOrder: Rule = {
  id: 'numbering-order',
  defaultSeverity: 'error',
  description: { zh: '同级标题序号顺序颠倒', en: 'Sibling headings are numbered out of order' },
  sources: [GBT_9704_HEADINGS],
  reportsOnly: true,
  check({ model, sections, report }) {
    for (const run of siblingRuns(model, unheadedRestarts(sections))) {
      if (run.firstFault < 0) continue;
      const used = new Set<number>();
      run.headings.forEach((h, i) => {
        const previous = run.headings[i - 1];
        const repeated = used.has(h.number.value);
        used.add(h.number.value);
        if (!previous || repeated || h.number.value >= previous.number.value) return;
        const fix = runRenumberFix(run);
        report({
          range: h.number.range,
          message: {
            zh: `标题序号顺序颠倒：${quoted(previous)}之后是${quoted(h)}，应为“${expectedLabel(h, i + 1)}”`,
            en: `Numbering goes backwards: ${previous.number.raw} is followed by ${h.number.raw}; expected ${expectedLabel(h, i + 1)}`,
          },
          fixes: fix ? [fix] : undefined,
        });
      });
    }
  },
};
