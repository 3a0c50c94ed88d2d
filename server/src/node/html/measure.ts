// How much text an element holds, and how much of it is link text: what tells an article (much text, few links)
// from a site's navigation, menus and footers (mostly links). Counted once per page, for every element.

import type { HtmlElement } from './tree';

export interface TextAmount {
  /** Characters of text that are not whitespace. */
  text: number;
  /** Of those, inside links. */
  links: number;
  /** Tables below the element. */
  tables: number;
}

export type Amounts = Map<HtmlElement, TextAmount>;

export function measure(root: HtmlElement): Amounts {
  const amounts: Amounts = new Map();
  const visit = (e: HtmlElement, inLink: boolean): TextAmount => {
    const here: TextAmount = { text: 0, links: 0, tables: 0 };
    const link = inLink || e.name === 'a';
    for (const child of e.children) {
      if (child.kind === 'text') {
        const n = visibleLength(child.text);
        here.text += n;
        if (link) here.links += n;
      } else {
        const a = visit(child, link);
        here.text += a.text;
        here.links += a.links;
        here.tables += a.tables + (child.name === 'table' ? 1 : 0);
      }
    }
    amounts.set(e, here);
    return here;
  };
  visit(root, false);
  return amounts;
}

/** Characters but whitespace (&nbsp; and U+3000 included). */
function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c <= 0x20 || c === 0xa0 || c === 0x3000)) n++;
  }
  return n;
}

/** Text a reader reads as content: link text counts for nothing. */
export function contentOf(amounts: Amounts, e: HtmlElement): number {
  const a = amounts.get(e);
  return a ? a.text - a.links : 0;
}

export function linkDensity(amounts: Amounts, e: HtmlElement): number {
  const a = amounts.get(e);
  return a && a.text > 0 ? a.links / a.text : 0;
}
