// The rule pages (docs/rules/*.md, shipped with the extension) shown as a rendered Markdown preview of a
// read-only document of our own scheme, never as a file: opening the file from the extension's folder made it an
// editable Markdown document, which the server then checked as a report.
//
// The server links each diagnostic's code to its page as a file: URI (useful to any editor); the client rewrites
// that link into a command: URI, which the Problems panel and the hover open with commands allowed.
import * as vscode from 'vscode';
import { t } from '../l10n';

/** Read-only documents served from the extension's docs/ folder: govreport-doc:/rules/<rule>.md. The client's
 * documentSelector does not include this scheme, so the server never sees them. */
export const RULE_DOC_SCHEME = 'govreport-doc';
export const SHOW_RULE_DOC_COMMAND = 'govreport.showRuleDoc';

const RULE_ID = /^[a-z0-9][a-z0-9-]{0,60}$/;
/** The server's link to a rule page: …/docs/rules/<rule>.md. */
const SERVER_RULE_LINK = /\/docs\/rules\/([a-z0-9][a-z0-9-]{0,60})\.md$/;

export function ruleDocUri(rule: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/rules/${rule}.md` });
}

/** The link a diagnostic's code carries in VS Code: the command that shows the rule's page. */
export function ruleDocCommandUri(rule: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: SHOW_RULE_DOC_COMMAND, query: JSON.stringify([rule]) });
}

/** Rewrites the code link of diagnostics that point at a rule page into the command that shows it (in place). */
export function linkRuleDocs(diagnostics: readonly vscode.Diagnostic[]): void {
  for (const d of diagnostics) {
    if (typeof d.code !== 'object' || d.code.target.scheme !== 'file') continue;
    const rule = SERVER_RULE_LINK.exec(d.code.target.path)?.[1];
    if (rule) d.code = { value: d.code.value, target: ruleDocCommandUri(rule) };
  }
}

/** The text of govreport-doc:/<path>.md: the file docs/<path>.md of the extension, and nothing outside docs/. */
export class RuleDocProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const parts = uri.path.split('/').filter((p) => p !== '');
    if (parts.length === 0 || parts.some((p) => p === '..' || p === '.') || !/\.md$/i.test(uri.path)) {
      throw new Error(t('No such GovReport page: {0}', uri.path));
    }
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'docs', ...parts));
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Shows a rule's page rendered, beside the report; as read-only Markdown text if the preview is unavailable
 * (the built-in Markdown extension disabled). */
export async function showRuleDoc(rule: unknown): Promise<vscode.Uri | undefined> {
  if (typeof rule !== 'string' || !RULE_ID.test(rule)) return undefined;
  const uri = ruleDocUri(rule);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return uri;
}
