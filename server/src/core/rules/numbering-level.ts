// numbering-level: the nesting of the four levels. A lower level without its parent, or a higher level
// nested under a lower one (「（一）」 after 「1.」), is a fault; skipping a level (「一、」 then 「1.」) is common
// and some local rules allow it, so it is information only (GB/T 9704 §7.3.3; rules.md R5.1 E-H4).
import type { Rule } from '../findings';
import type { Heading } from '../model/types';
import { GBT_9704_HEADINGS } from './shared/sources';

const LEVEL_EXAMPLE = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' } as const;

export const numberingLevel: Rule = {
  id: 'numbering-level',
  defaultSeverity: 'warning',
  description: { zh: '标题层级嵌套不当（缺少上级、层级颠倒、跳级）', en: 'Heading levels nested wrongly (missing parent, reversed, skipped)' },
  sources: [GBT_9704_HEADINGS],
  reportsOnly: true,
  check({ model, report }) {
    const hasLevel1 = model.headings.some((h) => h.level === 1);
    const lists = [model.roots, ...model.headings.filter((h) => h.children.length > 0).map((h) => h.children)];
    for (const siblings of lists) {
      // One pass per sibling list: remember the deepest sibling seen so far.
      let deepest: Heading | undefined;
      siblings.forEach((h, index) => {
        // Only under a parent: at the top, a stray 「（一）」 before 「一、」 is reported as lacking its parent, and
        // the 一、二、三、 after it are not all reversed.
        if (h.parent && deepest && deepest.level > h.level) {
          report({
            range: h.number.range,
            message: {
              zh: `层级颠倒：“${h.number.raw}”出现在下级序号“${deepest.number.raw}”（第${deepest.line + 1}行）之后，应为“一、”→“（一）”→“1.”→“（1）”`,
              en: `Reversed nesting: ${h.number.raw} comes after the lower-level ${deepest.number.raw} (line ${deepest.line + 1}); the order is 一、 → （一） → 1. → （1）`,
            },
          });
          deepest = h; // one report per reversal, not one per later sibling
          return;
        }
        if (!deepest || h.level > deepest.level) deepest = h;
        const parentLevel = h.parent ? h.parent.level : 0;
        if (h.level <= parentLevel + 1) return;
        // Only the first of a run of skipping siblings is worth a word.
        if (index > 0 && siblings[index - 1].level === h.level) return;
        const missing = LEVEL_EXAMPLE[(parentLevel + 1) as 1 | 2 | 3];
        if (!h.parent && hasLevel1) {
          report({
            range: h.number.range,
            message: { zh: `“${h.number.raw}”前没有上级标题“${missing}”`, en: `${h.number.raw} has no ${missing} heading above it` },
          });
        } else {
          report({
            severity: 'information',
            range: h.number.range,
            message: {
              zh: `跳过了一个层级：${h.parent ? `“${h.parent.number.raw}”下` : ''}直接使用“${h.number.raw}”，中间缺少“${missing}”层级`,
              en: `A level is skipped: ${h.number.raw} ${h.parent ? `directly under ${h.parent.number.raw}` : 'at the top'}, without a ${missing} level`,
            },
          });
        }
      });
    }
  },
};
