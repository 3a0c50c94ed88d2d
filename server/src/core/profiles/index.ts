// Which kind of report a document is. The profiles themselves (mandated sections) are data; this file
// only names them and picks one from what the title says.

import type { ReportModel } from '../model/types';

export type ProfileId = 'fazhi-annual' | 'gov-info-annual';

export function detectProfile(model: ReportModel): ProfileId | undefined {
  const kind = model.title?.kind;
  if (kind === 'fazhi') return 'fazhi-annual';
  if (kind === 'gov-info') return 'gov-info-annual';
  if (!model.isReport) return undefined;
  // No title: judge by what the headings talk about.
  const headings = model.headings.filter((h) => h.level === 1).map((h) => h.title).join('\n');
  if (/主动公开政府信息|政府信息公开申请/.test(headings)) return 'gov-info-annual';
  if (/法治政府建设|法治建设|依法行政/.test(headings)) return 'fazhi-annual';
  return undefined;
}
