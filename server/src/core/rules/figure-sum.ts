// figure-sum: a breakdown must fit its total. 「共151项，其中行政许可6项、……、其他行政权力53项」: the parts may
// never exceed the total, and must add up to it when they list every category (分别为, 其他/其余, or
// complementary states such as 立案/未立案). 「A 5件、B 6件，合计11件」 likewise. Approximate values are
// never checked. rules.md §6 F1/F4, C13; 条例 第二十条 (数字准确).
import type { FindingInput, Rule } from '../findings';
import type { Figure } from '../model/figures';
import type { Paragraph } from '../model/types';
import { figuresByParagraph, formatValue, isQuantity, sum } from './shared/figures';
import { paragraphMemo } from './shared/memo';
import { GONGWEN_FIGURES } from './shared/sources';

const SENTENCE_END = /[。；;！？]/;

export const figureSum: Rule = {
  id: 'figure-sum',
  defaultSeverity: 'error',
  description: { zh: '分项数字与总数不符', en: 'A breakdown does not add up to its total' },
  sources: [GONGWEN_FIGURES],
  reportsOnly: true,
  readsFigures: true,
  check({ model, report }) {
    for (const [paragraph, figures] of figuresByParagraph(model)) {
      for (const finding of findingsByParagraph.get(paragraph, () => checkParagraph(paragraph, figures))) report(finding);
    }
  },
};

/** What one paragraph's own text and figures say: nothing else enters, so the result is kept per paragraph. */
const findingsByParagraph = paragraphMemo<FindingInput[]>();

function checkParagraph(paragraph: Paragraph, figures: Figure[]): FindingInput[] {
  const out: FindingInput[] = [];
  const report = (f: FindingInput) => out.push(f);
  const text = paragraph.text;
  const offset = paragraph.range.start.character;
  const quantities = figures.filter(isQuantity);
  if (quantities.length < 2) return out;
  // 「……共N…，其中a、b、c」
  for (const m of text.matchAll(/其中/g)) {
    const at = m.index! + offset;
    const total = [...quantities].reverse().find((f) => f.range.end.character <= at);
    if (!total || at - total.range.end.character > 30) continue;
    const end = nextBoundary(text, m.index!, offset);
    const parts = quantities.filter((f) => f.range.start.character > at && f.range.start.character < end && f.unit === total.unit);
    if (parts.length === 0) continue;
    const between = text.slice(total.range.end.character - offset, end - offset);
    check(total, parts, isExhaustive(between, parts), report);
  }
  // 「A 5件、B 6件，合计11件」
  for (const m of text.matchAll(/合计|总计/g)) {
    const at = m.index! + offset;
    const total = quantities.find((f) => f.range.start.character >= at && f.range.start.character - (at + 2) <= 2);
    if (!total) continue;
    const start = previousBoundary(text, m.index!, offset);
    const parts = quantities.filter((f) => f.range.start.character >= start && f.range.end.character <= at && f.unit === total.unit);
    if (parts.length < 2) continue;
    check(total, parts, true, report);
  }
  return out;
}

function check(total: Figure, parts: Figure[], exhaustive: boolean, report: Parameters<Rule['check']>[0]['report']): void {
  if (total.approximate || parts.some((p) => p.approximate)) return;
  const partsSum = sum(parts.map((p) => p.value));
  if (partsSum === total.value || (partsSum < total.value && !exhaustive)) return;
  const listed = parts.map((p) => `${p.subject ?? ''}${p.text}`).join('、');
  const related = parts.map((p) => ({ range: p.range, message: { zh: `分项：${p.subject ?? ''}${p.text}`, en: `part: ${p.subject ?? ''}${p.text}` } }));
  if (partsSum > total.value) {
    report({
      range: total.range,
      related,
      message: {
        zh: `分项之和${formatValue(total, partsSum)}超过总数${total.text}（${listed}）`,
        en: `The parts add up to ${formatValue(total, partsSum)}, more than the total ${total.text} (${listed})`,
      },
    });
  } else {
    report({
      range: total.range,
      related,
      message: {
        zh: `总数${total.text}与各分项之和${formatValue(total, partsSum)}不符（${listed}）`,
        en: `The total ${total.text} does not match the sum of its parts, ${formatValue(total, partsSum)} (${listed})`,
      },
    });
  }
}

/** The breakdown lists every category: 分别为, an 其他/其余 part, or complementary states (立案/未立案, 已/未). */
function isExhaustive(between: string, parts: Figure[]): boolean {
  if (/分别为|分别是/.test(between)) return true;
  const subjects = parts.map((p) => p.subject ?? '');
  if (subjects.some((s) => /^(?:其他|其它|其余)/.test(s))) return true;
  for (const s of subjects) {
    const negated = s.startsWith('未') ? s.slice(1) : s.startsWith('不') ? s.slice(1) : undefined;
    if (negated && subjects.some((t) => t === negated || t === `已${negated}`)) return true;
  }
  return false;
}

/** End of the breakdown: the sentence's end or the next 其中, as a character on the paragraph's line. */
function nextBoundary(text: string, from: number, offset: number): number {
  const rest = text.slice(from + 2);
  const stop = rest.search(SENTENCE_END);
  const nested = rest.indexOf('其中');
  const candidates = [stop, nested].filter((x) => x >= 0);
  return offset + from + 2 + (candidates.length > 0 ? Math.min(...candidates) : rest.length);
}

function previousBoundary(text: string, to: number, offset: number): number {
  let i = to;
  while (i > 0 && !SENTENCE_END.test(text[i - 1])) i--;
  return offset + i;
}
