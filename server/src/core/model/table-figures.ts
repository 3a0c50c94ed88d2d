// The numbers of a report's tables as figures: each value cell with what it counts — its row label and column
// label — and its table, rather than a guess from a sentence. 表二/三/四 of a 政府信息公开 report get the
// template's names; other tables their own header and row labels.

import type { Message } from '../findings';
import { govInfoTables, tableDisplayName } from './gov-info-tables';
import { columnLabels } from './tables';
import type { Heading, Range, ReportModel, Table, TableCell, TableRow } from './types';

export interface TableFigure {
  table: Table;
  /** e.g. 「表三 收到和处理政府信息公开申请情况」, or the table's caption. */
  tableName: Message;
  row: TableRow;
  cell: TableCell;
  /** e.g. 「（一）予以公开」「行政规范性文件」; the labels of merged cells above carried down. */
  rowLabel: Message;
  /** e.g. 「自然人」「本年制发件数」; empty when the header does not place it. */
  columnLabel: Message;
  value: number;
  /** The cell as written. */
  text: string;
  range: Range;
  line: number;
  section: Heading | undefined;
}

const cache = new WeakMap<readonly Table[], TableFigure[]>();

/** Every number in the report's tables, in document order; cached with the table list. */
export function tableFiguresOf(model: ReportModel): TableFigure[] {
  let figures = cache.get(model.tables);
  if (!figures) {
    figures = readTableFigures(model);
    cache.set(model.tables, figures);
  }
  return figures;
}

/** The table figure at a position, if any. */
export function tableFigureAt(model: ReportModel, line: number, character: number): TableFigure | undefined {
  const table = model.tables.find((t) => t.startLine <= line && line <= t.endLine);
  if (!table) return undefined;
  return tableFiguresOf(model).find((f) => f.table === table && f.line === line &&
    f.range.start.character <= character && character <= f.range.end.character);
}

function readTableFigures(model: ReportModel): TableFigure[] {
  const g = govInfoTables(model);
  // The template's names for the cells of 表三 and 表四.
  const named = new Map<TableCell, { rowName: Message; columnName: Message }>();
  for (const r of g.requests?.rows ?? []) for (const t of r.values ?? []) named.set(t.cell, t);
  for (const block of g.reviews?.blocks ?? []) for (const t of block) named.set(t.cell, t);
  const out: TableFigure[] = [];
  for (const table of model.tables) {
    const tableName = tableDisplayName(model, table);
    for (const row of table.rows) {
      if (row.kind !== 'data') continue;
      const columns = columnLabels(table, row);
      const ownRowLabel = row.labels.join('·');
      for (const cell of row.cells.slice(row.valueStart)) {
        if (cell.value === undefined) continue;
        const names = named.get(cell);
        const column = columns[cell.column] ?? '';
        out.push({
          table,
          tableName,
          row,
          cell,
          rowLabel: names?.rowName ?? { zh: ownRowLabel, en: ownRowLabel },
          columnLabel: names?.columnName ?? { zh: column, en: column },
          value: cell.value,
          text: cell.text,
          range: cell.range,
          line: cell.range.start.line,
          section: table.section,
        });
      }
    }
  }
  return out;
}
