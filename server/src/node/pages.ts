// Pages of a paged document (a PDF): its text is one text, and a finding's line is told with the page it is on,
// as reviewers hold the printed report: 「第3页」, "page 3".
import type { Locale } from '../core/index';
import { lastAtOrBefore } from '../core/model/order';

/** The 1-based page of a 0-based line, given the line on which each page starts (sorted); undefined without pages. */
export function pageOfLine(pageStarts: readonly number[] | undefined, line: number): number | undefined {
  if (!pageStarts || pageStarts.length === 0) return undefined;
  // The last page that starts at or before the line: a binary search, as a report has hundreds of pages at
  // most but thousands of findings at worst.
  return lastAtOrBefore(pageStarts, line) + 1;
}

export function pageLabel(page: number, locale: Locale): string {
  return locale === 'en' ? `page ${page}` : `第${page}页`;
}
