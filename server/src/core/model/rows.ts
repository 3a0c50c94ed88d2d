// Whether one line, on its own, reads as a table row, and where its cells are. Pure and per line, so the
// result is cached with the line's shape; which rows form a table is decided from their neighbours (tables.ts).

import TEMPLATE from '../data/gov-info-tables.json';
import { matchHeadingMarker } from './numbering';

/**
 * tab: cells separated by TAB (web pages, Word, our .docx reader); pipe: a Markdown pipe row; rule: a Markdown
 * separator row (|---|---|); spaced: a label followed by values separated by spaces (PDF text).
 * strength: strong rows start a table on their own; weak ones (one or two trailing values after a short label,
 * 「行政许可 2293」) and header-like lines (short words separated by spaces) only join a table next to them.
 */
export interface RowShape {
  /** lines: one cell per line — a row label of 表三 standing alone, or a lone value. */
  format: 'tab' | 'pipe' | 'rule' | 'spaced' | 'lines';
  strength: 'strong' | 'weak' | 'header';
  /** Cells as [start, end) offsets in the line, trimmed; an empty cell is a zero-width span. */
  cells: readonly (readonly [number, number])[];
}

/** Longest cell a table row may have: longer text with a full stop is prose with a stray TAB. */
const PROSE_CELL = 60;
const MAX_CELL = 150;
/** Longest label of a row of space-separated values, and of one that joins a table only beside others. */
const SPACED_LABEL = 80;
const WEAK_LABEL = 40;
const HEADER_TOKEN = 24;
/** A row longer than this, or with more cells, is not a table row of a report (and splitting it would cost). */
const MAX_ROW = 4000;
const MAX_CELLS = 200;

function isCellSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0xa0 || c === 0x09 || c === 0xfeff || c === 0x200b || (c >= 0x2000 && c <= 0x200a);
}

/** 「12」「1,234」「24252.311082」「98%」, ASCII or full-width digits. */
const NUMBER_CELL = /^[-+－]?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?\s*[%％]?$/;
/** A cell that says "none": blank, 「/」「-」「—」「——」「－」「\」. */
const NONE_CELL = /^(?:[/／\\]|[-－—–―]{1,2}|无)?$/;

export function isNumberCell(text: string): boolean {
  return text.length <= 24 && NUMBER_CELL.test(text);
}

export function isNoneCell(text: string): boolean {
  return NONE_CELL.test(text);
}

/** The number in a cell, or undefined for text and for no value. */
export function cellNumber(text: string): number | undefined {
  if (!isNumberCell(text)) return undefined;
  let s = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) s += String.fromCharCode(c - 0xfee0);
    else if (ch === '．') s += '.';
    else if (ch === '－') s += '-';
    else if (ch === ',' || ch === '，' || ch === '%' || ch === '％' || ch === ' ') continue;
    else s += ch;
  }
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

function trimmed(line: string, from: number, to: number): [number, number] {
  let s = from;
  let e = to;
  while (s < e && isCellSpace(line.charCodeAt(s))) s++;
  while (e > s && isCellSpace(line.charCodeAt(e - 1))) e--;
  return [s, e];
}

/** `start`/`end`: the line's content (after indentation, before trailing spaces). */
export function rowShape(line: string, start: number, end: number): RowShape | undefined {
  if (end - start > MAX_ROW) return undefined;
  if (line.indexOf('\t', start) >= 0) return tabRow(line);
  const first = line.charCodeAt(start);
  if (first === 0x7c /* | */ || first === 0xff5c /* ｜ */) return pipeRow(line, start, end);
  return spacedRow(line, start, end) ?? singleCell(line, start, end);
}

/**
 * The numbered row labels of 表三 (「一、本年新收政府信息公开申请数量」「（三）不予公开」「2.重复申请」「（七）总计」 …), as a
 * converter leaves them when it writes one cell per line: never headings of the report. Compared after the
 * normalisation real copies need (spaces, bracket width, 「1、」 for 「1.」, the explanation in brackets dropped).
 */
const TEMPLATE_LABELS = new Set([
  ...TEMPLATE.requests.rows.flatMap((r) => [r.label, r.group ?? '']),
  TEMPLATE.requests.otherOneRow.label, '（六）其他', '四、结转下一年度继续办理',
].filter((l) => l.length > 0).map(normaliseTemplateLabel));

function normaliseTemplateLabel(label: string): string {
  return label.replace(/[\s\u3000\u00a0]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')
    .replace(/^([0-9０-９]+)[、．，,]/, '$1.').replace(/（[^（）]{6,}）$/, '');
}

/** A line that is one cell of a table written one cell per line: a 表三 row label, or a lone value. */
function singleCell(line: string, start: number, end: number): RowShape | undefined {
  const content = line.slice(start, end);
  if (isNumberCell(content) || (content.length > 0 && content.length <= 2 && isNoneCell(content))) {
    return { format: 'lines', strength: 'weak', cells: [[start, end]] };
  }
  if (content.length <= 60 && TEMPLATE_LABELS.has(normaliseTemplateLabel(content))) {
    return { format: 'lines', strength: 'strong', cells: [[start, end]] };
  }
  return undefined;
}

function tabRow(line: string): RowShape | undefined {
  const cells: [number, number][] = [];
  let from = 0;
  for (;;) {
    const tab = line.indexOf('\t', from);
    const to = tab < 0 ? line.length : tab;
    cells.push(trimmed(line, from, to));
    if (tab < 0) break;
    if (cells.length > MAX_CELLS) return undefined;
    from = tab + 1;
  }
  // Indentation and trailing TABs are not cells.
  while (cells.length > 0 && cells[0][0] === cells[0][1]) cells.shift();
  while (cells.length > 0 && cells[cells.length - 1][0] === cells[cells.length - 1][1]) cells.pop();
  if (cells.length < 2) return undefined;
  const firstText = line.slice(cells[0][0], cells[0][1]);
  // 「一、<TAB>总体情况」: a TAB after a heading number separates the number from its title.
  const marker = matchHeadingMarker(firstText, 0);
  if (marker && marker.end >= firstText.length) return undefined;
  for (const [s, e] of cells) {
    if (e - s > MAX_CELL) return undefined;
    if (e - s > PROSE_CELL && line.slice(s, e).includes('。')) return undefined;
  }
  return { format: 'tab', strength: 'strong', cells };
}

const PIPE_RULE = /^[|｜]?\s*:?-{1,}:?\s*(?:[|｜]\s*:?-{1,}:?\s*)*[|｜]?$/;

function pipeRow(line: string, start: number, end: number): RowShape | undefined {
  const content = line.slice(start, end);
  if (PIPE_RULE.test(content) && content.includes('-')) return { format: 'rule', strength: 'strong', cells: [] };
  const cells: [number, number][] = [];
  let from = start + 1;
  for (let i = from; i <= end; i++) {
    const c = i < end ? line.charCodeAt(i) : 0x7c;
    if ((c === 0x7c || c === 0xff5c) && line.charCodeAt(i - 1) !== 0x5c /* \ */) {
      if (i < end || from < end) cells.push(trimmed(line, from, i));
      from = i + 1;
    }
  }
  // The closing pipe leaves an empty cell after it.
  if (cells.length > 0 && cells[cells.length - 1][0] === cells[cells.length - 1][1] && (line.charCodeAt(end - 1) === 0x7c || line.charCodeAt(end - 1) === 0xff5c)) cells.pop();
  return cells.length >= 2 ? { format: 'pipe', strength: 'strong', cells } : undefined;
}

/** Tokens separated by runs of spaces, as [start, end) with the width of the gap before each. */
function tokens(line: string, start: number, end: number): { s: number; e: number; gap: number }[] {
  const out: { s: number; e: number; gap: number }[] = [];
  let i = start;
  let gap = 0;
  while (i < end) {
    if (isCellSpace(line.charCodeAt(i))) {
      const c = line.charCodeAt(i);
      gap += c === 0x3000 ? 2 : 1;
      i++;
      continue;
    }
    let j = i;
    while (j < end && !isCellSpace(line.charCodeAt(j))) j++;
    out.push({ s: i, e: j, gap });
    gap = 0;
    i = j;
  }
  return out;
}

function spacedRow(line: string, start: number, end: number): RowShape | undefined {
  // Fast exit for prose: a row of values ends in a digit or a none mark, after a space.
  const last = line.charCodeAt(end - 1);
  const endsLikeValue = (last >= 48 && last <= 57) || (last >= 0xff10 && last <= 0xff19) || last === 0x25 || last === 0xff05 ||
    last === 0x2f || last === 0x2d || last === 0x2014 || last === 0xff0d;
  const hasSpace = hasInnerSpace(line, start, end);
  if (!hasSpace) return undefined;
  if (!endsLikeValue) return headerLike(line, start, end);
  const toks = tokens(line, start, end);
  let k = toks.length;
  let digits = 0;
  while (k > 0) {
    const t = line.slice(toks[k - 1].s, toks[k - 1].e);
    if (isNumberCell(t)) digits++;
    else if (!(isNoneCell(t) && t.length > 0)) break;
    k--;
  }
  const values = toks.length - k;
  if (digits === 0) return undefined;
  const labelEnd = k > 0 ? toks[k - 1].e : start;
  const label = line.slice(start, labelEnd);
  if (label.includes('。') || label.length > SPACED_LABEL) return undefined;
  const strong = values >= 3 && digits >= 2;
  if (!strong && (k === 0 || label.length > WEAK_LABEL || /[。，,；;：:！？]/.test(label))) return undefined;
  // The label splits into cells at runs of two or more spaces (or an ideographic space).
  const cells: [number, number][] = [];
  let cellStart = -1;
  for (let t = 0; t < k; t++) {
    if (cellStart < 0) cellStart = toks[t].s;
    const next = toks[t + 1];
    if (t === k - 1 || (next && next.gap >= 2)) {
      cells.push([cellStart, toks[t].e]);
      cellStart = -1;
    }
  }
  for (let t = k; t < toks.length; t++) cells.push([toks[t].s, toks[t].e]);
  return { format: 'spaced', strength: strong ? 'strong' : 'weak', cells };
}

function hasInnerSpace(line: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end - 1; i++) if (isCellSpace(line.charCodeAt(i))) return true;
  return false;
}

/** 「结果维持 结果纠正 其他结果 尚未审结 总计」: short words separated by spaces, no sentence, no heading number. */
function headerLike(line: string, start: number, end: number): RowShape | undefined {
  if (end - start > 120) return undefined;
  const content = line.slice(start, end);
  if (/[。；;！？!?]/.test(content) || matchHeadingMarker(line, start)) return undefined;
  const toks = tokens(line, start, end);
  if (toks.length < 2) return undefined;
  for (const t of toks) if (t.e - t.s > HEADER_TOKEN) return undefined;
  return { format: 'spaced', strength: 'header', cells: toks.map((t) => [t.s, t.e] as const) };
}
