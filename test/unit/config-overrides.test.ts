import * as assert from 'assert/strict';
import { configForFile, validateConfig, type GovReportConfig } from '../../server/src/core/config';

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
  });

  it('leaves a file no pattern matches, or a report outside any project, as it is', () => {
    assert.deepEqual(configForFile(config, '乡镇/岳溪镇2023年法治政府建设年度报告.txt'), config);
    assert.equal(configForFile(config, undefined), config);
    assert.equal(configForFile({ profile: 'none' }, 'a.txt').profile, 'none');
  });

  it('validates overrides, keeping what is valid and describing what is not, in both languages', () => {
    const { config: valid, problems } = validateConfig({
      overrides: [
        { files: '*.md', profile: 'gov-info-annual' },
        { files: [], profile: 'none' },
        { files: ['a.txt'], profile: 'nonsense', rules: { 'no-such-rule': 'off', 'title': 'loud' }, extra: 1 },
        'not an object',
      ],
    });
    assert.deepEqual(valid.overrides, [{ files: ['*.md'], profile: 'gov-info-annual' }, { files: ['a.txt'], rules: {} }]);
    assert.deepEqual(problems.map((p) => p.path), [
      'overrides[1].files', 'overrides[2].profile', 'overrides[2].rules.no-such-rule', 'overrides[2].rules.title', 'overrides[2].extra', 'overrides[3]',
    ]);
    assert.ok(problems.every((p) => p.message.zh && p.message.en));
    assert.deepEqual(validateConfig({ overrides: {} }).problems.map((p) => p.path), ['overrides']);
  });
});
