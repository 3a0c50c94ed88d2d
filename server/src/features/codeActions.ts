// Code actions from the findings' fixes: one quick fix per Fix of a diagnostic, 「忽略此问题」 for reports on
// disk, and `source.fixAll.govreport`. Diagnostics are resolved back to the findings they were made from
// through `diagnostic.data`; anything stale or unknown yields no action rather than a wrong edit.

import {
  CodeActionKind, TextDocumentEdit,
  type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ignoreText } from '../core/config';
import { textInRange } from '../core/fixes';
import { localize, type Finding, type Locale, type TextEdit } from '../core/index';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;
export const IGNORE_FINDING_COMMAND = 'govreport.ignoreFinding';

/** Carried in each diagnostic so that a code action request can name the finding it came from. */
export interface DiagnosticData {
  version: number;
  index: number;
}

/** What was last published for a document. */
export interface PublishedFindings {
  version: number;
  findings: readonly Finding[];
  locale: Locale;
}

/** The argument of `govreport.ignoreFinding`: self-contained, so that it still means the same finding
 * if the document changed between showing the action and running it. */
export interface IgnoreFindingArgs {
  uri: string;
  rule: string;
  /** The text the finding covers, as ignore entries record it. */
  text: string;
  /** 1-based line. */
  line: number;
}

export interface CodeActionInput {
  params: CodeActionParams;
  document: TextDocument;
  published: PublishedFindings | undefined;
  /** Whether the report lives on disk, where an ignore entry can be recorded. */
  canIgnore: boolean;
  /** Whether the client takes versioned `documentChanges` (else plain `changes`). */
  documentChanges: boolean;
  /** The edits of fix-all for the document as it is now; computed only when fix-all is asked for. */
  fixAllEdits: () => TextEdit[];
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const { params, document, published } = input;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (published && published.version === document.version && requested(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingFor(diagnostic, published, document.version);
      if (!finding) continue;
      for (const fix of finding.fixes ?? []) {
        if (fix.edits.length === 0) continue;
        actions.push({
          title: localize(fix.title, published.locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true,
          edit: workspaceEdit(document, fix.edits, input.documentChanges),
        });
      }
      if (input.canIgnore) {
        const args: IgnoreFindingArgs = {
          uri: document.uri,
          rule: finding.rule,
          text: ignoreText(textInRange(document.getText(), finding.range)),
          line: finding.range.start.line + 1,
        };
        const title = published.locale === 'en' ? 'Ignore this finding (recorded in .govreport.json)' : '忽略此问题（记录在 .govreport.json）';
        actions.push({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title, command: IGNORE_FINDING_COMMAND, arguments: [args] },
        });
      }
    }
  }
  // Fix-all re-checks the text up to several times: only when asked for by kind (the 「全部修复」 command,
  // codeActionsOnSave), never for every lightbulb request.
  if (only && requested(only, FIX_ALL_KIND)) {
    const edits = input.fixAllEdits();
    if (edits.length > 0) {
      const locale = published?.locale ?? 'zh';
      actions.push({
        title: locale === 'en' ? 'Fix all auto-fixable GovReport problems' : '修正所有可自动修正的问题（GovReport）',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(document, edits, input.documentChanges),
      });
    }
  }
  return actions;
}

/** Whether a request limited to `only` kinds asks for actions of `kind` (a kind covers its sub-kinds). */
export function requested(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** The finding a diagnostic was published for, if it is still the one on record. */
export function findingFor(diagnostic: Diagnostic, published: PublishedFindings, version: number): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data && typeof data.index === 'number' && typeof data.version === 'number') {
    if (data.version !== version) return undefined;
    const finding = published.findings[data.index];
    if (finding && sameFinding(finding, diagnostic)) return finding;
  }
  // Clients that do not hand `data` back: find it by rule and range.
  return published.findings.find((f) => sameFinding(f, diagnostic));
}

function sameFinding(finding: Finding, diagnostic: Diagnostic): boolean {
  const a = finding.range;
  const b = diagnostic.range;
  return finding.rule === diagnostic.code && a.start.line === b.start.line && a.start.character === b.start.character &&
    a.end.line === b.end.line && a.end.character === b.end.character;
}

function workspaceEdit(document: TextDocument, edits: readonly TextEdit[], documentChanges: boolean): WorkspaceEdit {
  const lspEdits: LspTextEdit[] = edits.map((e) => ({ range: e.range, newText: e.newText }));
  return documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, lspEdits)] }
    : { changes: { [document.uri]: lspEdits } };
}
