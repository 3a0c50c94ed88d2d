// The ordered registry of rules. Adding a rule = one file + one line here + its tests + docs/rules/<id>.md.

import type { Rule } from '../findings';

export const RULES: readonly Rule[] = [];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
