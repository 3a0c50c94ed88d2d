// textDocument/documentSymbol: the core's outline as LSP DocumentSymbols.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { buildOutline, type Locale, type OutlineNode, type ReportModel } from '../core/index';

/**
 * Headings of every level as String, the kind VS Code's own Markdown outline gives its headings: the icon reads as
 * text, where the kinds by level before (Module and Namespace `{}`, Class, Field) read as code. The level shows in
 * the tree's nesting and the number in the detail (「一、」「（一）」).
 */
const HEADING_KIND = SymbolKind.String;

const symbolsByOutline = new WeakMap<OutlineNode[], DocumentSymbol[]>();

export function documentSymbols(model: ReportModel, locale: Locale): DocumentSymbol[] {
  if (!model.isReport) return [];
  const outline = buildOutline(model, locale);
  let symbols = symbolsByOutline.get(outline);
  if (!symbols) symbolsByOutline.set(outline, (symbols = outline.map(toSymbol)));
  return symbols;
}

function toSymbol(node: OutlineNode): DocumentSymbol {
  return {
    name: node.name,
    detail: node.detail,
    // A table is rows of values: the array icon is the nearest LSP has to a table.
    kind: node.kind === 'table' ? SymbolKind.Array : HEADING_KIND,
    range: node.range,
    selectionRange: node.selectionRange,
    children: node.children.map(toSymbol),
  };
}
