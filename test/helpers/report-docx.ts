// A Word document of a whole report from its text: one paragraph per line, and each table block a Word table
// with the template's merged cells (report-tables.ts): a cell spanning columns with gridSpan, a cell merged down
// with vMerge 「restart」 and 「continue」 in the cells it covers — which the .docx reader writes once, on the
// first row, as the text has it.
import { documentXml, storedDocx } from './docx';
import { blocksOf, layoutTable, tableGrid } from './report-tables';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;

function tableXml(rows: string[][]): string {
  const laid = layoutTable(rows);
  const grid = tableGrid(laid);
  const out = grid.map((columns) => {
    let cells = '';
    for (let c = 0; c < columns.length; c++) {
      const at = columns[c];
      if (!at || !at.firstColumn) continue;
      const span = at.cell.colspan > 1 ? `<w:gridSpan w:val="${at.cell.colspan}"/>` : '';
      const merge = at.cell.rowspan > 1 ? `<w:vMerge w:val="${at.first ? 'restart' : 'continue'}"/>` : '';
      cells += `<w:tc><w:tcPr>${span}${merge}</w:tcPr>${at.first ? paragraph(at.cell.text) : '<w:p/>'}</w:tc>`;
    }
    return `<w:tr>${cells}</w:tr>`;
  });
  return `<w:tbl>${out.join('')}</w:tbl>`;
}

/** The report's text as a .docx. */
export function reportDocx(reportText: string): Buffer {
  const lines = reportText.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const body = blocksOf(lines).map((b) => ('table' in b ? tableXml(b.table) : paragraph(b.paragraph))).join('');
  return storedDocx({ 'word/document.xml': documentXml(body) });
}
