// Kinds of report defined in a project file: used like the built-in ones; their patterns run on the linear-time
// engine, and those it cannot run are refused with the key that holds them.
import * as assert from 'assert';
import { toCheckOptions, validateConfig } from '../../server/src/core/config';
import { checkModel, parseReport, type CheckOptions } from '../../server/src/core/index';
import safeRegex from 'safe-regex2';
import { BUILTIN_PROFILES, resolveProfile, type Profile } from '../../server/src/core/profiles/index';
import { compileUserPattern } from '../../server/src/core/profiles/patterns';
import { patternProblem, validateProfile } from '../../server/src/core/profiles/validate';
import { allSeeds } from '../helpers/seeds';

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

  it('is tried before the built-in ones: a user profile whose title words overlap theirs wins', () => {
    const county = { ...VILLAGE, id: 'county-fazhi', detect: { title: ['法治政府建设'] } };
    const { config, problems } = validateConfig({ profiles: [county] });
    assert.deepStrictEqual(problems, []);
    const report = parseReport('某县2024年法治政府建设年度报告\n\n一、财务公开情况\n正文。\n');
    assert.strictEqual(resolveProfile(report, 'auto', toCheckOptions(config).extraProfiles)?.id, 'county-fazhi');
    // Without it, the built-in profile; and of the built-in ones the more specific subject first.
    assert.strictEqual(resolveProfile(report)?.id, 'fazhi-annual');
    assert.strictEqual(resolveProfile(parseReport('某县政府法治政府建设暨政府信息公开工作年度报告\n一、总体情况\n正文。\n'))?.id, 'gov-info-annual');
  });

  it('may be chosen by id with "profile", also in overrides', () => {
    const { config, problems } = validateConfig({ profiles: [VILLAGE], profile: 'cun-annual', overrides: [{ files: ['*.txt'], profile: 'cun-annual' }] });
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(config.profile, 'cun-annual');
  });

  it('refuses patterns RE2 cannot run, invalid or overlong ones, and keeps the profile out', () => {
    assert.match(patternProblem('(a+)\\1*b')!.zh, /反向引用/);
    assert.match(patternProblem('(?<y>年)\\k<y>')!.zh, /反向引用/);
    assert.match(patternProblem('(?=存在)问题')!.zh, /前瞻断言/);
    assert.match(patternProblem('(?!下一步)计划')!.en, /lookahead/);
    assert.match(patternProblem('([')!.zh, /不是有效的正则表达式/);
    assert.match(patternProblem('a{1001}')!.zh, /不是有效的正则表达式/);
    assert.match(patternProblem('年{1000}度{1000}报告')!.zh, /过于复杂/);
    assert.match(patternProblem('a'.repeat(201))!.zh, /过长/);
    assert.strictEqual(patternProblem('(存在的)?(问题|不足)'), undefined);
    const evil = { ...VILLAGE, items: [{ ...VILLAGE.items[0], headings: ['(财+)\\1务'] }] };
    const { config, problems } = validateConfig({ profiles: [evil] });
    assert.strictEqual(config.profiles, undefined);
    assert.deepStrictEqual(problems.map((p) => p.path), ['profiles[0].items[0].headings[0]']);
    assert.match(problems[0].message.zh, /模式含反向引用/);
  });

  it('a taken id or a malformed profile is a problem, not a crash', () => {
    const { problems } = validateConfig({ profiles: [{ ...VILLAGE, id: 'fazhi-annual' }, 'nonsense', { id: 'x' }] });
    assert.ok(problems.some((p) => p.path === 'profiles[0].id'));
    assert.ok(problems.some((p) => p.path === 'profiles[1]'));
    assert.ok(problems.some((p) => p.path === 'profiles[2].items'));
  });

  it('a body item’s actors are patterns like the others: one RE2 cannot run is refused, a good one tells an item from a passing mention', () => {
    const evil = { ...VILLAGE, items: [{ ...VILLAGE.items[0], body: ['财务'], bodyActors: ['(?=村)村长'] }] };
    assert.deepStrictEqual(validateConfig({ profiles: [evil] }).problems.map((p) => p.path), ['profiles[0].items[0].bodyActors[0]']);
    const withActors = { ...VILLAGE, items: [{ ...VILLAGE.items[0], headings: ['财务公开'], body: ['财务'], bodyActors: ['村委会主任'] }, VILLAGE.items[1]] };
    const { config, problems } = validateConfig({ profiles: [withActors] });
    assert.deepStrictEqual(problems, []);
    const severities = (line: string) => checkModel(parseReport(`某村2024年村务公开年度报告\n\n一、工作情况\n${line}\n\n二、2025年工作计划\n正文。\n`), toCheckOptions(config))
      .filter((f) => f.rule === 'missing-section').map((f) => f.severity);
    assert.deepStrictEqual(severities('村委会主任每季度公布财务收支。'), []);
    assert.deepStrictEqual(severities('修缮村道，顺带公布了财务收支。'), ['warning']);
  });

  it('the built-in profiles would pass as a user’s, and match alike on the linear engine; run natively, they are free of nested repetition', () => {
    const texts = allSeeds().flatMap(({ text }) => {
      const m = parseReport(text);
      return [m.title?.text ?? '', ...m.headings.map((h) => h.title), ...m.paragraphs.map((p) => p.text)];
    });
    for (const profile of BUILTIN_PROFILES) {
      assert.deepStrictEqual(validateProfile(profile, profile.id, []).problems, [], profile.id);
      for (const source of allPatterns(profile)) {
        assert.ok(safeRegex(source), `${profile.id}: ${source}`);
        const re2 = compileUserPattern(source);
        assert.ok('pattern' in re2, source);
        const native = new RegExp(source);
        for (const text of texts) {
          const a = native.exec(text);
          const b = re2.pattern.exec(text);
          assert.deepStrictEqual(b && [b.index, b[0]], a && [a.index, a[0]], `${source} on ${text.slice(0, 40)}`);
        }
      }
    }
  });
});

/** Every pattern of a profile, opening ones with the years filled in. */
function allPatterns(profile: Profile): string[] {
  return [...profile.detect.title, ...profile.items.flatMap((i) => [
    ...i.headings, ...(i.notHeadings ?? []), ...(i.body ?? []), ...(i.bodyActors ?? []), ...(i.opening ?? []).map((s) => s.replace(/\{Y(?:\+1)?\}/g, '2023')),
  ])];
}

/** Milliseconds a call takes. */
function timed(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

describe('user patterns run in linear time (issue 18)', () => {
  // Each was accepted by the old check (safe-regex2), and the first blocked the CLI for 50 s on a 32-character title.
  const CASES: { source: string; accepted: boolean; hostile: (n: number) => string }[] = [
    { source: String.raw`(\S|[\u4e00-\u9fa5])*年度报告$`, accepted: true, hostile: (n) => '某'.repeat(n - 5) + '年度报告书' },
    { source: '(a|a)*b', accepted: true, hostile: (n) => 'a'.repeat(n) },
    { source: String.raw`(a+)\1*b`, accepted: false, hostile: (n) => 'a'.repeat(n) },
    { source: String.raw`\s*\s*\s*x`, accepted: true, hostile: (n) => ' \u3000'.repeat(n / 2) },
  ];

  for (const { source, accepted, hostile } of CASES) {
    it(`${source}: ${accepted ? 'accepted, and matches a 32-character and a 100 KB title in well under a second' : 'refused with a reason'}`, () => {
      const compiled = compileUserPattern(source);
      if (!accepted) {
        assert.ok('problem' in compiled);
        assert.match(compiled.problem.zh, /反向引用/);
        assert.match(compiled.problem.en, /backreference/);
        return;
      }
      assert.ok('pattern' in compiled, JSON.stringify(compiled));
      for (const n of [32, 100_000]) {
        const title = hostile(n);
        assert.ok(timed(() => assert.strictEqual(compiled.pattern.test(title), false)) < 1000, `${n} characters`);
      }
    });
  }

  it('a hostile detect.title pattern does not hold up checking a report whose title it almost matches', () => {
    const hostile = { ...VILLAGE, detect: { title: [String.raw`(\S|[\u4e00-\u9fa5])*年度报告$`] } };
    const { config, problems } = validateConfig({ profiles: [hostile] });
    assert.deepStrictEqual(problems, []);
    // 32 characters ending just short of the pattern, and matching no built-in profile's: a backtracking engine tries
    // every split of the title (18 s for 31 characters).
    const report = parseReport('某县某某镇某某村二〇二四年度村务公开财务公开工作情况的年度报告）\n\n一、财务公开情况\n全年公开账目12次。\n');
    assert.ok(report.isReport && report.title?.text.length === 32, 'a report, whose title the patterns run on');
    const ms = timed(() => checkModel(report, toCheckOptions(config)));
    assert.ok(ms < 1000, `${ms} ms`);
    assert.strictEqual(resolveProfile(parseReport('某村2024年村务公开年度报告\n\n一、财务公开情况\n正文。\n'), 'auto', config.profiles)?.id, 'cun-annual');
  });

  it('reads JavaScript syntax as JavaScript does: \\uXXXX, \\s with the full-width space, named groups, identity escapes, [\\b], lookbehind', () => {
    const matches = (source: string, text: string) => {
      const compiled = compileUserPattern(source);
      assert.ok('pattern' in compiled, `${source}: ${JSON.stringify(compiled)}`);
      return compiled.pattern.test(text);
    };
    assert.ok(matches(String.raw`^[\u4e00-\u9fa5]+$`, '村务公开'));
    assert.ok(matches(String.raw`存在\s问题`, '存在\u3000问题') && matches(String.raw`存在[\s，]问题`, '存在\u3000问题'));
    assert.ok(!matches(String.raw`存在\S问题`, '存在\u3000问题') && matches(String.raw`^[\S]+$`, '存在问题'));
    assert.ok(matches(String.raw`^[\s\S]{4}$`, '存在 题') && !matches(String.raw`^[^\s]+$`, '存在\u3000问题'));
    assert.ok(matches('(?<year>\\d{4})年', '2024年'));
    assert.ok(matches(String.raw`\年度`, '年度') && matches(String.raw`a\/b`, 'a/b'));
    assert.ok(matches(String.raw`[\b]`, '\b') && matches(String.raw`\bab\b`, 'x ab y'));
    assert.ok(matches('(?<!未)完成', '已完成') && !matches('(?<!未)完成', '未完成'));
    assert.ok(!matches('[]', 'a') && matches('[^]', '\n'));
    assert.match(patternProblem(String.raw`[^\S，]`)!.zh, /否定字符类/);
  });

  it('a copy of a built-in profile, run as a user’s on RE2, finds what the built-in one finds on the seeds', () => {
    for (const builtin of BUILTIN_PROFILES) {
      const copy = { ...structuredClone(builtin), id: `my-${builtin.id}` };
      const { config, problems } = validateConfig({ profiles: [copy] });
      assert.deepStrictEqual(problems, []);
      for (const { name, text } of allSeeds().slice(0, 12)) {
        const model = parseReport(text);
        // The title rule knows the built-in profiles by id (the words each title must have); the rest follows the patterns.
        const found = (options: CheckOptions) => checkModel(model, options).filter((f) => f.rule !== 'title').map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity}`);
        assert.deepStrictEqual(found({ ...toCheckOptions(config), profile: copy.id }), found({ profile: builtin.id }), `${builtin.id} on ${name}`);
      }
    }
  });

  it('reports where a match is in UTF-16 code units, as the editor counts', () => {
    const compiled = compileUserPattern('财务');
    assert.ok('pattern' in compiled);
    const text = '😀公开财务';
    const m = compiled.pattern.exec(text);
    assert.deepStrictEqual(m && [m.index, m[0]], [text.indexOf('财务'), '财务']);
  });
});
