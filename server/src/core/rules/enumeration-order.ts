// enumeration-order: run-in enumerations (一是…二是…, 第一，…第二，…) that repeat or skip a number — 「一是…二是…
// 二是…」, 「一是…三是…」. A run is the markers of one style inside one paragraph, continued by the next paragraphs
// of the same innermost section when they go on at a number above 1 (「二是」 on its own paragraph). It restarts at
// every 一是, at every heading, and when a later paragraph steps back (a new list whose 一是 is elsewhere, e.g. in a
// heading's title). Markers inside quotes and 《》 belong to what is quoted, those in brackets to a nested list.
// GB/T 15834-2011 names 第一/一是 序次语; 中办发〔2012〕14号 第二十条 has the reviewer check 段落顺序 and 文字.
import type { Fix, FindingInput, Rule, TextEdit } from '../findings';
import { findEnumerations, formatChineseNumeral } from '../model/numbering';
import type { Paragraph, Range } from '../model/types';
import { paragraphMemo } from './shared/memo';
import { GBT_15834_ORDINALS, GONGWEN_REVIEW } from './shared/sources';

type Style = 'shi' | 'di';

interface Marker {
  value: number;
  style: Style;
  /** Offsets of the marker (「二是」「第二」) in the paragraph's text. */
  start: number;
  end: number;
}

interface Placed extends Marker {
  /** The paragraph's index in the model. */
  paragraph: number;
  line: number;
  /** Where the paragraph's text starts on its line. */
  offset: number;
}

/** Longer runs are no list anyone writes (numerals reach 九十九): left alone, which also bounds the fix work. */
const MAX_RUN = 30;

const NONE: readonly Marker[] = Object.freeze([]);
const memo = paragraphMemo<readonly Marker[]>();

/** 「（第一、二批）」「第二、三季度」: ordinals of a series, not an enumeration. */
const ORDINAL_SERIES_AFTER = /^、[一二三四五六七八九十第]/;

/**
 * The enumeration markers of a text, without ordinal series and without those inside quotes, 《》 or brackets:
 * what is quoted, and a list nested in a note (「一是加强学习（一是会前学法，二是专题培训），二是……」).
 */
export function markersIn(text: string): readonly Marker[] {
  const found = findEnumerations(text, 0);
  if (found.length === 0) return NONE;
  const enclosed = enclosedSpans(text);
  const out: Marker[] = [];
  // Markers and spans are both in text order: one walk over the two.
  let s = 0;
  for (const e of found) {
    while (s < enclosed.length && enclosed[s][1] <= e.start) s++;
    if (s < enclosed.length && enclosed[s][0] <= e.start) continue;
    if (e.style === 'di' && ORDINAL_SERIES_AFTER.test(text.slice(e.end, e.end + 2))) continue;
    out.push({ value: e.value, style: e.style, start: e.start, end: e.end });
  }
  return out.length > 0 ? out : NONE;
}

const ENCLOSING_OPENS = '“‘「『《（(';
const ENCLOSING_MARK = /[“‘「『《（(”’」』》）)]/g;

/** Spans inside quotes, 《…》 and brackets (an unclosed one runs to the end of the text). */
function enclosedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let from = 0;
  ENCLOSING_MARK.lastIndex = 0;
  for (let m = ENCLOSING_MARK.exec(text); m; m = ENCLOSING_MARK.exec(text)) {
    if (ENCLOSING_OPENS.includes(m[0])) {
      if (depth++ === 0) from = m.index;
    } else if (depth > 0 && --depth === 0) {
      spans.push([from, m.index + 1]);
    }
  }
  if (depth > 0) spans.push([from, text.length]);
  return spans;
}

export const enumerationOrder: Rule = {
  id: 'enumeration-order',
  defaultSeverity: 'warning',
  description: { zh: '段内列举“一是……二是……”“第一，……第二，……”序号重复或跳号', en: 'Run-in enumerations (一是/二是, 第一/第二) repeat or skip a number' },
  sources: [GBT_15834_ORDINALS, GONGWEN_REVIEW],
  reportsOnly: true,
  readsWording: true,
  check({ model, report }) {
    const open: Record<Style, Placed[] | undefined> = { shi: undefined, di: undefined };
    const runs: Placed[][] = [];
    let section: Paragraph['section'] | null = null;
    const enumerations = model.enumerations;
    let e = 0;
    const paragraphs = model.paragraphs;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      // Only the paragraphs the parser found enumerations on are read again (both lists are in line order).
      while (e < enumerations.length && enumerations[e].line < p.line) e++;
      if (e === enumerations.length) break;
      if (enumerations[e].line !== p.line) continue;
      // Sections never resume after a sub-heading, so comparing the paragraphs that have markers suffices.
      if (p.section !== section) {
        // A heading between: every list starts again.
        open.shi = open.di = undefined;
        section = p.section;
      }
      const markers = memo.get(p, () => markersIn(p.text));
      if (markers.length === 0) continue;
      const first: Record<Style, boolean> = { shi: true, di: true };
      for (const m of markers) {
        const placed: Placed = { value: m.value, style: m.style, start: m.start, end: m.end, paragraph: i, line: p.line, offset: p.range.start.character };
        let run = open[m.style];
        const last = run?.[run.length - 1];
        // Within a paragraph only 一 starts a new list; from one paragraph to the next, a step back does too.
        const restart = !run || m.value === 1 || (first[m.style] && last !== undefined && m.value < last.value);
        if (restart) {
          run = [];
          runs.push(run);
          open[m.style] = run;
        }
        run!.push(placed);
        first[m.style] = false;
      }
    }
    for (const run of runs) if (run.length > 1 && run.length <= MAX_RUN) checkRun(run, paragraphs, report);
  },
};

function checkRun(run: Placed[], paragraphs: readonly Paragraph[], report: (f: FindingInput) => void): void {
  let previous = run[0];
  /** After a fault, the number that follows the marker as it should have been (一是 二是 二是 四是: 四). */
  let corrected: number | undefined;
  let faulted = false;
  for (let k = 1; k < run.length; k++) {
    const m = run[k];
    let expected = previous.value + 1;
    // Numbers standing between the two in a form the parser does not read (「三 是」 with a space, from a PDF) are
    // items of the list all the same.
    if (m.value > expected && m.value !== corrected) {
      const between = textsBetween(paragraphs, previous, m);
      while (expected < m.value && expected - previous.value <= MAX_LOOSE && writtenLoosely(between, m.style, expected)) expected++;
    }
    if (m.value === expected || m.value === corrected) {
      previous = m;
      corrected = undefined;
      continue;
    }
    const found = label(m.style, m.value);
    const before = label(previous.style, previous.value);
    const related = [{ range: rangeOf(previous), message: { zh: `上一项为“${before}”`, en: `the previous item is “${before}”` } }];
    const duplicate = m.value < expected;
    const missing: string[] = [];
    for (let v = expected; v < m.value; v++) missing.push(`“${label(m.style, v)}”`);
    report({
      range: rangeOf(m),
      message: duplicate
        ? { zh: `“${found}”重复，应为“${label(m.style, expected)}”`, en: `“${found}” repeats a number already used; it should be “${label(m.style, expected)}”` }
        : { zh: `“${found}”前缺少${missing.join('')}`, en: `${missing.join(' ')} ${missing.length > 1 ? 'are' : 'is'} missing before “${found}”` },
      related,
      fixes: fixesFor(run, k, expected, duplicate, !faulted),
    });
    previous = m;
    corrected = expected + 1;
    faulted = true;
  }
}

/**
 * The fix is certain when the list goes on as if this one marker had its right number (一是 二是 二是 四是,
 * 一是 三是 三是), and for a repeat that ends the list (一是 二是 二是). A number skipped at the end of a list may as
 * well be a missing item, which the writer restores instead; and when the rest of the list goes on from the
 * wrong number (一是 二是 二是 三是), renumbering it is likely right but not certain (an item pasted twice): these
 * fixes are offered, never preferred. So is every fix after the first fault of a run (一是 二是 二是 二是), where the
 * numbers before it are in doubt too.
 */
function fixesFor(run: Placed[], k: number, expected: number, duplicate: boolean, firstFault: boolean): Fix[] {
  const m = run[k];
  const next = run[k + 1];
  const to = label(m.style, expected);
  if (!next || next.value === expected + 1) {
    return [{ title: { zh: `改为“${to}”`, en: `Change to “${to}”` }, edits: [digitsEdit(m, expected)], preferred: firstFault && (next !== undefined || duplicate) }];
  }
  // Renumber the rest, when it is consecutive from here (otherwise its own faults say more).
  for (let i = k + 1; i < run.length; i++) if (run[i].value !== run[i - 1].value + 1) return [];
  const edits: TextEdit[] = [];
  for (let i = k; i < run.length; i++) edits.push(digitsEdit(run[i], expected + i - k));
  const zh = `从“${label(m.style, m.value)}”起重新编号（${edits.length}处，从“${to}”起）`;
  const en = `Renumber from here (${edits.length} markers, starting at “${to}”)`;
  return [{ title: { zh, en }, edits, preferred: false }];
}

/** How many numbers in a row may stand loosely written before a marker (a wider gap is no spacing accident). */
const MAX_LOOSE = 4;

/** The text between two markers of a run: parts of their paragraphs, and the paragraphs between them. */
function textsBetween(paragraphs: readonly Paragraph[], from: Placed, to: Placed): string[] {
  if (from.paragraph === to.paragraph) return [paragraphs[from.paragraph].text.slice(from.end, to.start)];
  const texts = [paragraphs[from.paragraph].text.slice(from.end)];
  for (let i = from.paragraph + 1; i < to.paragraph; i++) texts.push(paragraphs[i].text);
  texts.push(paragraphs[to.paragraph].text.slice(0, to.start));
  return texts;
}

/** Whether a number's marker stands in the texts with spaces inside it (「三 是」「第 三，」). */
function writtenLoosely(texts: readonly string[], style: Style, value: number): boolean {
  const numeral = [...formatChineseNumeral(value)].join('\\s*');
  const loose = new RegExp(style === 'shi' ? `${numeral}\\s*是` : `第\\s*${numeral}\\s*[，,、：:]`);
  return texts.some((t) => loose.test(t));
}

function label(style: Style, value: number): string {
  return style === 'shi' ? `${formatChineseNumeral(value)}是` : `第${formatChineseNumeral(value)}`;
}

function rangeOf(m: Placed): Range {
  return { start: { line: m.line, character: m.offset + m.start }, end: { line: m.line, character: m.offset + m.end } };
}

/** Replaces the numeral of a marker: 「二」 of 「二是」 or of 「第二」. */
function digitsEdit(m: Placed, value: number): TextEdit {
  const start = m.offset + m.start + (m.style === 'di' ? 1 : 0);
  const end = m.offset + m.end - (m.style === 'shi' ? 1 : 0);
  return { range: { start: { line: m.line, character: start }, end: { line: m.line, character: end } }, newText: formatChineseNumeral(value) };
}
