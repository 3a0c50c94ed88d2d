// What the figure rules share: figures grouped by paragraph, and sums that tolerate float noise.
import { figuresOf, type Figure } from '../../model/figures';
import type { Paragraph, ReportModel } from '../../model/types';

const byParagraphCache = new WeakMap<ReportModel, Map<Paragraph, Figure[]>>();

export function figuresByParagraph(model: ReportModel): Map<Paragraph, Figure[]> {
  let map = byParagraphCache.get(model);
  if (!map) {
    map = new Map();
    for (const f of figuresOf(model)) {
      let list = map.get(f.paragraph);
      if (!list) map.set(f.paragraph, (list = []));
      list.push(f);
    }
    byParagraphCache.set(model, map);
  }
  return map;
}

/** Counted or measured quantities: the figures arithmetic applies to. */
export function isQuantity(f: Figure): boolean {
  return f.kind === 'count' || f.kind === 'money' || f.kind === 'measure';
}

export function sum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

/** 「8.2万」 as written, 「199,000,000元」 for money: how a value reads in a message. */
export function formatValue(f: Figure, value = f.value): string {
  if (f.kind === 'money') return `${value.toLocaleString('en-US')}元`;
  if (f.kind === 'percent') return `${value}%`;
  return `${value.toLocaleString('en-US')}${f.unit}`;
}
