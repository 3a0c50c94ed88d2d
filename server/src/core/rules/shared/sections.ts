// The text under a heading, shared by the rules that judge what a section says (不足, 安排, 成效).
import { firstOnOrAfterLine } from '../../model/order';
import type { Heading, Paragraph, ReportModel } from '../../model/types';
import type { SectionMatch } from '../../profiles/match';

/** The paragraphs under a heading and its sub-headings, run-in bodies included, in line order. */
export function sectionParagraphs(model: ReportModel, h: Heading): Paragraph[] {
  const out: Paragraph[] = [];
  const last = h.sectionRange.end.line;
  for (let i = firstOnOrAfterLine(model.paragraphs, h.line); i < model.paragraphs.length && model.paragraphs[i].line <= last; i++) {
    out.push(model.paragraphs[i]);
  }
  return out;
}

/** The sub-headings of a heading, at any depth, in line order. */
export function subHeadings(model: ReportModel, h: Heading): Heading[] {
  const out: Heading[] = [];
  const last = h.sectionRange.end.line;
  for (let i = h.index + 1; i < model.headings.length && model.headings[i].line <= last; i++) out.push(model.headings[i]);
  return out;
}

/** The running text under a heading and its sub-headings (paragraph texts, then sub-heading titles). */
export function sectionText(model: ReportModel, h: Heading): string {
  return [...sectionParagraphs(model, h).map((p) => p.text), ...subHeadings(model, h).map((s) => s.title)].join('\n');
}

const restartsCache = new WeakMap<SectionMatch[], ReadonlySet<Heading>>();

/** The headings that restart a list because a part was written without its heading: not numbering faults. */
export function unheadedRestarts(sections: () => SectionMatch[]): ReadonlySet<Heading> {
  const matches = sections();
  let set = restartsCache.get(matches);
  if (!set) {
    set = new Set(matches.flatMap((s) => (s.unheaded?.restarts ? [s.unheaded.list] : [])));
    restartsCache.set(matches, set);
  }
  return set;
}

/** The headings of a mandated item (不足, 安排 …) when the report gives it a heading of its own; none when it is
 * missing or only spoken of in running text, which the rules that judge a section's content leave alone. */
export function itemHeadings(sections: () => SectionMatch[], itemId: string): Heading[] {
  const match = sections().find((s) => s.item.id === itemId);
  return match?.present && match.via === 'heading' ? match.headings : [];
}
