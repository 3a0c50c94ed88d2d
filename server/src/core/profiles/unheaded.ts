// Parts of a report written without a heading of their own. Reports often end the last 成效 section and carry on:
// 「一年来，……取得了一定成效，但也存在一些不足：……」, then 「2024年，我镇将重点做好以下工作：」 with its own （一）–（五）,
// all still under 「四、」, whose list restarts. A part is taken only on two kinds of evidence together: a sentence
// that opens the item (the profile's `opening` patterns, on a body paragraph's first sentence), and a numbered
// list after it that the missing heading explains — a second （一） under the same level-1 heading, or the first
// list of a section that holds a later item than the 成效, after some text of that item's own (「五、存在的不足和
// 原因」, its paragraph, then the plan's opening paragraph and its （一）). A 成效 section's first list is its own:
// its opening often weighs 成绩 against 问题 (「在肯定成绩的同时，……坚持问题导向：」) before （一）.
// A 成效 subsection that says 「下一步，……将……」 in passing is followed by no such list, and stays what it is.

import { firstOnOrAfterLine } from '../model/order';
import type { Heading, Paragraph, Range, ReportModel } from '../model/types';
import { compilePatterns, type TextPattern } from './patterns';
import type { Profile, ProfileItem } from './types';

export interface UnheadedPart {
  item: ProfileItem;
  /** The body paragraph that opens the part. */
  paragraph: Paragraph;
  /** Its first sentence, up to the first 。；： (where the finding goes). */
  range: Range;
  /** The level-1 heading the part was written under, for want of its own. */
  within: Heading;
  /** The heading that starts the list the part's heading would carry: a restart (a second （一）) or a first child. */
  list: Heading;
  /** Whether `list` restarts a numbering under `within`: the duplicates it makes are the missing heading's doing. */
  restarts: boolean;
}

export interface UnheadedCandidate {
  item: ProfileItem;
  /** Place in the profile's order: parts opening one after the other follow it (the 不足, then the plan). */
  rank: number;
  /** The item's opening patterns, with the years filled in. */
  openings: TextPattern[];
}

const FIRST_SENTENCE = /^[^。；;！？!?：:]*[。；;！？!?：:]?/;

/** What a level-1 section holds: no mandated item, only the first (the 成效), or a later one. */
export type SectionHolds = 'none' | 'first' | 'later';

/**
 * The unheaded parts of a report, at most one per candidate item, in text order. Only sections that hold an item
 * are looked into: what follows a heading the profile does not know is not read as a part of it. The section's own
 * item does not bound what may open in it: reports put 第一责任人 before the 不足 as often as after.
 */
export function findUnheadedParts(model: ReportModel, candidates: UnheadedCandidate[], holds: (top: Heading) => SectionHolds): UnheadedPart[] {
  const parts: UnheadedPart[] = [];
  if (candidates.length === 0) return parts;
  const taken = new Set<ProfileItem>();
  for (const top of model.roots) {
    if (top.level !== 1 || top.children.length === 0) continue;
    const held = holds(top);
    if (held === 'none') continue;
    const level = top.children[0].level;
    const list = top.children.filter((h) => h.level === level);
    for (let i = 0; i < list.length; i++) {
      const start = list[i];
      if (start.number.value !== 1 || (i === 0 && held === 'first')) continue;
      // A restart looks back to the heading just above it; a first list to its section's heading, whose own text
      // (at least one paragraph of it) must come before anything the section did not announce.
      const from = i === 0 ? top : model.headings[start.index - 1];
      const found = openingsBetween(model, from, start, candidates, taken, i === 0);
      for (const f of found) {
        taken.add(f.item);
        parts.push({ ...f, within: top, list: start, restarts: i > 0 });
      }
    }
  }
  return parts;
}

function openingsBetween(
  model: ReportModel, from: Heading, to: Heading, candidates: UnheadedCandidate[], taken: Set<ProfileItem>, ownTextFirst: boolean,
): { item: ProfileItem; paragraph: Paragraph; range: Range }[] {
  const out: { item: ProfileItem; paragraph: Paragraph; range: Range }[] = [];
  let after = -1;
  let seen = 0;
  for (let k = firstOnOrAfterLine(model.paragraphs, from.line + 1); k < model.paragraphs.length; k++) {
    const p = model.paragraphs[k];
    if (p.line >= to.line) break;
    if (p.role !== 'body' || p.runIn) continue;
    seen++;
    if (ownTextFirst && seen === 1) continue;
    const sentence = FIRST_SENTENCE.exec(p.text)![0];
    const c = candidates.find((x) => x.rank > after && !taken.has(x.item) && x.openings.some((re) => re.test(sentence)));
    if (!c) continue;
    after = c.rank;
    const start = p.range.start;
    out.push({ item: c.item, paragraph: p, range: { start, end: { line: start.line, character: start.character + sentence.length } } });
  }
  return out;
}

/** The opening patterns of an item for a report year: {Y} and {Y+1} filled in; those naming a year left out when it is unknown. */
export function openingPatterns(profile: Profile, item: ProfileItem, year: number | undefined): TextPattern[] {
  // Compiled once per item and year: a user's patterns go through RE2, whose compiling is not free.
  let byYear = openingCache.get(item);
  if (!byYear) openingCache.set(item, (byYear = new Map()));
  let patterns = byYear.get(year);
  if (!patterns) byYear.set(year, (patterns = compileOpenings(profile, item, year)));
  return patterns;
}

const openingCache = new WeakMap<ProfileItem, Map<number | undefined, TextPattern[]>>();

function compileOpenings(profile: Profile, item: ProfileItem, year: number | undefined): TextPattern[] {
  const sources: string[] = [];
  for (const source of item.opening ?? []) {
    const named = /\{Y(?:\+1)?\}/.test(source);
    if (named && year === undefined) continue;
    sources.push(named ? source.replace(/\{Y\+1\}/g, String(year! + 1)).replace(/\{Y\}/g, String(year)) : source);
  }
  return compilePatterns(profile, sources);
}
