// Small text facts rules share: the document's line break, where sections end, years mentioned in text.
import { parseArabicNumeral } from '../../model/numbering';
import type { Position, Range, ReportModel } from '../../model/types';

export function lineBreak(model: ReportModel): string {
  return model.eol === 'CRLF' ? '\r\n' : model.eol === 'CR' ? '\r' : '\n';
}

/** Whether paragraphs are separated by blank lines (as web copies are): inserted text should follow suit. */
export function usesBlankLines(model: ReportModel): boolean {
  let blank = 0;
  let tight = 0;
  for (const h of model.headings) {
    const next = h.line + 1;
    if (next >= model.lines.length) continue;
    if (model.lines[next].trim() === '') blank++;
    else tight++;
  }
  return blank > tight;
}

/** A profile's skeleton text for this report: {Y} the report year, {Y+1} the next; without a year, 「{Y}年」 is left out. */
export function fillYears(model: ReportModel, text: string): string {
  const year = model.year?.value;
  return year === undefined ? text.replace(/\{Y\+1\}年|\{Y\}年/g, '') : text.replace(/\{Y\+1\}/g, String(year + 1)).replace(/\{Y\}/g, String(year));
}

export function endOfLine(model: ReportModel, line: number): Position {
  return { line, character: model.lines[line].length };
}

/** The first non-blank line of the report, as a range over its content: where document-level findings go. */
export function reportAnchor(model: ReportModel): Range {
  if (model.title) return model.title.lines[0].range;
  for (let i = model.reportLines.start; i < model.lines.length; i++) {
    const text = model.lines[i];
    const start = text.search(/\S/);
    if (start >= 0) return { start: { line: i, character: start }, end: { line: i, character: text.trimEnd().length } };
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export interface YearMention {
  year: number;
  /** Offsets of the four digits in the text. */
  start: number;
  end: number;
  /** Written in full-width digits (「２０２３年」, from PDF and OCR text): a fix keeps that form. */
  fullWidth: boolean;
}

const YEAR = /([12１２][0-9０-９]{3})\s*年/g;
const RANGE_START_BEFORE = /[12１２][0-9０-９]{3}\s*年?\s*[—–\-－~～至到]$/;

/** A year as a fix writes it over `mention`: in the digits the text used. */
export function yearText(year: number, mention: YearMention): string {
  const digits = String(year);
  return mention.fullWidth ? digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : digits;
}

/**
 * Years written as 「2023年」 (or 「２０２３年」) in running text, leaving out years inside 《》 titles (「《纲要（2021—2025年）》」)
 * and the ends of ranges (「2021—2025年」「2021-2025年」), which name periods rather than the year spoken of.
 */
export function yearMentions(text: string): YearMention[] {
  const out: YearMention[] = [];
  let depth = 0;
  const inTitle: boolean[] = new Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《') depth++;
    inTitle[i] = depth > 0;
    if (c === '》' && depth > 0) depth--;
  }
  YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(text)) !== null) {
    const start = m.index;
    if (inTitle[start]) continue;
    const year = parseArabicNumeral(m[1]);
    if (year < 1900 || year > 2099) continue;
    const before = text.slice(Math.max(0, start - 6), start);
    if (RANGE_START_BEFORE.test(before)) continue;
    out.push({ year, start, end: start + 4, fullWidth: m[1].charCodeAt(0) > 0xff });
  }
  return out;
}

/** Index of the first element of `sorted` not below `at` (binary search). */
export function lowerBound(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The places of a text where a character class matches (sentence ends, clause breaks), found once: where the stretch
 * around a place starts and ends is then a binary search, not a walk back to the start of a sentence that may be the
 * whole paragraph.
 */
export class Marks {
  private readonly at: number[] = [];

  /** `marks`: a global regular expression for one character of the class. */
  constructor(readonly text: string, marks: RegExp) {
    for (const m of text.matchAll(marks)) this.at.push(m.index!);
  }

  /** Where the stretch holding `at` starts: just after the last mark before `at`, else 0. */
  startBefore(at: number): number {
    const i = lowerBound(this.at, at) - 1;
    return i >= 0 ? this.at[i] + 1 : 0;
  }

  /** The first mark at or after `at`, else the text's length. */
  endFrom(at: number): number {
    const i = lowerBound(this.at, at);
    return i < this.at.length ? this.at[i] : this.text.length;
  }
}

/**
 * Whether `pattern` occurs in the sentence around a place of `text`: from the sentence start before `from` to the
 * sentence end after `to` (at `from` when not given), sentences ending at the characters `endMarks` matches (a global
 * character class). Each sentence is read once whatever number of places ask about it: a paragraph written as one
 * sentence must not be read again for each name or title in it.
 */
export function sentenceTester(text: string, endMarks: RegExp, pattern: RegExp): (from: number, to?: number) => boolean {
  let ends: Marks | undefined;
  const answers = new Map<string, boolean>();
  return (from, to = from) => {
    ends ??= new Marks(text, endMarks);
    const start = ends.startBefore(from);
    const end = ends.endFrom(to);
    const key = `${start}:${end}`;
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = pattern.test(text.slice(start, end))));
    return answer;
  };
}

/**
 * Where a global `pattern` matches in a text (those of its matches `keep` accepts), found once: whether a stretch holds
 * a whole match is then a binary search. Exact for patterns whose matches cannot overlap (words, years): a paragraph
 * written as one sentence must not be read again from the sentence start for each figure in it.
 */
export class Matches {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(text: string, pattern: RegExp, keep: (m: RegExpMatchArray) => boolean = () => true) {
    for (const m of text.matchAll(pattern)) {
      if (!keep(m)) continue;
      this.starts.push(m.index!);
      this.ends.push(m.index! + m[0].length);
    }
  }

  /** Whether a match lies wholly in [from, to). */
  within(from: number, to: number): boolean {
    const i = lowerBound(this.starts, from);
    return i < this.starts.length && this.ends[i] <= to;
  }
}
