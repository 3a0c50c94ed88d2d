// figure-rate: a stated rate next to the counts it is computed from must equal the computed one, rounded
// to the precision stated. 「受理50件、办结49件，办结率98%」 → 49/50 = 98% ✓. Only pairs the sentence makes
// plain are checked: the rate's numerator word in the later count, and a count before it in the same unit.
// A rate over part of the count is left alone: 「受理48件，已办结42件，在办理期限内6件，……按期办结率100%」 (the 6
// are not yet due). A rate only rounded wrongly (8÷12 = 66.7 % written 66 %) is a hint, and only when the
// sentence leaves no doubt which counts it is computed from.
// rules.md §6 F2, C14; 条例 第二十条 (数字准确).
import type { Rule } from '../findings';
import { CLAUSE_REACH, type Figure } from '../model/figures';
import { figuresByParagraph } from './shared/figures';
import { paragraphMemo } from './shared/memo';
import { GONGWEN_FIGURES } from './shared/sources';
import { Marks } from './shared/text';

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
  // 判处五年有期徒刑以上刑罚的人数 ÷ 判处的人数
  { rate: /重刑率/, numerator: /重刑|[五5]年(?:有期徒刑)?以上/ },
];

// How or when the rate counts (按期办结率): the numerator must say so too, or the counts are not the rate's.
const QUALIFIERS = /按期|按时|如期|准时|及时|限时|限期|提前|首次|一次性|当场|当日|当天|即时|即办|现场|网上|线上/g;
// Counts that take part of the total out of the rate: not yet due, still in hand, passed on or withdrawn.
const PENDING = /期限内|时限内|未到期|未届期|未到办理期限|正在|尚在|仍在|在办|办理中|处理中|审理中|转办|转交|移交|移送|不予受理|不属于|撤回|撤诉|终止|中止|退回|暂缓/;
const CLAUSE_BREAKS = /[，,、；;：:。！？]/g;
// How many figures after the rate may still stand beside it; how many before it a sure pair may have in its sentence.
const BESIDE_AFTER = 4;
const CERTAIN_REACH = 12;

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
        const related = [
          { range: numerator.range, message: { zh: `分子：${numerator.subject ?? ''}${numerator.text}`, en: `numerator: ${numerator.text}` } },
          { range: denominator.range, message: { zh: `分母：${denominator.subject ?? ''}${denominator.text}`, en: `denominator: ${denominator.text}` } },
        ];
        const sign = /％/.test(rate.text) ? '％' : '%';
        const fixes = [{
          title: { zh: `改为${rounded}${sign}`, en: `Change to ${rounded}${sign}` },
          edits: [{ range: rate.range, newText: `${rounded}${sign}` }],
          preferred: false, // the counts may be what is wrong, or the writer cut the digits on purpose: never applied by fix-all
        }];
        if (check.roundingOnly) {
          // Right but for the last digit: a slip of rounding (or digits cut off), said only when the counts are sure.
          if (!check.certain) return;
          const exact = formatExact(check.exact, decimalsOf(rate.text) + 2);
          report({
            range: rate.range,
            severity: 'hint',
            related,
            message: {
              zh: `${rate.subject}${rate.text}未按四舍五入：${numerator.text}÷${denominator.text}${exact}%，应为${rounded}%`,
              en: `${rate.subject} ${rate.text} is not rounded to the nearest: ${numerator.text} / ${denominator.text} ${exact}%, which rounds to ${rounded}%`,
            },
            fixes,
          });
          return;
        }
        report({
          range: rate.range,
          related,
          message: {
            zh: `${rate.subject}${rate.text}与数字不符：${numerator.text}÷${denominator.text}＝${rounded}%`,
            en: `${rate.subject} ${rate.text} does not match the counts: ${numerator.text} / ${denominator.text} = ${rounded}%`,
          },
          fixes,
        });
      });
    }
  },
};

export interface RateCheck {
  numerator: Figure;
  denominator: Figure;
  /** The quotient in percent, unrounded. */
  exact: number;
  /** The computed rate rounded to the stated precision. */
  rounded: number;
  matches: boolean;
  /** The stated rate is off by less than one unit of its last digit (66% for 66.7%), and is neither 0% nor 100%. */
  roundingOnly: boolean;
  /** The rate, its numerator and its denominator stand in one sentence with no other count in their unit. */
  certain: boolean;
}

/**
 * Recomputes the rate `figures[index]` from the counts before it in its paragraph, when they are plain: not
 * when the rate is qualified (按期, 及时 …) and the numerator is not, nor when a count beside them takes part of
 * the total out of the rate (在办理期限内6件).
 */
export function recomputeRate(figures: Figure[], index: number): RateCheck | undefined {
  const rate = figures[index];
  if (rate.kind !== 'percent' || rate.approximate || rate.upper !== undefined || !rate.subject) return undefined;
  const kind = RATES.find((r) => r.rate.test(rate.subject!));
  if (!kind) return undefined;
  // 「未办结6件」 carries the word but counts the opposite.
  const numeratorWord = new RegExp(`(?<![未不没无])(?:${kind.numerator.source})`);
  const pair = findPair(figures.slice(Math.max(0, index - 4), index), rate, numeratorWord);
  if (!pair) return undefined;
  const [denominator, numerator] = pair;
  if (!qualifiersMirrored(rate, numerator)) return undefined;
  const sentence = rate.sentence.range.start.character;
  const inSentence = (f: Figure) => f.line === rate.line && f.sentence.range.start.character === sentence;
  const sameUnit = (f: Figure) => f !== numerator && f !== denominator && f.kind === 'count' && f.unit === numerator.unit;
  // Counts beside the pair: between the denominator and the rate, and a few after the rate in its sentence.
  const beside: Figure[] = [];
  for (let i = figures.lastIndexOf(denominator, index) + 1; i < index; i++) beside.push(figures[i]);
  for (let i = index + 1; i < Math.min(figures.length, index + 1 + BESIDE_AFTER) && inSentence(figures[i]); i++) beside.push(figures[i]);
  if (beside.some((f) => sameUnit(f) && PENDING.test(clauseOf(f)))) return undefined;
  const decimals = decimalsOf(rate.text);
  const scale = 10 ** decimals;
  // Multiplied before dividing, so that a quotient ending in exactly 5 is not lost to binary fractions.
  const exact = (numerator.value * 100 * scale) / denominator.value / scale;
  const rounded = Math.round((numerator.value * 100 * scale) / denominator.value) / scale;
  const matches = rounded === rate.value;
  const roundingOnly = !matches && Math.abs(exact - rate.value) < 1 / scale && rate.value !== 100 && rate.value !== 0;
  // Certain: the sentence counts nothing else in the unit before the rate (looked at up to a bound).
  let certain = inSentence(numerator) && inSentence(denominator);
  for (let i = index - 1, seen = 0; certain && i >= 0 && inSentence(figures[i]); i--, seen++) {
    if (seen >= CERTAIN_REACH || sameUnit(figures[i])) certain = false;
  }
  return { numerator, denominator, exact, rounded, matches, roundingOnly, certain };
}

/** Each qualifier in the rate's name (按期办结率) is in the numerator's clause too (按期办结42件). */
function qualifiersMirrored(rate: Figure, numerator: Figure): boolean {
  const said = `${numerator.subject ?? ''}${clauseOf(numerator)}`;
  for (const m of `${rate.subject ?? ''}${clauseOf(rate)}`.matchAll(QUALIFIERS)) if (!said.includes(m[0])) return false;
  return true;
}

/** Per paragraph: where its clauses break, found once. */
const clauseBreaks = paragraphMemo<Marks>();

/** The clause a figure stands in, up to the clause breaks on either side (「其余6件在办理期限内」), at most CLAUSE_REACH long. */
function clauseOf(f: Figure): string {
  const p = f.paragraph;
  const breaks = clauseBreaks.get(p, () => new Marks(p.text, CLAUSE_BREAKS));
  const start = f.range.start.character - p.range.start.character;
  const end = f.range.end.character - p.range.start.character;
  return p.text.slice(Math.max(breaks.startBefore(start), start - CLAUSE_REACH), Math.min(breaks.endFrom(end), end + CLAUSE_REACH));
}

/** 「＝66.5%」 or 「≈66.67%」, to `decimals` places. */
function formatExact(value: number, decimals: number): string {
  const shown = Math.round(value * 10 ** decimals) / 10 ** decimals;
  return `${shown === value ? '＝' : '≈'}${shown}`;
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
