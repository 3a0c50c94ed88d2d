// sparse-evidence: a long 举措和成效 section without a single figure or case. The evaluations fault reports
// for 运用事例少 and 内容不翔实 (rules.md R8.1, R8.2, Q6); a section of several hundred characters that gives no
// number and no example reads as slogans. A hint. Densities of every section are in the title hover.
import { evidenceBySection } from '../features/evidence';
import type { Rule } from '../findings';
import { EVALUATION_CASS } from './shared/sources';

/** Shorter sections are left alone: an introduction or a summary may rightly have no figure. */
export const SPARSE_EVIDENCE_MIN_CHARS = 500;

export const sparseEvidence: Rule = {
  id: 'sparse-evidence',
  defaultSeverity: 'hint',
  description: { zh: '“主要举措和成效”中较长的部分没有任何数据或事例', en: 'A long measures-and-results section gives no figure or case' },
  sources: [EVALUATION_CASS],
  reportsOnly: true,
  readsFigures: true,
  check({ model, profile, sections, report }) {
    if (!profile) return;
    const match = sections().find((s) => s.item.id === 'measures');
    if (!match?.present || match.headings.length === 0) return;
    const measures = new Set(match.headings.filter((h) => h.level === 1));
    for (const e of evidenceBySection(model)) {
      if (!measures.has(e.heading) || e.chars < SPARSE_EVIDENCE_MIN_CHARS || e.figures + e.cases > 0) continue;
      report({
        range: e.heading.range,
        message: {
          zh: `此部分约${Math.round(e.chars / 10) * 10}字，没有一个数据或事例：可补充办理数量、比率、金额或典型案例，说明举措的成效`,
          en: `This section has about ${Math.round(e.chars / 10) * 10} characters and no figure or case: add counts, rates, amounts or an example to show the results`,
        },
      });
    }
  },
};
