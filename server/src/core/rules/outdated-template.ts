// outdated-template: a report on 2021 or later still written on the 2015—2020 纲要 — its goal wording
// 「廉洁高效、守法诚信」, or its task areas as the report's structure with none of the 2021—2025 areas. Reports
// reused from an old template carry both (rules.md §4 R4.2, §9 W4). A hint: the content may still be right.
import type { Rule } from '../findings';
import GANGYAO from '../data/gangyao.json';
import type { Heading } from '../model/types';
import { GANGYAO_2015, GANGYAO_2021 } from './shared/sources';

/** Old areas found among the headings before the structure counts as the old 纲要's (of its seven). */
const OLD_STRUCTURE_MIN = 3;

export const outdatedTemplate: Rule = {
  id: 'outdated-template',
  defaultSeverity: 'hint',
  description: { zh: '2021年以后的报告沿用2015—2020年纲要的表述或结构', en: 'A report on 2021 or later written on the 2015–2020 outline' },
  sources: [GANGYAO_2021, GANGYAO_2015],
  reportsOnly: true,
  check({ model, report }) {
    const year = model.year?.value;
    if (year === undefined || year < GANGYAO.current.firstYear) return;
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
