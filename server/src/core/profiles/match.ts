// Which of a profile's items a report covers, and where. Matching is by meaning, through the wording
// variants in the profile: one heading may satisfy two items (「存在问题及下步打算」); thematic level-1
// sections before the 不足 section count as 举措和成效; 第一责任人 content counts wherever it stands.

import type { Heading, Range, ReportModel } from '../model/types';
import type { Profile, ProfileItem } from './types';

export interface SectionMatch {
  item: ProfileItem;
  present: boolean;
  /** How the item was found. */
  via: 'heading' | 'thematic' | 'body' | undefined;
  /** Headings that carry the item (for 'thematic', the run of thematic sections). */
  headings: Heading[];
  /** Where the body speaks of the item, for items found in running text. */
  mentions: Range[];
}

interface CompiledItem {
  item: ProfileItem;
  headings: RegExp[];
  notHeadings: RegExp[];
  body: RegExp[];
}

const compiled = new WeakMap<Profile, CompiledItem[]>();

function compile(profile: Profile): CompiledItem[] {
  let c = compiled.get(profile);
  if (!c) {
    c = profile.items.map((item) => ({
      item,
      headings: item.headings.map((s) => new RegExp(s)),
      notHeadings: (item.notHeadings ?? []).map((s) => new RegExp(s)),
      body: (item.body ?? []).map((s) => new RegExp(s)),
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
  return items.map((c) => {
    const hs = byHeading.get(c.item.id)!;
    if (hs.length > 0) return { item: c.item, present: true, via: 'heading', headings: hs, mentions: [] };
    if (c.item.thematicRunBefore) {
      const run = thematicRun(model, byHeading, claimed, c.item.thematicRunBefore, items);
      if (run.length > 0) return { item: c.item, present: true, via: 'thematic', headings: run, mentions: [] };
    }
    if (c.body.length > 0) {
      const mentions = findMentions(model, c.body);
      if (mentions.length > 0) return { item: c.item, present: true, via: 'body', headings: [], mentions };
    }
    return { item: c.item, present: false, via: undefined, headings: [], mentions: [] };
  });
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

function findMentions(model: ReportModel, patterns: RegExp[]): Range[] {
  const out: Range[] = [];
  const consider = (text: string, line: number, offset: number) => {
    for (const re of patterns) {
      const m = re.exec(text);
      if (m) {
        out.push({ start: { line, character: offset + m.index }, end: { line, character: offset + m.index + m[0].length } });
        return;
      }
    }
  };
  for (const h of model.headings) consider(h.title, h.line, h.titleRange.start.character);
  for (const p of model.paragraphs) consider(p.text, p.line, p.range.start.character);
  return out;
}
