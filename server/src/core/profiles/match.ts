// Which of a profile's items a report covers, and where. Matching is by meaning, through the wording
// variants in the profile: one heading may satisfy two items (「存在问题及下步打算」); thematic level-1
// sections before the 不足 section count as 举措和成效; 第一责任人 content counts wherever it stands, though a
// mere mention in passing is told apart from a passage that reports it; a 不足 or plan written on without a
// heading after the last 成效 section is present, unheaded (profiles/unheaded.ts).

import type { Heading, Paragraph, Range, ReportModel } from '../model/types';
import { compilePatterns, type TextPattern } from './patterns';
import type { Profile, ProfileItem } from './types';
import { findUnheadedParts, openingPatterns, type SectionHolds, type UnheadedPart } from './unheaded';

export interface SectionMatch {
  item: ProfileItem;
  present: boolean;
  /** How the item was found. */
  via: 'heading' | 'thematic' | 'body' | 'unheaded' | undefined;
  /** Headings that carry the item (for 'thematic', the run of thematic sections). */
  headings: Heading[];
  /** Where the body speaks of the item, for items found in running text. */
  mentions: Range[];
  /** For an item found in running text: no passage reports it, it is only touched on in sentences about other things. */
  inPassing: boolean;
  /** For an item written without a heading of its own: where it starts. */
  unheaded?: UnheadedPart;
}

interface CompiledItem {
  item: ProfileItem;
  headings: TextPattern[];
  notHeadings: TextPattern[];
  body: TextPattern[];
  bodyActors: TextPattern[];
}

const compiled = new WeakMap<Profile, CompiledItem[]>();

function compile(profile: Profile): CompiledItem[] {
  let c = compiled.get(profile);
  if (!c) {
    c = profile.items.map((item) => ({
      item,
      headings: compilePatterns(profile, item.headings),
      notHeadings: compilePatterns(profile, item.notHeadings ?? []),
      body: compilePatterns(profile, item.body ?? []),
      bodyActors: compilePatterns(profile, item.bodyActors ?? []),
    }));
    compiled.set(profile, c);
  }
  return c;
}

/**
 * Every item whose wording a heading uses, exclusions aside: 「2023年工作总结和2024年工作计划」 names both the
 * year's work and the plan, though it counts as the plan only.
 */
export function itemsNamedBy(profile: Profile, heading: Heading): ProfileItem[] {
  return compile(profile).filter((c) => c.headings.some((re) => re.test(heading.title))).map((c) => c.item);
}

/**
 * A heading is the item's if it uses the item's wording and none of the excluding words — or if it uses the
 * wording and names the very year the item speaks of: 「2023年工作总结和2024年工作计划」 is the 2023 report's
 * 成效 as well as its plan, while 「2021年及“十四五”期间……工作思路目标举措」 in a 2020 report is only the plan.
 */
function headingMatches(c: CompiledItem, h: Heading, year: number | undefined): boolean {
  if (h.level > (c.item.maxLevel ?? 1) || !c.headings.some((re) => re.test(h.title))) return false;
  if (!c.notHeadings.some((re) => re.test(h.title))) return true;
  if (year === undefined || c.item.yearOffset === undefined) return false;
  const itemYear = String(year + c.item.yearOffset);
  return [...h.title.matchAll(/((?:19|20)[0-9]{2})\s*年/g)].some((m) => m[1] === itemYear);
}

export function matchSections(model: ReportModel, profile: Profile): SectionMatch[] {
  const items = compile(profile);
  const byHeading = new Map<string, Heading[]>();
  const claimed = new Set<Heading>();
  for (const c of items) {
    const hs = model.headings.filter((h) => headingMatches(c, h, model.year?.value));
    byHeading.set(c.item.id, hs);
    for (const h of hs) if (h.level === 1) claimed.add(h);
  }
  const thematic = new Map<string, Heading[]>();
  for (const c of items) {
    if (c.item.thematicRunBefore && byHeading.get(c.item.id)!.length === 0) {
      thematic.set(c.item.id, thematicRun(model, byHeading, claimed, c.item.thematicRunBefore, items));
    }
  }
  const unheaded = unheadedParts(model, profile, items, byHeading, thematic);
  return items.map((c) => {
    const hs = byHeading.get(c.item.id)!;
    if (hs.length > 0) return { item: c.item, present: true, via: 'heading', headings: hs, mentions: [], inPassing: false };
    const run = thematic.get(c.item.id);
    if (run && run.length > 0) return { item: c.item, present: true, via: 'thematic', headings: run, mentions: [], inPassing: false };
    const part = unheaded.find((u) => u.item === c.item);
    if (part) return { item: c.item, present: true, via: 'unheaded', headings: [], mentions: [part.range], inPassing: false, unheaded: part };
    if (c.body.length > 0) {
      const mentions = findMentions(model, c, otherYearSections(items, byHeading, c.item));
      if (mentions.length > 0) {
        return { item: c.item, present: true, via: 'body', headings: [], mentions: mentions.map((m) => m.range), inPassing: mentions.every((m) => !m.own) };
      }
    }
    return { item: c.item, present: false, via: undefined, headings: [], mentions: [], inPassing: false };
  });
}

/** The items with no heading that open without one, in the profile's order. */
function unheadedParts(model: ReportModel, profile: Profile, items: CompiledItem[], byHeading: Map<string, Heading[]>, thematic: Map<string, Heading[]>): UnheadedPart[] {
  const year = model.year?.value;
  const candidates = items.flatMap((c, rank) => {
    if (byHeading.get(c.item.id)!.length > 0 || !c.item.opening) return [];
    const openings = openingPatterns(profile, c.item, year);
    return openings.length > 0 ? [{ item: c.item, rank, openings }] : [];
  });
  if (candidates.length === 0) return [];
  const holds = new Map<Heading, SectionHolds>();
  items.forEach((c, rank) => {
    for (const h of [...byHeading.get(c.item.id)!, ...(thematic.get(c.item.id) ?? [])]) {
      if (h.level === 1 && holds.get(h) !== 'later') holds.set(h, rank === 0 ? 'first' : 'later');
    }
  });
  return findUnheadedParts(model, candidates, (top) => holds.get(top) ?? 'none');
}

/** Level-1 headings claimed by no item, before the first heading of `beforeId` (or of any plan item). */
function thematicRun(model: ReportModel, byHeading: Map<string, Heading[]>, claimed: Set<Heading>, beforeId: string, items: CompiledItem[]): Heading[] {
  const firstLine = (hs: Heading[] | undefined) => hs?.find((h) => h.level === 1)?.line;
  let boundary = firstLine(byHeading.get(beforeId));
  if (boundary === undefined) {
    for (const c of items) {
      if (c.item.yearOffset === 1) {
        const l = firstLine(byHeading.get(c.item.id));
        if (l !== undefined && (boundary === undefined || l < boundary)) boundary = l;
      }
    }
  }
  return model.headings.filter((h) => h.level === 1 && !claimed.has(h) && (boundary === undefined || h.line < boundary));
}

/** The level-1 sections of items that speak of another year: 第一责任人 named only in the plan is next year's intent. */
function otherYearSections(items: CompiledItem[], byHeading: Map<string, Heading[]>, item: ProfileItem): Set<Heading> {
  const out = new Set<Heading>();
  if (item.yearOffset === undefined) return out;
  for (const c of items) {
    if (c.item.yearOffset === undefined || c.item.yearOffset === item.yearOffset) continue;
    for (const h of byHeading.get(c.item.id) ?? []) if (h.level === 1) out.add(h);
  }
  return out;
}

interface Mention {
  range: Range;
  /** The passage reports the item, rather than touching on it in passing. */
  own: boolean;
}

const SENTENCE_END = /[。；;！？!?]/;

function findMentions(model: ReportModel, c: CompiledItem, otherYear: Set<Heading>): Mention[] {
  const out: Mention[] = [];
  for (const h of model.headings) {
    const m = firstMatch(c.body, h.title);
    if (m) out.push({ range: rangeOn(h.line, h.titleRange.start.character + m.index, m[0].length), own: true });
  }
  for (const p of model.paragraphs) {
    const m = firstMatch(c.body, p.text);
    if (!m) continue;
    const offset = p.range.start.character;
    const own = !inSection(p, otherYear) && ownPassage(c, p.text);
    out.push({ range: rangeOn(p.line, offset + m.index, m[0].length), own });
  }
  return out;
}

function firstMatch(patterns: TextPattern[], text: string): { index: number; 0: string } | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/**
 * Whether a paragraph reports the item: a sentence names it together with who carries it (「主要负责同志切实履行推进法治
 * 建设第一责任人职责」「一是夯实法治建设第一责任人职责，区委、区政府主要负责同志带头述法」). Naming the duty without
 * its bearers is a mention in passing, even as an enumerated point: 「切实履行法治政府建设第一责任人职责」 inside
 * 「（三）加强统筹谋划」, 「一是明确党委书记、镇长为推进法治政府建设第一责任人」 inside 「（六）强化组织保障」 (issue 17).
 */
function ownPassage(c: CompiledItem, text: string): boolean {
  for (const sentence of text.split(SENTENCE_END)) {
    if (firstMatch(c.body, sentence) && c.bodyActors.some((re) => re.test(sentence))) return true;
  }
  return false;
}

function inSection(p: Paragraph, tops: Set<Heading>): boolean {
  if (tops.size === 0) return false;
  let h = p.section;
  while (h?.parent) h = h.parent;
  return h !== undefined && tops.has(h);
}

function rangeOn(line: number, character: number, length: number): Range {
  return { start: { line, character }, end: { line, character: character + length } };
}
