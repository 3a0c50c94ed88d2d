// textDocument/completion: the core's heading numbers and missing section titles as LSP completion items.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver/node';
import { completionsAt, localize, type CheckOptions, type Locale, type ReportModel } from '../core/index';

/** Typed right before a heading number or a title is wanted: brackets open a number, 、 ends a level-1 one. */
export const COMPLETION_TRIGGERS = ['（', '(', '、'];

export function completion(model: ReportModel, position: Position, locale: Locale, options: CheckOptions): CompletionItem[] {
  if (position.line < 0 || position.line >= model.lines.length) return [];
  return completionsAt(model, position, { profile: options.profile, extraProfiles: options.extraProfiles }).map((s) => ({
    label: s.label,
    kind: s.kind === 'number' ? CompletionItemKind.EnumMember : CompletionItemKind.Text,
    detail: localize(s.detail, locale),
    ...(s.documentation ? { documentation: localize(s.documentation, locale) } : {}),
    textEdit: { range: s.range, newText: s.newText },
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: s.sortText,
    filterText: s.label,
    preselect: s.preselect,
  }));
}
