// The three tables of a 政府信息公开工作年度报告 as the 2021 template prints them (国办公开办函〔2021〕30号), built
// from the template data table-sum reads (labels, headers and captions live there once), written as a web page
// or Word pastes them: one row a line, TAB between cells, a cell merged over several rows on its first row only
// (「三、本年度办理结果<TAB>（一）予以公开…」), 0 in every value cell — so the arithmetic holds as inserted and
// table-sum checks each number as it is typed. The skeleton snippet and the missing-section fix insert them.

import TEMPLATE from '../data/gov-info-tables.json';

export type TemplateTable = 'proactive' | 'requests' | 'reviews';

const cells = (...texts: string[]) => texts.join('\t');
const zeros = (n: number) => new Array<string>(n).fill('0');

const LINES: Record<TemplateTable, string[]> = {
  // 表二: four blocks, each its caption (第二十条第（一）项 …), its header and its rows.
  proactive: TEMPLATE.proactive.blocks.flatMap((b) => [
    b.caption, cells(...b.header), ...b.rows.map((r) => cells(r, ...zeros(b.header.length - 1))),
  ]),
  // 表三: three header lines, then 25 rows; a group label (「（三）不予公开」) shares the line of its first sub-row.
  requests: [
    ...TEMPLATE.requests.header.map((h) => cells(...h)),
    ...TEMPLATE.requests.rows.map((r) => cells(...(r.group ? [r.group] : []), r.label, ...zeros(TEMPLATE.requests.columns.length))),
  ],
  // 表四: three header lines, one line of 15 numbers (three blocks of five).
  reviews: [
    ...TEMPLATE.reviews.header.map((h) => cells(...h)),
    cells(...zeros(TEMPLATE.reviews.blocks.length * TEMPLATE.reviews.columns.length)),
  ],
};

export function isTemplateTable(id: string): id is TemplateTable {
  return id === 'proactive' || id === 'requests' || id === 'reviews';
}

/** The lines of one of the template's tables, with 0 in every value cell. No line starts with a TAB. */
export function templateTableLines(id: TemplateTable): readonly string[] {
  return LINES[id];
}
