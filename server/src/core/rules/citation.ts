// citation: the documents and meetings a report cites, against data/documents.json (verified titles, 文号,
// dates; sources and confidence per entry). 党政机关公文处理工作条例 第二十条 has reviewers check that
// 引文 are accurate. Findings:
// - a 《》 title that is a near miss of a known one (another period, 督查 for 督察, a dropped character);
// - a known document with a wrong 文号 next to it, or the 文号 of a text that has since been replaced;
// - a document issued after the report was written (after 1 April of Y+1, or after its 成文日期 when later);
// - a superseded document cited as current (《信访条例》 in a report on 2023);
// - (hints) a report that names only the previous 党代会 (十九大 in a report on 2023, no 二十大), or a
//   meeting held after it was written.
import type { Fix, Message, Rule, RuleContext, RuleSource } from '../findings';
import { citedTitles, type CitedTitle } from '../model/titles';
import type { Range, ReportModel } from '../model/types';
import { paragraphMemo } from './shared/memo';
import {
  CONGRESSES, DOCUMENTS, PLENUMS, documentById, matchTitle, parseDocumentNumber, sameNumber, sameSeries, yearMonth,
  type CitedDocument,
} from './shared/documents';
import { GONGWEN_REVIEW } from './shared/sources';
import { sentenceTester } from './shared/text';

/** A 党代会 or 中央全会 named in the text. */
interface MeetingMention {
  /** 届: 19 for 十九大 and 十九届N中全会. */
  term: number;
  /** The plenums named (「十九届二中、三中全会」 → [2, 3]); empty for the congress itself or 历次全会. */
  plenums: number[];
  congress: boolean;
  start: number;
  end: number;
  /** 「十八大以来」: a span of history, not the meeting whose spirit the year's work follows. */
  since: boolean;
  /** 「迎接党的二十大胜利召开」: a meeting still to come. */
  upcoming: boolean;
}

interface SpanCitations {
  readonly titles: readonly CitedTitle[];
  readonly meetings: readonly MeetingMention[];
}

const TERMS: Record<string, number> = { 十七: 17, 十八: 18, 十九: 19, 二十: 20 };
const PLENUM_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };
const MEETING = /(十[七八九]|二十)(?:(大)|届((?:[一二三四五六七]中[、，,和及]?)+)全会|届(历次)全会)/g;
/** What makes 「十九大」 the congress and not 「十九大项目」. */
const CONGRESS_BEFORE = /(?:党的|中共|党)$/;
const CONGRESS_AFTER = /^(?:[和、及与]|精神|报告|以来|召开|胜利|代表|作出|提出|部署|确定)/;
const SINCE_AFTER = /^(?:胜利)?(?:召开)?以来/;
const UPCOMING_BEFORE = /(?:迎接|喜迎|即将|筹备|备战)[^，。；]{0,6}$/;
const UPCOMING_AFTER = /^(?:胜利)?召开(?:前|之前)|^前夕/;

function meetingsIn(text: string): MeetingMention[] {
  if (!text.includes('大') && !text.includes('全会')) return [];
  const mentions: MeetingMention[] = [];
  MEETING.lastIndex = 0;
  for (let m = MEETING.exec(text); m; m = MEETING.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 8);
    const congress = m[2] !== undefined;
    if (congress && !CONGRESS_BEFORE.test(before) && !CONGRESS_AFTER.test(after)) continue;
    const plenums = m[3] ? [...m[3].matchAll(/([一二三四五六七])中/g)].map((p) => PLENUM_NUMBERS[p[1]]) : [];
    mentions.push({
      term: TERMS[m[1]], plenums, congress, start, end,
      since: SINCE_AFTER.test(after),
      upcoming: UPCOMING_BEFORE.test(before) || UPCOMING_AFTER.test(after),
    });
  }
  return mentions;
}

/** Most paragraphs cite nothing: they share one empty result, as the memo keeps one per paragraph. */
const NO_CITATIONS: SpanCitations = Object.freeze({ titles: Object.freeze([]), meetings: Object.freeze([]) });

function citationsIn(text: string): SpanCitations {
  const titles = citedTitles(text);
  const meetings = meetingsIn(text);
  return titles.length === 0 && meetings.length === 0 ? NO_CITATIONS : { titles, meetings };
}

const paragraphCitations = paragraphMemo<SpanCitations>();

/** A stretch of body text to read: a paragraph, or a heading's title. */
interface Span {
  line: number;
  /** Character of the span's first character in its line. */
  offset: number;
  text: string;
  citations: SpanCitations;
  /** Whether the sentence around a title speaks of it as old: made when a superseded document is cited. */
  speaksOfOld?: (from: number, to: number) => boolean;
}

function spansOf(model: ReportModel): Span[] {
  const spans: Span[] = [];
  for (const h of model.headings) {
    if (h.title.includes('《') || h.title.includes('大') || h.title.includes('全会')) {
      spans.push({ line: h.line, offset: h.titleRange.start.character, text: h.title, citations: citationsIn(h.title) });
    }
  }
  for (const p of model.paragraphs) {
    spans.push({ line: p.line, offset: p.range.start.character, text: p.text, citations: paragraphCitations.get(p, () => citationsIn(p.text)) });
  }
  return spans;
}

/** When the report was written at the latest: its 成文日期 when that is in Y+1 or later, else 1 April of Y+1. */
function writtenBy(model: ReportModel, year: number): { year: number; month: number } {
  const date = model.signature?.date;
  if (date?.year !== undefined && date.month !== undefined && date.year >= year + 1) return { year: date.year, month: date.month };
  return { year: year + 1, month: 4 };
}

function later(a: { year: number; month: number }, b: { year: number; month: number }): boolean {
  return a.year > b.year || (a.year === b.year && a.month > b.month);
}

function monthText(date: string): string {
  const { year, month } = yearMonth(date);
  return date.length > 4 ? `${year}年${month}月` : `${year}年`;
}

function dayText(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return d ? `${y}年${m}月${d}日` : monthText(date);
}

/** How a document is named for the reader: its current 文号, else its issuer and date. */
function citeOf(doc: CitedDocument): string {
  const current = doc.numbers.find((n) => !n.until);
  return current ? current.number : `${doc.issuer}${monthText(doc.issued)}印发`;
}

function rangeOf(span: Span, start: number, end: number): Range {
  return { start: { line: span.line, character: span.offset + start }, end: { line: span.line, character: span.offset + end } };
}

function titleFix(span: Span, title: CitedTitle, replacement: string): Fix {
  return {
    title: { zh: `改为《${replacement}》`, en: `Change to 《${replacement}》` },
    edits: [{ range: rangeOf(span, title.start + 1, title.end - 1), newText: replacement }],
    preferred: true,
  };
}

const SENTENCE_END = /[。；！]/g;
const SPOKEN_OF_AS_OLD = /废止|失效|取代|替代|修订前|不再适用|停止执行/;

/** 「原《信访条例》」, 「…已废止」: the sentence speaks of the old document as old. */
function historical(span: Span, title: CitedTitle): boolean {
  const before = span.text[title.start - 1];
  if (before === '原' || before === '旧') return true;
  span.speaksOfOld ??= sentenceTester(span.text, SENTENCE_END, SPOKEN_OF_AS_OLD);
  return span.speaksOfOld(title.start, title.end);
}

function checkNumber(span: Span, title: CitedTitle, doc: CitedDocument, year: number | undefined, report: RuleContext['report']): void {
  const written = title.number;
  if (!written || doc.numbers.length === 0) return;
  const parsed = parseDocumentNumber(written.text);
  if (!parsed) return;
  const known = doc.numbers.map((n) => ({ ...n, parsed: parseDocumentNumber(n.number)! }));
  const current = known.find((n) => !n.until) ?? known[0];
  const match = known.find((n) => sameNumber(parsed, n.parsed));
  const range = rangeOf(span, written.start, written.end);
  // Before a title the 文号 may start inside the sentence: replace only as much as the known one covers.
  const replaceRange = written.side === 'before' ? rangeOf(span, Math.max(written.start, written.end - current.number.length), written.end) : range;
  const fix: Fix = { title: { zh: `改为${current.number}`, en: `Change to ${current.number}` }, edits: [{ range: replaceRange, newText: current.number }], preferred: true };
  if (match) {
    if (match.until && year !== undefined && year >= yearMonth(match.until).year) {
      report({
        range,
        message: {
          zh: `${written.text}是《${doc.title}》旧文本的文号；${dayText(match.until)}起施行的是${current.number}修订的文本`,
          en: `${written.text} is the number of the old text of 《${doc.title}》; the text in force since ${match.until} is ${current.number}`,
        },
        fixes: [fix],
      });
    }
    return;
  }
  if (!doc.numbersComplete || !known.some((n) => sameSeries(parsed, n.parsed))) {
    // Another kind of 文号 (a 主席令 where the table knows a 国务院令) is wrong as well, but only a 文号
    // read after the title is surely meant as its number.
    if (!doc.numbersComplete || written.side === 'before') return;
  }
  report({
    range,
    message: {
      zh: `《${doc.title}》的文号是${current.number}，不是${written.text}`,
      en: `The number of 《${doc.title}》 is ${current.number}, not ${written.text}`,
    },
    fixes: [fix],
  });
}

export const citation: Rule = {
  id: 'citation',
  defaultSeverity: 'warning',
  description: { zh: '引用的文件名称、文号、年份与官方文件不符，或与报告年度不符', en: 'A cited document’s title, number or date differs from the official one or does not fit the report year' },
  sources: [
    GONGWEN_REVIEW,
    ...DOCUMENTS.filter((d) => d.numbers.some((n) => !n.until)).map((d): RuleSource => ({ cite: d.numbers.find((n) => !n.until)!.number, title: `《${d.title}》` })),
  ],
  reportsOnly: true,
  readsWording: true,
  check({ model, report }) {
    const year = model.year?.value;
    const limit = year === undefined ? undefined : writtenBy(model, year);
    const meetings: { span: Span; mention: MeetingMention }[] = [];
    for (const span of spansOf(model)) {
      for (const mention of span.citations.meetings) meetings.push({ span, mention });
      for (const title of span.citations.titles) {
        const match = matchTitle(title.text);
        if (!match) continue;
        const range = rangeOf(span, title.start, title.end);
        if (match.kind === 'near') {
          const message: Message = match.reason === 'period'
            ? { zh: `文件名称中的年份有误，应为《${match.replacement}》（${citeOf(match.doc)}）`, en: `The period in the title is wrong: the document is 《${match.replacement}》 (${citeOf(match.doc)})` }
            : { zh: `文件名称与《${match.replacement}》（${citeOf(match.doc)}）只差一两个字，疑为笔误`, en: `The title is one or two characters off 《${match.replacement}》 (${citeOf(match.doc)}): likely a slip` };
          report({ range, message, fixes: [titleFix(span, title, match.replacement)] });
          continue;
        }
        if (match.docs.length !== 1) continue;
        const doc = match.docs[0];
        checkNumber(span, title, doc, year, report);
        if (year === undefined || !limit) continue;
        const issued = yearMonth(doc.issued);
        if (later(issued, limit)) {
          report({
            range,
            message: {
              zh: `《${doc.title}》${monthText(doc.issued)}才印发，晚于${year}年度报告的成文时间（${limit.year}年${limit.month}月）：请核对文件名称或报告年度`,
              en: `《${doc.title}》 was issued in ${doc.issued.slice(0, 7)}, after a report on ${year} was written (${limit.year}-${String(limit.month).padStart(2, '0')}): check the title or the report year`,
            },
          });
          continue;
        }
        const successor = doc.supersededBy && documentById(doc.supersededBy.id);
        if (successor && doc.supersededBy && year > yearMonth(doc.supersededBy.date).year && !historical(span, title)) {
          report({
            range,
            message: {
              zh: `《${doc.title}》已被《${successor.title}》取代（${dayText(doc.supersededBy.date)}起施行），${year}年度的报告应引用后者`,
              en: `《${doc.title}》 was replaced by 《${successor.title}》 (in force since ${doc.supersededBy.date}); a report on ${year} cites the latter`,
            },
            fixes: [titleFix(span, title, successor.title)],
            tags: ['deprecated'],
          });
        }
      }
    }
    if (year !== undefined && limit) checkMeetings(meetings, year, limit, report);
  },
};

const congressOf = (term: number) => CONGRESSES.find((c) => c.term === term);

function checkMeetings(meetings: { span: Span; mention: MeetingMention }[], year: number, limit: { year: number; month: number }, report: RuleContext['report']): void {
  if (meetings.length === 0) return;
  meetings.sort((a, b) => a.span.line - b.span.line || a.span.offset + a.mention.start - (b.span.offset + b.mention.start));
  // A meeting held after the report was written: a wrong 届 or 中全会, or a wrong report year.
  for (const { span, mention } of meetings) {
    if (mention.upcoming || mention.since) continue;
    const held = mention.plenums.length > 0
      ? mention.plenums.map((n) => ({ date: PLENUMS.find((p) => p.term === mention.term && p.number === n)?.date }))
      : mention.congress ? [{ date: congressOf(mention.term)?.date }] : [];
    const late = held.find((h) => h.date !== undefined && later(yearMonth(h.date), limit));
    if (!late) continue;
    const name = span.text.slice(mention.start, mention.end);
    report({
      range: rangeOf(span, mention.start, mention.end),
      severity: 'hint',
      message: {
        zh: `${name}于${monthText(late.date!)}召开，晚于${year}年度报告的成文时间：请核对届次或报告年度`,
        en: `${name} met in ${late.date}, after a report on ${year} was written: check the meeting or the report year`,
      },
    });
    return;
  }
  // The congress whose spirit the year's work follows: the last one held in or before the report year.
  const current = [...CONGRESSES].reverse().find((c) => yearMonth(c.date).year <= year);
  if (!current || meetings.some(({ mention }) => mention.term >= current.term)) return;
  const first = meetings.find(({ mention }) => mention.term === current.term - 1 && !mention.since && !mention.upcoming);
  if (!first) return;
  report({
    range: rangeOf(first.span, first.mention.start, first.mention.end),
    severity: 'hint',
    message: {
      zh: `${year}年度的报告只提到${first.span.text.slice(first.mention.start, first.mention.end)}，未提到${monthText(current.date)}召开的${current.name}：请核对是否沿用了旧的表述`,
      en: `A report on ${year} names only ${first.span.text.slice(first.mention.start, first.mention.end)}, not ${current.name} (${current.date}): check for wording carried over from earlier years`,
    },
  });
}
