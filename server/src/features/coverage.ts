// govreport/coverage: which parts of the 纲要（2021—2025年） a report speaks to, and where, for the client's
// 「纲要覆盖情况」 view. The core computes it once per document version; the answer per locale is kept with it.
import {
  COVERAGE_FIRST_YEAR, coverageUnavailable, gangyaoCoverage,
  type AreaCoverage, type CoveragePlace, type CoverageUnavailable, type Locale, type ReportModel,
} from '../core/index';

export const COVERAGE_REQUEST = 'govreport/coverage';

export interface CoverageParams {
  uri: string;
}

export interface CoverageAreaResult {
  id: string;
  /** 一 to 十: the part's number in the 纲要. */
  part: string;
  /** The part's title as the 纲要 words it (Chinese in every locale: it is a quotation). */
  title: string;
  /** A short name, in the user's language. */
  short: string;
  via: AreaCoverage['via'];
  /** All headings or paragraphs that speak to it; `places` lists the first few. */
  count: number;
  places: CoveragePlace[];
}

export interface CoverageResult {
  /** The language of the short names, and of this document's messages: the view words its statuses in it too. */
  locale: Locale;
  /** The document version this is of. */
  version: number;
  year: number | null;
  /** The first report year the 2021—2025 纲要 applies to. */
  firstYear: number;
  /** Why there are no areas (not a report, no year, a year before firstYear); null when there are. */
  unavailable: CoverageUnavailable | null;
  areas: CoverageAreaResult[];
}

/** The answer for a document that is no report to the server (a file of the extension itself). */
export function notReportResult(version: number, locale: Locale): CoverageResult {
  return { locale, version, year: null, firstYear: COVERAGE_FIRST_YEAR, unavailable: 'not-report', areas: [] };
}

const results = new WeakMap<ReportModel, Partial<Record<Locale, CoverageResult>>>();

export function coverageResult(model: ReportModel, locale: Locale): CoverageResult {
  let byLocale = results.get(model);
  if (!byLocale) results.set(model, (byLocale = {}));
  return (byLocale[locale] ??= {
    locale,
    version: model.version,
    year: model.year?.value ?? null,
    firstYear: COVERAGE_FIRST_YEAR,
    unavailable: coverageUnavailable(model) ?? null,
    areas: (gangyaoCoverage(model) ?? []).map((a) => ({
      id: a.id, part: a.part, title: a.title, short: a.short[locale], via: a.via, count: a.count, places: a.places,
    })),
  });
}
