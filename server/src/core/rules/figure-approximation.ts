// figure-approximation: 余/多/约/左右 go with round numbers. 「8294多份」「142余场次」 give a precise number and
// call it approximate at once: either the number is exact (drop the word) or it is not (round it).
// 「约300人左右」 says it twice. GB/T 15835-2011 §4.3; rules.md §6 (editorial conventions), C17.
import type { Rule } from '../findings';
import { figuresOf } from '../model/figures';
import { GBT_15835_NUMBERS } from './shared/sources';

export const figureApproximation: Rule = {
  id: 'figure-approximation',
  defaultSeverity: 'hint',
  description: { zh: '精确数字带约数词（如“8294多份”）或约数词重复', en: 'A precise number with an approximation word, or two such words' },
  sources: [GBT_15835_NUMBERS],
  reportsOnly: true,
  readsFigures: true,
  check({ model, report }) {
    for (const f of figuresOf(model)) {
      if (!f.approximate || !f.approximation) continue;
      const words = f.approximation;
      const doubled = /^(?:约|近|大约)/.test(words) && /(?:左右|上下|余|多)$/.test(words);
      const written = /[0-9０-９]/.test(f.text) ? f.text.replace(/[^0-9０-９.．]/g, '') : '';
      // Precise: a whole number of three or more digits not ending in 0 (「142」), or a decimal with 「约」.
      // 余/多/左右 on a number like 「8294」: bounds (不少于, 超过, 以上) and 约 with a decimal (「约1.5万」) are fine.
      const vague = /余|多|左右/.test(words);
      const precise = vague && written !== '' && /^[0-9０-９]{3,}$/.test(written) && !/[0０]$/.test(written);
      if (!doubled && !precise) continue;
      report({
        range: f.range,
        message: doubled
          ? { zh: `“${f.text}”约数词重复，保留一个即可`, en: `${f.text} marks the approximation twice; keep one word` }
          : { zh: `“${f.text}”是精确数字，不宜再加“${words}”：确数去掉约数词，约数请取整`, en: `${f.text} is a precise number; drop “${words}” or round the number` },
      });
    }
  },
};
