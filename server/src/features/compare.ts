// govreport/compareReports: this year's report (open in the editor, or a file) against last year's (a file on
// disk, .docx, PDF and web pages included), for the client's 「与上一年度报告比较」 view. Ranges are LSP ranges in
// each document; a file whose text is extracted is addressed through its text view, which is what the editor opens.
import { compareReports, localize, parseReport, type Locale, type Message, type ReportComparison, type ReportModel } from '../core/index';
import type { CheckOptions } from '../core/check';
import { publishedUriOf } from './workspace';

export const COMPARE_REPORTS_REQUEST = 'govreport/compareReports';

export interface CompareReportsParams {
  /** This year's report: an open document's URI, or a file's. */
  current: string;
  /** Last year's report: a file on disk. */
  previous: string;
}

export interface CompareReportsResult extends ReportComparison {
  /** Where each document's ranges point: the URI given, or the text view of a .docx, a PDF or a web page. */
  currentUri: string;
  previousUri: string;
  currentTitle: string | null;
  previousTitle: string | null;
}

export type CompareReportsResponse = CompareReportsResult | { error: string };

/** Reads what is not open and compares; `openModel` gives the shared model of an open document's current version,
 * `readText` the text of a file on disk, or why it may not or cannot be read. */
export async function compareReportsRequest(
  params: Partial<CompareReportsParams> | undefined,
  openModel: (uri: string) => ReportModel | undefined,
  readText: (uri: string) => Promise<{ text: string } | { error: Message }>,
  options: CheckOptions,
  locale: Locale,
): Promise<CompareReportsResponse> {
  const current = typeof params?.current === 'string' ? params.current : '';
  const previous = typeof params?.previous === 'string' ? params.previous : '';
  if (!current || !previous) return { error: localize({ zh: '缺少要比较的报告', en: 'two reports are needed' }, locale) };
  const load = async (uri: string, which: { zh: string; en: string }): Promise<{ model: ReportModel; uri: string } | { error: string }> => {
    const open = openModel(uri);
    if (open) return { model: open, uri };
    const read = await readText(uri);
    if ('error' in read) return { error: `${localize(which, locale)}：${localize(read.error, locale)}（${uri}）` };
    return { model: parseReport(read.text), uri: uri.startsWith('file:') ? publishedUriOf(uri) : uri };
  };
  const now = await load(current, { zh: '本年度报告', en: "this year's report" });
  if ('error' in now) return now;
  const then = await load(previous, { zh: '上一年度报告', en: "last year's report" });
  if ('error' in then) return then;
  const comparison = compareReports(then.model, now.model, { profile: options.profile, extraProfiles: options.extraProfiles });
  return {
    ...comparison,
    currentUri: now.uri,
    previousUri: then.uri,
    currentTitle: now.model.title?.text ?? null,
    previousTitle: then.model.title?.text ?? null,
  };
}
