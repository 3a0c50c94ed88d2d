// The outline: the heading tree as nodes an editor can show, built from the model in small steps
// (name from the title, detail from the number as written, ranges from the section).

import type { Heading, Range, ReportModel } from '../model/types';

export interface OutlineNode {
  /** The heading text without its number; shortened for display when very long. */
  name: string;
  /** The number as written, e.g. 「（一）」 or 「1、」. */
  detail: string;
  level: number;
  /** The whole section. */
  range: Range;
  /** The heading itself: what the editor reveals and highlights. */
  selectionRange: Range;
  children: OutlineNode[];
}

/** Outline names longer than this are cut with an ellipsis: a run-in heading can run to a paragraph. */
export const OUTLINE_NAME_LIMIT = 60;

/** By heading list: a model derived after an edit that left every heading alone shares its predecessor's list. */
const outlines = new WeakMap<readonly Heading[], OutlineNode[]>();

export function buildOutline(model: ReportModel): OutlineNode[] {
  let outline = outlines.get(model.headings);
  if (!outline) {
    outline = model.roots.map(toNode);
    outlines.set(model.headings, outline);
  }
  return outline;
}

function toNode(h: Heading): OutlineNode {
  return {
    name: displayName(h),
    detail: h.number.raw,
    level: h.level,
    range: h.sectionRange,
    selectionRange: h.range,
    children: h.children.map(toNode),
  };
}

function displayName(h: Heading): string {
  const title = h.title.trim();
  if (title.length === 0) return h.number.raw; // a half-typed heading: show at least its number
  return title.length > OUTLINE_NAME_LIMIT ? title.slice(0, OUTLINE_NAME_LIMIT - 1) + '…' : title;
}
