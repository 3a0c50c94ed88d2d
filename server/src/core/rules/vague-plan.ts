// vague-plan: a 下一年度安排 that names no concrete measure, figure or date — only 「持续推进」「全面加强」 slogans.
// The 规定 asks for 「下一年度推进法治政府建设的主要安排」 (厅字〔2019〕28号, rules.md R1.1 item 4); the evaluations
// rate a plan by whether it is specific (rules.md R8.1, Q5). A hint, and a cautious one: any named instrument
// (清单, 机制, 培训, 《…》 …), any figure or any time limit is enough to stay silent.
import type { Rule } from '../findings';
import { paragraphMemo } from './shared/memo';
import { itemHeadings } from './shared/sections';
import { planLines, type SectionLine } from './shared/problems';
import { DUCHA_2019, EVALUATION_CASS } from './shared/sources';

const YEARS = /(?:19|20)[0-9]{2}\s*年(?:度)?/g;
const MARKER = /(?:^|[。；;，,\n])\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|其[一二三四五六七八九十]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、])/g;
/** What makes a plan concrete: a figure, a time limit, a document, or a named instrument or action. */
const CONCRETE = new RegExp([
  '[0-9０-９]',
  // one numeral right before its count word is as good a witness as the whole run, and is read once
  '[一二两三四五六七八九十百千](?:个|件|起|次|项|人|名|家|户|场|期|批|份|处|所|条|类|支)',
  '[0-9一二三四五六七八九十]{1,2}月|年底|年内|年中|上半年|下半年|季度|月底|底前|前完成',
  '《|“',
  '清单|台账|平台|机制|制度|办法|细则|方案|规划|目录|标准|指引|系统|中心|工作站|窗口|专栏|评查|培训|检查|审查|备案|听证|考试|考核|试点|示范|专项|行动|活动|调解|复议|应诉|执法证',
].join('|'));

/** Per paragraph object: whether it names something concrete depends on its text alone. */
const paragraphConcrete = paragraphMemo<boolean>();

function isConcrete(line: SectionLine): boolean {
  const compute = () => CONCRETE.test(line.text.replace(YEARS, '').replace(MARKER, ''));
  return line.paragraph ? paragraphConcrete.get(line.paragraph, compute) : compute();
}

export const vaguePlan: Rule = {
  id: 'vague-plan',
  defaultSeverity: 'hint',
  description: { zh: '“下一年度安排”没有具体措施、数字或时间', en: 'The plan for next year names no concrete measure, figure or date' },
  sources: [DUCHA_2019, EVALUATION_CASS],
  reportsOnly: true,
  readsWording: true,
  check({ model, profile, sections, report }) {
    if (!profile) return;
    for (const h of itemHeadings(sections, 'plan')) {
      const lines = planLines(model, profile, h).filter((l) => l.text.trim().length > 0);
      if (lines.length === 0 || lines.some(isConcrete)) continue;
      report({
        range: h.range,
        message: {
          zh: '此部分只有“持续推进”“全面加强”一类的表述，没有具体措施、数字或时间：可写明要制定或完成的事项、目标数字和完成时限',
          en: 'This section states intentions (“持续推进”, “全面加强”) but no concrete measure, figure or date: name what will be done, targets and deadlines',
        },
      });
    }
  },
};
