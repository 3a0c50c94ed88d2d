// Figures: the numbers a report is judged by (培训12次, 调解成功率98%, 到位资金1.99亿元), with their values
// normalised, their units, whether they are approximate, and what they count. Extracted lazily, once per
// model, from the paragraphs only: heading numbers, the title year and the 落款 date are not figures.

import { parseChineseNumeral } from './numbering';
import { firstOnOrAfterLine } from './order';
import type { Heading, Paragraph, Range, ReportModel, TextSpan } from './types';

export type FigureKind =
  | 'count' // 12次, 6000余份
  | 'money' // 1.99亿元 → 199,000,000 元
  | 'percent' // 98%
  | 'points' // 5个百分点
  | 'year' // 2023年
  | 'date' // 2023年12月, 1月1日, 11月
  | 'duration' // 3年, 6个月, 40学时
  | 'measure'; // 468吨, 610.94吨, 50亩

export interface Figure {
  /** Position in document order. */
  index: number;
  /** The figure as written, e.g. 「8.2万余张」. */
  text: string;
  range: Range;
  line: number;
  kind: FigureKind;
  /** The value in the base unit: 元 for money, the number of things for counts, 98 for 98%. */
  value: number;
  /** Upper end of a range (15%～30%, 2021—2025年), else undefined. */
  upper?: number;
  /** Base unit: 元, %, 个百分点, or the measure word (件, 次, 人次, 张 …). */
  unit: string;
  /** Marked as approximate by 余/多/约/近/左右/超过/以上/不少于 … */
  approximate: boolean;
  /** The approximation word(s) as written. */
  approximation?: string;
  /** What the figure counts, e.g. 「行政复议案件」「调解成功率」; undefined when nothing sensible is near. */
  subject?: string;
  /** For dates: the parts written. */
  date?: { year?: number; month?: number; day?: number };
  /** The sentence the figure stands in (up to 。；！？). */
  sentence: TextSpan;
  /**
   * The sentence cut to EXCERPT_REACH characters on either side of the figure, with 「…」 where it was cut: what a
   * table, a list or a hover shows, so that their size grows with the number of figures, not with sentence length.
   */
  excerpt: string;
  /** Where the figure starts in `excerpt` (after a leading 「…」 and the text kept before it). */
  excerptAt: number;
  paragraph: Paragraph;
  section: Heading | undefined;
}

// Measure words and units, longest first so that 人次 wins over 人 and 万元 over 元.
const UNITS = [
  '个百分点', '百分点', '平方公里', '平方米', '人次', '场次', '家次', '件次', '户次', '次数', '学时', '课时', '小时', '分钟', '个月',
  '公里', '千米', '万元', '亿元', '千元', '%', '％', '元', '件', '起', '宗', '次', '场', '名', '人', '个', '项', '份', '条', '家', '户',
  '期', '篇', '批', '套', '处', '座', '台', '辆', '本', '册', '张', '轮', '车', '类', '天', '周', '所', '支', '位', '块', '幅', '部',
  '封', '间', '棵', '株', '只', '头', '吨', '亩', '米', '村', '年', '月', '日', '号',
];
const UNIT_ALTERNATION = UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|');
const MONEY_UNITS: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8, 千元: 1e3 };
const MEASURE_UNITS = new Set(['公里', '千米', '平方公里', '平方米', '吨', '亩', '米']);
const DURATION_UNITS = new Set(['学时', '课时', '小时', '分钟', '个月', '天', '周']);

const APPROX_BEFORE = '约|近|超过|逾|不少于|不低于|不超过|多达|将近|大约|接近|超';
const NUMBER = '[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+';
// The patterns start with the number itself, so the engine can skip ahead to digits; the approximation word
// before a number is looked up behind the match instead (approximationBefore).
const APPROX_BEFORE_AT_END = new RegExp(`(?:${APPROX_BEFORE})$`);
const ARABIC_FIGURE = new RegExp(
  `(${NUMBER})(?:[.．]([0-9０-９]+))?(万|亿|千)?(余|多)?(${UNIT_ALTERNATION})?(左右|以上|上下|之多|有余)?`,
  'g',
);
// Chinese numerals only with a count word after them: 两次, 十余次, 百余人, 一百二十三人. A lone 一 is left out:
// 一次性, 一站式, 一个中心 are idioms far more often than counts.
const CHINESE_UNITS = '人次|场次|个|次|项|名|人|件|场|批|家|期|轮|份|条|起|宗|所|处|支';
// Not after 第/统/唯/之/每 (「第二次」「统一」「唯一」): checked behind the match, like the approximation word.
const NOT_AFTER_CHINESE = /[第统唯之每]/;
// A Chinese count is found run by run, as a regular expression over the whole text would read it
// (「([零〇两…][零〇一…]*|一[十百千][…]*)(余|多)?(人次|…)(?![性体化式])」): a run of numerals can only be followed by its
// count word at its end, so what follows the run decides for every start in it, and the leftmost start the numeral
// forms allow is taken. Reading it with that expression would try again from every numeral of a long run.
const NUMERAL_RUN = /[零〇一二两三四五六七八九十百千]+/g;
const CHINESE_NUMERAL_AT = /[零〇两二三四五六七八九十百千][零〇一二两三四五六七八九十百千]*|一[十百千][零〇一二三四五六七八九十百千]*/y;
const COUNT_WORD_AT = new RegExp(`(余|多)?(${CHINESE_UNITS})(?![性体化式])`, 'y');

/** The Chinese counts of a text, in order: where each starts, its numeral, 余/多 and count word, and its length. */
function* chineseCounts(text: string): Generator<{ index: number; numeral: string; approx?: string; unit: string; length: number }> {
  NUMERAL_RUN.lastIndex = 0;
  for (let run = NUMERAL_RUN.exec(text); run; run = NUMERAL_RUN.exec(text)) {
    const end = run.index + run[0].length;
    COUNT_WORD_AT.lastIndex = end;
    const after = COUNT_WORD_AT.exec(text);
    if (!after) continue;
    for (let at = run.index; at < end; at++) {
      CHINESE_NUMERAL_AT.lastIndex = at;
      const numeral = CHINESE_NUMERAL_AT.exec(text)?.[0];
      if (numeral === undefined || at + numeral.length !== end) continue;
      yield { index: at, numeral, approx: after[1], unit: after[2], length: end - at + after[0].length };
      break;
    }
  }
}
const RANGE_MARK = /^\s*[～~〜—–\-－至到]\s*$/;

/** Text zones in a paragraph where digits are names, not figures. */
// Each with a cheap test of whether the paragraph can hold such a zone at all: most hold none.
const NOT_FIGURES: { trigger: RegExp; zone: RegExp | ((text: string) => [number, number][]) }[] = [
  // titles of documents, with their years: 《2023年全县法治政府建设工作要点》
  { trigger: /《/, zone: titleZones },
  // short quoted names: “12.4”宪法宣传日, “141”基层治理体系, “2+4+5”
  { trigger: /[“"‘]/, zone: /“[^”]{1,12}”|"[^"]{1,12}"|‘[^’]{1,12}’/g },
  // document numbers: 〔2023〕37号
  { trigger: /号/, zone: /[〔\[［﹝(（]\s*[0-9０-９]{4}\s*[〕\]］﹞)）]\s*[0-9０-９]+\s*号/g },
  // phone numbers, with their label or bare
  { trigger: /电话|热线|手机|传真|联系方式|邮编|QQ|微信号/, zone: /(?:电话|热线|手机|传真|联系方式|邮编|QQ|微信号)[:：]?\s*[0-9０-９\-－—() （）]{5,}/g },
  { trigger: /[0-9]{7}/, zone: /(?<![0-9])1[3-9][0-9]{9}(?![0-9])|(?<![0-9])0[0-9]{2,3}[-－][0-9]{7,8}(?![0-9])/g },
  // 12345热线
  { trigger: /热线|便民/, zone: /(?<![0-9])[0-9]{5}(?=热线|便民|政务服务热线|服务热线)/g },
  // (an address is read from the start of its run of name characters only, not again from each one of them)
  { trigger: /https?:|www\.|@/, zone: /https?:\/\/\S+|www\.\S+|(?<![\w.-])[\w.-]+@[\w.-]+/g },
];

/**
 * 《…》 up to the first 》 after each 《, as 「/《[^》]*》/g」 would find them, without searching the rest of the text again
 * from every 《 of a run that is never closed.
 */
function titleZones(text: string): [number, number][] {
  const zones: [number, number][] = [];
  for (let open = text.indexOf('《'); open >= 0; ) {
    const close = text.indexOf('》', open + 1);
    if (close < 0) break;
    zones.push([open, close + 1]);
    open = text.indexOf('《', close + 1);
  }
  return zones;
}

/** Characters of its sentence an excerpt keeps on either side of a figure. */
export const EXCERPT_REACH = 60;

const figureCache = new WeakMap<ReportModel, Figure[]>();
/**
 * Figures by paragraph object. A model derived from the previous version after an edit shares every
 * paragraph the edit did not touch, so their figures are taken over instead of extracted again.
 */
const paragraphFigures = new WeakMap<Paragraph, ExtractedFigure[]>();

/** All figures of the report, in document order; computed on first use and cached with the model. */
export function figuresOf(model: ReportModel): Figure[] {
  let figures = figureCache.get(model);
  if (!figures) {
    figures = [];
    for (const p of model.paragraphs) {
      let own = paragraphFigures.get(p);
      if (own) {
        // Document indexes shift when an earlier paragraph gained or lost a figure.
        if (own.length > 0 && own[0].index !== figures.length) {
          const base = figures.length;
          own = own.map((f, k) => f.withIndex(base + k));
          paragraphFigures.set(p, own);
        }
      } else {
        own = figuresInParagraph(p, figures.length);
        paragraphFigures.set(p, own);
      }
      for (const f of own) figures.push(f);
    }
    figureCache.set(model, figures);
  }
  return figures;
}

/** The figure covering `position`, if any (binary search over document order). */
export function figureAt(model: ReportModel, line: number, character: number): Figure | undefined {
  const figures = figuresOf(model);
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const f = figures[mid];
    if (f.line < line || (f.line === line && f.range.end.character < character)) lo = mid + 1;
    else hi = mid;
  }
  const f = figures[lo];
  return f && f.line === line && f.range.start.character <= character && character <= f.range.end.character ? f : undefined;
}

/** How far either way of a place `figureNear` reads its paragraph. */
export const NEAR_REACH = 1000;

/**
 * The figure at a place, read from its paragraph's text around it only (NEAR_REACH characters either way, cut at the
 * sentence ends nearest the edges): what a hover can tell of a figure in a document too large to read every figure of.
 * Its index counts within that stretch, and what it counts and its sentence are read within it.
 */
export function figureNear(model: ReportModel, line: number, character: number): Figure | undefined {
  let i = firstOnOrAfterLine(model.paragraphs, line);
  for (; i < model.paragraphs.length && model.paragraphs[i].line === line; i++) {
    const p = model.paragraphs[i];
    const at = character - p.range.start.character;
    if (at < 0 || at > p.text.length) continue;
    let from = Math.max(0, at - NEAR_REACH);
    let to = Math.min(p.text.length, at + NEAR_REACH);
    // A figure or a 《…》 cut by the edge would be misread: the stretch starts and ends with whole sentences when it can.
    if (from > 0) {
      const end = firstSentenceEnd(p.text, from, at);
      if (end >= 0) from = end + 1;
    }
    if (to < p.text.length) {
      const end = lastSentenceEnd(p.text, at, to);
      if (end >= 0) to = end + 1;
    }
    const start = p.range.start.character + from;
    const stretch: Paragraph = { ...p, text: p.text.slice(from, to), range: { start: { line, character: start }, end: { line, character: start + to - from } } };
    return figuresInParagraph(stretch).find((f) => f.range.start.character <= character && character <= f.range.end.character);
  }
  return undefined;
}

const SENTENCE_ENDS = '。；;！？';

function firstSentenceEnd(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (SENTENCE_ENDS.includes(text[k])) return k;
  return -1;
}

function lastSentenceEnd(text: string, from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) if (SENTENCE_ENDS.includes(text[k])) return k;
  return -1;
}

interface RawFigure {
  start: number;
  end: number;
  kind: FigureKind;
  value: number;
  unit: string;
  approximation: string[];
  date?: Figure['date'];
  upper?: number;
  /** The unit as written right after the number, to join dates and ranges. */
  writtenUnit: string;
  digitCount: number;
  /** What the written number was multiplied by to reach `value` (1e8 for 亿元). */
  scale: number;
}

function toAscii(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, '');
}

/**
 * The zones of a paragraph, sorted and merged into disjoint stretches, so that whether a number stands in one is a
 * binary search: a paragraph may hold thousands of titles and thousands of numbers.
 */
function excludedZones(text: string): [number, number][] {
  const zones: [number, number][] = [];
  for (const { trigger, zone: re } of NOT_FIGURES) {
    if (!trigger.test(text)) continue;
    if (typeof re === 'function') {
      for (const zone of re(text)) zones.push(zone);
      continue;
    }
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) zones.push([m.index, m.index + m[0].length]);
  }
  if (zones.length < 2) return zones;
  zones.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [zones[0]];
  for (let i = 1; i < zones.length; i++) {
    const last = merged[merged.length - 1];
    if (zones[i][0] <= last[1]) last[1] = Math.max(last[1], zones[i][1]);
    else merged.push(zones[i]);
  }
  return merged;
}

function inZone(zones: [number, number][], at: number): boolean {
  let lo = 0;
  let hi = zones.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zones[mid][1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < zones.length && zones[lo][0] <= at;
}

/** Figures of one paragraph, numbered in document order from `firstIndex`. */
export function figuresInParagraph(p: Paragraph, firstIndex = 0): ExtractedFigure[] {
  const text = p.text;
  if (!/[0-9０-９零〇两二三四五六七八九十百]/.test(text)) return [];
  const zones = excludedZones(text);
  const raws: RawFigure[] = [];
  ARABIC_FIGURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ARABIC_FIGURE.exec(text)) !== null) {
    const numberStart = m.index;
    // A number glued to letters or to a decimal point before it is a code or a version, not a figure.
    const before = text.charCodeAt(numberStart - 1);
    if (numberStart > 0 && (isLatinOrDigit(before) || before === 0x2e || before === 0xff0e)) continue;
    if (inZone(zones, numberStart)) continue;
    const pre = approximationBefore(text, numberStart);
    const start = numberStart - (pre?.length ?? 0);
    const raw = arabicFigure({ num: m[1], frac: m[2], mult: m[3], approx1: m[4], unit: m[5], approx2: m[6], pre }, start, m[0].length + numberStart - start);
    if (raw) raws.push(raw);
  }
  for (const c of chineseCounts(text)) {
    if (c.index > 0 && NOT_AFTER_CHINESE.test(text[c.index - 1])) continue;
    if (inZone(zones, c.index)) continue;
    const value = parseChineseNumeral(c.numeral);
    if (value === undefined || value < 2) continue;
    const pre = approximationBefore(text, c.index);
    const start = c.index - (pre?.length ?? 0);
    raws.push({
      start, end: c.index + c.length, kind: 'count', value, unit: c.unit, writtenUnit: c.unit,
      approximation: [pre, c.approx].filter((x): x is string => !!x), digitCount: 0, scale: 1,
    });
  }
  raws.sort((a, b) => a.start - b.start);
  return joinDatesAndRanges(text, raws).map((r, k) => new ExtractedFigure(p, r, firstIndex + k));
}

/** The sentence bounds of a paragraph, computed once and only when a figure's sentence is asked for. */
const sentenceCache = new WeakMap<Paragraph, [number, number][]>();

/**
 * A figure with its costly parts computed on first use: what it counts and its sentence are read by hovers
 * and by a few rules, for few figures, so extraction does not pay for them.
 */
class ExtractedFigure implements Figure {
  readonly text: string;
  readonly range: Range;
  readonly line: number;
  readonly kind: FigureKind;
  readonly value: number;
  readonly upper?: number;
  readonly unit: string;
  readonly approximate: boolean;
  readonly approximation?: string;
  readonly date?: Figure['date'];
  readonly section: Heading | undefined;
  private subjectMemo: string | null | undefined;
  private sentenceMemo: TextSpan | undefined;

  constructor(readonly paragraph: Paragraph, private readonly raw: RawFigure, readonly index: number) {
    const base = paragraph.range.start.character;
    this.text = paragraph.text.slice(raw.start, raw.end);
    this.line = paragraph.line;
    this.range = { start: { line: paragraph.line, character: base + raw.start }, end: { line: paragraph.line, character: base + raw.end } };
    this.kind = raw.kind;
    this.value = raw.value;
    this.unit = raw.unit;
    const approximation = raw.approximation.join('');
    this.approximate = approximation.length > 0;
    if (approximation) this.approximation = approximation;
    if (raw.upper !== undefined) this.upper = raw.upper;
    if (raw.date) this.date = raw.date;
    this.section = paragraph.section;
  }

  /** The same figure at another place in the document's order. */
  withIndex(index: number): ExtractedFigure {
    const copy = new ExtractedFigure(this.paragraph, this.raw, index);
    copy.subjectMemo = this.subjectMemo;
    copy.sentenceMemo = this.sentenceMemo;
    return copy;
  }

  private bounds(): [number, number] {
    const text = this.paragraph.text;
    let sentences = sentenceCache.get(this.paragraph);
    if (!sentences) sentenceCache.set(this.paragraph, (sentences = sentenceBounds(text)));
    // Binary search: a long paragraph has thousands of sentences, and every figure asks.
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid][1] <= this.raw.start) lo = mid + 1;
      else hi = mid;
    }
    const found = sentences[lo];
    return found && this.raw.start >= found[0] ? found : [0, text.length];
  }

  get sentence(): TextSpan {
    if (!this.sentenceMemo) {
      const [ss, se] = this.bounds();
      const { line } = this;
      const base = this.paragraph.range.start.character;
      this.sentenceMemo = { text: this.paragraph.text.slice(ss, se), range: { start: { line, character: base + ss }, end: { line, character: base + se } } };
    }
    return this.sentenceMemo;
  }

  get excerpt(): string {
    const [ss, se] = this.bounds();
    return excerptOf(this.paragraph.text, ss, se, this.raw.start, this.raw.end);
  }

  get excerptAt(): number {
    const [ss] = this.bounds();
    const from = excerptStart(this.paragraph.text, ss, this.raw.start);
    return (from > ss ? 1 : 0) + this.raw.start - from;
  }

  get subject(): string | undefined {
    if (this.subjectMemo === undefined) {
      const k = this.kind;
      const counted = k === 'count' || k === 'money' || k === 'percent' || k === 'points' || k === 'measure' || k === 'duration';
      const [ss, se] = this.bounds();
      this.subjectMemo = (counted ? subjectOf(this.paragraph.text, this.raw.start, this.raw.end, ss, se) : undefined) ?? null;
    }
    return this.subjectMemo ?? undefined;
  }

  /** What a figure is, as plain data (for JSON and tests): its sentence by its range and excerpt, never copied whole. */
  toJSON(): Omit<Figure, 'paragraph' | 'section' | 'sentence' | 'excerptAt'> & { section?: string; sentenceRange: Range } {
    const { index, text, range, line, kind, value, upper, unit, approximate, approximation, date, subject, excerpt } = this;
    return { index, text, range, line, kind, value, upper, unit, approximate, approximation, date, subject, excerpt, sentenceRange: this.sentence.range, section: this.section?.title };
  }
}

/** The approximation word right before `at` (「约」「不少于」…), the longest one. */
function approximationBefore(text: string, at: number): string | undefined {
  if (at === 0) return undefined;
  return APPROX_BEFORE_AT_END.exec(text.slice(Math.max(0, at - 3), at))?.[0];
}

function isLatinOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff10 && c <= 0xff19);
}

interface ArabicMatch {
  num: string;
  frac?: string;
  mult?: string;
  approx1?: string;
  unit?: string;
  approx2?: string;
  pre?: string;
}

function arabicFigure(g: ArabicMatch, at: number, length: number): RawFigure | undefined {
  const digits = toAscii(g.num!);
  const whole = Number(digits);
  let value = g.frac ? Number(`${digits}.${toAscii(g.frac)}`) : whole;
  const mult = g.mult === '万' ? 1e4 : g.mult === '亿' ? 1e8 : g.mult === '千' ? 1e3 : 1;
  let unit = g.unit ?? '';
  const approximation = [g.pre, g.approx1, g.approx2].filter((x): x is string => !!x);
  // 「超」 alone is an approximation word only before a number: 「超100人」.
  let kind: FigureKind;
  let date: RawFigure['date'];
  let scale = 1;
  if (unit === '号') return undefined; // 37号, 1号楼: identifiers
  if (unit === '%' || unit === '％') {
    kind = 'percent';
    unit = '%';
  } else if (unit === '个百分点' || unit === '百分点') {
    kind = 'points';
    unit = '个百分点';
  } else if (unit in MONEY_UNITS) {
    kind = 'money';
    scale = mult * MONEY_UNITS[unit];
    value = value * scale;
    unit = '元';
  } else if (unit === '年') {
    if (!g.frac && mult === 1 && digits.length === 4 && whole >= 1949 && whole <= 2100) {
      kind = 'year';
      date = { year: whole };
    } else {
      kind = 'duration';
    }
  } else if (unit === '月') {
    if (!g.frac && mult === 1 && whole >= 1 && whole <= 12) {
      kind = 'date';
      date = { month: whole };
    } else return undefined;
  } else if (unit === '日') {
    if (!g.frac && mult === 1 && whole >= 1 && whole <= 31) {
      kind = 'date';
      date = { day: whole };
    } else return undefined;
  } else {
    kind = MEASURE_UNITS.has(unit) ? 'measure' : DURATION_UNITS.has(unit) ? 'duration' : 'count';
    scale = mult;
    value *= mult;
  }
  return {
    start: at, end: at + length, kind, value: round(value), unit, writtenUnit: g.unit ?? '', approximation, date,
    digitCount: digits.length, scale,
  };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Joins 2023年 + 12月 + 31日 into one date, and 15%～30% / 2021—2025年 / 1-12月 into one range. */
function joinDatesAndRanges(text: string, raws: RawFigure[]): RawFigure[] {
  const out: RawFigure[] = [];
  for (const r of raws) {
    const prev = out[out.length - 1];
    if (prev && prev.end === r.start && prev.date && r.date) {
      const canJoin = (prev.date.year !== undefined && prev.date.month === undefined && r.date.month !== undefined && r.date.year === undefined) ||
        (prev.date.month !== undefined && prev.date.day === undefined && r.date.day !== undefined && r.date.year === undefined && r.date.month === undefined);
      if (canJoin) {
        prev.end = r.end;
        prev.kind = 'date';
        prev.date = { ...prev.date, ...r.date };
        continue;
      }
    }
    if (prev && prev.end < r.start && RANGE_MARK.test(text.slice(prev.end, r.start)) && prev.upper === undefined) {
      // 「15～30%」: the first number may leave its unit out; 「2021—2025年」 likewise.
      const sameKind = prev.kind === r.kind && prev.unit === r.unit;
      const bareFirst = prev.writtenUnit === '' || (prev.kind === 'count' && prev.unit === '');
      if (sameKind || bareFirst) {
        prev.end = r.end;
        prev.kind = r.kind === 'year' || r.kind === 'date' ? (r.kind === 'year' ? 'year' : 'date') : r.kind;
        prev.unit = r.unit;
        prev.upper = r.kind === 'year' ? r.date?.year ?? r.value : r.kind === 'date' ? r.date?.month ?? r.value : r.value;
        if (bareFirst) prev.value = round(prev.value * r.scale); // 「9～16亿元」: the 亿元 applies to both
        if (r.kind === 'year' && prev.date === undefined) prev.date = { year: prev.value };
        if (r.kind === 'date' && r.date?.month !== undefined && prev.date === undefined) prev.date = { month: prev.value };
        prev.approximation.push(...r.approximation);
        continue;
      }
    }
    out.push({ ...r, approximation: [...r.approximation] });
  }
  // A bare number joined to nothing is no figure.
  return out.filter((r) => !(r.kind === 'count' && r.unit === '' && r.upper === undefined));
}

/** The sentence [sentenceStart, sentenceEnd) cut to EXCERPT_REACH characters around [start, end), 「…」 marking a cut. */
export function excerptOf(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): string {
  const from = excerptStart(text, sentenceStart, start);
  let to = Math.min(sentenceEnd, end + EXCERPT_REACH);
  // A cut never splits a character written as two UTF-16 units (𠀀).
  if (to < sentenceEnd && isLowSurrogate(text.charCodeAt(to))) to++;
  return `${from > sentenceStart ? '…' : ''}${text.slice(from, to)}${to < sentenceEnd ? '…' : ''}`;
}

/** Where excerptOf starts its text before a figure at `start`. */
function excerptStart(text: string, sentenceStart: number, start: number): number {
  const from = Math.max(sentenceStart, start - EXCERPT_REACH);
  return from > sentenceStart && isLowSurrogate(text.charCodeAt(from)) ? from - 1 : from;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function sentenceBounds(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '。' || c === '；' || c === ';' || c === '！' || c === '？') {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

// --- what a figure counts ---

// Clause breaks for the phrase before a figure; brackets and quotes stay inside (「拆除地锁(铁栏)343件」).
const CLAUSE_BREAK = /[，,、：:；;。！？\s]/;
// After a figure the phrase ends at punctuation or at the next number.
const AFTER_BREAK = /[，,、：:；;。！？\s0-9０-９]/;
const CONNECTORS = /(?:共计|总计|合计|累计|分别为|分别|共|达到|达|为|是|约|近|超过|逾|不少于|不低于|提高到|提升到|提升至|提高至|降至|下降到|增至|增加到|占|保持在|保持|实现|全部|均|已|了)$/;
const LEADING_NOISE = /^(?:[0-9]{4}年(?:度)?(?:以来)?|今年以来|全年|今年|本年|年内|一年来|目前|截至目前|其中|同时|此外|共|累计|全镇|全区|全县|全市|我镇|我区|我县|我市|我局)+/;
const VERBS = /(?:开展|组织|参加|参与|发放|办理|受理|审核|审查|清理|制定|出台|印发|录入|梳理|处理|化解|召开|举办|走访|收集|解决|服务|代办|新增|公开|立案|处置|播放|更新|接待|出具|代书|备案|举行|拆除|清运|查处|排查|调处|收到|答复|办结|完成|签订|聘请|配备|建立|设立|打造|招引|发现|督导|坚持|推进|实现|落实|明确|培养|办复|下访|接访|调整|整治|关停|处罚|给予|主动发现|共有|拥有|达成|创建|选聘|聘任|吸纳|覆盖|提供|赋予|授权|入选|纳入|申报|确保)/g;
const BARE_RATE = /^(?:[\u4e00-\u9fa5]{0,2}率|成功|比例|占比)$/;

/**
 * How far a clause around a figure is read on either side (for what it counts, and by the rules). Real clauses are
 * far shorter (the longest of the seeds and the corpus has 108 characters); a text without punctuation must not make
 * every figure read back to its start.
 */
export const CLAUSE_REACH = 200;

/** The noun phrase a figure belongs to: before it (「行政复议案件15件」), or after it (「审核20余份政府文件」). */
function subjectOf(text: string, start: number, end: number, sentenceStart: number, sentenceEnd: number): string | undefined {
  let clauseStart = start;
  const reachBack = Math.max(sentenceStart, start - CLAUSE_REACH);
  while (clauseStart > reachBack && !CLAUSE_BREAK.test(text[clauseStart - 1])) clauseStart--;
  let clause = text.slice(clauseStart, start);
  // A bracket still open before the figure holds it: 「纠纷120件（离婚纠纷45件」 counts 离婚纠纷, not what is outside.
  const opened = unclosedBracket(clause);
  if (opened >= 0) clause = clause.slice(opened + 1);
  // A 《title》 before the figure is the source, not the subject: 「《……清单》中规定的……事项清单共151项」.
  const titleEnd = clause.lastIndexOf('》');
  if (titleEnd >= 0) {
    const title = clause.slice(clause.lastIndexOf('《', titleEnd), titleEnd + 1);
    clause = clause.slice(titleEnd + 1).replace(/^中?(?:规定|确定|明确|列明)?的/, '');
    if (clause.length === 0 && title.length > 2) return limit(title); // 「《……审查意见》2份」
  }
  for (let i = 0; i < 3; i++) clause = clause.replace(CONNECTORS, '');
  clause = clause.replace(LEADING_NOISE, '').replace(/^[0-9０-９][0-9０-９.,]*(?:余|多)?[个件项名人次份条家宗起]?/, '');
  let subject = afterLastVerb(clause);
  if (subject && subject.length >= 2) return limit(subject);
  // Nothing but a verb before the number: what follows the measure word is the subject.
  let after = end;
  const reach = Math.min(sentenceEnd, end + CLAUSE_REACH);
  // Inside a bracket, the phrase ends with it: 「（含四个片区局）均已」 → 片区局.
  while (after < reach && !AFTER_BREAK.test(text[after]) && !(opened >= 0 && (text[after] === '）' || text[after] === ')'))) after++;
  subject = text.slice(end, after).replace(/^的/, '');
  const verbAt = firstVerb(subject);
  if (verbAt > 0) subject = subject.slice(0, verbAt);
  if (subject.length >= 2) return limit(subject);
  const verbOnly = clause.replace(LEADING_ADVERBS, '');
  return verbOnly.length >= 2 ? limit(verbOnly) : undefined; // 「立案8人」: the act is what is counted
}

/** Where the last round bracket of `s` opens that is not closed again, or -1. */
function unclosedBracket(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i];
    if (c === '）' || c === ')') depth++;
    else if (c === '（' || c === '(') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * The phrase after the clause's last verb (「受理行政复议案件」 → 「行政复议案件」). When the clause ends in a verb
 * that names the activity counted (「开展法治培训」), the phrase runs from the verb before it instead.
 */
function afterLastVerb(clause: string): string {
  VERBS.lastIndex = 0;
  const verbs: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = VERBS.exec(clause)) !== null) verbs.push(m);
  if (verbs.length === 0) return clause;
  const last = verbs[verbs.length - 1];
  const rest = clause.slice(last.index + last[0].length).replace(/^(?:了|的|各类|各项)/, '');
  // 「调解成功率」「评查合格率」: the verb belongs to the rate's name.
  if (BARE_RATE.test(rest)) {
    const previous = verbs[verbs.length - 2];
    return clause.slice(previous ? previous.index + previous[0].length : 0).replace(LEADING_ADVERBS, '');
  }
  if (rest.length >= 2) return rest;
  const previous = verbs[verbs.length - 2];
  const phrase = clause.slice(previous ? previous.index + previous[0].length : 0).replace(LEADING_ADVERBS, '');
  // Nothing but the verb (「配备2名专职调解员」): the caller looks after the figure instead.
  return phrase === last[0] ? '' : phrase;
}

const LEADING_ADVERBS = /^(?:了|的|先后|共|累计|积极|主动|定期|持续|全面|深入|广泛|认真|及时|依法|严格|每[年月周日天]|坚持)+/;

function firstVerb(s: string): number {
  VERBS.lastIndex = 0;
  const m = VERBS.exec(s);
  return m ? m.index : -1;
}

/** Long phrases keep their end, where the noun is, and show that they were cut. */
function limit(s: string): string {
  return s.length > 18 ? `…${s.slice(s.length - 17)}` : s;
}
