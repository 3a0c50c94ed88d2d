// table-sum: the arithmetic of 表三 and 表四 of a 政府信息公开工作年度报告, which the template prints itself
// (「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」): every column, row and block, zero tolerance
// (rules.md R7.3 G1–G4, C24/C25).
// One finding per cell most likely wrong — the cell shared by the equations that fail, else the equation's 总计 —
// with the other cells as related information. No fix: which number is wrong is for a person to decide.
// A row with more values than columns (a number a converter split over two cells) gets a hint instead.
import type { FindingInput, Message, Rule } from '../findings';
import { govInfoTables, type CellTerm, type TableEquation } from '../model/gov-info-tables';
import type { TableCell, TableRow } from '../model/types';
import { GOV_INFO_FORMAT_2021 } from './shared/sources';

export const tableSum: Rule = {
  id: 'table-sum',
  defaultSeverity: 'error',
  description: { zh: '政府信息公开年度报告表格的勾稽关系不成立', en: 'The tables of a government information disclosure report do not add up' },
  sources: [GOV_INFO_FORMAT_2021],
  reportsOnly: false,
  check({ model, report }) {
    const tables = govInfoTables(model);
    for (const finding of blameFailures(tables.equations)) report(finding);
    for (const o of tables.overfull) {
      const hint = splitNumberHint(o.row, o.expected, o.table === tables.reviews?.table);
      if (hint) report(hint);
    }
  },
};

/** How an equation reads in a message: 「表四 行政复议：结果维持3＋结果纠正1＋其他结果0＋尚未审结0＝4，总计为0（差4）」. */
export function equationText(e: TableEquation): Message {
  // A row's or block's terms are its columns; a column's terms are its rows.
  const byColumn = e.kind === 'requests-row' || e.kind === 'reviews-block';
  const name = (t: CellTerm, locale: 'zh' | 'en') => (byColumn ? t.columnName : t.rowName)[locale];
  const side = (terms: CellTerm[], locale: 'zh' | 'en') => {
    const plus = locale === 'zh' ? '＋' : ' + ';
    if (terms.length <= 8) return terms.map((t) => locale === 'zh' ? `${name(t, locale)}${format(t.value)}` : `${name(t, locale)} ${format(t.value)}`).join(plus);
    // A column of 21 results: name the ones that count, and how many are 0.
    const nonZero = terms.filter((t) => t.value !== 0);
    const zeros = terms.length - nonZero.length;
    const listed = nonZero.map((t) => locale === 'zh' ? `${name(t, locale)}${format(t.value)}` : `${name(t, locale)} ${format(t.value)}`).join(plus);
    if (zeros === 0) return listed;
    if (locale === 'zh') return `${listed}${listed ? '＋' : ''}其余${zeros}项0`;
    return `${listed}${listed ? ' + ' : ''}${zeros} other rows at 0`;
  };
  const diff = format(Math.abs(e.leftSum - e.rightSum));
  const single = e.right.length === 1;
  // 「而」 and "but" only where the sides differ.
  const zhRight = single
    ? `${name(e.right[0], 'zh')}为${format(e.rightSum)}`
    : `${e.holds ? '等于' : '而'}${side(e.right, 'zh')}＝${format(e.rightSum)}`;
  const enRight = single
    ? `${e.holds ? 'and' : 'but'} ${name(e.right[0], 'en')} is ${format(e.rightSum)}`
    : `${e.holds ? 'equal to' : 'but'} ${side(e.right, 'en')} = ${format(e.rightSum)}`;
  return {
    zh: `${e.tableName.zh} ${e.scope.zh}：${side(e.left, 'zh')}＝${format(e.leftSum)}，${zhRight}（${e.holds ? '成立' : `差${diff}`}）`,
    en: `${e.tableName.en}, ${e.scope.en}: ${side(e.left, 'en')} = ${format(e.leftSum)}, ${enRight} (${e.holds ? 'holds' : `off by ${diff}`})`,
  };
}

function format(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/**
 * One finding per cell to blame. A cell that lies in more of the failing equations than any other cell of an
 * equation is that equation's culprit (one wrong number breaks its row and its column alike); otherwise the
 * equation's 总计 is.
 */
function blameFailures(equations: TableEquation[]): FindingInput[] {
  const failing = equations.filter((e) => !e.holds);
  if (failing.length === 0) return [];
  const count = new Map<TableCell, number>();
  for (const e of failing) for (const t of [...e.left, ...e.right]) count.set(t.cell, (count.get(t.cell) ?? 0) + 1);
  const blamed = new Map<TableCell, { term: CellTerm; equations: TableEquation[] }>();
  for (const e of failing) {
    const terms = [...e.left, ...e.right];
    const max = Math.max(...terms.map((t) => count.get(t.cell)!));
    const top = terms.filter((t) => count.get(t.cell) === max);
    const culprit = max >= 2 && top.length === 1 ? top[0] : e.total;
    const entry = blamed.get(culprit.cell) ?? { term: culprit, equations: [] };
    entry.equations.push(e);
    blamed.set(culprit.cell, entry);
  }
  const out: FindingInput[] = [];
  for (const { term, equations: eqs } of blamed.values()) {
    const texts = eqs.map(equationText);
    const related = new Map<TableCell, CellTerm>();
    for (const e of eqs) for (const t of [...e.left, ...e.right]) if (t.cell !== term.cell) related.set(t.cell, t);
    out.push({
      range: term.cell.range,
      // The table is named once: 「表三 “本年新收”行：…；自然人列：…」.
      message: {
        zh: texts.map((t, k) => (k === 0 ? t.zh : t.zh.replace(`${eqs[k].tableName.zh} `, ''))).join('；'),
        en: texts.map((t, k) => (k === 0 ? t.en : t.en.replace(`${eqs[k].tableName.en}, `, ''))).join('; '),
      },
      related: [...related.values()].map((t) => ({
        range: t.cell.range,
        message: { zh: `${t.rowName.zh}·${t.columnName.zh}：${format(t.value)}`, en: `${t.rowName.en}, ${t.columnName.en}: ${format(t.value)}` },
      })),
    });
  }
  return out;
}

/**
 * A row with one value too many where joining two neighbouring cells (「1」「2」 → 「12」) makes it add up: the
 * converter split a number. For 表三 the row's total must then hold; for 表四 every block.
 */
function splitNumberHint(row: TableRow, expected: number, reviews: boolean): FindingInput | undefined {
  const cells = row.cells.slice(row.valueStart);
  if (cells.length !== expected + 1) return undefined;
  for (let k = 0; k + 1 < cells.length; k++) {
    const a = cells[k];
    const b = cells[k + 1];
    if (a.value === undefined || b.value === undefined || !/^[0-9]+$/.test(a.text) || !/^[0-9]+$/.test(b.text)) continue;
    const joined = Number(a.text + b.text);
    const values = [...cells.slice(0, k).map((c) => c.value ?? 0), joined, ...cells.slice(k + 2).map((c) => c.value ?? 0)];
    const adds = reviews
      ? [0, 5, 10].every((o) => values[o] + values[o + 1] + values[o + 2] + values[o + 3] === values[o + 4])
      : values.slice(0, 6).reduce((x, y) => x + y, 0) === values[6];
    if (!adds) continue;
    return {
      severity: 'hint',
      range: { start: a.range.start, end: b.range.end },
      message: {
        zh: `此行比表头多一个数：“${a.text}”“${b.text}”可能是被拆成两格的“${a.text}${b.text}”（合并后本行勾稽关系成立）`,
        en: `This row has one value more than the table has columns: “${a.text}” and “${b.text}” may be one number, ${a.text}${b.text}, split over two cells (joined, the row adds up)`,
      },
    };
  }
  return undefined;
}
