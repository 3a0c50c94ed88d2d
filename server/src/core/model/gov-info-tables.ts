// The three tables of a 政府信息公开工作年度报告 (国办公开办函〔2021〕30号) read from the report's tables, and the
// arithmetic the template prints (勾稽关系). Recognised by their content, not by the profile: a report whose title
// the profile does not catch still has its tables checked. Layouts: ../shared/domain/gov-info-tables.md.

import TEMPLATE from '../data/gov-info-tables.json';
import type { Message } from '../findings';
import { columnLabels } from './tables';
import type { ReportModel, Table, TableCell, TableRow } from './types';

/** One number of a table in an equation: its cell (blank counts as 0) and what it is. */
export interface CellTerm {
  cell: TableCell;
  row: TableRow;
  /** e.g. 「本年新收」「（三）1.属于国家秘密」 or the block 「行政复议」. */
  rowName: Message;
  /** e.g. 「自然人」「结果维持」. */
  columnName: Message;
  value: number;
}

export type EquationKind =
  /** 表三, each column: 一 + 二 = （七）总计 + 四. */
  | 'requests-balance'
  /** 表三, each row: 总计 = the six applicant columns. */
  | 'requests-row'
  /** 表三, each column: （七）总计 = the results （一）–（六）. */
  | 'requests-results'
  /** 表三, each column, where a unit prints a subtotal row for a group: the subtotal = its numbered sub-rows. */
  | 'requests-group'
  /** 表四, each block: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. */
  | 'reviews-block';

export interface TableEquation {
  kind: EquationKind;
  table: Table;
  /** 「表三」 or 「表四」. */
  tableName: Message;
  /** The column, row or block the equation is about, e.g. 「自然人列」. */
  scope: Message;
  left: CellTerm[];
  right: CellTerm[];
  /** The side that is the total: the cell to blame when nothing else points elsewhere. */
  total: CellTerm;
  leftSum: number;
  rightSum: number;
  holds: boolean;
}

/** A row of 表三 as read: which template row it is and its seven values (undefined when they cannot be placed). */
export interface RequestsRow {
  key: 'new' | 'carried' | 'result' | 'subtotal' | 'total' | 'next';
  /** For a sub-row under a subtotal row: that subtotal row. */
  group?: RequestsRow;
  row: TableRow;
  name: Message;
  values: CellTerm[] | undefined;
}

export interface GovInfoTables {
  proactive: Table | undefined;
  requests: { table: Table; rows: RequestsRow[]; layout: 25 | 23 | undefined } | undefined;
  reviews: { table: Table; blocks: CellTerm[][] } | undefined;
  equations: TableEquation[];
  /** Data rows of 表三/表四 with more values than columns: a number a converter may have split over two cells. */
  overfull: { table: Table; row: TableRow; expected: number }[];
}

export const TABLE_NAMES = {
  proactive: TEMPLATE.proactive.name,
  requests: TEMPLATE.requests.name,
  reviews: TEMPLATE.reviews.name,
} as const;

const SHORT_NAMES = { requests: { zh: '表三', en: 'Table 3' }, reviews: { zh: '表四', en: 'Table 4' } } as const;

const cache = new WeakMap<readonly Table[], GovInfoTables>();

/** The tables of a 政府信息公开 report in `model`, read once per table list (a model derived after an edit outside them shares it). */
export function govInfoTables(model: ReportModel): GovInfoTables {
  let result = cache.get(model.tables);
  if (!result) {
    result = readGovInfoTables(model.tables);
    cache.set(model.tables, result);
  }
  return result;
}

function readGovInfoTables(tables: readonly Table[]): GovInfoTables {
  const out: GovInfoTables = { proactive: undefined, requests: undefined, reviews: undefined, equations: [], overfull: [] };
  for (const table of tables) {
    if (!out.requests) {
      const requests = readRequests(table, out);
      if (requests) {
        out.requests = requests;
        continue;
      }
    }
    if (!out.reviews) {
      const reviews = readReviews(table, out);
      if (reviews) {
        out.reviews = reviews;
        continue;
      }
    }
    if (!out.proactive && isProactive(table)) out.proactive = table;
  }
  if (out.requests) out.equations.push(...requestsEquations(out.requests.table, out.requests.rows));
  if (out.reviews) out.equations.push(...reviewsEquations(out.reviews.table, out.reviews.blocks));
  return out;
}

// --- labels ------------------------------------------------------------------------------------------------

/** A label as the template would write it: no spaces, full-width brackets, 「1.」 for 「1、」「1．」「1,」. */
export function normaliseLabel(label: string): string {
  return label
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/\(/g, '（').replace(/\)/g, '）')
    .replace(/^([0-9０-９]+)[、．，,]/, '$1.');
}

const cellText = (row: TableRow) => normaliseLabel(row.labels.join(''));
const ownText = (row: TableRow) => normaliseLabel(row.labels.slice(row.labels.length - row.ownLabelCount).join(''));

const ROW_SPECS = TEMPLATE.requests.rows.map((r) => ({ ...r, re: new RegExp(r.match) }));
const OTHER_ONE_ROW = { ...TEMPLATE.requests.otherOneRow, re: new RegExp(TEMPLATE.requests.otherOneRow.match) };
const COLUMNS = TEMPLATE.requests.columns;

function valueTerms(row: TableRow, count: number, rowName: Message, columnName: (k: number) => Message): CellTerm[] | undefined {
  if (row.cells.length - row.valueStart !== count) return undefined;
  return row.cells.slice(row.valueStart).map((cell, k) => ({ cell, row, rowName, columnName: columnName(k), value: cell.value ?? 0 }));
}

/** A 表三 result row's name: the template's short name when the label matches one, else the label as written. */
function resultName(row: TableRow, from: number, to: number): Message {
  const own = ownText(row);
  const last = normaliseLabel(row.labels[row.labels.length - 1] ?? '');
  for (let k = from; k < to; k++) {
    const spec = ROW_SPECS[k];
    if (spec.key === 'result' && (spec.re.test(last) || spec.re.test(own))) return { zh: spec.short, en: spec.en };
  }
  if (OTHER_ONE_ROW.re.test(last)) return { zh: OTHER_ONE_ROW.short, en: OTHER_ONE_ROW.en };
  const shortened = last.replace(/（[^（）]{6,}）$/, '');
  return { zh: shortened, en: shortened };
}

// --- 表三 -----------------------------------------------------------------------------------------------------

function readRequests(table: Table, out: GovInfoTables): GovInfoTables['requests'] {
  const data = table.rows.filter((r) => r.kind === 'data');
  const find = (key: string, from = 0) => {
    const spec = ROW_SPECS.find((s) => s.key === key)!;
    for (let k = from; k < data.length; k++) if (spec.re.test(cellText(data[k]))) return k;
    return -1;
  };
  const iNew = find('new');
  if (iNew < 0) return undefined;
  const iCarried = find('carried', iNew + 1);
  if (iCarried < 0) return undefined;
  // The 总计 row: the first row after the carried-over one whose own label says 总计 (not a result such as 「3.其他」).
  let iTotal = -1;
  for (let k = iCarried + 1; k < data.length; k++) {
    if (/总计|合计/.test(ownText(data[k]))) { iTotal = k; break; }
  }
  if (iTotal < 0) return undefined;
  const iNext = find('next', iTotal + 1);
  if (iNext < 0) return undefined;
  const column = (k: number): Message => COLUMNS[k];
  const spec = (key: string) => ROW_SPECS.find((s) => s.key === key)!;
  const rows: RequestsRow[] = [];
  const push = (key: RequestsRow['key'], row: TableRow, name: Message, group?: RequestsRow) => {
    const values = valueTerms(row, COLUMNS.length, name, column);
    if (!values && row.cells.length - row.valueStart > COLUMNS.length) out.overfull.push({ table, row, expected: COLUMNS.length });
    const r: RequestsRow = { key, row, name, values, group };
    rows.push(r);
    return r;
  };
  push('new', data[iNew], { zh: spec('new').short, en: spec('new').en });
  push('carried', data[iCarried], { zh: spec('carried').short, en: spec('carried').en });
  const firstResultSpec = ROW_SPECS.findIndex((s) => s.key === 'result');
  const lastResultSpec = ROW_SPECS.findIndex((s) => s.key === 'total');
  let group: RequestsRow | undefined;
  for (let k = iCarried + 1; k < iTotal; k++) {
    const row = data[k];
    if (isGroupSubtotal(data, k, iTotal)) {
      // Not in the template, but some print it: it is checked against its sub-rows, and not counted twice.
      const label = ownText(row).replace(/（[^（）]{6,}）$/, '');
      group = push('subtotal', row, { zh: `${label}小计`, en: `${label} subtotal` });
      continue;
    }
    if (group && !/^[0-9０-９]/.test(ownText(row))) group = undefined;
    push('result', row, resultName(row, firstResultSpec, lastResultSpec), group);
  }
  push('total', data[iTotal], { zh: spec('total').short, en: spec('total').en });
  push('next', data[iNext], { zh: spec('next').short, en: spec('next').en });
  const leaves = rows.filter((r) => r.key === 'result').length;
  return { table, rows, layout: leaves === 21 ? 25 : leaves === 19 ? 23 : undefined };
}

/**
 * A row of a group label alone (「（三）不予公开」 with values) followed by its numbered sub-rows: a subtotal the
 * template does not have. In the older layout 「（六）其他处理」 stands alone with no sub-rows: that is a result.
 */
function isGroupSubtotal(data: TableRow[], k: number, end: number): boolean {
  const own = ownText(data[k]);
  if (!/^（[一二三四五六七八九十]）[^0-9０-９]*$/.test(own)) return false;
  const next = data[k + 1];
  return k + 1 < end && next !== undefined && /^[0-9０-９]/.test(ownText(next));
}

function requestsEquations(table: Table, rows: RequestsRow[]): TableEquation[] {
  const out: TableEquation[] = [];
  const tableName = SHORT_NAMES.requests;
  const byKey = (key: RequestsRow['key']) => rows.find((r) => r.key === key);
  const newRow = byKey('new')!;
  const carried = byKey('carried')!;
  const total = byKey('total')!;
  const next = byKey('next')!;
  const results = rows.filter((r) => r.key === 'result');
  // Each row: the six applicant columns add up to its 总计.
  for (const r of rows) {
    if (!r.values) continue;
    const parts = r.values.slice(0, 6);
    const sum = r.values[6];
    out.push(equation('requests-row', table, tableName, { zh: `“${r.name.zh}”行`, en: `row “${r.name.en}”` }, parts, [sum], sum));
  }
  for (let c = 0; c < COLUMNS.length; c++) {
    const scope = { zh: `${COLUMNS[c].zh}列`, en: `column “${COLUMNS[c].en}”` };
    if (newRow.values && carried.values && total.values && next.values) {
      out.push(equation('requests-balance', table, tableName, scope,
        [newRow.values[c], carried.values[c]], [total.values[c], next.values[c]], total.values[c]));
    }
    if (total.values && results.length > 0 && results.every((r) => r.values)) {
      out.push(equation('requests-results', table, tableName, scope, results.map((r) => r.values![c]), [total.values[c]], total.values[c]));
    }
    for (const sub of rows.filter((r) => r.key === 'subtotal')) {
      const members = results.filter((r) => r.group === sub);
      if (!sub.values || members.length === 0 || !members.every((r) => r.values)) continue;
      out.push(equation('requests-group', table, tableName, { zh: `${sub.name.zh}·${scope.zh}`, en: `${sub.name.en}, ${scope.en}` },
        members.map((r) => r.values![c]), [sub.values[c]], sub.values[c]));
    }
  }
  return out;
}

// --- 表四 -----------------------------------------------------------------------------------------------------

const REVIEW_BLOCKS = TEMPLATE.reviews.blocks;
const REVIEW_COLUMNS = TEMPLATE.reviews.columns;

function readReviews(table: Table, out: GovInfoTables): GovInfoTables['reviews'] {
  const headerText = table.rows.filter((r) => r.kind !== 'data').map((r) => r.cells.map((c) => c.text).join('')).join('');
  if (!/结果维持|尚未审结|结果纠正/.test(headerText)) return undefined;
  const data = table.rows.filter((r) => r.kind === 'data');
  const width = (r: TableRow) => r.cells.length - r.valueStart;
  const blockTerms = (row: TableRow, from: number, b: number): CellTerm[] =>
    row.cells.slice(row.valueStart + from, row.valueStart + from + 5).map((cell, k) => ({
      cell, row, rowName: REVIEW_BLOCKS[b], columnName: REVIEW_COLUMNS[k], value: cell.value ?? 0,
    }));
  // Usually one line of fifteen numbers; some print one line of five per block.
  const full = data.find((r) => width(r) === 15);
  if (full) return { table, blocks: [0, 1, 2].map((b) => blockTerms(full, b * 5, b)) };
  const fives = data.filter((r) => width(r) === 5);
  if (fives.length === 3 && data.length === 3) return { table, blocks: fives.map((r, b) => blockTerms(r, 0, b)) };
  const over = data.find((r) => width(r) > 15);
  if (over) out.overfull.push({ table, row: over, expected: 15 });
  return over ? { table, blocks: [] } : undefined;
}

function reviewsEquations(table: Table, blocks: CellTerm[][]): TableEquation[] {
  return blocks.map((terms, b) => equation('reviews-block', table, SHORT_NAMES.reviews, REVIEW_BLOCKS[b], terms.slice(0, 4), [terms[4]], terms[4]));
}

// --- 表二 -----------------------------------------------------------------------------------------------------

function isProactive(table: Table): boolean {
  const text = table.rows.map((r) => r.cells.map((c) => c.text).join('')).join('');
  return /第二十条/.test(text) && /本年制发件数|本年处理决定数量|行政规范性文件|行政许可/.test(text);
}

// --- equations ----------------------------------------------------------------------------------------------

function sum(terms: CellTerm[]): number {
  // Integers in these tables; rounding guards against decimals all the same.
  return Math.round(terms.reduce((a, t) => a + t.value, 0) * 1e6) / 1e6;
}

function equation(kind: EquationKind, table: Table, tableName: Message, scope: Message, left: CellTerm[], right: CellTerm[], total: CellTerm): TableEquation {
  const leftSum = sum(left);
  const rightSum = sum(right);
  return { kind, table, tableName, scope, left, right, total, leftSum, rightSum, holds: leftSum === rightSum };
}

/** The name a table shows in the outline: the template's for 表二/三/四, else its caption, else its first header cells. */
export function tableDisplayName(model: ReportModel, table: Table): Message {
  const g = govInfoTables(model);
  if (g.requests?.table === table) return TABLE_NAMES.requests;
  if (g.reviews?.table === table) return TABLE_NAMES.reviews;
  if (g.proactive === table) return TABLE_NAMES.proactive;
  if (table.caption) return { zh: table.caption.text, en: table.caption.text };
  // Its first header cells say what it is about; how many rows it has is the outline's detail.
  const header = table.rows.find((r) => r.kind === 'header');
  const texts = header ? header.cells.map((c) => c.text).filter((t) => t.length > 0) : [];
  const words = texts.slice(0, 3).join('、') + (texts.length > 3 ? '…' : '');
  return words ? { zh: `表格（${words}）`, en: `Table (${words})` } : { zh: '表格', en: 'Table' };
}

// --- 表二, 第二十条第（一）项 ------------------------------------------------------------------------------------

/** A row of 表二's first block (规章, 行政规范性文件): the documents issued, repealed and in force. */
export interface DocumentsRow {
  key: 'rules' | 'normative';
  /** 「规章」「行政规范性文件」 (the template's name, whatever the unit printed, e.g. 「规范性文件」). */
  name: Message;
  row: TableRow;
  issued: CellTerm;
  repealed: CellTerm;
  inForce: CellTerm;
}

const DOCUMENT_ROWS = [
  { key: 'rules', re: /^规章$/, name: { zh: '规章', en: 'rules' } },
  { key: 'normative', re: /规范性文件$/, name: { zh: '行政规范性文件', en: 'normative documents' } },
] as const;
const DOCUMENT_COLUMNS = [
  { re: /制发/, name: { zh: TEMPLATE.proactive.blocks[0].header[1], en: 'issued this year' } },
  { re: /废止/, name: { zh: TEMPLATE.proactive.blocks[0].header[2], en: 'repealed this year' } },
  { re: /现行有效/, name: { zh: TEMPLATE.proactive.blocks[0].header[3], en: 'in force' } },
] as const;

const documentsCache = new WeakMap<readonly Table[], DocumentsRow[]>();

/**
 * 规章 and 行政规范性文件 of 表二 with their three counts, for the check across years (last year's 现行有效 +
 * 本年制发 − 本年废止 = 现行有效). Columns by the header above when it names them, else in the template's order.
 */
export function proactiveDocuments(model: ReportModel): DocumentsRow[] {
  let rows = documentsCache.get(model.tables);
  if (!rows) {
    const table = govInfoTables(model).proactive;
    rows = table ? readDocuments(table) : [];
    documentsCache.set(model.tables, rows);
  }
  return rows;
}

function readDocuments(table: Table): DocumentsRow[] {
  const out: DocumentsRow[] = [];
  for (const row of table.rows) {
    if (row.kind !== 'data' || row.cells.length - row.valueStart !== 3) continue;
    const label = normaliseLabel(row.labels[row.labels.length - 1] ?? '');
    const spec = DOCUMENT_ROWS.find((s) => s.re.test(label));
    if (!spec || out.some((r) => r.key === spec.key)) continue;
    const values = row.cells.slice(row.valueStart);
    const headers = columnLabels(table, row).slice(-3).map((h) => normaliseLabel(h ?? ''));
    const order = DOCUMENT_COLUMNS.map((c) => headers.findIndex((h) => c.re.test(h)));
    const placed = order.every((k) => k >= 0) && new Set(order).size === 3 ? order : [0, 1, 2];
    const [issued, repealed, inForce] = placed.map((k, c): CellTerm => ({
      cell: values[k], row, rowName: spec.name, columnName: DOCUMENT_COLUMNS[c].name, value: values[k].value ?? 0,
    }));
    out.push({ key: spec.key, name: spec.name, row, issued, repealed, inForce });
  }
  return out;
}
