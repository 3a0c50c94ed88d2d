// govreport/reportStatus: the server tells the client which open documents it takes for reports, so that the
// client offers the report commands (「显示报告数据」, compare with last year) on a .txt or .md report too and not on
// every text file. Sent with the diagnostics of a version, and only when the answer for the document changes.
export const REPORT_STATUS_NOTIFICATION = 'govreport/reportStatus';

export interface ReportStatusParams {
  uri: string;
  /** The document is a report to the server: it gets the full checks, the outline and the figures. */
  isReport: boolean;
}

/** What the client was last told per open document. */
export class ReportStatuses {
  private readonly told = new Map<string, boolean>();

  /** The notification to send for this answer, or undefined when the client already has it. */
  update(uri: string, isReport: boolean): ReportStatusParams | undefined {
    if (this.told.get(uri) === isReport) return undefined;
    this.told.set(uri, isReport);
    return { uri, isReport };
  }

  /** The document was closed: the client forgets it too. */
  forget(uri: string): void {
    this.told.delete(uri);
  }
}
