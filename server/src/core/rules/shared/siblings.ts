// Runs of sibling headings (same parent, same level) and the renumbering fix they share: numbering
// restarts under each parent, and a run is renumbered from its first fault onwards. A list that restarts where a
// level-1 heading is missing (the plan's （一） after the 成效's （四）, see unheaded-section) starts a run of its own.
import type { Fix, TextEdit } from '../../findings';
import { formatChineseNumeral, standardMarker } from '../../model/numbering';
import type { Heading, ReportModel } from '../../model/types';

export interface SiblingRun {
  headings: Heading[];
  /** Index of the first heading whose value is not its position (1-based), or -1. */
  firstFault: number;
}

const runsCache = new WeakMap<ReportModel, SiblingRun[]>();
const cutRunsCache = new WeakMap<ReadonlySet<Heading>, SiblingRun[]>();

/** The runs of the model, cut before each heading of `restarts` (headings whose list a missing heading explains). */
export function siblingRuns(model: ReportModel, restarts?: ReadonlySet<Heading>): SiblingRun[] {
  if (!restarts || restarts.size === 0) return allSiblingRuns(model);
  let cut = cutRunsCache.get(restarts);
  if (cut) return cut;
  cut = [];
  for (const run of allSiblingRuns(model)) {
    if (!run.headings.some((h) => restarts.has(h))) {
      cut.push(run);
      continue;
    }
    let part: Heading[] = [];
    for (const h of run.headings) {
      if (restarts.has(h) && part.length > 0) {
        cut.push(makeRun(part));
        part = [];
      }
      part.push(h);
    }
    cut.push(makeRun(part));
  }
  cutRunsCache.set(restarts, cut);
  return cut;
}

function makeRun(headings: Heading[]): SiblingRun {
  return { headings, firstFault: headings.findIndex((h, i) => h.number.value !== i + 1) };
}

function allSiblingRuns(model: ReportModel): SiblingRun[] {
  let runs = runsCache.get(model);
  if (runs) return runs;
  runs = [];
  const groups = (children: Heading[]) => {
    const byLevel = new Map<number, Heading[]>();
    for (const h of children) {
      let g = byLevel.get(h.level);
      if (!g) byLevel.set(h.level, (g = []));
      g.push(h);
    }
    for (const g of byLevel.values()) runs!.push(makeRun(g));
  };
  groups(model.roots);
  for (const h of model.headings) if (h.children.length > 0) groups(h.children);
  runsCache.set(model, runs);
  return runs;
}

const runFixes = new WeakMap<SiblingRun, Fix | undefined>();

/**
 * The run's one renumbering fix, from its first fault on. Computed once per run and shared by every
 * finding in it: a long run with many faults must not cost a renumbering per fault.
 */
export function runRenumberFix(run: SiblingRun): Fix | undefined {
  if (!runFixes.has(run)) runFixes.set(run, run.firstFault < 0 ? undefined : renumberFix(run, run.firstFault));
  return runFixes.get(run);
}

/** Replaces the digits of every heading from `from` on whose value is not its position. */
function renumberFix(run: SiblingRun, from: number): Fix | undefined {
  const edits: TextEdit[] = [];
  for (let i = from; i < run.headings.length; i++) {
    const h = run.headings[i];
    if (h.number.value === i + 1) continue;
    edits.push(digitsEdit(h, i + 1));
  }
  if (edits.length === 0) return undefined;
  const first = run.headings[from];
  const last = run.headings[run.headings.length - 1];
  const zh = `从第${first.line + 1}行起重新编号（至第${last.line + 1}行）`;
  const en = `Renumber from line ${first.line + 1} (to line ${last.line + 1})`;
  return { title: { zh, en }, edits, preferred: true };
}

export function digitsEdit(h: Heading, value: number): TextEdit {
  const n = h.number;
  const offset = n.raw.indexOf(n.digits);
  const start = n.range.start.character + Math.max(offset, 0);
  return {
    range: { start: { line: h.line, character: start }, end: { line: h.line, character: start + n.digits.length } },
    newText: n.numeral === 'chinese' ? formatChineseNumeral(value) : String(value),
  };
}

/** How a number is named in a message: 「三、」 as written. */
export function quoted(h: Heading): string {
  return `“${h.number.raw}”`;
}

/** The standard marker a heading should carry at this position: 「四、」「（二）」「3.」「（1）」. */
export function expectedLabel(h: Heading, value: number): string {
  return standardMarker(h.level, value);
}
