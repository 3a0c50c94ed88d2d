// A line of a table as the table reader sees it: a data row (it has values), a header row (several cells, no
// value) or a line of one cell (a caption, a wrapped label or header cell).

import type { PageLine, Segment } from './lines';

/** A line of more segments is no table row of a report. */
export const MAX_CELLS = 200;

/** 「12」「1,234」「24252.311082」「98%」, or a mark for none: 「/」「-」「—」「无」. */
const VALUE = /^(?:[-+－]?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?\s*[%％]?|[/／\\]|[-－—–―]{1,2}|无)$/;

export function isValueText(text: string): boolean {
  return text.length <= 24 && VALUE.test(text.replace(/ /g, ''));
}

/** A line of a table: a data row (it has values), a header row (several cells, no value) or a single cell. */
export interface TableLine {
  line: PageLine;
  kind: 'data' | 'header' | 'single';
  /** The label cells of a data row: its segments before its first value, and wrapped lines joined to them. */
  labels: Segment[];
  /** The value cells of a data row, in x order. */
  values: Segment[];
  /** Joined to another line: a label or header cell wrapped onto this line. */
  joined: boolean;
  /** The baseline of its last line, once lines wrapped below it are joined to it. */
  bottom: number;
}

export function classify(line: PageLine): TableLine {
  const segs = line.segments;
  const first = segs.length > MAX_CELLS ? -1 : segs.findIndex((s) => isValueText(s.text));
  if (first >= 0) {
    return { line, kind: 'data', labels: segs.slice(0, first).map((s) => ({ ...s })), values: segs.slice(first), joined: false, bottom: line.y };
  }
  // Copies: a header's cells grow as the lines it wraps onto join it.
  return { line: { ...line, segments: segs.map((s) => ({ ...s })) }, kind: segs.length >= 2 ? 'header' : 'single', labels: [], values: [], joined: false, bottom: line.y };
}

