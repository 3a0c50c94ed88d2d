// The ordered registry of rules. Adding a rule = one file + one line here + its tests + docs/rules/<id>.md.

import type { Rule } from '../findings';
import { artifact } from './artifact';
import { citation } from './citation';
import { documentNumber } from './document-number';
import { enumerationOrder } from './enumeration-order';
import { figureApproximation } from './figure-approximation';
import { figureRange } from './figure-range';
import { figureRate } from './figure-rate';
import { figureSum } from './figure-sum';
import { foreignUnit } from './foreign-unit';
import { lateReport } from './late-report';
import { missingSection } from './missing-section';
import { numberingDuplicate } from './numbering-duplicate';
import { numberingGap } from './numbering-gap';
import { numberingLevel } from './numbering-level';
import { numberingOrder } from './numbering-order';
import { numberingStyle } from './numbering-style';
import { outdatedTemplate } from './outdated-template';
import { reasonsMissing } from './reasons-missing';
import { sectionOrder } from './section-order';
import { signature } from './signature';
import { tableSum } from './table-sum';
import { tableText } from './table-text';
import { sparseEvidence } from './sparse-evidence';
import { title } from './title';
import { unbalancedPair } from './unbalanced-pair';
import { unheadedSection } from './unheaded-section';
import { vaguePlan } from './vague-plan';
import { vagueShortcomings } from './vague-shortcomings';
import { yearMismatch } from './year-mismatch';

export const RULES: readonly Rule[] = [
  missingSection,
  sectionOrder,
  unheadedSection,
  numberingDuplicate,
  numberingGap,
  numberingOrder,
  numberingStyle,
  numberingLevel,
  enumerationOrder,
  yearMismatch,
  title,
  signature,
  artifact,
  reasonsMissing,
  tableSum,
  tableText,
  figureSum,
  figureRate,
  figureRange,
  figureApproximation,
  outdatedTemplate,
  lateReport,
  citation,
  documentNumber,
  unbalancedPair,
  vagueShortcomings,
  vaguePlan,
  sparseEvidence,
  foreignUnit,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
