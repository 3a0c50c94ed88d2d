// A table of a report's text (one row per line, TAB between cells, a merged cell on its first row only — the
// corpus's form) laid out as the template (国办公开办函〔2021〕30号) lays it out, with rowspan and colspan: for
// generated web pages (gov-info-html.ts) and Word documents (report-docx.ts) of the same report.
//
// Row labels are placed by their numbering: 「一、」 in the first label column, 「（一）」 in the second, 「1.」 in
// the third; a row's last label spans the label columns left, and the label of a group spans down the rows of its
// members (rowspan), which therefore do not repeat it — which is how the text has them. Header cells take the
// template's spans (HEADER_SPANS); other rows that are short of cells span their last cell over the rest.

export interface LaidCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/** Spans of the template's header cells, by their text (the note cell by its start). */
const HEADER_SPANS: { match: (text: string, row: string[]) => boolean; rowspan?: number; colspan?: number }[] = [
  { match: (t) => t.startsWith('（本列数据'), rowspan: 3, colspan: 3 },
  { match: (t) => t === '申请人情况', colspan: 7 },
  { match: (t, row) => (t === '自然人' || t === '总计') && row.includes('法人或其他组织'), rowspan: 2 },
  { match: (t) => t === '法人或其他组织', colspan: 5 },
  { match: (t) => t === '行政复议', colspan: 5 },
  { match: (t) => t === '行政诉讼', colspan: 10 },
  { match: (t, row) => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].includes(t) && row.includes('未经复议直接起诉'), rowspan: 2 },
  { match: (t) => t === '未经复议直接起诉' || t === '复议后起诉', colspan: 5 },
];

const LABEL_LEVEL = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;

function levelOf(label: string): number {
  if (/^[一二三四五六七八九十]+、/.test(label)) return 0;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(label)) return 1;
  return 2;
}

const isValue = (cell: string) => /^(?:-?\d[\d,.]*|[/—-]?|)$/.test(cell.trim());

/** The rows of a table block of the text, each with its cells and their spans. */
export function layoutTable(rows: string[][]): LaidCell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  const labelled = rows.map((r) => {
    const labels = r.filter((c) => !isValue(c));
    const numbered = labels.length > 0 && labels.length < r.length && labels.every((l) => LABEL_LEVEL.test(l)) && r.slice(labels.length).every(isValue);
    return numbered ? labels.length : 0;
  });
  const labelColumns = Math.max(...rows.map((r, i) => (labelled[i] > 0 ? levelOf(r[labelled[i] - 1]) + 1 : 0)), 0);
  const valueColumns = Math.max(...rows.map((r, i) => (labelled[i] > 0 ? r.length - labelled[i] : 0)), 0);
  const total = labelColumns + valueColumns > 0 ? labelColumns + valueColumns : width;
  /** Columns of each row that cells from the rows above cover (their rowspan). */
  const covered: number[] = rows.map(() => 0);
  return rows.map((row, i) => {
    const cells: LaidCell[] = [];
    if (labelled[i] > 0) {
      row.slice(0, labelled[i]).forEach((label, k, labels) => {
        const level = levelOf(label);
        const colspan = k === labels.length - 1 ? labelColumns - level : 1;
        // A group label spans down over its members: the rows after it that start deeper than it.
        let rowspan = 1;
        if (k < labels.length - 1) {
          while (i + rowspan < rows.length && labelled[i + rowspan] > 0 && levelOf(rows[i + rowspan][0]) > level) rowspan++;
        }
        cells.push({ text: label, rowspan, colspan });
      });
      for (const value of row.slice(labelled[i])) cells.push({ text: value, rowspan: 1, colspan: 1 });
    } else if (row.some((c) => HEADER_SPANS.some((s) => s.match(c, row)))) {
      for (const c of row) {
        const s = HEADER_SPANS.find((x) => x.match(c, row));
        cells.push({ text: c, rowspan: s?.rowspan ?? 1, colspan: s?.colspan ?? 1 });
      }
    } else {
      const free = total - covered[i];
      row.forEach((c, k) => cells.push({ text: c, rowspan: 1, colspan: k === row.length - 1 ? Math.max(1, free - row.length + 1) : 1 }));
    }
    for (const cell of cells) for (let dr = 1; dr < cell.rowspan && i + dr < rows.length; dr++) covered[i + dr] += cell.colspan;
    return cells;
  });
}

/** Where each cell of a laid-out table stands on the grid: per row, per column, the cell covering it and whether
 * it starts there (undefined where no cell reaches). */
export function tableGrid(rows: LaidCell[][]): ({ cell: LaidCell; first: boolean; firstColumn: boolean } | undefined)[][] {
  const grid: ({ cell: LaidCell; first: boolean; firstColumn: boolean } | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      while (grid[r][column]) column++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr][column + dc] = { cell, first: dr === 0, firstColumn: dc === 0 };
      }
      column += cell.colspan;
    }
  });
  return grid;
}

/** The table blocks and paragraphs of a report's text, in order. */
export function blocksOf(lines: string[]): ({ paragraph: string } | { table: string[][] })[] {
  const out: ({ paragraph: string } | { table: string[][] })[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('\t')) {
      out.push({ paragraph: lines[i] });
      continue;
    }
    const rows: string[][] = [];
    while (i < lines.length && lines[i].includes('\t')) rows.push(lines[i++].split('\t'));
    i--;
    out.push({ table: rows });
  }
  return out;
}
