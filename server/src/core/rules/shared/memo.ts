// Per-paragraph results that outlive a document version. After an edit inside one line, the new model shares
// every other paragraph object with the previous one (see parseReport's `previous`), so what a rule computed
// for a paragraph from its text alone is looked up instead of computed again.
import type { Paragraph } from '../../model/types';

export interface ParagraphMemo<T> {
  get(paragraph: Paragraph, compute: () => T): T;
}

/** A memo for one rule's per-paragraph work; `compute` must depend on nothing but the paragraph. */
export function paragraphMemo<T>(): ParagraphMemo<T> {
  const cache = new WeakMap<Paragraph, { value: T }>();
  return {
    get(paragraph, compute) {
      let entry = cache.get(paragraph);
      if (!entry) cache.set(paragraph, (entry = { value: compute() }));
      return entry.value;
    },
  };
}
