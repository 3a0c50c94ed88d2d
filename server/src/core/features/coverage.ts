// Which parts of the 法治政府建设实施纲要（2021—2025年） a report speaks to — part 一 (习近平法治思想) and the
// nine task areas 二–十 — by its headings (a part's heading words) or by its text (a part's keywords), with
// where. Data: core/data/gangyao.json (rules.md §4 R4.1, C29).
import GANGYAO from '../data/gangyao.json';
import type { Message } from '../findings';
import type { Range, ReportModel } from '../model/types';

export interface CoveragePlace {
  /** The heading (number and title), or the keyword inside its paragraph: what an editor selects. */
  range: Range;
  /** The heading as written, or an excerpt around the keyword; at most COVERAGE_TEXT_LIMIT characters. */
  text: string;
  /** The keyword found (keyword places only). */
  keyword?: string;
}

export interface AreaCoverage {
  id: string;
  /** The part's number in the 纲要: 一 for 习近平法治思想, 二–十 for the task areas. */
  part: string;
  /** The part's title as the 纲要 words it. */
  title: string;
  short: Message;
  /** How the report speaks to it: a heading named after it, else keywords in the text, else not at all. */
  via: 'heading' | 'keywords' | 'none';
  /** How many headings (via heading) or paragraphs (via keywords) speak to it. */
  count: number;
  /** The first few of those places. */
  places: CoveragePlace[];
}

/** Why a document has no coverage: not a report, a report without a year, or one on a year before 2021. */
export type CoverageUnavailable = 'not-report' | 'no-year' | 'before-first-year';

export const COVERAGE_FIRST_YEAR: number = GANGYAO.current.firstYear;
export const COVERAGE_TEXT_LIMIT = 60;
const MAX_PLACES = 5;
/** How much of the text before a keyword its excerpt shows. */
const EXCERPT_LEAD = 16;

interface PartData {
  id: string;
  part: string;
  title: string;
  short: Message;
  headings: string[];
  keywords: string[];
  falseFriends?: string[];
}

const PARTS: readonly PartData[] = [GANGYAO.current.thoughtPart, ...GANGYAO.current.areas];

export function coverageUnavailable(model: ReportModel): CoverageUnavailable | undefined {
  if (!model.isReport) return 'not-report';
  const year = model.year?.value;
  if (year === undefined) return 'no-year';
  return year < COVERAGE_FIRST_YEAR ? 'before-first-year' : undefined;
}

/** One computation per model (that is, per document version): the hover and the coverage view share it. */
const coverageByModel = new WeakMap<ReportModel, AreaCoverage[] | undefined>();

/** Coverage of the 2021—2025 纲要's parts, 一 to 十; undefined when `coverageUnavailable` says why not. */
export function gangyaoCoverage(model: ReportModel): AreaCoverage[] | undefined {
  if (coverageByModel.has(model)) return coverageByModel.get(model);
  const coverage = coverageUnavailable(model) ? undefined : PARTS.map((part) => partCoverage(model, part));
  coverageByModel.set(model, coverage);
  return coverage;
}

function partCoverage(model: ReportModel, part: PartData): AreaCoverage {
  const base = { id: part.id, part: part.part, title: part.title, short: part.short };
  const headings = model.headings.filter((h) => h.level <= 2 && part.headings.some((w) => masked(h.title, part).includes(w)));
  if (headings.length > 0) {
    const places = headings.slice(0, MAX_PLACES).map((h) => ({ range: h.range, text: shorten(h.number.raw + h.title.trim()) }));
    return { ...base, via: 'heading', count: headings.length, places };
  }
  let count = 0;
  const places: CoveragePlace[] = [];
  for (const p of model.paragraphs) {
    const found = firstKeyword(masked(p.text, part), part.keywords);
    if (!found) continue;
    count++;
    if (places.length >= MAX_PLACES) continue;
    const start = p.range.start.character + found.at;
    places.push({
      range: { start: { line: p.line, character: start }, end: { line: p.line, character: start + found.keyword.length } },
      text: excerpt(p.text, found.at),
      keyword: found.keyword,
    });
  }
  return { ...base, via: count > 0 ? 'keywords' : 'none', count, places };
}

/** The text with each false friend blanked out (same length, so offsets hold): 设立法律服务窗口 is not 立法. */
function masked(text: string, part: PartData): string {
  let out = text;
  for (const word of part.falseFriends ?? []) if (out.includes(word)) out = out.split(word).join('\u3000'.repeat(word.length));
  return out;
}

/** The keyword that occurs first in the text (the longest at the same place). */
function firstKeyword(text: string, keywords: readonly string[]): { keyword: string; at: number } | undefined {
  let best: { keyword: string; at: number } | undefined;
  for (const keyword of keywords) {
    const at = text.indexOf(keyword);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && keyword.length > best.keyword.length)) best = { keyword, at };
  }
  return best;
}

function shorten(text: string): string {
  return text.length > COVERAGE_TEXT_LIMIT ? cutBefore(text, COVERAGE_TEXT_LIMIT - 1) + '…' : text;
}

/** At most COVERAGE_TEXT_LIMIT characters of the paragraph around `at`, with ellipses where it was cut. */
function excerpt(text: string, at: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= COVERAGE_TEXT_LIMIT) return trimmed;
  const inner = COVERAGE_TEXT_LIMIT - 2;
  let start = Math.max(0, Math.min(at - EXCERPT_LEAD, text.length - inner));
  let end = start + inner;
  if (start === 0) end = COVERAGE_TEXT_LIMIT - 1;
  else if (end >= text.length) start = text.length - (COVERAGE_TEXT_LIMIT - 1);
  end = Math.min(end, text.length);
  if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start++; // never half a surrogate pair
  const body = cutBefore(text.slice(start, end), end - start);
  return (start > 0 ? '…' : '') + body.trim() + (end < text.length ? '…' : '');
}

/** The first `n` UTF-16 units, one fewer if that would split a surrogate pair. */
function cutBefore(text: string, n: number): string {
  return /[\uD800-\uDBFF]/.test(text[n - 1] ?? '') ? text.slice(0, n - 1) : text.slice(0, n);
}
