// section-order: the items in their usual order — 不足 after 成效, 安排 after 不足, 其他 last.
// The regulation lists the items without making the order binding, so this is advice only.
import type { Rule } from '../findings';
import type { SectionMatch } from '../profiles/match';
import { DUCHA_2019 } from './shared/sources';

/** Pairs [earlier, later] whose order is the usual one (rules.md §3: observed orders). */
const USUAL_ORDER: [string, string][] = [
  ['measures', 'shortcomings'],
  ['shortcomings', 'plan'],
  ['measures', 'plan'],
  ['plan', 'other'],
  ['problems', 'other'],
];

export const sectionOrder: Rule = {
  id: 'section-order',
  defaultSeverity: 'information',
  description: { zh: '报告各部分的顺序与通常顺序不一致', en: 'Report sections are not in the usual order' },
  sources: [DUCHA_2019],
  reportsOnly: true,
  check({ profile, sections, report }) {
    if (!profile) return;
    const byId = new Map(sections().map((s) => [s.item.id, s] as const));
    const firstLine = (s: SectionMatch | undefined) => {
      if (!s?.present || s.headings.length === 0) return undefined;
      return Math.min(...s.headings.map((h) => h.line));
    };
    const reported = new Set<string>();
    // A heading that carries two items (「2023年工作总结和2024年工作计划」) sets no order between them and others.
    const owners = new Map<unknown, number>();
    for (const s of byId.values()) for (const h of s.headings) owners.set(h, (owners.get(h) ?? 0) + 1);
    for (const [earlierId, laterId] of USUAL_ORDER) {
      const earlier = byId.get(earlierId);
      const later = byId.get(laterId);
      const e = firstLine(earlier);
      const l = firstLine(later);
      if (e === undefined || l === undefined || l >= e || reported.has(laterId)) continue;
      const heading = later!.headings.find((h) => h.line === l)!;
      if ((owners.get(heading) ?? 0) > 1) continue;
      reported.add(laterId);
      report({
        range: heading.range,
        message: {
          zh: `“${later!.item.name.zh}”通常放在“${earlier!.item.name.zh}”之后`,
          en: `“${later!.item.name.en}” usually comes after “${earlier!.item.name.en}”`,
        },
      });
    }
  },
};
