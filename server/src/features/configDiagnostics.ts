// Problems of a project file (.govreport.json) as diagnostics on the file itself, at the key or value they
// are about: the user sees what was skipped where it is written, while the rest keeps working.
// The ESM build: the UMD one, which "main" points to, loads its parts with requires a bundler cannot follow.
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError, type Node } from 'jsonc-parser/lib/esm/main.js';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { formatProblem, type ConfigProblem } from '../core/config';
import { lineStarts, positionAt } from '../core/fixes';
import type { Locale } from '../core/index';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** `rules.numbering-dup`, `ignore[2].rule`, `overrides[0].files[1]` → JSON path segments. */
export function problemPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

export function configDiagnostics(text: string, problems: readonly ConfigProblem[], locale: Locale): Diagnostic[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const starts = lineStarts(text);
  const range = (offset: number, length: number) => ({ start: positionAt(starts, offset), end: positionAt(starts, offset + Math.max(length, 1)) });
  const diagnostics: Diagnostic[] = [];
  for (const e of errors) {
    diagnostics.push({
      range: range(e.offset, e.length), severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE,
      message: locale === 'en' ? `Not valid JSON (${printParseErrorCode(e.error)}): the file is ignored` : `不是有效的 JSON（${printParseErrorCode(e.error)}）：整个配置文件未生效`,
    });
  }
  if (errors.length > 0) return diagnostics;
  for (const p of problems) {
    const node = root && p.path ? locate(root, problemPath(p.path)) : undefined;
    // The key of a property (what is wrong is usually its name or the value under it).
    const target = node?.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node;
    diagnostics.push({
      range: target ? range(target.offset, target.length) : range(0, Math.min(1, text.length)),
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      message: formatProblem(p, locale),
    });
  }
  return diagnostics;
}

/** The node at `path`, or the deepest existing node on the way (an unknown key is found as its property). */
function locate(root: Node, path: (string | number)[]): Node | undefined {
  for (let n = path.length; n > 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) return node;
  }
  return undefined;
}
