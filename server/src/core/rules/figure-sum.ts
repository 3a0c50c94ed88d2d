// figure-sum: a breakdown must fit its total. 「共151项，其中行政许可6项、……、其他行政权力53项」: the parts may
// never exceed the total, and must add up to it when they list every category (分别为, 其他/其余, or
// complementary states such as 立案/未立案). 「A 5件、B 6件，合计11件」 likewise. Each level of a nested breakdown
// is checked against its own total: a bracket after a part (「婚姻家庭纠纷120件（离婚纠纷45件、……）」) or a
// 其中 within a part breaks down that part, not the outer total. Approximate values are never checked.
// rules.md §6 F1/F4, C13; 条例 第二十条 (数字准确).
import type { FindingInput, Rule } from '../findings';
import type { Figure } from '../model/figures';
import type { Paragraph } from '../model/types';
import { figuresByParagraph, formatValue, isQuantity, sum } from './shared/figures';
import { paragraphMemo } from './shared/memo';
import { GONGWEN_FIGURES } from './shared/sources';

const SENTENCE_END = /[。；;！？]/;
const CLAUSE_BREAK = /[，,、；;：:。！？]/;
// A clause that makes its figure a total of its own: 「共计接待群众1510人」「合计11件」. 共 alone, but not in
// 公共, 中共, 共同, 共建, 共享 ….
const OWN_TOTAL = /共计|合计|总计|累计|总共|一共|总数|(?<![公中])共(?![同建享治青产识性通赢商担])/;
// Comparison or time in a bracket after a figure: 「12件（上年15件、前年9件）」 is no breakdown of the 12.
const NOT_A_BREAKDOWN = /同比|环比|上年|去年|前年|往年|上一年|较|增加|增长|减少|下降|上升|提高|以来/;
// The word of a sum right before its figure: 「合计12件」「共计为12件」.
const SUM_WORD_BEFORE = /(?:合计|总计|共计)[为是达]?$/;
// How far a 其中 may stand from its total.
const TOTAL_REACH = 30;

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

/** A total and the parts the text gives for it. */
export interface Breakdown {
  total: Figure;
  parts: Figure[];
  /** The parts list every category, so they must add up to the total; otherwise they must only not exceed it. */
  exhaustive: boolean;
  /** Written after the total (其中, a bracket) or before it (合计, 总计). */
  form: 'after' | 'before';
}

/** What one paragraph's own text and figures say: nothing else enters, so the result is kept per paragraph. */
const findingsByParagraph = paragraphMemo<FindingInput[]>();
const breakdownsByParagraph = paragraphMemo<Breakdown[]>();

/** The breakdowns of a paragraph the rule checks (shared with the hover, so that both read the text alike). */
export function breakdownsOf(paragraph: Paragraph, figures: Figure[]): Breakdown[] {
  return breakdownsByParagraph.get(paragraph, () => findBreakdowns(paragraph, figures));
}

function checkParagraph(paragraph: Paragraph, figures: Figure[]): FindingInput[] {
  const out: FindingInput[] = [];
  for (const b of breakdownsOf(paragraph, figures)) {
    const finding = check(b);
    if (finding) out.push(finding);
  }
  return out;
}

function check({ total, parts, exhaustive }: Breakdown): FindingInput | undefined {
  if (total.approximate || parts.some((p) => p.approximate)) return undefined;
  const partsSum = sum(parts.map((p) => p.value));
  if (partsSum === total.value || (partsSum < total.value && !exhaustive)) return undefined;
  const listed = parts.map((p) => `${p.subject ?? ''}${p.text}`).join('、');
  const related = parts.map((p) => ({ range: p.range, message: { zh: `分项：${p.subject ?? ''}${p.text}`, en: `part: ${p.subject ?? ''}${p.text}` } }));
  if (partsSum > total.value) {
    // Parts that do not claim to cover everything may be overlapping attributes rather than categories
    // (「干部100人，其中党员80人，女性40人」): more than the total is then a warning, not an error.
    return {
      severity: exhaustive ? undefined : 'warning',
      range: total.range,
      related,
      message: exhaustive
        ? {
          zh: `分项之和${formatValue(total, partsSum)}超过总数${total.text}（${listed}）`,
          en: `The parts add up to ${formatValue(total, partsSum)}, more than the total ${total.text} (${listed})`,
        }
        : {
          zh: `分项之和${formatValue(total, partsSum)}超过总数${total.text}（${listed}）；如各项统计口径有交叉，可忽略`,
          en: `The parts add up to ${formatValue(total, partsSum)}, more than the total ${total.text} (${listed}); ignore this if the parts overlap`,
        },
    };
  }
  return {
    range: total.range,
    related,
    message: {
      zh: `总数${total.text}与各分项之和${formatValue(total, partsSum)}不符（${listed}）`,
      en: `The total ${total.text} does not match the sum of its parts, ${formatValue(total, partsSum)} (${listed})`,
    },
  };
}

/** The breakdown lists every category: 分别为, an 其他/其余 part, or complementary states (立案/未立案, 已/未). */
function isExhaustive(before: string, parts: Figure[]): boolean {
  if (/分别为|分别是/.test(before)) return true;
  const subjects = parts.map((p) => p.subject ?? '');
  if (subjects.some((s) => /^(?:其他|其它|其余)/.test(s))) return true;
  // A set of the subjects, not every pair of parts: a breakdown may list thousands of parts.
  const all = new Set(subjects);
  return subjects.some((s) => positivesOf(s).some((t) => all.has(t)));
}

/**
 * 「未立案」 and 「立案」 (or 「已立案」), 「不予受理」… : two states that together cover everything. The states a negative
 * one complements; none for a state that is not negative.
 */
function positivesOf(negative: string): string[] {
  if (!negative.startsWith('未') && !negative.startsWith('不')) return [];
  const negated = negative.slice(1);
  return [negated, `已${negated}`];
}

// --- reading a paragraph ---

/** A figure with its place in the paragraph's own text and the bracket it stands in. */
interface Placed {
  figure: Figure;
  start: number;
  end: number;
  /** Innermost round bracket holding the figure (an index into View.groups), -1 for none. */
  group: number;
}

interface View {
  text: string;
  quantities: Placed[];
  /** Every figure, quantities or not (years and dates tell a bracket is no breakdown). */
  all: Placed[];
  groups: BracketGroup[];
  groupAt(at: number): number;
  /** Where sentences end (。；！？) at each bracket level, in text order. */
  sentenceEnds: Map<number, number[]>;
}

interface BracketGroup {
  open: number;
  /** The closing bracket, or the end of the sentence when the bracket is left open. */
  close: number;
  parent: number;
}

function findBreakdowns(paragraph: Paragraph, figures: Figure[]): Breakdown[] {
  if (figures.filter(isQuantity).length < 2) return [];
  const view = viewOf(paragraph, figures);
  return [...qizhongBreakdowns(view), ...bracketBreakdowns(view), ...sumBreakdowns(view)];
}

function viewOf(paragraph: Paragraph, figures: Figure[]): View {
  const text = paragraph.text;
  const offset = paragraph.range.start.character;
  const { groupAt, groups } = bracketsOf(text);
  const at = (i: number) => (groupAt ? groupAt[i] : -1);
  const all = figures.map((figure) => {
    const start = figure.range.start.character - offset;
    return { figure, start, end: figure.range.end.character - offset, group: at(start) };
  });
  const sentenceEnds = new Map<number, number[]>();
  for (let i = 0; i < text.length; i++) {
    if (!SENTENCE_END.test(text[i])) continue;
    const list = sentenceEnds.get(at(i));
    if (list) list.push(i);
    else sentenceEnds.set(at(i), [i]);
  }
  return { text, all, quantities: all.filter((p) => isQuantity(p.figure)), groups, groupAt: at, sentenceEnds };
}

/** Index of the first element of `sorted` not below `at` (binary search). */
function lowerBound<T>(sorted: readonly T[], at: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The quantities starting in [from, to): the paragraph's are in text order. */
function quantitiesIn(view: View, from: number, to: number): Placed[] {
  const start = (q: Placed) => q.start;
  return view.quantities.slice(lowerBound(view.quantities, from, start), lowerBound(view.quantities, to, start));
}

const MAX_BRACKET_DEPTH = 3;

/** The round brackets of a paragraph, nested; a bracket left open ends with its sentence (。！？). */
function bracketsOf(text: string): { groupAt: Int32Array | undefined; groups: BracketGroup[] } {
  const groups: BracketGroup[] = [];
  if (!/[（(]/.test(text)) return { groupAt: undefined, groups };
  const groupAt = new Int32Array(text.length);
  const open: number[] = [];
  const current = () => (open.length > 0 ? open[open.length - 1] : -1);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // Deeper than a few levels, an opening bracket is a stray one left from the page: it is read as text.
    if ((c === '（' || c === '(') && open.length < MAX_BRACKET_DEPTH) {
      groupAt[i] = current();
      groups.push({ open: i, close: text.length, parent: current() });
      open.push(groups.length - 1);
      continue;
    }
    if (c === '）' || c === ')') {
      if (open.length > 0) groups[open.pop()!].close = i;
    } else if (c === '。' || c === '！' || c === '？') {
      while (open.length > 0) groups[open.pop()!].close = i;
    }
    groupAt[i] = current();
  }
  return { groupAt, groups };
}

/** Whether bracket `inner` is `outer` or lies inside it (-1 is the paragraph outside every bracket). */
function within(view: View, inner: number, outer: number): boolean {
  for (let g = inner; ; g = view.groups[g].parent) {
    if (g === outer) return true;
    if (g < 0) return false;
  }
}

/** The end of the sentence from `at` at bracket level `group`: a 。 or ； inside a deeper bracket does not end it. */
function sentenceEnd(view: View, at: number, group: number): number {
  if (group >= 0) return view.groups[group].close;
  const ends = view.sentenceEnds.get(-1) ?? [];
  const i = lowerBound(ends, at, (x) => x);
  return i < ends.length ? ends[i] : view.text.length;
}

/** The start of the sentence `at` stands in, at bracket level `group` (within the bracket). */
function sentenceStart(view: View, at: number, group: number): number {
  const floor = group >= 0 ? view.groups[group].open + 1 : 0;
  const ends = view.sentenceEnds.get(group) ?? [];
  const i = lowerBound(ends, at, (x) => x) - 1;
  return i >= 0 ? Math.max(floor, ends[i] + 1) : floor;
}

// --- 「共N…，其中a、b、c」 ---

/** A breakdown being read: the parts found so far, and the breakdown it is a part of. */
interface Frame {
  total: Placed;
  parts: Placed[];
  /** The parts' subjects, to find the opposite state of a part at once. */
  subjects: Set<string>;
  /** The parts, to find at once whether a 其中 breaks down one of them. */
  members: Set<Placed>;
  sum: number;
  parent: Frame | undefined;
  /** False once a part could have belonged to this breakdown or to its parent: only what was read before counts. */
  certain: boolean;
}

function qizhongBreakdowns(view: View): Breakdown[] {
  const out: Breakdown[] = [];
  // The 其中 of one sentence and bracket are read together, so that a 其中 within a part can end and give the
  // parts after it back to the outer breakdown.
  const scopes = new Map<string, { group: number; end: number; markers: number[] }>();
  for (const m of view.text.matchAll(/其中/g)) {
    const at = m.index!;
    const group = view.groupAt(at);
    const end = sentenceEnd(view, at, group);
    const key = `${group}:${end}`;
    const scope = scopes.get(key);
    if (scope) scope.markers.push(at);
    else scopes.set(key, { group, end, markers: [at] });
  }
  for (const scope of scopes.values()) readScope(view, scope.group, scope.end, scope.markers, out);
  return out;
}

function readScope(view: View, group: number, end: number, markers: number[], out: Breakdown[]): void {
  const stack: Frame[] = [];
  const finish = (frame: Frame) => {
    if (frame.parts.length === 0) return;
    const before = view.text.slice(frame.total.end, frame.parts[0].start);
    const parts = frame.parts.map((p) => p.figure);
    out.push({ total: frame.total.figure, parts, exhaustive: frame.certain && isExhaustive(before, parts), form: 'after' });
  };
  const finishAll = () => {
    while (stack.length > 0) finish(stack.pop()!);
  };
  const assign = (part: Placed) => {
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (part.figure.unit !== top.total.figure.unit) return;
      const parent = top.parent;
      if (parent && top.parts.length > 0) {
        // A nested breakdown that has reached its total has ended: what follows is its parent's.
        if (top.sum === top.total.figure.value) {
          finish(stack.pop()!);
          continue;
        }
        const parentComplete = parent.certain && parent.sum === parent.total.figure.value;
        // 「其中立案91件，未立案12件」: the opposite state of a part read is that breakdown's too.
        const subject = part.figure.subject ?? '';
        const pairsUp = positivesOf(subject).some((t) => top.subjects.has(t));
        if (top.sum + part.figure.value > top.total.figure.value && !parentComplete && !pairsUp) {
          // Too much for the nested breakdown, yet its parent may still be waiting for parts: either reading
          // is possible, so neither is judged beyond what was read before.
          for (const frame of stack) frame.certain = false;
          finishAll();
          return;
        }
      }
      top.parts.push(part);
      top.members.add(part);
      top.subjects.add(part.figure.subject ?? '');
      top.sum = sum([top.sum, part.figure.value]);
      return;
    }
  };
  const parts = quantitiesIn(view, markers[0] + 1, end).filter((q) => q.group === group);
  let k = 0;
  markers.forEach((at, i) => {
    const next = i + 1 < markers.length ? markers[i + 1] : end;
    const total = totalBefore(view, at, group);
    if (!total || !opensBreakdown(view, total, at, group)) {
      finishAll();
    } else {
      // Within a part of an open breakdown, the 其中 breaks down that part.
      let holder = stack.length - 1;
      while (holder >= 0 && !stack[holder].members.has(total)) holder--;
      while (stack.length > holder + 1) finish(stack.pop()!);
      stack.push({ total, parts: [], subjects: new Set(), members: new Set(), sum: 0, parent: holder >= 0 ? stack[holder] : undefined, certain: true });
    }
    for (; k < parts.length && parts[k].start < next; k++) {
      // 「其中A 5件、B 7件，合计12件」: the sum closes the breakdown, it is no part of it.
      if (SUM_WORD_BEFORE.test(view.text.slice(Math.max(at, parts[k].start - 4), parts[k].start))) finishAll();
      else if (stack.length > 0) assign(parts[k]);
    }
  });
  finishAll();
}

/** The total a 其中 breaks down: the nearest quantity before it, not inside a bracket closed since. */
function totalBefore(view: View, at: number, group: number): Placed | undefined {
  for (let i = lowerBound(view.quantities, at, (q) => q.start) - 1; i >= 0; i--) {
    const q = view.quantities[i];
    if (q.end > at) continue;
    if (at - q.end > TOTAL_REACH) return undefined;
    if (within(view, group, q.group)) return q;
  }
  return undefined;
}

/**
 * Whether a 其中 breaks down `total`. Within a sentence it does. A 其中 that opens a new sentence breaks down
 * the sentence before as a whole: only when that sentence has a single total in the unit, and the new one no
 * total of its own. 「解答群众咨询924件。其中，中原便民服务中心……共计接待群众1510人，办理事项1210件……」 is
 * the share of one centre in every figure before, not a breakdown of the 924.
 */
function opensBreakdown(view: View, total: Placed, at: number, group: number): boolean {
  const { text } = view;
  let crossesSentence = false;
  for (let i = total.end; i < at && !crossesSentence; i++) crossesSentence = SENTENCE_END.test(text[i]);
  if (!crossesSentence) return true;
  const end = sentenceEnd(view, at, group);
  for (const q of quantitiesIn(view, at + 1, end)) {
    let clause = q.start;
    while (clause > at && !CLAUSE_BREAK.test(text[clause - 1])) clause--;
    if (OWN_TOTAL.test(text.slice(clause, q.start))) return false;
  }
  const start = sentenceStart(view, total.start, total.group);
  return !quantitiesIn(view, start, total.start).some((q) => q.group === total.group && q.figure.unit === total.figure.unit);
}

// --- 「婚姻家庭纠纷120件（离婚纠纷45件、赡养纠纷30件、其他45件）」 ---

/** A bracket right after a quantity that lists at least two quantities in its unit breaks it down. */
function bracketBreakdowns(view: View): Breakdown[] {
  const out: Breakdown[] = [];
  const { text } = view;
  if (view.groups.length === 0) return out;
  const endingAt = new Map(view.quantities.map((q) => [q.end, q]));
  const byGroup = new Map<number, Placed[]>();
  for (const p of view.all) {
    const list = byGroup.get(p.group);
    if (list) list.push(p);
    else byGroup.set(p.group, [p]);
  }
  view.groups.forEach((g, index) => {
    let before = g.open;
    while (before > 0 && /\s/.test(text[before - 1])) before--;
    const total = endingAt.get(before);
    if (!total || total.group !== g.parent) return;
    const inside = text.slice(g.open + 1, g.close);
    // A 其中 in the bracket is read as such; comparisons and years are no breakdown.
    if (inside.includes('其中') || NOT_A_BREAKDOWN.test(inside)) return;
    const own = byGroup.get(index) ?? [];
    if (own.some((p) => p.figure.kind === 'year' || p.figure.kind === 'date')) return;
    const parts = own.filter((p) => isQuantity(p.figure) && p.figure.unit === total.figure.unit);
    if (parts.length < 2) return;
    const figures = parts.map((p) => p.figure);
    out.push({ total: total.figure, parts: figures, exhaustive: isExhaustive(text.slice(g.open, parts[0].start), figures), form: 'after' });
  });
  return out;
}

// --- 「A 5件、B 6件，合计11件」 ---

function sumBreakdowns(view: View): Breakdown[] {
  const out: Breakdown[] = [];
  const { text } = view;
  // Per bracket level, where the last sum's total ended: a sum adds up what follows the one before it in its sentence.
  const lastSum = new Map<number, number>();
  for (const m of text.matchAll(/合计|总计/g)) {
    const at = m.index!;
    const group = view.groupAt(at);
    const total = quantitiesIn(view, at, at + 5).find((q) => q.group === group);
    if (!total) continue;
    // The parts start with the sentence, or after the sum before, or after a 其中: 「共12件，其中A 5件、B 7件，合计12件」.
    let start = Math.max(sentenceStart(view, at, group), lastSum.get(group) ?? 0);
    lastSum.set(group, total.end);
    const qizhong = text.slice(start, at).lastIndexOf('其中');
    if (qizhong >= 0) start += qizhong + 2;
    const parts = quantitiesIn(view, start, at).filter((q) => q.group === group && q.end <= at && q.figure.unit === total.figure.unit);
    if (parts.length < 2) continue;
    // A list that ends in the parts of the total is read from where it adds up: 「受理12件，A 5件、B 7件，合计12件」.
    let matching: Placed[] | undefined;
    let running = 0;
    for (let i = parts.length - 1; i >= 0 && !matching; i--) {
      running = sum([running, parts[i].figure.value]);
      if (running === total.figure.value) matching = parts.slice(i);
    }
    out.push({ total: total.figure, parts: (matching ?? parts).map((p) => p.figure), exhaustive: true, form: 'before' });
  }
  return out;
}
