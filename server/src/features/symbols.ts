// textDocument/documentSymbol: the core's outline as LSP DocumentSymbols.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { buildOutline, type Locale, type OutlineNode, type ReportModel } from '../core/index';

const KIND_BY_LEVEL: Record<number, SymbolKind> = {
  1: SymbolKind.Module,
  2: SymbolKind.Namespace,
  3: SymbolKind.Class,
  4: SymbolKind.Field,
};

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
    kind: node.kind === 'table' ? SymbolKind.Array : KIND_BY_LEVEL[node.level] ?? SymbolKind.String,
    range: node.range,
    selectionRange: node.selectionRange,
    children: node.children.map(toSymbol),
  };
}
