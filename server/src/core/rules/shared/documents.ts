// The table of documents reports cite (data/documents.json) and how a title or a 文号 as written is matched
// against it: exactly after normalising what is not an error (quotes, bracket and dash forms, the
// 中华人民共和国 prefix of laws, a trailing 「（2021年修订）」), else as a near miss — the same title with
// another period, or a bounded edit distance that real other documents stay outside of.
// Named imports: the bundler keeps only these keys of the JSON (not its $comment).
import { congresses, documents, plenums } from '../../data/documents.json';
import { parseChineseNumeral } from '../../model/numbering';

export interface DocumentNumber {
  number: string;
  /** The day a later version took over; the number is that of an earlier text. */
  until?: string;
}

export interface CitedDocument {
  id: string;
  title: string;
  /** The title without 中华人民共和国, for laws and regulations cited either way. */
  short?: string;
  aliases: string[];
  issuer: string;
  numbers: DocumentNumber[];
  numbersComplete: boolean;
  /** YYYY-MM or YYYY-MM-DD: when the first version was issued. */
  issued: string;
  supersededBy?: { id: string; date: string };
}

/** The table, with the defaults the JSON leaves out: no aliases, no 文号 known, the list not complete. */
export const DOCUMENTS: readonly CitedDocument[] = documents.map((d) => ({ aliases: [], numbers: [], numbersComplete: false, ...d }));

const byId = new Map(DOCUMENTS.map((d) => [d.id, d]));
export function documentById(id: string): CitedDocument | undefined {
  return byId.get(id);
}

const LAW_PREFIX = '中华人民共和国';

/** Year and month of a YYYY-MM[-DD] date. */
export function yearMonth(date: string): { year: number; month: number } {
  const [y, m] = date.split('-');
  return { year: Number(y), month: Number(m ?? 1) };
}

/**
 * The form two titles are compared in. Not errors, so normalised away: spaces; quotes (「“八五”普法规划」);
 * full- or half-width brackets; the dash and the 年 of a period (「（2021-2025年）」「(2021—2025)」); the
 * 中华人民共和国 of a law's title; a trailing note of the version (「（2021年修订）」).
 */
export function normaliseTitle(title: string): string {
  let s = title.replace(/[\s“”"'‘’「」『』〈〉<>]/g, '').replace(/（/g, '(').replace(/）/g, ')');
  s = s.replace(/\((\d{4})[-—–－~～至到]+(\d{4})年?\)/g, '($1-$2)');
  s = s.replace(/\([^()]*(?:修订|修正|年版)[^()]*\)$/, '');
  if (s.startsWith(LAW_PREFIX) && s.length > LAW_PREFIX.length + 1) s = s.slice(LAW_PREFIX.length);
  return s;
}

const PERIOD = /\((\d{4})-(\d{4})\)/;

interface IndexEntry {
  /** Normalised form. */
  key: string;
  /** The form a fix writes: the official title, or the alias matched. */
  display: string;
  doc: CitedDocument;
}

const exact = new Map<string, CitedDocument[]>();
const byLength = new Map<number, IndexEntry[]>();
/** Titles with a period, by the rest of the title. */
const byPeriodBase = new Map<string, { from: number; to: number; doc: CitedDocument }[]>();

for (const doc of DOCUMENTS) {
  const forms = [doc.title, ...(doc.short ? [doc.short] : []), ...doc.aliases];
  for (const form of forms) {
    const key = normaliseTitle(form);
    const docs = exact.get(key) ?? [];
    if (!docs.includes(doc)) docs.push(doc);
    exact.set(key, docs);
    const sameLength = byLength.get(key.length) ?? [];
    if (!sameLength.some((e) => e.key === key)) sameLength.push({ key, display: form, doc });
    byLength.set(key.length, sameLength);
    const period = PERIOD.exec(key);
    if (period && form === doc.title) {
      const base = key.replace(PERIOD, '(P)');
      const list = byPeriodBase.get(base) ?? [];
      list.push({ from: Number(period[1]), to: Number(period[2]), doc });
      byPeriodBase.set(base, list);
    }
  }
}

export type TitleMatch =
  | { kind: 'exact'; docs: CitedDocument[] }
  | { kind: 'near'; doc: CitedDocument; reason: 'period' | 'spelling'; replacement: string };

/** Titles shorter than this (normalised) are too short to tell a slip from another document. */
const NEAR_MIN_LENGTH = 5;
/** A changed character (督查 for 督察) only counts in titles at least this long. */
const SUBSTITUTION_MIN_LENGTH = 8;
/** Two dropped or added characters (「法治政府建设纲要（…）」) only count in titles at least this long. */
const TWO_GAPS_MIN_LENGTH = 12;

const matchCache = new Map<string, TitleMatch | undefined>();
const MATCH_CACHE_SIZE = 4096;

/** The title as written (without 《》) against the table; undefined when it is no known document's. */
export function matchTitle(written: string): TitleMatch | undefined {
  if (matchCache.has(written)) return matchCache.get(written);
  const result = computeMatch(written);
  if (matchCache.size >= MATCH_CACHE_SIZE) matchCache.clear();
  matchCache.set(written, result);
  return result;
}

function computeMatch(written: string): TitleMatch | undefined {
  const key = normaliseTitle(written);
  const docs = exact.get(key);
  if (docs) return { kind: 'exact', docs };
  const prefixed = written.replace(/\s/g, '').startsWith(LAW_PREFIX);
  const period = PERIOD.exec(key);
  if (period) {
    const candidates = byPeriodBase.get(key.replace(PERIOD, '(P)'));
    if (candidates) {
      const from = Number(period[1]);
      const to = Number(period[2]);
      // The period that shares an end with the one written, else the nearest.
      const score = (c: { from: number; to: number }) => (c.to === to || c.from === from ? 0 : Math.abs(c.to - to) + Math.abs(c.from - from));
      const best = [...candidates].sort((a, b) => score(a) - score(b))[0];
      return { kind: 'near', doc: best.doc, reason: 'period', replacement: best.doc.title };
    }
  }
  if (key.length < NEAR_MIN_LENGTH) return undefined;
  let best: { entry: IndexEntry; distance: number } | undefined;
  for (let length = key.length - 2; length <= key.length + 2; length++) {
    for (const entry of byLength.get(length) ?? []) {
      const distance = nearMissDistance(key, entry.key);
      if (distance !== undefined && (!best || distance < best.distance)) best = { entry, distance };
    }
  }
  if (!best) return undefined;
  const { entry } = best;
  const replacement = entry.display === entry.doc.short && prefixed ? entry.doc.title : entry.display === entry.doc.title && entry.doc.short && !prefixed ? entry.doc.short : entry.display;
  return { kind: 'near', doc: entry.doc, reason: 'spelling', replacement };
}

/**
 * The edit distance between a title as written and a known one, when it is a slip rather than another
 * document: one dropped or added character (titles of 5+), one changed character (8+), or two dropped or
 * added characters (12+). Real relatives differ by more: 法治社会/法治政府 and the period (3), 实施方案/实施纲要
 * (two changes), 行政复议法/行政复议法实施条例 (four), 行政处罚法/行政许可法 (two changes in a short title).
 */
export function nearMissDistance(written: string, known: string): number | undefined {
  const shorter = Math.min(written.length, known.length);
  const gap = Math.abs(written.length - known.length);
  if (gap > 2) return undefined;
  const distance = boundedEditDistance(written, known, 2);
  if (distance === undefined || distance === 0) return undefined;
  if (distance === 1) {
    if (gap === 1 && shorter + 1 >= NEAR_MIN_LENGTH) return 1;
    if (gap === 0 && shorter >= SUBSTITUTION_MIN_LENGTH) return 1;
    return undefined;
  }
  // Distance 2 with lengths 2 apart: exactly two dropped (or added) characters, nothing changed.
  return gap === 2 && shorter >= TWO_GAPS_MIN_LENGTH ? 2 : undefined;
}

/** Levenshtein distance, or undefined once it exceeds `max` (rows stop early). */
export function boundedEditDistance(a: string, b: string, max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > max) return undefined;
    [previous, current] = [current, previous];
  }
  return previous[b.length] <= max ? previous[b.length] : undefined;
}

/** A 文号 taken apart: 「中发〔2021〕33号」 → bracket 中发/2021/33; 「国务院令第713号」 → order 国务院/713. */
export type ParsedNumber =
  | { kind: 'bracket'; prefix: string; year: number; serial: number }
  | { kind: 'order'; issuer: string; serial: number };

export function parseDocumentNumber(text: string): ParsedNumber | undefined {
  const s = text.replace(/\s/g, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const order = /^(?:中华人民共和国)?(国务院|主席)令第([0-9]+|[一二三四五六七八九十百零〇]+)号$/.exec(s);
  if (order) {
    const serial = /^[0-9]+$/.test(order[2]) ? Number(order[2]) : parseChineseNumeral(order[2]);
    return serial === undefined ? undefined : { kind: 'order', issuer: order[1], serial };
  }
  const bracket = /^([\u4e00-\u9fa5]+)[〔［[【（(](\d{4})[〕］\]】）)](\d+)号$/.exec(s);
  if (bracket) return { kind: 'bracket', prefix: bracket[1], year: Number(bracket[2]), serial: Number(bracket[3]) };
  return undefined;
}

/**
 * Whether a 文号 as written is the known one. Prefixes are compared from the end: a 文号 read before a
 * title may carry words of the sentence (「根据中发〔2021〕33号」).
 */
export function sameNumber(written: ParsedNumber, known: ParsedNumber): boolean {
  if (written.kind === 'order' || known.kind === 'order') {
    return written.kind === 'order' && known.kind === 'order' && written.issuer === known.issuer && written.serial === known.serial;
  }
  return written.prefix.endsWith(known.prefix) && written.year === known.year && written.serial === known.serial;
}

/** Whether two 文号 are of the same issuer and kind (then a different one is a wrong one). */
export function sameSeries(written: ParsedNumber, known: ParsedNumber): boolean {
  if (written.kind === 'order' || known.kind === 'order') return written.kind === 'order' && known.kind === 'order' && written.issuer === known.issuer;
  return written.prefix.endsWith(known.prefix) || known.prefix.endsWith(written.prefix);
}

export interface Congress {
  term: number;
  name: string;
  date: string;
}
export interface Plenum {
  term: number;
  number: number;
  date: string;
}
export const CONGRESSES: readonly Congress[] = congresses;
export const PLENUMS: readonly Plenum[] = plenums;
