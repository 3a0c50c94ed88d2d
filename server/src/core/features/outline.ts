// The outline: the heading tree as nodes an editor can show, built from the model in small steps
// (name from the title, detail from the number as written, ranges from the section), with each table as one
// node under the section it stands in. Table rows are never nodes, whatever numbering their labels carry.

import type { Locale } from '../findings';
import { tableDisplayName } from '../model/gov-info-tables';
import type { Heading, Range, ReportModel, Table } from '../model/types';

export interface OutlineNode {
  /** The heading text without its number, or the table's name; shortened for display when very long. */
  name: string;
  /** The number as written, e.g. 「（一）」 or 「1、」; for a table, how many rows it has. */
  detail: string;
  /** 1–4 for headings; for a table, one below its section's level. */
  level: number;
  kind: 'section' | 'table';
  /** The whole section or table. */
  range: Range;
  /** The heading itself, or the table's first row: what the editor reveals and highlights. */
  selectionRange: Range;
  children: OutlineNode[];
}

/** Outline names longer than this are cut with an ellipsis: a run-in heading can run to a paragraph. */
export const OUTLINE_NAME_LIMIT = 60;

/**
 * By heading list, per locale: a model derived after an edit that left every heading (and so every table: an
 * edit near a table is parsed in full) alone shares its predecessor's list.
 */
const outlines = new WeakMap<readonly Heading[], Partial<Record<Locale, OutlineNode[]>>>();

export function buildOutline(model: ReportModel, locale: Locale = 'zh'): OutlineNode[] {
  let byLocale = outlines.get(model.headings);
  if (!byLocale) outlines.set(model.headings, (byLocale = {}));
  let outline = byLocale[locale];
  if (!outline) {
    const tablesBySection = new Map<Heading | undefined, Table[]>();
    for (const t of model.tables) {
      const list = tablesBySection.get(t.section);
      if (list) list.push(t);
      else tablesBySection.set(t.section, [t]);
    }
    const tableNode = (t: Table, level: number) => toTableNode(model, t, level, locale);
    const toNode = (h: Heading): OutlineNode => ({
      name: displayName(h),
      detail: h.number.raw,
      level: h.level,
      kind: 'section',
      range: h.sectionRange,
      selectionRange: h.range,
      children: inLineOrder(h.children.map(toNode), (tablesBySection.get(h) ?? []).map((t) => tableNode(t, h.level + 1))),
    });
    outline = inLineOrder(model.roots.map(toNode), (tablesBySection.get(undefined) ?? []).map((t) => tableNode(t, 1)));
    byLocale[locale] = outline;
  }
  return outline;
}

function toTableNode(model: ReportModel, table: Table, level: number, locale: Locale): OutlineNode {
  const rows = table.rows.filter((r) => r.kind === 'data').length;
  const first = table.rows[0];
  return {
    name: shorten(tableDisplayName(model, table)[locale]),
    detail: locale === 'en' ? `${rows} ${rows === 1 ? 'row' : 'rows'}` : `${rows}行`,
    level,
    kind: 'table',
    range: table.range,
    selectionRange: first.range,
    children: [],
  };
}

/** Sections and tables of one parent, merged by where they start. */
function inLineOrder(sections: OutlineNode[], tables: OutlineNode[]): OutlineNode[] {
  if (tables.length === 0) return sections;
  return [...sections, ...tables].sort((a, b) => a.range.start.line - b.range.start.line);
}

function displayName(h: Heading): string {
  const title = h.title.trim();
  if (title.length === 0) return h.number.raw; // a half-typed heading: show at least its number
  return shorten(title);
}

function shorten(name: string): string {
  return name.length > OUTLINE_NAME_LIMIT ? name.slice(0, OUTLINE_NAME_LIMIT - 1) + '…' : name;
}
