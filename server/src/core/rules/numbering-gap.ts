// numbering-gap: a number skipped among siblings (一、三、), or a run that does not start at one.
import type { Rule } from '../findings';
import { expectedLabel, quoted, runRenumberFix, siblingRuns } from './shared/siblings';
import { unheadedRestarts } from './shared/sections';
import { GBT_9704_HEADINGS } from './shared/sources';

export const numberingGap: Rule = {
  id: 'numbering-gap',
  defaultSeverity: 'error',
  description: { zh: '同级标题序号不连续（跳号）', en: 'A number is skipped among sibling headings' },
  sources: [GBT_9704_HEADINGS],
  reportsOnly: true,
  check({ model, sections, report }) {
    for (const run of siblingRuns(model, unheadedRestarts(sections))) {
      if (run.firstFault < 0) continue;
      run.headings.forEach((h, i) => {
        const previous = i === 0 ? 0 : run.headings[i - 1].number.value;
        // After a repeated number the run is one behind: 「（二）（二）（四）」 skips nothing at 「（四）」.
        if (h.number.value <= previous + 1 || h.number.value <= i + 1) return;
        const fix = runRenumberFix(run);
        const restart = i === 0 && h.parent !== undefined;
        report({
          range: h.number.range,
          message: i === 0
            ? {
                zh: `${restart ? '本级序号应在上级标题下重新从头编起，' : ''}${quoted(h)}前缺少“${expectedLabel(h, 1)}”`,
                en: `${restart ? 'Numbering restarts under each parent: ' : ''}${h.number.raw} has no ${expectedLabel(h, 1)} before it`,
              }
            : {
                zh: `标题序号跳号：${quoted(run.headings[i - 1])}之后是${quoted(h)}，应为“${expectedLabel(h, i + 1)}”`,
                en: `Numbering skips: ${run.headings[i - 1].number.raw} is followed by ${h.number.raw}; expected ${expectedLabel(h, i + 1)}`,
              },
          fixes: fix ? [fix] : undefined,
        });
      });
    }
  },
};
