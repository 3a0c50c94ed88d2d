// textDocument/documentSymbol: the core's outline as LSP DocumentSymbols.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { buildOutline, type OutlineNode, type ReportModel } from '../core/index';

const KIND_BY_LEVEL: Record<number, SymbolKind> = {
  1: SymbolKind.Module,
  2: SymbolKind.Namespace,
  3: SymbolKind.Class,
  4: SymbolKind.Field,
};

export function documentSymbols(model: ReportModel): DocumentSymbol[] {
  if (!model.isReport) return [];
  return buildOutline(model).map(toSymbol);
}

function toSymbol(node: OutlineNode): DocumentSymbol {
  return {
    name: node.name,
    detail: node.detail,
    kind: KIND_BY_LEVEL[node.level] ?? SymbolKind.String,
    range: node.range,
    selectionRange: node.selectionRange,
    children: node.children.map(toSymbol),
  };
}
