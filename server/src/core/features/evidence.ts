// Evidence density: how many figures and cases back each first-level section — the evaluations fault
// reports for 运用事例少 and 内容不翔实 (rules.md R8.1, R8.2, Q6). Read by the title hover and sparse-evidence.
import type { Figure } from '../model/figures';
import type { Heading, Paragraph, ReportModel } from '../model/types';
import { figuresByParagraph } from '../rules/shared/figures';
import { paragraphMemo } from '../rules/shared/memo';
import { sectionParagraphs } from '../rules/shared/sections';

export interface SectionEvidence {
  heading: Heading;
  /** Characters of running text under the heading (sub-headings' bodies included). */
  chars: number;
  /** Figures other than years and dates, table cells included. */
  figures: number;
  /** Cases and examples: 典型案例, 例如/比如, 以……为例. */
  cases: number;
}

const CASE = /典型案例|案例|例如|比如|以[^，。；、,;]{1,20}为例|典型经验|典型做法/g;

interface ParagraphEvidence {
  chars: number;
  figures: number;
  cases: number;
}

/** Per paragraph object: an edit elsewhere leaves it, and its figures, as they were. */
const paragraphEvidence = paragraphMemo<ParagraphEvidence>();

/** Evidence per first-level section of the report, in document order. */
export function evidenceBySection(model: ReportModel): SectionEvidence[] {
  const out: SectionEvidence[] = [];
  let byParagraph: Map<Paragraph, Figure[]> | undefined;
  // A table of counts under a section is evidence too: its numbers per top-level section (counted from the
  // cells: the table figures with their labels are more than a count needs).
  const tableCells = new Map<Heading, number>();
  for (const t of model.tables) {
    let top = t.section;
    while (top?.parent) top = top.parent;
    if (!top) continue;
    let n = 0;
    for (const r of t.rows) if (r.kind === 'data') for (let k = r.valueStart; k < r.cells.length; k++) if (r.cells[k].value !== undefined) n++;
    tableCells.set(top, (tableCells.get(top) ?? 0) + n);
  }
  for (const heading of model.headings) {
    if (heading.level !== 1) continue;
    const sum = { chars: 0, figures: tableCells.get(heading) ?? 0, cases: 0 };
    for (const p of sectionParagraphs(model, heading)) {
      const e = paragraphEvidence.get(p, () => {
        byParagraph ??= figuresByParagraph(model);
        return {
          chars: p.text.length,
          cases: p.text.match(CASE)?.length ?? 0,
          figures: (byParagraph.get(p) ?? []).filter(isEvidence).length,
        };
      });
      sum.chars += e.chars;
      sum.figures += e.figures;
      sum.cases += e.cases;
    }
    out.push({ heading, ...sum });
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
