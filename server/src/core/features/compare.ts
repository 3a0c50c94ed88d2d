// Cross-year comparison: this year's report against last year's. Three lists a reviewer asks for:
// paragraphs copied over (word for word, or all but a few characters), figures that stayed the same, and
// items of last year's 下一年度安排 that this year's report never speaks of. Cost stays near-linear in the
// size of the two reports: hash maps over normalised paragraphs and 5-grams, never paragraph × paragraph.
// For 政府信息公开 reports also the tables across the years: this year's 上年结转 is last year's 结转下年度, and
// 表二's 现行有效件数 carries on (gov-info-tables.md, "Weaker signals"; rules.md R7.3 G6).

import type { Message } from '../findings';
import { figuresOf, type Figure, type FigureKind } from '../model/figures';
import { govInfoTables, proactiveDocuments, type CellTerm } from '../model/gov-info-tables';
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
  /** The figure's excerpt (its sentence around it, Figure.excerpt) and its range, in each year's report. */
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

/**
 * carried-over: 表三, per column, this year's 二、上年结转 = last year's 四、结转下年度继续办理.
 * documents-in-force: 表二, 规章 and 行政规范性文件, last year's 现行有效件数 ＋ 本年制发件数 － 本年废止件数 =
 * this year's 现行有效件数 — broken in good faith by a 清理 that repeals documents outside the year's count.
 */
export type TableLinkKind = 'carried-over' | 'documents-in-force';

/** An equation between last year's tables and this year's that does not hold. */
export interface TableLinkBreak {
  kind: TableLinkKind;
  /** What is compared: 「表三 自然人」「表二 行政规范性文件」. */
  label: Message;
  /** The equation with its numbers and the difference. */
  message: Message;
  /** The cell of this year's report the equation ends in: 上年结转, or 现行有效件数. */
  current: { text: string; range: Range };
  /** The cell of last year's report it starts from: 结转下年度继续办理, or 现行有效件数. */
  previous: { text: string; range: Range };
  /** This year's other cells in it (本年制发件数, 本年废止件数). */
  related: { range: Range; message: Message }[];
  /** What last year's table says this year's cell should be. */
  expected: number;
  /** This year's cell. */
  actual: number;
}

export interface TableLinks {
  /** How many equations the two reports' tables allowed; 0 when `unavailable` says why. */
  checked: number;
  /** Why nothing could be checked: no 表二 or 表三 read in both reports, or reports not of consecutive years. */
  unavailable: 'no-tables' | 'not-consecutive' | null;
  breaks: TableLinkBreak[];
}

export interface ReportComparison {
  previousYear: number | undefined;
  currentYear: number | undefined;
  copiedParagraphs: CopiedParagraph[];
  unchangedFigures: UnchangedFigure[];
  unmentionedPlanItems: UnmentionedPlanItem[];
  /** 政府信息公开 reports: this year's tables against last year's. */
  tableLinks: TableLinks;
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
    tableLinks: linkTables(previous, current),
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
      current: { text: f.excerpt, range: f.range },
      previous: { text: then.excerpt, range: then.range },
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

// --- the tables across the years ---

const TABLE2 = { zh: '表二', en: 'Table 2' };
const TABLE3 = { zh: '表三', en: 'Table 3' };

function linkTables(previous: ReportModel, current: ReportModel): TableLinks {
  const years = [previous.year?.value, current.year?.value];
  // Two years apart, last year's 结转 is not this year's: nothing to hold the tables to.
  if (years[0] !== undefined && years[1] !== undefined && years[1] - years[0] !== 1) return { checked: 0, unavailable: 'not-consecutive', breaks: [] };
  const breaks: TableLinkBreak[] = [];
  let checked = 0;
  const then = govInfoTables(previous).requests?.rows.find((r) => r.key === 'next')?.values;
  const now = govInfoTables(current).requests?.rows.find((r) => r.key === 'carried')?.values;
  if (then && now) {
    for (let c = 0; c < now.length; c++) {
      checked++;
      const [was, is] = [then[c], now[c]];
      if (was.value === is.value) continue;
      const column = is.columnName;
      breaks.push({
        kind: 'carried-over',
        label: { zh: `${TABLE3.zh} ${column.zh}`, en: `${TABLE3.en}, ${column.en}` },
        message: {
          zh: `${TABLE3.zh} ${column.zh}列：本年“上年结转”为${format(is.value)}，上年报告“结转下年度继续办理”为${format(was.value)}（差${format(Math.abs(is.value - was.value))}）`,
          en: `${TABLE3.en}, column “${column.en}”: ${format(is.value)} carried over from last year, but last year's report carried ${format(was.value)} over (off by ${format(Math.abs(is.value - was.value))})`,
        },
        current: cellSpan(is),
        previous: cellSpan(was),
        related: [],
        expected: was.value,
        actual: is.value,
      });
    }
  }
  const lastYear = proactiveDocuments(previous);
  for (const row of proactiveDocuments(current)) {
    const before = lastYear.find((r) => r.key === row.key);
    if (!before) continue;
    checked++;
    const expected = round(before.inForce.value + row.issued.value - row.repealed.value);
    if (expected === row.inForce.value) continue;
    const diff = format(Math.abs(expected - row.inForce.value));
    breaks.push({
      kind: 'documents-in-force',
      label: { zh: `${TABLE2.zh} ${row.name.zh}`, en: `${TABLE2.en}, ${row.name.en}` },
      message: {
        zh: `${TABLE2.zh} ${row.name.zh}：上年现行有效${format(before.inForce.value)}＋本年制发${format(row.issued.value)}－本年废止${format(row.repealed.value)}＝${format(expected)}，本年现行有效件数为${format(row.inForce.value)}（差${diff}；开展文件清理时可能不等，仅供核对）`,
        en: `${TABLE2.en}, ${row.name.en}: ${format(before.inForce.value)} in force last year + ${format(row.issued.value)} issued − ${format(row.repealed.value)} repealed = ${format(expected)}, but ${format(row.inForce.value)} are in force this year (off by ${diff}; a clean-up of documents may explain it)`,
      },
      current: cellSpan(row.inForce),
      previous: cellSpan(before.inForce),
      related: [row.issued, row.repealed].map((t) => ({
        range: t.cell.range,
        message: { zh: `${TABLE2.zh}“${t.rowName.zh}”·${t.columnName.zh}：${format(t.value)}`, en: `${TABLE2.en}, ${t.rowName.en}, ${t.columnName.en}: ${format(t.value)}` },
      })),
      expected,
      actual: row.inForce.value,
    });
  }
  return { checked, unavailable: checked === 0 ? 'no-tables' : null, breaks };
}

function cellSpan(t: CellTerm): { text: string; range: Range } {
  return { text: t.cell.text, range: t.cell.range };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function format(v: number): string {
  return String(round(v));
}
