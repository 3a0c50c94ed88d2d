// Per-paragraph results that outlive a document version. After an edit inside one line, the new model shares
// every other paragraph object with the previous one (see parseReport's `previous`), so what a rule computed
// for a paragraph from its text alone is looked up instead of computed again.
import type { Paragraph } from '../../model/types';

export interface ParagraphMemo<T> {
  get(paragraph: Paragraph, compute: () => T): T;
}

/** A memo for one rule's per-paragraph work; `compute` must depend on nothing but the paragraph.
 * Values are stored as they are (no wrapper object): a large report has tens of thousands of paragraphs
 * per memo, and the server keeps them for the document's lifetime. */
export function paragraphMemo<T>(): ParagraphMemo<T> {
  const cache = new WeakMap<Paragraph, T>();
  return {
    get(paragraph, compute) {
      const cached = cache.get(paragraph);
      if (cached !== undefined || cache.has(paragraph)) return cached as T;
      const value = compute();
      cache.set(paragraph, value);
      return value;
    },
  };
}
