// Runs the registry's rules over one model. A rule that throws is reported, not allowed to take the
// others down with it: one bad heuristic must never cost the user every other diagnostic.

import type { Finding, Rule, Severity, SeveritySetting } from './findings';
import type { ReportModel } from './model/types';
import { resolveProfile, type Profile, type ProfileChoice } from './profiles/index';
import { matchSections, type SectionMatch } from './profiles/match';
import { RULES } from './rules/index';

export interface CheckOptions {
  /** Per-rule severity overrides; 'off' disables a rule. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  rules?: readonly Rule[];
  /** 'auto' (default) detects the profile from the title; 'none' runs only the profile-free rules. */
  profile?: ProfileChoice;
  /** Profiles defined by the user, tried before the built-in ones. */
  extraProfiles?: readonly Profile[];
  /** Structure only (documents above the large-document threshold): rules that read every figure or judge the wording
   * of every paragraph are skipped. */
  structureOnly?: boolean;
  /** Called when a rule throws; the finding list stays valid without that rule. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export function checkModel(model: ReportModel, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const profile = resolveProfile(model, options.profile ?? 'auto', options.extraProfiles);
  let sections: SectionMatch[] | undefined;
  const sectionsOnce = () => (sections ??= profile ? matchSections(model, profile) : []);
  for (const rule of options.rules ?? RULES) {
    const setting = options.severities?.[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    if (rule.reportsOnly && !model.isReport) continue;
    if ((rule.readsFigures || rule.readsWording) && options.structureOnly) continue;
    const severity: Severity = setting;
    // A rule may report some cases at their own level (a skipped level as information); a configured
    // severity replaces them all, unless it merely restates the default.
    const overridden = options.severities?.[rule.id] !== undefined && setting !== rule.defaultSeverity;
    try {
      rule.check({
        model,
        profile,
        sections: sectionsOnce,
        report: (f) => findings.push({ ...f, rule: rule.id, severity: overridden ? severity : f.severity ?? severity }),
      });
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  return findings.sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
