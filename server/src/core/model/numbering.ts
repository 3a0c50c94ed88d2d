// Numerals of heading numbers (一 … 九十九, 1 … 999) and the recognition of a heading marker at the
// start of a line. Pure functions over one line: they know nothing of the document around it.

import type { HeadingLevel, HeadingNumber, NumeralKind } from './types';

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * Value of a Chinese numeral up to 九千九百九十九 (一, 十, 十二, 二十, 一百零五), or undefined when the
 * string is not a well-formed numeral.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  let total = 0;
  let pending = -1; // digit waiting for its unit; -1 = none
  let lastUnit = 100000;
  for (const ch of s) {
    const d = CHINESE_DIGITS[ch];
    if (d !== undefined) {
      if (pending >= 0 && pending !== 0) return undefined; // two digits in a row (「二三」) is no numeral
      pending = d;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (unit === 0 || unit >= lastUnit) return undefined;
    total += (pending < 0 ? 1 : pending) * unit; // 十二: a bare 十 means 一十
    if (pending === 0) return undefined;
    pending = -1;
    lastUnit = unit;
  }
  if (pending > 0) total += pending;
  return total === 0 && pending !== 0 ? undefined : total;
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (the form used in heading numbers). */
export function formatChineseNumeral(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return digits[n];
  if (n < 20) return '十' + (n % 10 === 0 ? '' : digits[n % 10]);
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十']];
  let out = '';
  let rest = n;
  let needZero = false;
  for (const [size, name] of units) {
    const d = Math.floor(rest / size);
    rest %= size;
    if (d > 0) {
      if (needZero) out += '〇';
      out += digits[d] + name;
      needZero = false;
    } else if (out) {
      needZero = true;
    }
  }
  if (rest > 0) out += (needZero ? '〇' : '') + digits[rest];
  return out;
}

/** Value of an Arabic numeral written with ASCII or full-width digits. */
export function parseArabicNumeral(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) c -= 0xfee0;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** A heading marker found at the start of a line, with offsets relative to that line. */
export interface MarkerMatch extends Omit<HeadingNumber, 'raw' | 'range'> {
  start: number;
  end: number;
}

const CN = '[一二三四五六七八九十百千][一二三四五六七八九十百千〇零]{0,6}';
const AR = '[0-9０-９]{1,3}';
const SP = '[ \\t\\u3000\\u00a0]*';
// Bracketed numbers, with either bracket width (mixed widths too), and the punctuation some writers add.
const BRACKETED = new RegExp(`^([（(])${SP}(${CN}|${AR})${SP}([）)])(${SP}[、，,.．])?`);
// A number closed by a bracket only: 「1）」「一)」 — a variant of the bracketed forms.
const CLOSED_ONLY = new RegExp(`^(${CN}|${AR})${SP}([）)])`);
// Bare numbers followed by their punctuation: 一、 1. and the variants 一. 一， 1、 1．
const BARE = new RegExp(`^(${CN}|${AR})${SP}([、，,.．])`);
const DIGIT_AFTER = /^[0-9０-９]/;

function isArabic(digits: string): boolean {
  const c = digits.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * Recognises a heading number at `from` in `line` (after indentation). Returns undefined for text that only
 * looks like one: decimals (「1.5万」), years (「2023，」), enumerations (「一是」) and ordinals (「第一」).
 */
export function matchHeadingMarker(line: string, from: number): MarkerMatch | undefined {
  const rest = from === 0 ? line : line.slice(from, from + 24);
  const first = rest.charCodeAt(0);
  // Fast exit: every marker starts with a bracket, a Chinese numeral or a digit.
  if (!(first === 0xff08 || first === 0x28 || (first >= 48 && first <= 57) || (first >= 0xff10 && first <= 0xff19) || isChineseNumeralChar(first))) {
    return undefined;
  }
  let m = BRACKETED.exec(rest);
  if (m) {
    const digits = m[2];
    const numeral: NumeralKind = isArabic(digits) ? 'arabic' : 'chinese';
    const value = numeral === 'arabic' ? parseArabicNumeral(digits) : parseChineseNumeral(digits);
    if (value === undefined || value === 0) return undefined;
    const suffix = m[4] ? m[4].trim() : '';
    return {
      level: numeral === 'chinese' ? 2 : 4, value, numeral, digits,
      open: m[1], close: m[3], suffix, start: from, end: from + m[0].length,
    };
  }
  m = CLOSED_ONLY.exec(rest);
  if (m) {
    const digits = m[1];
    const numeral: NumeralKind = isArabic(digits) ? 'arabic' : 'chinese';
    const value = numeral === 'arabic' ? parseArabicNumeral(digits) : parseChineseNumeral(digits);
    if (value === undefined || value === 0) return undefined;
    return {
      level: numeral === 'chinese' ? 2 : 4, value, numeral, digits,
      open: '', close: m[2], suffix: '', start: from, end: from + m[0].length,
    };
  }
  m = BARE.exec(rest);
  if (m) {
    const digits = m[1];
    const suffix = m[2];
    const numeral: NumeralKind = isArabic(digits) ? 'arabic' : 'chinese';
    const after = rest.slice(m[0].length);
    if (numeral === 'arabic') {
      if ((suffix === '.' || suffix === '．') && DIGIT_AFTER.test(after)) return undefined; // a decimal
      if (suffix === '，' || suffix === ',') return undefined; // 「100，」 opens a sentence, not a heading
      if (suffix === '、' && DIGIT_AFTER.test(after)) return undefined; // 「3、4个」 is an approximation
    }
    const value = numeral === 'arabic' ? parseArabicNumeral(digits) : parseChineseNumeral(digits);
    if (value === undefined || value === 0) return undefined;
    return {
      level: numeral === 'chinese' ? 1 : 3, value, numeral, digits,
      open: '', close: '', suffix, start: from, end: from + m[0].length,
    };
  }
  return undefined;
}

function isChineseNumeralChar(c: number): boolean {
  // 一 二 三 四 五 六 七 八 九 十 百 千
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d ||
    c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341 || c === 0x767e || c === 0x5343;
}

/** The standard marker of GB/T 9704 for a level and value: 一、 （一） 1. （1）. */
export function standardMarker(level: HeadingLevel, value: number): string {
  switch (level) {
    case 1: return `${formatChineseNumeral(value)}、`;
    case 2: return `（${formatChineseNumeral(value)}）`;
    case 3: return `${value}.`;
    case 4: return `（${value}）`;
  }
}

const ENUMERATION = /(?:^|[。；;，,：:！!？?\s（(“"])((?:第([一二三四五六七八九十]{1,3})[，,、：:])|(?:([一二三四五六七八九十]{1,3})是))/g;

/** In-paragraph enumerations on one line: offsets of the marker and its value. */
export function findEnumerations(line: string, from: number): { start: number; end: number; marker: string; value: number; style: 'shi' | 'di' }[] {
  const out: { start: number; end: number; marker: string; value: number; style: 'shi' | 'di' }[] = [];
  if (line.indexOf('是', from) < 0 && line.indexOf('第', from) < 0) return out;
  // Start one code unit early so that the separator before the marker (indentation) can match.
  ENUMERATION.lastIndex = from > 0 ? from - 1 : 0;
  let m: RegExpExecArray | null;
  while ((m = ENUMERATION.exec(line)) !== null) {
    const marker = m[1];
    const start = m.index + m[0].length - marker.length;
    const style = m[2] !== undefined ? 'di' : 'shi';
    const value = parseChineseNumeral(m[2] ?? m[3]);
    if (value === undefined) continue;
    // 「一是」 inside a word (「统一是」) is excluded by the lookbehind class; 「第一，」 keeps its comma out.
    const text = style === 'di' ? marker.slice(0, -1) : marker;
    out.push({ start, end: start + text.length, marker: text, value, style });
  }
  return out;
}
