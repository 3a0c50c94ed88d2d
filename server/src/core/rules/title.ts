// title: a report has a title made of 发文机关 + 事由 + 文种 (条例 第九条): the organ, the report year, the
// subject (法治政府建设) and the genre 报告 (rules.md R2.5, R5.2, C5).
import type { Rule } from '../findings';
import { GONGWEN_REGULATION } from './shared/sources';
import { reportAnchor } from './shared/text';

const SUBJECT_BY_PROFILE: Record<string, { pattern: RegExp; zh: string }> = {
  'fazhi-annual': { pattern: /法治政府建设/, zh: '法治政府建设' },
  'gov-info-annual': { pattern: /政府信息公开|政务公开/, zh: '政府信息公开' },
};

export const title: Rule = {
  id: 'title',
  defaultSeverity: 'warning',
  description: { zh: '标题缺失或要素不全（发文机关、年度、事由、文种）', en: 'The title is missing or incomplete (organ, year, subject, genre)' },
  sources: [GONGWEN_REGULATION],
  reportsOnly: true,
  check({ model, profile, report }) {
    const t = model.title;
    if (!t) {
      report({
        range: reportAnchor(model),
        message: {
          zh: '报告没有标题：标题应由发文机关、报告年度、事由和文种组成，如“XX镇人民政府关于2024年度法治政府建设情况的报告”',
          en: 'The report has no title: it should name the organ, the year, the subject and the genre, e.g. “XX镇人民政府关于2024年度法治政府建设情况的报告”',
        },
      });
      return;
    }
    const missing: { zh: string; en: string }[] = [];
    if (t.organs.length === 0) missing.push({ zh: '发文机关', en: 'the organ' });
    if (t.year === undefined) missing.push({ zh: '报告年度', en: 'the report year' });
    const subject = profile ? SUBJECT_BY_PROFILE[profile.id] : undefined;
    if (subject && !subject.pattern.test(t.text)) missing.push({ zh: `事由“${subject.zh}”`, en: `the subject ${subject.zh}` });
    if (t.genre === undefined) missing.push({ zh: '文种“报告”', en: 'the genre 报告' });
    if (missing.length === 0) return;
    report({
      range: t.range,
      message: {
        zh: `标题缺少${missing.map((m) => m.zh).join('、')}`,
        en: `The title lacks ${missing.map((m) => m.en).join(', ')}`,
      },
    });
  },
};
