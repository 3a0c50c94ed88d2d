// Evidence density: how many figures and cases back each first-level section — the evaluations fault
// reports for 运用事例少 and 内容不翔实 (rules.md R8.1, R8.2, Q6). Read by the title hover and sparse-evidence.
import { figuresOf, type Figure } from '../model/figures';
import type { Heading, ReportModel } from '../model/types';
import { sectionParagraphs } from '../rules/shared/sections';

export interface SectionEvidence {
  heading: Heading;
  /** Characters of running text under the heading (sub-headings' bodies included). */
  chars: number;
  /** Figures other than years and dates. */
  figures: number;
  /** Cases and examples: 典型案例, 例如/比如, 以……为例. */
  cases: number;
}

const CASE = /典型案例|案例|例如|比如|以[^，。；、,;]{1,20}为例|典型经验|典型做法/g;

/** Evidence per first-level section of the report, in document order. */
export function evidenceBySection(model: ReportModel): SectionEvidence[] {
  const figures = figuresOf(model);
  const out: SectionEvidence[] = [];
  let f = 0;
  for (const heading of model.headings) {
    if (heading.level !== 1) continue;
    const last = heading.sectionRange.end.line;
    let chars = 0;
    let cases = 0;
    for (const p of sectionParagraphs(model, heading)) {
      chars += p.text.length;
      cases += p.text.match(CASE)?.length ?? 0;
    }
    while (f < figures.length && figures[f].line < heading.line) f++;
    let n = 0;
    for (let k = f; k < figures.length && figures[k].line <= last; k++) if (isEvidence(figures[k])) n++;
    out.push({ heading, chars, figures: n, cases });
  }
  return out;
}

/**
 * A figure that reports something: not a year or date, and not a small number written in Chinese, which in
 * these reports is mostly part of a name — 「三项制度」「五进」「一站式」 (GB/T 15835 has counts in Arabic digits).
 */
function isEvidence(f: Figure): boolean {
  if (f.kind === 'year' || f.kind === 'date') return false;
  return /[0-9０-９]/.test(f.text) || f.value >= 10;
}

/** Figures and cases per 1,000 characters. */
export function evidencePerThousand(e: SectionEvidence): number {
  return e.chars === 0 ? 0 : ((e.figures + e.cases) * 1000) / e.chars;
}
