// What the checks produce: the core's own types. Only the adapters turn them into LSP diagnostics,
// code actions or CLI records.

import type { Range, ReportModel } from './model/types';
import type { Profile } from './profiles/types';
import type { SectionMatch } from './profiles/match';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Every user-visible string exists in Chinese (the default) and English. */
export interface Message {
  zh: string;
  en: string;
}

export type Locale = 'zh' | 'en';

export function localize(message: Message, locale: Locale): string {
  return locale === 'en' ? message.en : message.zh;
}

/** One replacement in the document: fixes are data, applied alike by quick fixes, fix-all and the CLI. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: Message;
  edits: TextEdit[];
  /** Offered as the preferred quick fix and applied by fix-all. */
  preferred?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  range: Range;
  message: Message;
  fixes?: Fix[];
  /** Extra ranges worth highlighting (e.g. the first of two duplicated headings). */
  related?: { range: Range; message: Message }[];
  /** Set on findings that only matter as advice; adapters may render them as unnecessary/faded. */
  tags?: ('unnecessary' | 'deprecated')[];
}

/** The regulation or standard a rule enforces, cited in its metadata, messages and docs. */
export interface RuleSource {
  /** Short citation, e.g. 「GB/T 9704-2012 §7.3.3」. */
  cite: string;
  /** Title of the document, e.g. 《党政机关公文格式》. */
  title: string;
}

/** What a rule reports: the engine adds the rule id and the severity. */
export type FindingInput = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity };

export interface RuleContext {
  model: ReportModel;
  /** The profile the report is checked against (detected or forced); undefined when none applies. */
  profile: Profile | undefined;
  /** Which of the profile's items the report covers and where; computed once, shared by the rules. */
  sections(): SectionMatch[];
  report(finding: FindingInput): void;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** What the rule checks, in one line, for docs and settings. */
  description: Message;
  sources: RuleSource[];
  /** Whether the rule only makes sense on a document recognised as a report. */
  reportsOnly: boolean;
  /** Reads every figure of the report: skipped on documents above the large-document threshold. */
  readsFigures?: boolean;
  /**
   * Judges the wording of every paragraph (cited titles, unit names, paired marks, run-in lists, 文号, stock phrases):
   * skipped on documents above the large-document threshold too, which get their structure checked only.
   */
  readsWording?: boolean;
  check(context: RuleContext): void;
}
