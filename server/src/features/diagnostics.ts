// Findings → LSP diagnostics. The message is in the user's language; the code links to the rule's page.
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import { localize, type Finding, type Locale, type Severity } from '../core/index';

export const DIAGNOSTIC_SOURCE = 'govreport';
/** The rule pages ship beside the bundle (dist/server.js → docs/rules/), so the link works offline. */
const DOCS_BASE = pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href + '/';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `data` travels with the diagnostic and comes back in code action requests (see codeActions.ts). */
export function toDiagnostic(finding: Finding, locale: Locale, uri: string, data?: unknown): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    codeDescription: { href: `${DOCS_BASE}${finding.rule}.md` },
    message: localize(finding.message, locale),
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri, range: r.range },
      message: localize(r.message, locale),
    }));
  }
  if (data !== undefined) diagnostic.data = data;
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  return diagnostic;
}
