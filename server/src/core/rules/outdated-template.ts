// outdated-template: a report on 2021 or later still written on the 2015—2020 纲要 — its goal wording
// 「廉洁高效、守法诚信」, or its task areas as the report's structure with none of the 2021—2025 areas. Reports
// reused from an old template carry both (rules.md §4 R4.2, §9 W4). A hint: the content may still be right.
// Likewise a 政府信息公开 report on 2021 or later whose 表二 still has the 2019 试行 columns (本年新制作数量 …,
// 第二十条第（九）项 政府集中采购) instead of those of 国办公开办函〔2021〕30号 (gov-info-tables.md, "Weaker signals").
import type { Rule } from '../findings';
import GANGYAO from '../data/gangyao.json';
import TABLES from '../data/gov-info-tables.json';
import { normaliseLabel } from '../model/gov-info-tables';
import type { Heading, ReportModel, TableCell } from '../model/types';
import { GANGYAO_2015, GANGYAO_2021, GOV_INFO_FORMAT_2019, GOV_INFO_FORMAT_2021 } from './shared/sources';

/** The first report year of the 2021 format: the reports on 2021, published in early 2022, used it. */
const GOV_INFO_FORMAT_FIRST_YEAR = 2021;

/** Old areas found among the headings before the structure counts as the old 纲要's (of its seven). */
const OLD_STRUCTURE_MIN = 3;

export const outdatedTemplate: Rule = {
  id: 'outdated-template',
  defaultSeverity: 'hint',
  description: {
    zh: '2021年以后的报告沿用2015—2020年纲要的表述或结构，或沿用2019年试行的政府信息公开年度报告表格',
    en: 'A report on 2021 or later written on the 2015–2020 outline, or with the 2019 trial tables of the disclosure report',
  },
  sources: [GANGYAO_2021, GANGYAO_2015, GOV_INFO_FORMAT_2021, GOV_INFO_FORMAT_2019],
  reportsOnly: true,
  check({ model, report }) {
    const year = model.year?.value;
    if (year === undefined) return;
    if (year >= GOV_INFO_FORMAT_FIRST_YEAR) {
      const old = format2019Cells(model);
      if (old.length > 0) {
        const [first, ...rest] = old;
        const names = [...new Set(old.map((c) => `“${normaliseLabel(c.text)}”`))].join('');
        report({
          range: first.range,
          message: {
            zh: `${year}年的报告仍用2019年试行格式（${GOV_INFO_FORMAT_2019.cite}）的表格：${names}；应按${GOV_INFO_FORMAT_2021.cite}的格式（第二十条第（一）项为本年制发件数、本年废止件数、现行有效件数，不再列政府集中采购）`,
            en: `A ${year} report still prints the tables of the 2019 trial format (${GOV_INFO_FORMAT_2019.cite}): ${names}; use the format of ${GOV_INFO_FORMAT_2021.cite} (issued, repealed and in force under 第二十条第（一）项, no government procurement block)`,
          },
          related: rest.map((c) => ({ range: c.range, message: { zh: `2019年试行格式：${c.text}`, en: `2019 trial format: ${c.text}` } })),
        });
      }
    }
    if (year < GANGYAO.current.firstYear) return;
    const { goalMarker, goalReplacement } = GANGYAO.previous;
    for (const p of model.paragraphs) {
      let at = p.text.indexOf(goalMarker);
      while (at >= 0) {
        const start = p.range.start.character + at;
        const range = { start: { line: p.line, character: start }, end: { line: p.line, character: start + goalMarker.length } };
        report({
          range,
          message: {
            zh: `${year}年的报告仍用2015—2020年纲要的目标表述“${goalMarker}”；《${GANGYAO.current.title}》为“${GANGYAO.current.goal}”`,
            en: `A ${year} report still uses the 2015–2020 goal wording “${goalMarker}”; the 2021–2025 outline says “${GANGYAO.current.goal}”`,
          },
          fixes: [{ title: { zh: `改为“${goalReplacement}”`, en: `Change to ${goalReplacement}` }, edits: [{ range, newText: goalReplacement }], preferred: false }],
        });
        at = p.text.indexOf(goalMarker, at + goalMarker.length);
      }
    }
    const structural = model.headings.filter((h) => h.level <= 2);
    const old = structural.filter((h) => GANGYAO.previous.areas.some((a) => h.title.includes(a)));
    const current = structural.some((h) => GANGYAO.current.areas.some((a) => h.title.includes(a.title.split('，')[0])));
    if (old.length >= OLD_STRUCTURE_MIN && !current) {
      const first: Heading = old[0];
      report({
        range: first.range,
        message: {
          zh: `${year}年的报告按2015—2020年纲要的任务组织（${old.length}个标题，如“${first.title}”），宜对照《${GANGYAO.current.title}》的任务体系`,
          en: `A ${year} report organised on the 2015–2020 outline's tasks (${old.length} headings, e.g. ${first.title}); follow the 2021–2025 outline's tasks`,
        },
        related: old.slice(1).map((h) => ({ range: h.range, message: { zh: `2015—2020年纲要的任务：${h.title}`, en: `a 2015–2020 task: ${h.title}` } })),
      });
    }
  },
};

const OLD_COLUMNS = TABLES.outdated2019.columns.map(normaliseLabel);
const OLD_ROWS = TABLES.outdated2019.rows.map(normaliseLabel);

/** Cells of the report's tables that only the 2019 试行 format has: its 表二 columns, its 第二十条第（九）项 block. */
function format2019Cells(model: ReportModel): TableCell[] {
  const out: TableCell[] = [];
  for (const table of model.tables) {
    for (const row of table.rows) {
      // A caption split over two cells (「第二十条」「第（九）项」) is read as one.
      const whole = normaliseLabel(row.cells.map((c) => c.text).join(''));
      if (row.cells.length > 1 && OLD_ROWS.some((r) => whole === r)) {
        out.push({ ...row.cells[0], text: whole, range: { start: row.cells[0].range.start, end: row.cells[row.cells.length - 1].range.end } });
        continue;
      }
      for (const cell of row.cells) {
        const text = normaliseLabel(cell.text);
        if (text && (OLD_COLUMNS.some((c) => text.includes(c)) || OLD_ROWS.some((r) => text.includes(r)))) out.push(cell);
      }
    }
  }
  return out;
}
