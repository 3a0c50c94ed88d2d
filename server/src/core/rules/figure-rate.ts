// figure-rate: a stated rate next to the counts it is computed from must equal the computed one, rounded
// to the precision stated. 「受理50件、办结49件，办结率98%」 → 49/50 = 98% ✓. Only pairs the sentence makes
// plain are checked: the rate's numerator word in the later count, and a count before it in the same unit.
// rules.md §6 F2, C14; 条例 第二十条 (数字准确).
import type { Rule } from '../findings';
import type { Figure } from '../model/figures';
import { figuresByParagraph } from './shared/figures';
import { GONGWEN_FIGURES } from './shared/sources';

/** Rate name → the word the counted-successes figure carries (its subject or the text before it). */
const RATES: { rate: RegExp; numerator: RegExp }[] = [
  { rate: /办结率/, numerator: /办结|结案/ },
  { rate: /(?:调解)?成功率/, numerator: /成功/ },
  { rate: /办复率/, numerator: /办复|答复|办结/ },
  { rate: /答复率/, numerator: /答复/ },
  { rate: /回复率/, numerator: /回复/ },
  { rate: /合格率/, numerator: /合格/ },
  { rate: /(?:出庭应诉|出庭)率/, numerator: /出庭/ },
  { rate: /纠错率/, numerator: /纠错|纠正|撤销/ },
  { rate: /处理率/, numerator: /处理|办理/ },
  { rate: /化解率/, numerator: /化解/ },
  { rate: /审结率/, numerator: /审结/ },
  { rate: /备案率/, numerator: /备案/ },
];

export const figureRate: Rule = {
  id: 'figure-rate',
  defaultSeverity: 'warning',
  description: { zh: '比率与其所据数字算出的结果不符', en: 'A rate does not match the counts it is computed from' },
  sources: [GONGWEN_FIGURES],
  reportsOnly: true,
  readsFigures: true,
  check({ model, report }) {
    for (const figures of figuresByParagraph(model).values()) {
      figures.forEach((rate, i) => {
        const check = recomputeRate(figures, i);
        if (!check || check.matches) return;
        const { numerator, denominator, rounded } = check;
        report({
          range: rate.range,
          related: [
            { range: numerator.range, message: { zh: `分子：${numerator.subject ?? ''}${numerator.text}`, en: `numerator: ${numerator.text}` } },
            { range: denominator.range, message: { zh: `分母：${denominator.subject ?? ''}${denominator.text}`, en: `denominator: ${denominator.text}` } },
          ],
          message: {
            zh: `${rate.subject}${rate.text}与数字不符：${numerator.text}÷${denominator.text}＝${rounded}%`,
            en: `${rate.subject} ${rate.text} does not match the counts: ${numerator.text} / ${denominator.text} = ${rounded}%`,
          },
          fixes: [{
            title: { zh: `改为${rounded}%`, en: `Change to ${rounded}%` },
            edits: [{ range: rate.range, newText: `${rounded}%` }],
            preferred: false, // the counts may be what is wrong: never applied by fix-all
          }],
        });
      });
    }
  },
};

export interface RateCheck {
  numerator: Figure;
  denominator: Figure;
  /** The computed rate rounded to the stated precision. */
  rounded: number;
  matches: boolean;
}

/** Recomputes the rate `figures[index]` from the counts before it in its paragraph, when they are plain. */
export function recomputeRate(figures: Figure[], index: number): RateCheck | undefined {
  const rate = figures[index];
  if (rate.kind !== 'percent' || rate.approximate || rate.upper !== undefined || !rate.subject) return undefined;
  const kind = RATES.find((r) => r.rate.test(rate.subject!));
  if (!kind) return undefined;
  const pair = findPair(figures.slice(Math.max(0, index - 4), index), rate, kind.numerator);
  if (!pair) return undefined;
  const [denominator, numerator] = pair;
  const decimals = decimalsOf(rate.text);
  const rounded = Math.round((numerator.value / denominator.value) * 100 * 10 ** decimals) / 10 ** decimals;
  return { numerator, denominator, rounded, matches: rounded === rate.value };
}

/** The nearest count carrying the numerator word, and an earlier count in the same unit no smaller than it. */
function findPair(before: Figure[], rate: Figure, numeratorWord: RegExp): [Figure, Figure] | undefined {
  const counts = before.filter((f) => f.kind === 'count' && !f.approximate && f.sentence.range.start.character <= rate.range.start.character);
  for (let n = counts.length - 1; n >= 1; n--) {
    const numerator = counts[n];
    const label = `${numerator.subject ?? ''}`;
    if (!numeratorWord.test(label)) continue;
    for (let d = n - 1; d >= 0; d--) {
      const denominator = counts[d];
      if (denominator.unit === numerator.unit && denominator.value >= numerator.value && denominator.value > 0 && !numeratorWord.test(denominator.subject ?? '')) {
        return [denominator, numerator];
      }
    }
  }
  return undefined;
}

function decimalsOf(text: string): number {
  const m = /[.．]([0-9０-９]+)\s*[%％]/.exec(text);
  return m ? m[1].length : 0;
}
