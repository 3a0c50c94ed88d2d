// textDocument/hover: the core's hover content as Markdown.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { hoverAt, resolveProfile, type Locale, type ProfileChoice, type ReportModel } from '../core/index';

/** `largeDocument`: above the large-document threshold, where a hover reads only the text around it. */
export function hover(model: ReportModel, position: Position, locale: Locale, profile: ProfileChoice | undefined, largeDocument = false): Hover | null {
  if (position.line < 0 || position.line >= model.lines.length) return null;
  const content = hoverAt(model, position, { locale, profile: resolveProfile(model, profile ?? 'auto'), largeDocument });
  return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
}
