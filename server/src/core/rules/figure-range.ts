// figure-range: values that cannot be — a rate or a satisfaction above 100 %, a share above 100 % of its
// whole, a negative count. rules.md §6; 条例 第二十条 (数字准确).
import type { Rule } from '../findings';
import { figuresOf } from '../model/figures';
import { GONGWEN_FIGURES } from './shared/sources';

/** Rates that are shares of a whole; growth rates (增长率, 增幅, 同比) may exceed 100 %. */
const BOUNDED = /率|满意度|覆盖面|占比|比例|知晓度|参与度|完成度/;
const UNBOUNDED = /增长|增幅|增速|同比|环比|提高|提升|上升|下降/;
const SHARE_BEFORE = /占[^，。；]{0,12}$/;

export const figureRange: Rule = {
  id: 'figure-range',
  defaultSeverity: 'error',
  description: { zh: '不可能的数值（比率超过100%、负数件数）', en: 'An impossible value (a rate above 100 %, a negative count)' },
  sources: [GONGWEN_FIGURES],
  reportsOnly: true,
  readsFigures: true,
  check({ model, report }) {
    for (const f of figuresOf(model)) {
      if (f.kind === 'percent') {
        const top = f.upper ?? f.value;
        const subject = f.subject ?? '';
        // 「占…」 within the 13 characters before the figure: only they are read, however long the sentence.
        const before = f.sentence.text.slice(0, f.range.start.character - f.sentence.range.start.character);
        const share = SHARE_BEFORE.test(before.slice(-13));
        if (top > 100 && (share || (BOUNDED.test(subject) && !UNBOUNDED.test(subject)))) {
          report({
            range: f.range,
            message: {
              zh: `${subject || '比率'}为${f.text}，超过100%`,
              en: `${subject || 'The rate'} is ${f.text}, above 100%`,
            },
          });
        }
      } else if (f.kind === 'count') {
        const line = model.lines[f.line];
        const before = line.slice(Math.max(0, f.range.start.character - 1), f.range.start.character);
        if (before === '-' || before === '－' || before === '负') {
          report({
            range: { start: { line: f.line, character: f.range.start.character - 1 }, end: f.range.end },
            message: { zh: `件数不能为负数：${before}${f.text}`, en: `A count cannot be negative: ${before}${f.text}` },
          });
        }
      }
    }
  },
};
