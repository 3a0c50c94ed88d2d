// Profiles defined by users in a project file (`profiles` in .govreport.json) or in settings: checked like the built-in
// ones are by construction. Their patterns run on the linear-time engine (profiles/patterns.ts), so none can hang the
// checker; one that engine cannot compile (a backreference, a lookahead, a syntax error) or an overlong one is refused
// here, naming its key.
import { isTemplateTable } from '../model/gov-info-template';
import type { Message } from '../findings';
import { compileUserPattern } from './patterns';
import type { Profile, ProfileItem } from './types';

export { MAX_PATTERN_LENGTH } from './patterns';

/** Why a user's pattern is refused, or undefined when it may run. */
export function patternProblem(source: unknown): Message | undefined {
  const compiled = compileUserPattern(source);
  return 'problem' in compiled ? compiled.problem : undefined;
}

export interface ProfileProblem {
  path: string;
  message: Message;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isMessage = (v: unknown): v is Message => isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string';

/** A user profile as data, or the problems that keep it out. A profile with any problem is left out whole. */
export function validateProfile(json: unknown, at: string, reservedIds: readonly string[]): { profile?: Profile; problems: ProfileProblem[] } {
  const problems: ProfileProblem[] = [];
  const problem = (path: string, zh: string, en: string) => problems.push({ path: `${at}${path}`, message: { zh, en } });
  const patterns = (value: unknown, path: string): string[] => {
    if (!Array.isArray(value)) {
      problem(path, '应为正则表达式字符串的数组', 'must be an array of regular expressions');
      return [];
    }
    value.forEach((p, k) => {
      const why = patternProblem(p);
      if (why) problem(`${path}[${k}]`, `模式${why.zh}`, `the pattern is ${why.en}`);
    });
    return value as string[];
  };
  if (!isObject(json)) {
    problem('', '报告类型应为对象', 'a profile must be an object');
    return { problems };
  }
  if (typeof json.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,40}$/.test(json.id)) problem('.id', 'id 应为小写字母、数字和连字符', 'id must be lower-case letters, digits and hyphens');
  else if (reservedIds.includes(json.id)) problem('.id', `id“${json.id}”已被占用`, `id "${json.id}" is taken`);
  if (!isMessage(json.name)) problem('.name', 'name 应为 { "zh": …, "en": … }', 'name must be { "zh": …, "en": … }');
  if (!isObject(json.detect)) problem('.detect', 'detect 应为 { "title": [正则…] }', 'detect must be { "title": [patterns…] }');
  else patterns(json.detect.title, '.detect.title');
  const items: ProfileItem[] = [];
  if (!Array.isArray(json.items) || json.items.length === 0) {
    problem('.items', 'items 应为非空数组', 'items must be a non-empty array');
  } else {
    json.items.forEach((item, k) => {
      const ip = `.items[${k}]`;
      if (!isObject(item)) {
        problem(ip, '应为对象', 'must be an object');
        return;
      }
      if (typeof item.id !== 'string' || item.id === '') problem(`${ip}.id`, 'id 应为非空字符串', 'id must be a non-empty string');
      if (!isMessage(item.name)) problem(`${ip}.name`, 'name 应为 { "zh": …, "en": … }', 'name must be { "zh": …, "en": … }');
      if (typeof item.required !== 'boolean') problem(`${ip}.required`, 'required 应为 true 或 false', 'required must be true or false');
      patterns(item.headings, `${ip}.headings`);
      if (item.notHeadings !== undefined) patterns(item.notHeadings, `${ip}.notHeadings`);
      if (item.body !== undefined) patterns(item.body, `${ip}.body`);
      if (item.bodyActors !== undefined) patterns(item.bodyActors, `${ip}.bodyActors`);
      // {Y}/{Y+1} become four digits before the pattern runs: check it as it will run.
      if (item.opening !== undefined) {
        patterns(Array.isArray(item.opening) ? item.opening.map((s) => (typeof s === 'string' ? s.replace(/\{Y(?:\+1)?\}/g, '2000') : s)) : item.opening, `${ip}.opening`);
      }
      if (item.yearOffset !== undefined && item.yearOffset !== 0 && item.yearOffset !== 1) problem(`${ip}.yearOffset`, 'yearOffset 应为 0 或 1', 'yearOffset must be 0 or 1');
      if (item.maxLevel !== undefined && ![1, 2, 3, 4].includes(item.maxLevel as number)) problem(`${ip}.maxLevel`, 'maxLevel 应为 1 到 4', 'maxLevel must be 1 to 4');
      const skeleton = item.skeleton;
      if (!isObject(skeleton) || typeof skeleton.heading !== 'string' || typeof skeleton.paragraph !== 'string') {
        problem(`${ip}.skeleton`, 'skeleton 应为 { "heading": …, "paragraph": … }', 'skeleton must be { "heading": …, "paragraph": … }');
      } else if (skeleton.table !== undefined && !(typeof skeleton.table === 'string' && isTemplateTable(skeleton.table))) {
        problem(`${ip}.skeleton.table`, 'skeleton.table 只能是 "proactive"、"requests" 或 "reviews"（政府信息公开年度报告的表二、表三、表四）',
          'skeleton.table must be "proactive", "requests" or "reviews" (tables 2, 3 and 4 of a disclosure report)');
      }
      items.push(item as unknown as ProfileItem);
    });
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    profile: {
      id: json.id as string, name: json.name as Message, sources: [], detect: { title: (json.detect as { title: string[] }).title }, items,
    },
  };
}
