// Applying fixes, which the rules hand over as data. The same functions serve the editor's quick fix and
// fix-all and the CLI's `check --fix`, so a fix behaves the same wherever it is applied.

import type { Finding, Fix, TextEdit } from './findings';
import { lastAtOrBefore } from './model/order';
import type { Position } from './model/types';

/** Offsets where each line starts; CRLF, LF and a lone CR all end a line, as in the parser and in LSP. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The offset of an LSP position. Out-of-range positions are clamped as LSP prescribes: a character past
 * the line's end means the end of its content (never inside its line break), a line past the last one
 * means the end of the text. */
export function offsetAt(text: string, starts: readonly number[], position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line];
  let contentEnd = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  if (contentEnd > start && text.charCodeAt(contentEnd - 1) === 10) contentEnd--;
  if (contentEnd > start && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
  return start + Math.min(Math.max(position.character, 0), contentEnd - start);
}

/** The position of an offset (the inverse of `offsetAt` for offsets outside line breaks). */
export function positionAt(starts: readonly number[], offset: number): Position {
  const line = lastAtOrBefore(starts, offset);
  return { line, character: offset - starts[line] };
}

/** The text a range covers. */
export function textInRange(text: string, range: { start: Position; end: Position }, starts: readonly number[] = lineStarts(text)): string {
  return text.slice(offsetAt(text, starts, range.start), offsetAt(text, starts, range.end));
}

/** An edit resolved to offsets in one text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Two edits conflict when they replace common text, or when both start at one point and one of them
 * inserts there: which insertion comes first would then depend on the order they happen to be listed in. */
export function offsetEditsConflict(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === b.start && (a.start === a.end || b.start === b.end);
}

export function toOffsetEdits(text: string, edits: readonly TextEdit[], starts: readonly number[] = lineStarts(text)): OffsetEdit[] {
  return edits.map((e) => {
    const start = offsetAt(text, starts, e.range.start);
    const end = Math.max(start, offsetAt(text, starts, e.range.end));
    return { start, end, newText: e.newText };
  });
}

/**
 * Applies edits given in LSP positions of `text`. Edits are taken in document order (in list order where
 * they start at one point, as LSP does for insertions); an edit that overlaps one already taken is
 * skipped, so the outcome never depends on anything but the list.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const resolved = toOffsetEdits(text, edits)
    .map((e, index) => ({ ...e, index }))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  let out = '';
  let cursor = 0;
  for (const e of resolved) {
    if (e.start < cursor) continue;
    out += text.slice(cursor, e.start) + e.newText;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

/** The fix fix-all applies for a finding: the preferred one, else its only one — unless the rule marked
 * that one `preferred: false`, which is how a rule says a fix needs a person's judgement (inserting a
 * placeholder section, deleting a stretch of text). */
export function fixForFixAll(finding: Finding): Fix | undefined {
  const fixes = finding.fixes ?? [];
  const preferred = fixes.find((f) => f.preferred === true);
  if (preferred) return preferred;
  if (fixes.length === 1 && fixes[0].preferred !== false) return fixes[0];
  return undefined;
}

export interface ChosenFix {
  finding: Finding;
  fix: Fix;
}

/**
 * The fixes fix-all applies in one pass: each finding's fix (see `fixForFixAll`), in the order of the
 * findings, each taken whole or not at all — a fix whose edits overlap an already chosen fix, or each
 * other, is left for a later pass. One fix shared by several findings (a renumbered run) is taken once,
 * for the first of them.
 */
export function chooseFixes(findings: readonly Finding[], text?: string): ChosenFix[] {
  const chosen: ChosenFix[] = [];
  const taken = new TakenEdits();
  const seenFixes = new Set<Fix>();
  // Without the text, positions compare as (line, character) pairs mapped onto one number line.
  const starts = text === undefined ? [] : lineStarts(text);
  const resolve = text === undefined ? positionKeyEdits : (edits: readonly TextEdit[]) => toOffsetEdits(text, edits, starts);
  for (const finding of findings) {
    const fix = fixForFixAll(finding);
    // A copy of a fix already taken needs no check of its own: it overlaps the original.
    if (!fix || fix.edits.length === 0 || seenFixes.has(fix)) continue;
    const edits = resolve(fix.edits);
    if (!appliesWhole(edits) || edits.some((e) => taken.conflicts(e))) continue;
    seenFixes.add(fix);
    for (const e of edits) taken.add(e);
    chosen.push({ finding, fix });
  }
  return chosen;
}

/** Edits already chosen, sorted by start, so that a check for overlap looks at two neighbours instead of
 * every edit: fix-all on a long report may choose thousands. */
class TakenEdits {
  private readonly edits: OffsetEdit[] = [];

  conflicts(e: OffsetEdit): boolean {
    const i = this.lowerBound(e.start);
    // Chosen edits never overlap, so their ends grow with their starts: the one before and the one at
    // or after `e.start` are the only ones that can reach into `e`.
    return (i > 0 && offsetEditsConflict(this.edits[i - 1], e)) || (i < this.edits.length && offsetEditsConflict(this.edits[i], e));
  }

  add(e: OffsetEdit): void {
    let i = this.lowerBound(e.start);
    while (i < this.edits.length && this.edits[i].start === e.start) i++;
    this.edits.splice(i, 0, e);
  }

  /** Index of the first edit starting at or after `offset`. */
  private lowerBound(offset: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.edits[mid].start < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Whether `applyEdits` would apply every one of these edits (none overlapping another; insertions at
 * one point are fine, they go in list order). A fix that fails this is malformed and never applied. */
function appliesWhole(edits: readonly OffsetEdit[]): boolean {
  const sorted = edits.map((e, index) => ({ ...e, index })).sort((a, b) => a.start - b.start || a.index - b.index);
  return sorted.every((e, i) => i === 0 || e.start >= sorted[i - 1].end);
}

/** Positions as comparable numbers when the text is not at hand: no line in a report reaches 2^26 characters. */
function positionKeyEdits(edits: readonly TextEdit[]): OffsetEdit[] {
  const key = (p: Position) => p.line * 2 ** 26 + p.character;
  return edits.map((e) => ({ start: key(e.range.start), end: Math.max(key(e.range.start), key(e.range.end)), newText: e.newText }));
}

/** The edits of one fix-all pass: every chosen fix's edits, none overlapping another fix's. */
export function fixAllEdits(findings: readonly Finding[], text?: string): TextEdit[] {
  return chooseFixes(findings, text).flatMap((c) => c.fix.edits);
}

export interface FixAllResult {
  text: string;
  /** The fixes applied, pass by pass, with the finding each one answered. */
  applied: ChosenFix[];
  passes: number;
}

/**
 * Applies fix-all until the text stops changing: a renumbering may make a fix applicable that overlapped
 * it before. Stops early if a text comes back (two rules undoing each other). Running it on its own
 * result changes nothing more, as long as `maxPasses` was not the reason it stopped.
 */
export function fixAll(text: string, check: (text: string) => readonly Finding[], maxPasses = 5): FixAllResult {
  const seen = new Set<string>([text]);
  const applied: ChosenFix[] = [];
  let current = text;
  let passes = 0;
  while (passes < maxPasses) {
    const chosen = chooseFixes(check(current), current);
    if (chosen.length === 0) break;
    const next = applyEdits(current, chosen.flatMap((c) => c.fix.edits));
    if (next === current || seen.has(next)) break;
    passes++;
    applied.push(...chosen);
    seen.add(next);
    current = next;
  }
  return { text: current, applied, passes };
}

/** One edit turning `before` into `after`: the span between their common start and common end. Used
 * where several passes of fixes must reach an editor as one edit of the text it holds. */
export function replacementEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a CRLF or a surrogate pair: an edit boundary there would not survive in an editor.
  while (prefix > 0 && splitsPair(before, prefix)) prefix--;
  while (suffix > 0 && splitsPair(before, before.length - suffix)) suffix--;
  const starts = lineStarts(before);
  return {
    range: { start: positionAt(starts, prefix), end: positionAt(starts, before.length - suffix) },
    newText: after.slice(prefix, after.length - suffix),
  };
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const a = text.charCodeAt(offset - 1);
  const b = text.charCodeAt(offset);
  return (a === 13 && b === 10) || (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff);
}
