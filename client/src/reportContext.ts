// Which open documents are reports, for the `when` clauses of the report commands: 「显示报告数据」 and the
// comparison with last year belong on a .txt or .md report as on a file of the report language, and not on every
// text file. The server says which documents it takes for reports (govreport/reportStatus); the context key
// `govreport.reportPaths` lists their paths, so that each editor group's title bar asks about its own editor
// (`resourcePath in govreport.reportPaths`).
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
// Types only: the status travels over LSP.
import type { ReportStatusParams } from '../../server/src/features/reportStatus';

export const REPORT_PATHS_CONTEXT_KEY = 'govreport.reportPaths';
const REPORT_STATUS_NOTIFICATION = 'govreport/reportStatus';

/** The path VS Code's `resourcePath` context key holds for a document: the file system path of a file (also when
 * the workbench reaches it through a remote), the URI's path otherwise (untitled documents, the text of a .docx). */
export function resourcePathOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

export class ReportContext implements vscode.Disposable {
  /** What the server said of each open document, by URI: a report or not. */
  private readonly statuses = new Map<string, boolean>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the context key was set anew. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(client: LanguageClient) {
    this.subscriptions.push(
      this.changed,
      client.onNotification(REPORT_STATUS_NOTIFICATION, (params: ReportStatusParams) => {
        if (typeof params?.uri !== 'string') return;
        this.statuses.set(params.uri, params.isReport === true);
        void this.publish();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.statuses.delete(document.uri.toString())) void this.publish();
      }),
      // A server that stopped knows nothing any more; once running again it tells every open document afresh.
      client.onDidChangeState((e) => {
        if (e.newState === State.Stopped && this.statuses.size > 0) {
          this.statuses.clear();
          void this.publish();
        }
      }),
    );
    void this.publish();
  }

  /** Whether the server takes the document for a report; undefined until it has said. */
  statusOf(uri: vscode.Uri): boolean | undefined {
    return this.statuses.get(uri.toString());
  }

  /** What the context key holds now. */
  get paths(): string[] {
    return [...this.statuses].filter(([, isReport]) => isReport).map(([uri]) => resourcePathOf(vscode.Uri.parse(uri)));
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }

  private async publish(): Promise<void> {
    await vscode.commands.executeCommand('setContext', REPORT_PATHS_CONTEXT_KEY, this.paths);
    this.changed.fire();
  }
}
