// The built-in profiles and the choice of one for a document: forced by the user, else by the title,
// else by what the level-1 headings talk about.

import type { ReportModel } from '../model/types';
import fazhiAnnual from './fazhi-annual.json';
import govInfoAnnual from './gov-info-annual.json';
import { compilePatterns, markBuiltin, type TextPattern } from './patterns';
import type { Profile } from './types';

export type { Profile, ProfileItem } from './types';

export const BUILTIN_PROFILES: readonly Profile[] = [fazhiAnnual as Profile, govInfoAnnual as Profile];
markBuiltin(BUILTIN_PROFILES);

/** 'auto' detects; 'none' checks numbering and leftovers only; anything else names a profile. */
export type ProfileChoice = 'auto' | 'none' | string;

export function profileById(id: string, extra: readonly Profile[] = []): Profile | undefined {
  return [...extra, ...BUILTIN_PROFILES].find((p) => p.id === id);
}

const detectCache = new WeakMap<Profile, TextPattern[]>();
function detectPatterns(p: Profile): TextPattern[] {
  let r = detectCache.get(p);
  if (!r) detectCache.set(p, (r = compilePatterns(p, p.detect.title)));
  return r;
}

export function resolveProfile(model: ReportModel, choice: ProfileChoice = 'auto', extra: readonly Profile[] = []): Profile | undefined {
  if (choice === 'none') return undefined;
  if (choice !== 'auto') return profileById(choice, extra);
  if (!model.isReport) return undefined;
  // The user's profiles first, in their order; then the built-in ones, the most specific subject first
  // (政府信息公开 before the broader 法治 words).
  const order = [...extra, ...[...BUILTIN_PROFILES].reverse()];
  const title = model.title?.text;
  if (title) return order.find((p) => detectPatterns(p).some((re) => re.test(title)));
  const headings = model.headings.filter((h) => h.level === 1).map((h) => h.title).join('\n') + '\n' + model.opening.map((p) => p.text).join('\n');
  return order.find((p) => detectPatterns(p).some((re) => re.test(headings)));
}

export function detectProfile(model: ReportModel): string | undefined {
  return resolveProfile(model)?.id;
}
