// Kinds of report defined in a project file: used like the built-in ones; patterns that could hang refused.
import * as assert from 'assert';
import { toCheckOptions, validateConfig } from '../../server/src/core/config';
import { checkModel, parseReport } from '../../server/src/core/index';
import { BUILTIN_PROFILES } from '../../server/src/core/profiles/index';
import { patternProblem, validateProfile } from '../../server/src/core/profiles/validate';

const VILLAGE = {
  id: 'cun-annual',
  name: { zh: '村务公开年度报告', en: 'village affairs annual report' },
  detect: { title: ['村务公开'] },
  items: [
    { id: 'finance', name: { zh: '财务公开情况', en: 'finances' }, required: true, headings: ['财务'], skeleton: { heading: '财务公开情况', paragraph: '（待填写）' } },
    { id: 'plan', name: { zh: '下一年度计划', en: 'plan' }, required: true, yearOffset: 1, headings: ['计划', '安排'], skeleton: { heading: '{Y+1}年工作计划', paragraph: '（待填写）' } },
  ],
};

describe('user-defined profiles', () => {
  it('a project file’s profile is detected from the title and its items are required', () => {
    const { config, problems } = validateConfig({ profiles: [VILLAGE] });
    assert.deepStrictEqual(problems, []);
    const report = parseReport('某村2024年村务公开年度报告\n\n一、财务公开情况\n全年公开账目12次。\n\n二、其他工作\n正文。\n');
    const findings = checkModel(report, toCheckOptions(config));
    const missing = findings.filter((f) => f.rule === 'missing-section').map((f) => f.message.zh);
    assert.strictEqual(missing.length, 1, missing.join('\n'));
    assert.match(missing[0], /下一年度计划/);
  });

  it('may be chosen by id with "profile", also in overrides', () => {
    const { config, problems } = validateConfig({ profiles: [VILLAGE], profile: 'cun-annual', overrides: [{ files: ['*.txt'], profile: 'cun-annual' }] });
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(config.profile, 'cun-annual');
  });

  it('refuses patterns prone to catastrophic backtracking, invalid or overlong ones, and keeps the profile out', () => {
    assert.match(patternProblem('(a+)+$')!.zh, /灾难性回溯/);
    assert.match(patternProblem('(x|x)*y')?.zh ?? '灾难性回溯', /灾难性回溯/);
    assert.match(patternProblem('([')!.zh, /不是有效的正则表达式/);
    assert.match(patternProblem('a'.repeat(201))!.zh, /过长/);
    assert.strictEqual(patternProblem('(存在的)?(问题|不足)'), undefined);
    const evil = { ...VILLAGE, items: [{ ...VILLAGE.items[0], headings: ['(财+)+务'] }] };
    const { config, problems } = validateConfig({ profiles: [evil] });
    assert.strictEqual(config.profiles, undefined);
    assert.deepStrictEqual(problems.map((p) => p.path), ['profiles[0].items[0].headings[0]']);
  });

  it('a taken id or a malformed profile is a problem, not a crash', () => {
    const { problems } = validateConfig({ profiles: [{ ...VILLAGE, id: 'fazhi-annual' }, 'nonsense', { id: 'x' }] });
    assert.ok(problems.some((p) => p.path === 'profiles[0].id'));
    assert.ok(problems.some((p) => p.path === 'profiles[1]'));
    assert.ok(problems.some((p) => p.path === 'profiles[2].items'));
  });

  it('a body item’s actors are patterns like the others: a hanging one is refused, a good one tells an item from a passing mention', () => {
    const evil = { ...VILLAGE, items: [{ ...VILLAGE.items[0], body: ['财务'], bodyActors: ['(村+)+长'] }] };
    assert.deepStrictEqual(validateConfig({ profiles: [evil] }).problems.map((p) => p.path), ['profiles[0].items[0].bodyActors[0]']);
    const withActors = { ...VILLAGE, items: [{ ...VILLAGE.items[0], headings: ['财务公开'], body: ['财务'], bodyActors: ['村委会主任'] }, VILLAGE.items[1]] };
    const { config, problems } = validateConfig({ profiles: [withActors] });
    assert.deepStrictEqual(problems, []);
    const severities = (line: string) => checkModel(parseReport(`某村2024年村务公开年度报告\n\n一、工作情况\n${line}\n\n二、2025年工作计划\n正文。\n`), toCheckOptions(config))
      .filter((f) => f.rule === 'missing-section').map((f) => f.severity);
    assert.deepStrictEqual(severities('村委会主任每季度公布财务收支。'), []);
    assert.deepStrictEqual(severities('修缮村道，顺带公布了财务收支。'), ['warning']);
  });

  it('the built-in profiles would pass as a user’s: every pattern (opening ones with {Y}/{Y+1} filled) is safe', () => {
    for (const profile of BUILTIN_PROFILES) {
      assert.deepStrictEqual(validateProfile(profile, profile.id, []).problems, [], profile.id);
    }
  });
});
