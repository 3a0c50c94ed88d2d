// The core's one entry point for editors and the CLI: a per-document cache of models, so that every
// feature asking about the same document version shares one parse.

import { checkModel, type CheckOptions } from './check';
import type { Finding } from './findings';
import { parseReport } from './model/parse';
import type { ReportModel } from './model/types';

export interface ReportDocument {
  uri: string;
  version: number;
  getText(): string;
}

export interface ReportService {
  /** The model of this document version, parsed once and shared. */
  model(document: ReportDocument): ReportModel;
  /** The rules' findings for this document version. */
  check(document: ReportDocument, options?: CheckOptions): Finding[];
  /** Drops what is cached for a closed document. */
  forget(uri: string): void;
}

export function createReportService(): ReportService {
  const models = new Map<string, ReportModel>();
  const findings = new WeakMap<ReportModel, { options: CheckOptions | undefined; findings: Finding[] }>();

  function model(document: ReportDocument): ReportModel {
    const cached = models.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const fresh = parseReport(document.getText(), { version: document.version, previous: cached });
    models.set(document.uri, fresh);
    return fresh;
  }

  return {
    model,
    check(document, options) {
      const m = model(document);
      const cached = findings.get(m);
      if (cached && cached.options === options) return cached.findings;
      const result = checkModel(m, options);
      findings.set(m, { options, findings: result });
      return result;
    },
    forget(uri) {
      models.delete(uri);
    },
  };
}
