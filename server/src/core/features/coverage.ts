// Which task areas of the 法治政府建设实施纲要（2021—2025年） a report speaks to: by its headings (an area's
// heading words) or by its text (an area's keywords), with where. Data: core/data/gangyao.json (rules.md §4).
import GANGYAO from '../data/gangyao.json';
import type { Range, ReportModel } from '../model/types';

export interface AreaCoverage {
  id: string;
  title: string;
  short: string;
  /** How the report speaks to it: a heading named after it, else keywords in the text, else not at all. */
  via: 'heading' | 'keywords' | 'none';
  /** The places: the headings, or the paragraphs with a keyword (the first few). */
  ranges: Range[];
}

const MAX_PLACES = 5;

/** Coverage of the 2021—2025 纲要's nine areas; undefined for a report on a year before 2021. */
export function gangyaoCoverage(model: ReportModel): AreaCoverage[] | undefined {
  const year = model.year?.value;
  if (!model.isReport || year === undefined || year < GANGYAO.current.firstYear) return undefined;
  return GANGYAO.current.areas.map((area) => {
    const headings = model.headings.filter((h) => h.level <= 2 && area.headings.some((w) => h.title.includes(w)));
    if (headings.length > 0) return { id: area.id, title: area.title, short: area.short, via: 'heading' as const, ranges: headings.slice(0, MAX_PLACES).map((h) => h.range) };
    const paragraphs = model.paragraphs.filter((p) => area.keywords.some((k) => p.text.includes(k)));
    return {
      id: area.id, title: area.title, short: area.short,
      via: paragraphs.length > 0 ? ('keywords' as const) : ('none' as const),
      ranges: paragraphs.slice(0, MAX_PLACES).map((p) => p.range),
    };
  });
}
