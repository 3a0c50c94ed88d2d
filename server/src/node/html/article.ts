// Where the article is on a page of a 政务公开 column: the site's header, navigation, breadcrumb, side columns and
// footer around it are mostly links or little text; the article is the one block that holds nearly all the
// text that is not links. From the page's body we go down into the child that holds at least nine tenths of
// that text, as long as one does. The containers sites use (TRS_Editor, #zoom, .article-content …) are hints:
// when one holds at least half the text, the search starts from it. The title (the article's heading, else
// the page's <title> without the site's name) and the 发布日期 and 来源 printed beside it are found apart.

import { type Amounts, contentOf } from './measure';
import { isDataTable } from './render';
import { paragraphText } from './text';
import type { HtmlElement, HtmlNode } from './tree';

/** Containers 政务 sites (TRS, 拓尔思, 大汉, 开普云 …) and common templates put an article's text in. */
const ARTICLE_HINT = /TRS_Editor|TRS_UEDITOR|\bzoom\b|article[-_]?content|news[-_]?content|\bcontent\b|\bzw\b|zwnr|UCAP-CONTENT|pages?_content|con_text|detail[-_]?content|\barticle\b|\bmain[-_]?text\b/i;
/** Share of the content a child must hold for the search to go down into it. */
const DESCEND_SHARE = 0.9;
/** Share of the page's content a hinted container must hold to be taken as the article. */
const HINT_SHARE = 0.5;

export function findArticle(body: HtmlElement, amounts: Amounts): HtmlElement {
  const total = contentOf(amounts, body);
  let current = body;
  let hinted: HtmlElement | undefined;
  forEachElement(body, (e) => {
    const content = contentOf(amounts, e);
    const hint = `${e.id} ${e.className}`;
    // Deeper hints win ties: they come later and replace only with at least as much content.
    if (content >= HINT_SHARE * total && ARTICLE_HINT.test(hint) && (!hinted || content >= contentOf(amounts, hinted))) hinted = e;
  });
  if (hinted) current = hinted;
  for (;;) {
    const content = contentOf(amounts, current);
    // A table of figures is read whole, with what stands around it: going into it would lose the headings
    // before it (an article that is mostly 表三), going into one of its rows would lose the others.
    if (content === 0 || (current.name === 'table' && isDataTable(current, amounts))) break;
    let best: HtmlElement | undefined;
    for (const child of current.children) {
      if (child.kind === 'element' && (!best || contentOf(amounts, child) > contentOf(amounts, best))) best = child;
    }
    if (!best || contentOf(amounts, best) < DESCEND_SHARE * content || (best.name === 'table' && isDataTable(best, amounts))) break;
    current = best;
  }
  return current;
}

/** The elements from `root` down to `target`, both included; empty when `target` is not below `root`. */
export function pathTo(root: HtmlElement, target: HtmlElement): Set<HtmlElement> {
  const path: HtmlElement[] = [];
  const visit = (e: HtmlElement): boolean => {
    path.push(e);
    if (e === target) return true;
    for (const c of e.children) if (c.kind === 'element' && visit(c)) return true;
    path.pop();
    return false;
  };
  visit(root);
  return new Set(path);
}

/** Every element below `root`, in document order. */
export function forEachElement(root: HtmlElement, f: (e: HtmlElement) => void): void {
  for (const child of root.children) {
    if (child.kind !== 'element') continue;
    f(child);
    forEachElement(child, f);
  }
}

/** The inline text of an element on one line. */
export function lineOf(e: HtmlNode): string {
  let raw = '';
  const visit = (n: HtmlNode) => {
    if (n.kind === 'text') raw += n.text;
    else {
      raw += ' ';
      n.children.forEach(visit);
      raw += ' ';
    }
  };
  visit(e);
  return paragraphText(raw);
}

const TITLE_CLASS = /title|biaoti|\bbt\b|\btit\b|headline/i;
const HEADINGS = new Set(['h1', 'h2', 'h3']);

/**
 * The article's title: a heading (h1–h3, or an element a site marks as the title) before the article or at its
 * start that the page's <title> names (the last such); else the page's <title> without the site's name; for a page
 * without a <title>, the nearest heading before the article. The site's name is never the title.
 */
export function findTitle(body: HtmlElement, article: HtmlElement, pageTitle: string, amounts: Amounts): { text: string; element?: HtmlElement } | undefined {
  const around = pathTo(body, article);
  const candidates: HtmlElement[] = [];
  let passed = false;
  forEachElement(body, (e) => {
    if (passed) return;
    if (e === article) {
      // Its first heading may be the title, too.
      const first = firstHeading(article);
      if (first) candidates.push(first);
      passed = true;
      return;
    }
    if (around.has(e) || (amounts.get(e)?.text ?? 0) > 120) return;
    if (HEADINGS.has(e.name) || (TITLE_CLASS.test(`${e.id} ${e.className}`) && !hasBlockChild(e))) candidates.push(e);
  });
  const fromPage = withoutSiteName(pageTitle);
  // The site's own name (a logo's heading, 「某某市人民政府」) is the rest of the page's <title>, never the article's.
  const siteParts = pageTitle && fromPage ? pageTitle.replace(fromPage, '|').split(/\s*[|｜_—–-]\s*/).filter((p) => p.length > 0) : [];
  const texts = candidates.map((e) => ({ e, text: lineOf(e) }))
    .filter((c) => c.text.length >= 4 && c.text.length <= 120 && !siteParts.includes(c.text));
  const named = fromPage ? texts.filter((c) => c.text.includes(fromPage) || fromPage.includes(c.text)) : [];
  const chosen = named[named.length - 1] ?? (fromPage ? undefined : texts[texts.length - 1]);
  if (chosen) return { text: chosen.text, element: chosen.e };
  return fromPage ? { text: fromPage } : undefined;
}

function firstHeading(article: HtmlElement): HtmlElement | undefined {
  for (const child of article.children) {
    if (child.kind === 'text' && child.text.trim()) return undefined;
    if (child.kind === 'element') return HEADINGS.has(child.name) ? child : undefined;
  }
  return undefined;
}

function hasBlockChild(e: HtmlElement): boolean {
  return e.children.some((c) => c.kind === 'element' && (c.name === 'div' || c.name === 'p' || c.name === 'table' || c.name === 'ul'));
}

/** 「平潭综合实验区2021年度……年度报告-平潭综合实验区管委会」 → the part that names the article: the one with 报告
 * in it, else the first. */
export function withoutSiteName(pageTitle: string): string {
  // The last 「-」 too (「…报告-平潭综合实验区管委会」), not those of dates in the title (「2021-2025」).
  const lastDash = pageTitle.lastIndexOf('-');
  const marked = lastDash > 0 && !/\d/.test(pageTitle[lastDash + 1] ?? '') ? `${pageTitle.slice(0, lastDash)}|${pageTitle.slice(lastDash + 1)}` : pageTitle;
  const parts = marked.split(/\s*[|｜_—–]\s*|\s+-\s+|\s{2,}/).map((p) => p.trim()).filter((p) => p.length > 0);
  return parts.find((p) => p.includes('报告')) ?? parts[0] ?? '';
}

/** 「发布日期：2022-02-08」 and 「来源：平潭综合实验区管委会办公室」 as printed beside an article; bounded, linear. */
const PUBLISHED = /(?:发布|发表|成文)(?:日期|时间)\s*[:：]\s*[0-9０-９][0-9０-９\-/.年月日:： ]{5,24}/;
const SOURCE = /(?:信息)?来源\s*[:：]\s*[^\s|｜:：]{1,40}/;

/**
 * The page's 发布日期 and 来源, from the page's text outside the article and before its end (sites print them
 * between the title and the text), as one line: 「发布日期：2022-02-08　来源：平潭综合实验区管委会办公室」.
 */
export function findPageDetails(body: HtmlElement, article: HtmlElement): string | undefined {
  const around = pathTo(body, article);
  let published: string | undefined;
  let source: string | undefined;
  let passed = false;
  const visit = (e: HtmlElement) => {
    for (const child of e.children) {
      if (passed || (published && source)) return;
      if (child.kind !== 'element') continue;
      if (child === article) {
        passed = true;
        return;
      }
      if (around.has(child) || hasBlockChild(child)) {
        visit(child);
        continue;
      }
      const line = lineOf(child);
      if (line.length > 300) continue;
      published ??= PUBLISHED.exec(line)?.[0].trim();
      source ??= SOURCE.exec(line)?.[0].trim();
    }
  };
  visit(body);
  const parts = [published, source].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join('　') : undefined;
}
