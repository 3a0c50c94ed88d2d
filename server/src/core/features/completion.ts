// Completion while writing: at the start of a line, the heading numbers that can come next (so nobody types
// a number by hand); right after a level-1 number, the titles of the mandated sections the report still lacks,
// in the official wording with the report's year.

import type { Message } from '../findings';
import { formatChineseNumeral, matchHeadingMarker, standardMarker } from '../model/numbering';
import { firstOnOrAfterLine } from '../model/order';
import type { Heading, HeadingLevel, Position, Range, ReportModel } from '../model/types';
import { profileById, resolveProfile, type Profile, type ProfileChoice } from '../profiles/index';
import { matchSections } from '../profiles/match';

export interface CompletionSuggestion {
  kind: 'number' | 'title';
  /** What the list shows and filters on, e.g. 「（三）」. */
  label: string;
  /** Why it is offered, in a few words, e.g. 「二级标题，接（二）」: the suggestion list shows it beside the label and
   * cuts it at about DETAIL_COLUMNS. */
  detail: Message;
  /** The longer story, for the details pane: the heading it follows, the mandated item's full name. */
  documentation?: Message;
  /** Replaces `range` (what was typed of it so far). */
  newText: string;
  range: Range;
  /** Order in the list: numbers of the innermost level first. */
  sortText: string;
  preselect: boolean;
}

export interface CompletionOptions {
  profile?: ProfileChoice;
  extraProfiles?: readonly Profile[];
  /** For a report with no year yet: the year a report written today speaks of (last year). */
  today?: Date;
}

/** What may stand before the cursor while a heading number is being typed: nothing, or a part of one. */
const PARTIAL_NUMBER = /^([ \t\u3000]*)([（(]?[一二三四五六七八九十百千〇零0-9０-９]{0,4}[）)]?)$/;
const LEVEL_NAMES: Record<HeadingLevel, Message> = {
  1: { zh: '一级标题', en: 'level 1' },
  2: { zh: '二级标题', en: 'level 2' },
  3: { zh: '三级标题', en: 'level 3' },
  4: { zh: '四级标题', en: 'level 4' },
};
/** What fits beside a label in VS Code's suggestion list (a CJK character takes two columns): "…at this lev…" was
 * cut there. */
export const DETAIL_COLUMNS = 24;

export function completionsAt(model: ReportModel, position: Position, options: CompletionOptions = {}): CompletionSuggestion[] {
  const line = model.lines[position.line];
  if (line === undefined) return [];
  const before = line.slice(0, Math.min(position.character, line.length));
  const partial = PARTIAL_NUMBER.exec(before);
  if (partial) return nextNumbers(model, position, partial[1].length);
  return sectionTitles(model, position, before, options);
}

// --- numbers ------------------------------------------------------------------------------------------

function nextNumbers(model: ReportModel, position: Position, contentStart: number): CompletionSuggestion[] {
  const range = { start: { line: position.line, character: contentStart }, end: position };
  const previous = lastHeadingBefore(model.headings, position.line);
  const out: CompletionSuggestion[] = [];
  const add = (level: HeadingLevel, value: number, after: Heading | undefined, rank: number) => {
    const marker = markerInStyle(model, level, value);
    out.push({
      kind: 'number',
      label: marker,
      detail: after
        ? { zh: `${LEVEL_NAMES[level].zh}，接${after.number.raw}`, en: `${LEVEL_NAMES[level].en}, after ${after.number.raw}` }
        : { zh: `${LEVEL_NAMES[level].zh}，本级第一个`, en: `${LEVEL_NAMES[level].en}, the first` },
      documentation: after
        ? { zh: `${LEVEL_NAMES[level].zh}，接在“${after.number.raw}${shorten(after.title, 40)}”之后`, en: `A level-${level} heading, after ${after.number.raw}${shorten(after.title, 40)}` }
        : undefined,
      newText: marker,
      range,
      sortText: String(rank).padStart(2, '0'),
      preselect: rank === 0,
    });
  };
  if (!previous) {
    add(1, 1, undefined, 0);
    return out;
  }
  // A sub-heading first (the next level down), then the next number at each level up the chain.
  let rank = 0;
  if (previous.level < 4) add((previous.level + 1) as HeadingLevel, 1, undefined, rank++);
  for (let h: Heading | undefined = previous; h; h = h.parent) add(h.level, h.number.value + 1, h, rank++);
  // Headings whose parent level was skipped have no parent: still offer the levels above them.
  const top = chainTop(previous);
  for (let level = (top.level - 1) as HeadingLevel; level >= 1; level--) {
    const last = lastOfLevelBefore(model.headings, previous.index, level);
    if (last) add(level, last.number.value + 1, last, rank++);
  }
  return out;
}

function lastHeadingBefore(headings: readonly Heading[], line: number): Heading | undefined {
  const next = firstOnOrAfterLine(headings, line);
  return next > 0 ? headings[next - 1] : undefined;
}

function chainTop(h: Heading): Heading {
  let top = h;
  while (top.parent) top = top.parent;
  return top;
}

function lastOfLevelBefore(headings: readonly Heading[], index: number, level: HeadingLevel): Heading | undefined {
  for (let k = index; k >= 0; k--) if (headings[k].level === level) return headings[k];
  return undefined;
}

/**
 * The number in the form of GB/T 9704 (一、 （一） 1. （1）), written as this document writes that level where
 * the standard leaves a choice (「1.」 or 「1．」, half- or full-width digits). A non-standard form the document
 * uses (「(一)」「1、」) is not copied: numbering-style would flag every number we offered.
 */
function markerInStyle(model: ReportModel, level: HeadingLevel, value: number): string {
  const counts = new Map<string, { n: number; h: Heading }>();
  for (const h of model.headings) {
    if (h.level !== level || !isStandardForm(h)) continue;
    const key = `${h.number.open}|${h.number.close}|${h.number.suffix}|${h.number.numeral}|${/[０-９]/.test(h.number.digits)}`;
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { n: 1, h });
  }
  let example: Heading | undefined;
  let best = 0;
  for (const { n, h } of counts.values()) if (n > best) [best, example] = [n, h];
  if (!example) return standardMarker(level, value);
  const { open, close, suffix, digits } = example.number;
  let written = level === 1 || level === 2 ? formatChineseNumeral(value) : String(value);
  if (/[０-９]/.test(digits)) written = written.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return `${open}${written}${close}${suffix}`;
}

function isStandardForm(h: Heading): boolean {
  const { open, close, suffix, numeral } = h.number;
  switch (h.level) {
    case 1: return numeral === 'chinese' && open === '' && close === '' && suffix === '、';
    case 2: return numeral === 'chinese' && open === '（' && close === '）' && suffix === '';
    case 3: return numeral === 'arabic' && open === '' && close === '' && (suffix === '.' || suffix === '．');
    case 4: return numeral === 'arabic' && open === '（' && close === '）' && suffix === '';
  }
}

function shorten(title: string, max: number): string {
  return title.length > max ? title.slice(0, max - 1) + '…' : title;
}

// --- section titles ------------------------------------------------------------------------------------

function sectionTitles(model: ReportModel, position: Position, before: string, options: CompletionOptions): CompletionSuggestion[] {
  const start = before.search(/[^ \t\u3000]/);
  if (start < 0) return [];
  const marker = matchHeadingMarker(before, start);
  if (!marker || marker.level !== 1) return [];
  const typed = before.slice(marker.end);
  // Only while the title is being begun: not in the middle of a written one.
  if (/[。，；]/.test(typed) || typed.length > 12) return [];
  const profile = resolveProfile(model, options.profile ?? 'auto', options.extraProfiles) ??
    (options.profile === 'none' ? undefined : profileById('fazhi-annual'));
  if (!profile) return [];
  const present = new Set(
    matchSections(model, profile)
      .filter((s) => s.present && !s.headings.some((h) => h.line === position.line))
      .map((s) => s.item.id),
  );
  const year = model.year?.value ?? (options.today ?? new Date()).getFullYear() - 1;
  const range = { start: { line: position.line, character: marker.end }, end: position };
  return profile.items
    .filter((item) => !present.has(item.id))
    .map((item, k) => {
      const title = item.skeleton.heading.replace(/\{Y\+1\}/g, String(year + 1)).replace(/\{Y\}/g, String(year));
      return {
        kind: 'title' as const,
        label: title,
        detail: item.required ? { zh: '尚缺的必备内容', en: 'missing, mandated' } : { zh: '可选内容', en: 'optional' },
        documentation: item.required
          ? { zh: `尚缺的必备内容：${item.name.zh}`, en: `Missing mandated item: ${item.name.en}` }
          : { zh: `可选内容：${item.name.zh}`, en: `Optional item: ${item.name.en}` },
        newText: title,
        range,
        sortText: String(k).padStart(2, '0'),
        preselect: k === 0,
      };
    });
}
