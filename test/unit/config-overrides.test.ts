import * as assert from 'assert/strict';
import { configForFile, mergeConfig, overrideMatches, toCheckOptions, validateConfig, type GovReportConfig } from '../../server/src/core/config';

describe('config overrides', () => {
  const config: GovReportConfig = {
    profile: 'auto',
    rules: { 'section-order': 'off', 'artifact': 'error' },
    overrides: [
      { files: ['信息公开/**'], profile: 'gov-info-annual' },
      { files: ['*政务公开*.txt'], profile: 'gov-info-annual', rules: { 'title': 'off' } },
      { files: ['信息公开/2023/*.txt'], rules: { 'artifact': 'hint' } },
    ],
  };

  it('folds in the overrides whose patterns match, later ones winning, rules merged rule by rule', () => {
    assert.deepEqual(configForFile(config, '信息公开/2023/年报.txt'), {
      ...config, profile: 'gov-info-annual', rules: { 'section-order': 'off', 'artifact': 'hint' },
    });
  });

  it('matches a pattern without a slash against the file name at any depth', () => {
    const c = configForFile(config, '乡镇/岳溪镇/2023年政务公开工作年度报告.txt');
    assert.equal(c.profile, 'gov-info-annual');
    assert.deepEqual(c.rules, { 'section-order': 'off', 'artifact': 'error', 'title': 'off' });
    assert.equal(configForFile(config, '2023年政务公开工作年度报告.txt').profile, 'gov-info-annual', 'at the top too');
    assert.equal(configForFile(config, '乡镇/2023年政务公开工作年度报告.md').profile, 'auto', 'the extension is part of the name');
  });

  it('anchors a pattern with a slash at the project file\'s folder; ** spans folders, * does not', () => {
    const match = (pattern: string, file: string) => overrideMatches({ files: [pattern] }, file);
    assert.ok(match('信息公开/**', '信息公开/a.txt'));
    assert.ok(match('信息公开/**', '信息公开/2023/乡镇/a.txt'));
    assert.ok(!match('信息公开/**', '区县/信息公开/a.txt'));
    assert.ok(match('**/信息公开/*.txt', '区县/信息公开/a.txt'));
    assert.ok(match('**/信息公开/*.txt', '信息公开/a.txt'));
    assert.ok(match('信息公开/*.txt', '信息公开/a.txt'));
    assert.ok(!match('信息公开/*.txt', '信息公开/2023/a.txt'));
    assert.ok(match('/a.txt', 'a.txt') && !match('/a.txt', 'b/a.txt'), 'a leading slash anchors');
    assert.ok(match('./a.txt', 'a.txt') && !match('./a.txt', 'b/a.txt'), 'so does ./');
    assert.ok(match('信息公开/', '信息公开/2023/a.txt'), 'a trailing slash names a folder');
    assert.ok(match('信息公开\\**', '信息公开/2023/a.txt'), 'backslashes are separators');
    assert.ok(match('*.txt', '.草稿/a.txt') && match('.*.txt', '.a.txt'), 'dot files and folders match like any other');
    assert.ok(!match('*.TXT', 'a.txt'), 'case matters');
    assert.ok(match('{2022,2023}年*.txt', '区县/2023年报告.txt'), 'braces');
    assert.ok(match('#1.txt', '#1.txt'), 'no comments');
  });

  it('takes several patterns as alternatives, and \'!\' patterns as exclusions', () => {
    const o = { files: ['信息公开/**', '*政务公开*.txt', '!**/草稿*'] };
    assert.ok(overrideMatches(o, '信息公开/a.txt'));
    assert.ok(overrideMatches(o, '乡镇/政务公开年报.txt'));
    assert.ok(!overrideMatches(o, '信息公开/草稿.txt'));
    assert.ok(!overrideMatches(o, '乡镇/法治政府年报.txt'));
    assert.ok(overrideMatches({ files: ['!*.md'] }, 'a/b.txt') && !overrideMatches({ files: ['!*.md'] }, 'a/b.md'));
  });

  it('lets the later of two matching overrides decide the profile, whichever order they come in', () => {
    const two = (first: string, second: string): GovReportConfig => ({
      overrides: [{ files: ['**'], profile: first }, { files: ['*.txt'], profile: second }],
    });
    assert.equal(configForFile(two('none', 'gov-info-annual'), 'a/b.txt').profile, 'gov-info-annual');
    assert.equal(configForFile(two('gov-info-annual', 'none'), 'a/b.txt').profile, 'none');
    assert.equal(configForFile(two('gov-info-annual', 'none'), 'a/b.md').profile, 'gov-info-annual', 'only the first matches');
  });

  it('leaves a file no pattern matches, or a report outside any project, as it is', () => {
    assert.deepEqual(configForFile(config, '乡镇/岳溪镇2023年法治政府建设年度报告.txt'), config);
    assert.equal(configForFile(config, undefined), config);
    assert.equal(configForFile({ profile: 'none' }, 'a.txt').profile, 'none');
  });

  it('does not change the config it was given, and keeps the ignore list of the top level', () => {
    const ignore = [{ rule: 'title', file: 'a.txt', text: 'x' }];
    const top: GovReportConfig = { rules: { title: 'error' }, ignore, overrides: [{ files: ['a.txt'], rules: { title: 'off' } }] };
    const copy = structuredClone(top);
    const c = configForFile(top, 'a.txt');
    assert.deepEqual(c.rules, { title: 'off' });
    assert.equal(c.ignore, ignore);
    assert.deepEqual(top, copy);
  });

  it('wins over the project file\'s top level, which wins over the settings', () => {
    const settings: GovReportConfig = { profile: 'none', rules: { 'title': 'hint', 'artifact': 'hint', 'signature': 'hint' } };
    const project: GovReportConfig = {
      profile: 'fazhi-annual', rules: { 'artifact': 'error', 'signature': 'error' },
      overrides: [{ files: ['*政务公开*'], profile: 'gov-info-annual', rules: { 'signature': 'off' } }],
    };
    const c = configForFile(mergeConfig(settings, project), '乡镇/政务公开年报.txt');
    assert.deepEqual(toCheckOptions(c), { profile: 'gov-info-annual', severities: { 'title': 'hint', 'artifact': 'error', 'signature': 'off' } });
    assert.equal(configForFile(mergeConfig(settings, project), '乡镇/法治年报.txt').profile, 'fazhi-annual');
  });

  it('validates overrides, keeping what is valid and describing what is not, in both languages', () => {
    const { config: valid, problems } = validateConfig({
      overrides: [
        { files: '*.md', profile: 'gov-info-annual' },
        { files: [], profile: 'none' },
        { files: ['a.txt'], profile: 'nonsense', rules: { 'no-such-rule': 'off', 'title': 'loud' }, extra: 1 },
        'not an object',
        { profile: 'none' },
        { files: ['b.txt', 3, '', 'c/**'], rules: { 'title': 'off' } },
        { files: 7 },
        { files: '  ', profile: 'unknown' },
      ],
    });
    assert.deepEqual(valid.overrides, [
      { files: ['*.md'], profile: 'gov-info-annual' },
      { files: ['a.txt'], rules: {} },
      { files: ['b.txt', 'c/**'], rules: { 'title': 'off' } },
    ]);
    assert.deepEqual(problems.map((p) => p.path), [
      'overrides[1].files',
      'overrides[2].profile', 'overrides[2].rules.no-such-rule', 'overrides[2].rules.title', 'overrides[2].extra',
      'overrides[3]',
      'overrides[4].files',
      'overrides[5].files[1]', 'overrides[5].files[2]',
      'overrides[6].files',
      'overrides[7].files', 'overrides[7].profile',
    ]);
    assert.ok(problems.every((p) => /[\u4e00-\u9fff]/.test(p.message.zh) && /^[\x20-\x7e]+$/.test(p.message.en.replace(/[“”→]/g, ''))));
    const byPath = (path: string) => problems.find((p) => p.path === path)!.message;
    assert.match(byPath('overrides[4].files').zh, /缺少 files/);
    assert.match(byPath('overrides[4].files').en, /needs "files"/);
    assert.match(byPath('overrides[1].files').en, /empty array/);
    assert.match(byPath('overrides[5].files[1]').zh, /非空字符串/);
    assert.match(byPath('overrides[6].files').en, /not a number/);
    assert.match(byPath('overrides[2].profile').zh, /未知的报告类型“nonsense”/);

    const notArray = validateConfig({ overrides: {}, profile: 'none' });
    assert.deepEqual(notArray.problems.map((p) => p.path), ['overrides']);
    assert.match(notArray.problems[0].message.zh, /overrides 应为数组，实际为对象/);
    assert.deepEqual(notArray.config, { profile: 'none' }, 'the rest of the file still counts');
  });

  it('refuses extglobs and overlong globs, leaving that override out whole and the rest of the file in force (issue 18)', () => {
    const extglob = '+(a|a)'.repeat(20) + 'b';
    const { config, problems } = validateConfig({
      profile: 'none',
      rules: { title: 'off' },
      overrides: [
        { files: ['*.txt', `!${extglob}`], profile: 'gov-info-annual' },
        { files: '*'.repeat(65_536), profile: 'gov-info-annual' },
        { files: ['信息公开/**'], profile: 'gov-info-annual' },
      ],
    });
    assert.deepEqual(problems.map((p) => p.path), ['overrides[0].files[1]', 'overrides[1].files']);
    assert.match(problems[0].message.zh, /不支持扩展模式“\+\(…\)”.*此条 override 未生效/);
    assert.match(problems[1].message.en, /too long \(65536 characters, at most 1000\); the override is not applied/);
    assert.ok(problems.every((p) => p.message.zh.length < 200), 'one line, without the pattern itself');
    assert.deepEqual(config.overrides, [{ files: ['信息公开/**'], profile: 'gov-info-annual' }]);
    assert.equal(config.profile, 'none');
    assert.deepEqual(config.rules, { title: 'off' });
    assert.equal(configForFile(config, 'a.txt').profile, 'none', 'the refused override spares every file');
  });

  it('matches a glob that makes a backtracking matcher explode against a 40-character name at once', () => {
    const { config, problems } = validateConfig({ overrides: [{ files: ['*a'.repeat(30) + '*b'], profile: 'none' }] });
    assert.deepEqual(problems, []);
    const start = performance.now();
    assert.equal(configForFile(config, 'a'.repeat(40)).profile, undefined);
    assert.ok(performance.now() - start < 500);
  });
});
