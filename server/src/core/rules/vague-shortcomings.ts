// vague-shortcomings: a 不足 section made only of stock phrases — 「依法行政意识有待进一步提高」「普法工作还需加强」
// — names no concrete problem. The 规定 asks for 「存在的不足和原因」 (厅字〔2019〕28号, rules.md R1.1 item 2); the
// evaluations fault reports for 问题不具体、运用事例少 (rules.md R8.2, Q4). A hint: it is advice on quality.
import type { Rule } from '../findings';
import { paragraphMemo } from './shared/memo';
import { itemHeadings } from './shared/sections';
import { classifyProblemClause, problemClauses, problemLines, type ClauseKind, type SectionLine } from './shared/problems';
import { DUCHA_2019, EVALUATION_CASS } from './shared/sources';

/** Fewer stock phrases than this is too little text to judge. */
const MIN_BOILERPLATE_CLAUSES = 2;

/** Per paragraph object: the kinds of its clauses depend on its text alone. */
const paragraphKinds = paragraphMemo<ClauseKind[]>();

function clauseKinds(line: SectionLine): ClauseKind[] {
  const compute = () => problemClauses([line.text]).map(classifyProblemClause);
  return line.paragraph ? paragraphKinds.get(line.paragraph, compute) : compute();
}

export const vagueShortcomings: Rule = {
  id: 'vague-shortcomings',
  defaultSeverity: 'hint',
  description: { zh: '“存在的不足”只有套话，没有写出具体问题', en: 'The shortcomings section is stock phrases only, with no concrete problem' },
  sources: [DUCHA_2019, EVALUATION_CASS],
  reportsOnly: true,
  readsWording: true,
  check({ model, profile, sections, report }) {
    if (!profile) return;
    for (const h of itemHeadings(sections, 'shortcomings')) {
      const kinds = problemLines(model, profile, h).flatMap(clauseKinds);
      const boilerplate = kinds.filter((k) => k === 'boilerplate').length;
      if (boilerplate < MIN_BOILERPLATE_CLAUSES || kinds.includes('substance')) continue;
      report({
        range: h.range,
        message: {
          zh: '此部分只有“有待进一步提高”“还需加强”一类的套话，没有写出具体问题：可写明哪个领域、哪些单位、多少案件或哪件事暴露了问题',
          en: 'This section is made of stock phrases (“有待进一步提高”, “还需加强”) and names no concrete problem: say which field, which units, how many cases or which event showed it',
        },
      });
    }
  },
};
