// Cross-year comparison: this year's report against last year's. Three lists a reviewer asks for:
// paragraphs copied over (word for word, or all but a few characters), figures that stayed the same, and
// items of last year's 下一年度安排 that this year's report never speaks of. Cost stays near-linear in the
// size of the two reports: hash maps over normalised paragraphs and 5-grams, never paragraph × paragraph.

import { figuresOf, type Figure, type FigureKind } from '../model/figures';
import type { Heading, Paragraph, Range, ReportModel } from '../model/types';
import { resolveProfile, type Profile, type ProfileChoice } from '../profiles/index';
import { matchSections } from '../profiles/match';

export interface CopiedParagraph {
  current: { text: string; range: Range };
  previous: { text: string; range: Range };
  /** 1 when the two are the same once punctuation, spaces and years are set aside; else the share of 5-grams they have in common. */
  similarity: number;
}

export interface UnchangedFigure {
  current: { text: string; range: Range };
  previous: { text: string; range: Range };
  /** What the figure counts (「行政复议案件」), the same in both years. */
  subject: string;
  kind: FigureKind;
  value: number;
  unit: string;
}

export interface UnmentionedPlanItem {
  /** The item in last year's report: a 二级 heading with its text, an 一是…/二是… clause, or a sentence. */
  previous: { text: string; range: Range };
  /** A few words for a list: the heading title or the item's first clause. */
  label: string;
  /** The item's distinctive words (generic words such as 推进、加强、法治 taken out). */
  terms: string[];
  /** Share of the item's distinctive 2–3-character n-grams found anywhere in this year's report. */
  coverage: number;
}

export interface ReportComparison {
  previousYear: number | undefined;
  currentYear: number | undefined;
  copiedParagraphs: CopiedParagraph[];
  unchangedFigures: UnchangedFigure[];
  unmentionedPlanItems: UnmentionedPlanItem[];
}

export interface CompareOptions {
  /** The profile that finds last year's plan section ('auto' detects it from the title). */
  profile?: ProfileChoice;
  extraProfiles?: readonly Profile[];
}

/** Shorter paragraphs (after normalisation) are formulas such as 「现将有关情况报告如下」, not copied content. */
const MIN_PARAGRAPH_CHARS = 30;
/** Near-identical: at least this share of the longer paragraph's 5-grams are in the other one. */
export const NEAR_IDENTICAL = 0.9;
const SHINGLE = 5;
/** A 5-gram in more of last year's paragraphs than this is formula, not evidence of copying (keeps the cost linear). */
const MAX_POSTINGS = 16;
/** A plan item counts as mentioned when at least this share of its distinctive n-grams appear this year. */
export const MENTIONED_COVERAGE = 0.3;
/** An item with fewer distinctive n-grams than this is too generic to judge. */
const MIN_ITEM_TERMS = 4;

export function compareReports(previous: ReportModel, current: ReportModel, options: CompareOptions = {}): ReportComparison {
  const copiedParagraphs = findCopiedParagraphs(previous, current);
  const copiedCurrent = new Set(copiedParagraphs.map((c) => `${c.current.range.start.line}:${c.current.range.start.character}`));
  return {
    previousYear: previous.year?.value,
    currentYear: current.year?.value,
    copiedParagraphs,
    unchangedFigures: findUnchangedFigures(previous, current, copiedCurrent),
    unmentionedPlanItems: findUnmentionedPlanItems(previous, current, options),
  };
}

// --- copied paragraphs ---

const FULL_WIDTH_DIGIT = /[０-９]/g;
// Years (2023年, 2023, 二〇二三年) all read as one token, so that a paragraph whose years moved on is still the same.
const YEAR = /(?:19|20)[0-9]{2}(?![0-9])|[〇零一二][〇零一二三四五六七八九]{3}(?=年)/g;
// Everything but letters, digits and CJK: punctuation, spaces, brackets, quotes.
const NOT_CONTENT = /[^0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]+/g;

export function normaliseParagraph(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    // Years first: once brackets go, 〔2022〕15号 would run its digits together.
    .replace(YEAR, '#')
    .replace(NOT_CONTENT, '');
}

interface Normalised {
  paragraph: Paragraph;
  text: string;
}

function candidates(model: ReportModel): Normalised[] {
  const out: Normalised[] = [];
  for (const p of model.paragraphs) {
    if (p.role === 'closing') continue;
    const text = normaliseParagraph(p.text);
    if (text.length >= MIN_PARAGRAPH_CHARS) out.push({ paragraph: p, text });
  }
  return out;
}

function shingles(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= text.length; i++) out.add(text.slice(i, i + SHINGLE));
  return out;
}

function findCopiedParagraphs(previous: ReportModel, current: ReportModel): CopiedParagraph[] {
  const before = candidates(previous);
  const exact = new Map<string, Normalised>();
  for (const n of before) if (!exact.has(n.text)) exact.set(n.text, n);
  // 5-gram → last year's paragraphs holding it, built lazily: only when some paragraph is not an exact copy.
  let postings: Map<string, number[]> | undefined;
  let sizes: number[] = [];
  const out: CopiedParagraph[] = [];
  for (const now of candidates(current)) {
    const same = exact.get(now.text);
    if (same) {
      out.push(pair(now, same, 1));
      continue;
    }
    if (!postings) ({ postings, sizes } = indexShingles(before));
    const mine = shingles(now.text);
    const shared = new Map<number, number>();
    for (const s of mine) {
      const holders = postings.get(s);
      if (!holders || holders.length > MAX_POSTINGS) continue;
      for (const k of holders) shared.set(k, (shared.get(k) ?? 0) + 1);
    }
    let best = -1;
    let bestSimilarity = 0;
    for (const [k, count] of shared) {
      const similarity = count / Math.max(mine.size, sizes[k]);
      if (similarity > bestSimilarity) {
        best = k;
        bestSimilarity = similarity;
      }
    }
    if (best >= 0 && bestSimilarity >= NEAR_IDENTICAL) out.push(pair(now, before[best], Math.floor(bestSimilarity * 100) / 100));
  }
  return out;
}

function indexShingles(paragraphs: Normalised[]): { postings: Map<string, number[]>; sizes: number[] } {
  const postings = new Map<string, number[]>();
  const sizes: number[] = [];
  paragraphs.forEach((n, k) => {
    const own = shingles(n.text);
    sizes.push(own.size);
    for (const s of own) {
      const list = postings.get(s);
      if (list) list.push(k);
      else postings.set(s, [k]);
    }
  });
  return { postings, sizes };
}

function pair(now: Normalised, then: Normalised, similarity: number): CopiedParagraph {
  return {
    current: { text: now.paragraph.text, range: now.paragraph.range },
    previous: { text: then.paragraph.text, range: then.paragraph.range },
    similarity,
  };
}

// --- unchanged figures ---

/** Kinds that measure the year's work; years and dates are when, not how much. */
const MEASURED: ReadonlySet<FigureKind> = new Set(['count', 'money', 'percent', 'points', 'measure', 'duration']);

function figureKey(f: Figure): string | undefined {
  if (!MEASURED.has(f.kind)) return undefined;
  // A rate at its ceiling (办结率100%) staying there says nothing about copying.
  if (f.kind === 'percent' && f.value === 100 && f.upper === undefined) return undefined;
  // Nought or one of a thing (行政复议0件, 制定规范性文件1件) repeats by nature, not by copying.
  if (f.kind === 'count' && f.value < 2) return undefined;
  const subject = f.subject;
  if (!subject || !/[\u4e00-\u9fff].*[\u4e00-\u9fff]/.test(subject)) return undefined;
  return `${subject}\u0000${f.kind}\u0000${f.unit}\u0000${f.value}\u0000${f.upper ?? ''}`;
}

function findUnchangedFigures(previous: ReportModel, current: ReportModel, copiedCurrent: ReadonlySet<string>): UnchangedFigure[] {
  const before = new Map<string, Figure>();
  for (const f of figuresOf(previous)) {
    const key = figureKey(f);
    if (key !== undefined && !before.has(key)) before.set(key, f);
  }
  const out: UnchangedFigure[] = [];
  for (const f of figuresOf(current)) {
    // A copied paragraph is listed once, as copied, not again figure by figure.
    const p = f.paragraph.range.start;
    if (copiedCurrent.has(`${p.line}:${p.character}`)) continue;
    const key = figureKey(f);
    const then = key === undefined ? undefined : before.get(key);
    if (!then) continue;
    out.push({
      current: { text: f.sentence.text, range: f.range },
      previous: { text: then.sentence.text, range: then.range },
      subject: f.subject!,
      kind: f.kind,
      value: f.value,
      unit: f.unit,
    });
  }
  return out;
}

// --- last year's plan items ---

// Words every plan item uses: they say nothing about which item it is. Longest first, so 进一步 goes before 一步.
const GENERIC_WORDS = [
  '法治政府建设', '依法行政', '进一步', '下一步', '高质量', '常态化', '制度化', '规范化', '法治化', '全方位', '新时代',
  '推进', '加强', '法治', '建设', '工作', '持续', '深入', '全面', '完善', '健全', '提升', '提高', '开展', '落实', '强化',
  '不断', '积极', '着力', '切实', '依法', '行政', '政府', '坚持', '推动', '加大', '力度', '做好', '水平', '能力', '机制',
  '制度', '体系', '全镇', '全区', '全县', '全市', '全省', '我镇', '我区', '我县', '我市', '我局', '各类', '各项', '重点',
  '有关', '相关', '严格', '规范', '深化', '促进', '实现', '确保', '继续', '努力', '大力', '扎实', '稳步', '有效', '更加',
  '以及', '今年', '明年', '年度', '方面', '领域', '质效', '作用', '发挥', '组织', '注重', '围绕', '聚焦', '着眼', '统筹',
  '认真', '要求', '通过', '形式', '贯彻', '按照', '抓好', '社会', '发展', '重大', '综合', '优化', '方式', '人员', '思维', '干部',
  '一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是', '同时', '主要', '充分', '及时',
  '的', '和', '与', '及', '等', '为', '在', '对', '把', '将', '是', '了', '以', '并', '让', '使', '从', '中', '上', '下', '年',
].sort((a, b) => b.length - a.length);
const GENERIC = new RegExp(GENERIC_WORDS.join('|'), 'g');
const CJK_RUN = /[\u4e00-\u9fff]{2,}/g;

/** The item's distinctive stretches: CJK runs with generic words cut out. */
export function distinctiveSegments(text: string): string[] {
  const out: string[] = [];
  for (const run of text.replace(/[0-9０-９]/g, ' ').match(CJK_RUN) ?? []) {
    for (const segment of run.split(GENERIC)) if (segment.length >= 2) out.push(segment);
  }
  return out;
}

/** 3-grams of each segment (a two-character segment stands for itself). */
export function termGrams(segments: string[]): Set<string> {
  const out = new Set<string>();
  for (const s of segments) {
    if (s.length === 2) out.add(s);
    else for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  }
  return out;
}

/** Every 2- and 3-gram of the CJK text of a report: the lookup for "appears anywhere in this year's report". */
function reportGrams(model: ReportModel): Set<string> {
  const out = new Set<string>();
  for (const run of model.text.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) {
      out.add(run.slice(i, i + 2));
      if (i + 3 <= run.length) out.add(run.slice(i, i + 3));
    }
  }
  return out;
}

interface PlanItem {
  text: string;
  range: Range;
  label: string;
}

function findUnmentionedPlanItems(previous: ReportModel, current: ReportModel, options: CompareOptions): UnmentionedPlanItem[] {
  const items = planItems(previous, options);
  if (items.length === 0) return [];
  const grams = reportGrams(current);
  const out: UnmentionedPlanItem[] = [];
  for (const item of items) {
    const segments = distinctiveSegments(item.text);
    const terms = termGrams(segments);
    if (terms.size < MIN_ITEM_TERMS) continue;
    let found = 0;
    for (const t of terms) if (grams.has(t)) found++;
    const coverage = found / terms.size;
    if (coverage >= MENTIONED_COVERAGE) continue;
    const distinct = [...new Set(segments)].sort((a, b) => b.length - a.length).slice(0, 6);
    out.push({ previous: { text: item.text, range: item.range }, label: item.label, terms: distinct, coverage: Math.round(coverage * 100) / 100 });
  }
  return out;
}

const SHORTCOMING_WORDS = /不足|问题|短板|差距|薄弱/;
const LEAD_IN = /[：:]\s*$/;

/** Last year's plan, item by item: from the plan section that the profile recognises by its heading. */
export function planItems(model: ReportModel, options: CompareOptions = {}): PlanItem[] {
  const profile = resolveProfile(model, options.profile ?? 'auto', options.extraProfiles);
  if (!profile || !model.isReport) return [];
  const planHeadings = new Set<Heading>();
  const yearHeadings = new Set<Heading>();
  for (const m of matchSections(model, profile)) {
    if (m.via !== 'heading') continue;
    for (const h of m.headings) (m.item.yearOffset === 1 ? planHeadings : yearHeadings).add(h);
  }
  // The outermost plan headings only: a 二级 heading 「下一步打算」 under a plan section is part of it.
  const tops = [...planHeadings].filter((h) => !ancestors(h).some((a) => planHeadings.has(a)));
  const items: PlanItem[] = [];
  for (const top of tops) {
    // 「存在问题及下步打算」: the paragraphs on the problems are not plans.
    const alsoShortcomings = yearHeadings.has(top);
    const bySubheading = new Map<Heading, Paragraph[]>();
    for (const p of model.paragraphs) {
      if (!p.section || (p.section !== top && !ancestors(p.section).includes(top))) continue;
      const sub = p.section === top ? undefined : childOnPath(p.section, top);
      if (sub) {
        const list = bySubheading.get(sub);
        if (list) list.push(p);
        else bySubheading.set(sub, [p]);
        continue;
      }
      if (LEAD_IN.test(p.text) || (alsoShortcomings && SHORTCOMING_WORDS.test(p.text))) continue;
      items.push(...paragraphItems(model, p));
    }
    // Headings the plan's paragraphs sit under, each with their text: 「（一）加大法治思想宣传广度。继续……」.
    for (const [sub, paragraphs] of bySubheading) {
      const last = paragraphs[paragraphs.length - 1];
      items.push({
        text: [sub.title, ...paragraphs.map((p) => p.text)].join('\n'),
        range: { start: sub.range.start, end: last.range.end },
        label: firstClause(sub.title),
      });
    }
  }
  return items.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function ancestors(h: Heading): Heading[] {
  const out: Heading[] = [];
  for (let a = h.parent; a; a = a.parent) out.push(a);
  return out;
}

/** The heading right under `top` on the way from `h` up to it. */
function childOnPath(h: Heading, top: Heading): Heading {
  let child = h;
  while (child.parent && child.parent !== top) child = child.parent;
  return child;
}

/** A paragraph of the plan without headings of its own: its 一是/二是 clauses, else its sentences. */
function paragraphItems(model: ReportModel, p: Paragraph): PlanItem[] {
  const base = p.range.start.character;
  const starts = model.enumerations
    .filter((e) => e.line === p.line && e.range.start.character >= base && e.range.end.character <= p.range.end.character)
    .map((e) => e.range.start.character - base);
  const bounds: [number, number][] = [];
  if (starts.length > 0) {
    for (let k = 0; k < starts.length; k++) bounds.push([starts[k], k + 1 < starts.length ? starts[k + 1] : p.text.length]);
  } else {
    let start = 0;
    for (let i = 0; i < p.text.length; i++) {
      if (p.text[i] === '。' || p.text[i] === '；' || i === p.text.length - 1) {
        bounds.push([start, i + 1]);
        start = i + 1;
      }
    }
  }
  return bounds
    .map(([s, e]) => {
      const text = p.text.slice(s, e).trim();
      const lead = p.text.slice(s, e).length - p.text.slice(s, e).trimStart().length;
      return {
        text,
        range: { start: { line: p.line, character: base + s + lead }, end: { line: p.line, character: base + s + lead + text.length } },
        label: firstClause(text.replace(/^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,])/, '')),
      };
    })
    .filter((item) => item.text.length > 0);
}

/** Up to the first 。；：, at most 40 characters. */
function firstClause(text: string): string {
  const clause = text.split(/[。；;：:]/)[0].trim();
  return clause.length > 40 ? `${clause.slice(0, 39)}…` : clause;
}
