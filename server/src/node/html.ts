// The text of a saved web page (.html, .htm, .shtml) of a report, as the report checker reads it: the article
// without the site around it, one paragraph per line, tables one row per line with TAB between cells, the title
// first. The 发布日期 and 来源 printed beside the title are given apart, not in the text: they belong to the site,
// not to the report, and in the text the core would rightly call them web-page text — a hint the same report
// as .txt, .docx or PDF does not get. Positions in findings refer to this text.
//
// The parts: html/charset.ts (which encoding), html/tree.ts (htmlparser2, with the limits), html/measure.ts and
// html/article.ts (where the article is), html/render.ts and html/text.ts (lines and tables). A page from a
// stranger costs at most the limits below, and is refused past them in one line. Frames and pages whose text
// a script writes are not read: only what the saved file holds.

import { findArticle, findPageDetails, findTitle } from './html/article';
import { decodePage } from './html/charset';
import { measure } from './html/measure';
import { renderLines } from './html/render';
import { type HtmlLimits, parsePage } from './html/tree';

export { HtmlError } from './html/error';
export type { HtmlLimits } from './html/tree';

/** A report page has a few thousand elements and a few hundred thousand characters; a hostile one is refused
 * long before it costs seconds. */
export const HTML_LIMITS: HtmlLimits = { maxElements: 500_000, maxDepth: 512, maxChars: 20_000_000, maxMillis: 10_000 };

export interface ExtractedPage {
  text: string;
  /** The encoding the page was decoded from. */
  encoding: string;
  /** 「发布日期：2022-02-08　来源：…」 as the site prints it beside the article, when it does. */
  details?: string;
}

/** The report text of a saved web page; throws HtmlError when the page cannot be read within the limits. */
export function extractHtmlText(bytes: Uint8Array, limits: Partial<HtmlLimits> = {}): ExtractedPage {
  const chosen: HtmlLimits = { ...HTML_LIMITS, ...limits };
  const started = Date.now();
  const decoded = decodePage(bytes);
  const page = parsePage(decoded.text, { ...chosen, maxMillis: Math.max(1, chosen.maxMillis - (Date.now() - started)) });
  const amounts = measure(page.body);
  const article = findArticle(page.body, amounts);
  const lines = renderLines(article, amounts);
  const title = findTitle(page.body, article, page.title, amounts);
  // The title is written first unless the article starts with it already.
  if (title && !lines.slice(0, 3).includes(title.text)) lines.unshift(title.text);
  const details = article === page.body ? undefined : findPageDetails(page.body, article);
  return { text: lines.join('\n'), encoding: decoded.encoding, ...(details ? { details } : {}) };
}
