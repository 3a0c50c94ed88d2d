// Configuration as data: merging settings with the project file, validating both, recognising silenced
// findings, and the JSON schema and VS Code settings kept in step with the rule registry.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {
  checkOptionsKey, checkReportText, filterIgnored, ignoreEntryFor, ignoreText, isIgnored, mergeConfig, SEVERITY_SETTINGS,
  toCheckOptions, validateConfig, type GovReportConfig,
} from '../../server/src/core/config';
import { BUILTIN_PROFILES, checkModel, parseReport, RULES, type Finding } from '../../server/src/core/index';
import { buildNls, buildSchema, toJsonText, updateNls, updatePackageJson } from '../../scripts/config-contributions';
import { seedText } from '../helpers/seeds';

const ROOT = path.resolve(__dirname, '../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

describe('mergeConfig', () => {
  it('lets the project file win key by key, and merges rule severities rule by rule', () => {
    const settings: GovReportConfig = { profile: 'none', locale: 'en', rules: { 'numbering-duplicate': 'off', title: 'hint' } };
    const file: GovReportConfig = { profile: 'fazhi-annual', rules: { title: 'error', signature: 'off' } };
    assert.deepEqual(mergeConfig(settings, file), {
      profile: 'fazhi-annual',
      locale: 'en',
      rules: { 'numbering-duplicate': 'off', title: 'error', signature: 'off' },
    });
  });

  it('works with either side missing', () => {
    assert.deepEqual(mergeConfig(undefined, undefined), {});
    assert.deepEqual(mergeConfig({ profile: 'none' }, undefined), { profile: 'none' });
    assert.deepEqual(mergeConfig(undefined, { rules: { title: 'off' } }), { rules: { title: 'off' } });
  });

  it('takes the ignore list from the project file only (its paths are relative to that file)', () => {
    const entry = { rule: 'title', file: 'a.txt', text: 'x' };
    assert.deepEqual(mergeConfig({ ignore: [entry] }, {}).ignore, undefined);
    assert.deepEqual(mergeConfig({}, { ignore: [entry] }).ignore, [entry]);
  });
});

describe('validateConfig', () => {
  it('accepts a valid config as it is', () => {
    const json = {
      $schema: './node_modules/govreport/schemas/govreport.schema.json',
      profile: 'gov-info-annual',
      locale: 'en',
      rules: { 'numbering-duplicate': 'off', 'year-mismatch': 'error' },
      ignore: [{ rule: 'title', file: './sub\\report.txt', text: '关于2023年的报告', line: 1 }],
    };
    const { config, problems } = validateConfig(json);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      profile: 'gov-info-annual',
      locale: 'en',
      rules: { 'numbering-duplicate': 'off', 'year-mismatch': 'error' },
      ignore: [{ rule: 'title', file: 'sub/report.txt', text: '关于2023年的报告', line: 1 }],
    });
  });

  it('keeps what is valid, drops what is not, and says why in Chinese and English', () => {
    const { config, problems } = validateConfig({
      profile: 'annual',
      rules: { 'numbering-dup': 'off', title: 'fatal', signature: 'hint' },
      locale: 'fr',
      ignore: [{ rule: 'title', file: 'a.txt' }, 'x', { rule: 'nope', file: 'a.txt', text: 't' }, { rule: 'artifact', file: 'a.txt', text: 't', line: 0 }],
      severity: 'error',
    });
    assert.deepEqual(config, { rules: { signature: 'hint' }, ignore: [] });
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    assert.deepEqual(Object.keys(byPath).sort(), [
      'ignore[0].text', 'ignore[1]', 'ignore[2].rule', 'ignore[3].line', 'locale', 'profile', 'rules.numbering-dup', 'rules.title', 'severity',
    ]);
    assert.match(byPath['rules.numbering-dup'].zh, /未知的规则“numbering-dup”/);
    assert.match(byPath['rules.numbering-dup'].en, /unknown rule "numbering-dup"/);
    assert.match(byPath['rules.title'].zh, /级别应为 error、warning、information、hint、off 之一/);
    assert.match(byPath['profile'].zh, /未知的报告类型“annual”/);
    assert.match(byPath['severity'].en, /unknown setting "severity"/);
    for (const p of problems) assert.ok(/[\u4e00-\u9fff]/.test(p.message.zh) && /[a-z]/.test(p.message.en), p.path);
  });

  it('reports wrong types instead of throwing', () => {
    assert.match(validateConfig([1, 2]).problems[0].message.zh, /配置应为 JSON 对象，实际为数组/);
    assert.match(validateConfig({ rules: ['title'] }).problems[0].message.en, /rules must be an object/);
    assert.match(validateConfig({ ignore: {} }).problems[0].message.zh, /ignore 应为数组/);
    assert.match(validateConfig({ profile: 3 }).problems[0].message.zh, /profile 应为字符串，实际为数字/);
    assert.deepEqual(validateConfig(null), { config: {}, problems: [] });
  });

  it('takes maxFileSize in whole megabytes from 1 to 200: a stranger\'s project file cannot lift the limit out of sight', () => {
    assert.deepEqual(validateConfig({ maxFileSize: 50 }), { config: { maxFileSize: 50 }, problems: [] });
    for (const v of [0, 201, 1.5, '20', null]) {
      const { config, problems } = validateConfig({ maxFileSize: v });
      assert.equal(config.maxFileSize, undefined, JSON.stringify(v));
      assert.match(problems[0].message.zh, /maxFileSize 应为 1 到 200 的整数（MB）/);
    }
    assert.equal(mergeConfig({ maxFileSize: 5 }, { maxFileSize: 7 }).maxFileSize, 7, 'the project file wins');
    assert.equal(mergeConfig({ maxFileSize: 5 }, {}).maxFileSize, 5);
  });
});

describe('toCheckOptions', () => {
  it('carries the profile and the severities into CheckOptions, and they take effect', () => {
    const options = toCheckOptions({ profile: 'none', rules: { 'numbering-duplicate': 'off', 'numbering-style': 'error' } });
    assert.deepEqual(options, { profile: 'none', severities: { 'numbering-duplicate': 'off', 'numbering-style': 'error' } });
    const findings = checkModel(parseReport(seedText('003')), options);
    assert.ok(!findings.some((f) => f.rule === 'numbering-duplicate'), 'off turns the rule off');
    assert.ok(!findings.some((f) => f.rule === 'missing-section'), "profile 'none' checks no sections");
    assert.ok(findings.some((f) => f.rule === 'numbering-style' && f.severity === 'error'));
    assert.deepEqual(toCheckOptions({}), { profile: 'auto' });
  });

  it('keys configs that check alike together, whatever the order of their rules', () => {
    assert.equal(checkOptionsKey({ rules: { title: 'off', artifact: 'hint' } }), checkOptionsKey({ rules: { artifact: 'hint', title: 'off' }, locale: 'en' }));
    assert.notEqual(checkOptionsKey({ rules: { title: 'off' } }), checkOptionsKey({ rules: { title: 'hint' } }));
    assert.notEqual(checkOptionsKey({ profile: 'none' }), checkOptionsKey({}));
  });
});

describe('ignoring a finding', () => {
  const text = seedText('003');
  const findings = checkModel(parseReport(text));
  const duplicate = findings.find((f) => f.rule === 'numbering-duplicate')!;

  it('records the rule, the file, the text the finding covers and its line', () => {
    assert.deepEqual(ignoreEntryFor(duplicate, text, 'reports/003.txt'), { rule: 'numbering-duplicate', file: 'reports/003.txt', text: '三、', line: 37 });
  });

  it('silences that finding and no other, also after lines above it moved', () => {
    const config: GovReportConfig = { ignore: [ignoreEntryFor(duplicate, text, 'reports/003.txt')] };
    const left = filterIgnored(findings, text, 'reports/003.txt', config);
    assert.deepEqual(left, findings.filter((f) => f !== duplicate));
    const moved = '补充的一行\n\n' + text;
    const movedFindings = checkModel(parseReport(moved));
    assert.ok(movedFindings.some((f) => f.rule === 'numbering-duplicate' && f.range.start.line === 38));
    assert.ok(!filterIgnored(movedFindings, moved, 'reports/003.txt', config).some((f) => f.rule === 'numbering-duplicate'));
  });

  it('only in the file it names', () => {
    const config: GovReportConfig = { ignore: [ignoreEntryFor(duplicate, text, 'reports/003.txt')] };
    assert.equal(filterIgnored(findings, text, 'other/003.txt', config).length, findings.length);
    assert.equal(filterIgnored(findings, text, undefined, config).length, findings.length);
    assert.equal(isIgnored(duplicate, '三、', 'reports/003.txt', config), true);
    assert.equal(isIgnored(duplicate, '三、', './reports\\003.txt', config), true, 'paths compare normalised');
    assert.equal(isIgnored(duplicate, '四、', 'reports/003.txt', config), false, 'different text');
    assert.equal(isIgnored({ ...duplicate, rule: 'numbering-gap' }, '三、', 'reports/003.txt', config), false, 'different rule');
  });

  it('picks the twin nearest its line when several findings cover the same text', () => {
    const twin = (line: number): Finding => ({ rule: 'numbering-duplicate', severity: 'error', range: { start: { line, character: 0 }, end: { line, character: 2 } }, message: { zh: '重复', en: 'dup' } });
    const twinText = '一、甲\n三、乙\n三、丙\n三、丁\n';
    const twins = [twin(1), twin(2), twin(3)];
    const left = filterIgnored(twins, twinText, 'a.txt', { ignore: [{ rule: 'numbering-duplicate', file: 'a.txt', text: '三、', line: 3 }] });
    assert.deepEqual(left.map((f) => f.range.start.line), [1, 3]);
    const two = filterIgnored(twins, twinText, 'a.txt', { ignore: [{ rule: 'numbering-duplicate', file: 'a.txt', text: '三、', line: 3 }, { rule: 'numbering-duplicate', file: 'a.txt', text: '三、', line: 3 }] });
    assert.equal(two.length, 1, 'a second entry for the same line silences the next twin, not the same one again');
    assert.equal(filterIgnored(twins, twinText, 'a.txt', { ignore: [{ rule: 'numbering-duplicate', file: 'a.txt', text: '三、' }] }).length, 0, 'without a line: all');
  });

  it('writes line breaks as \\n and shortens long stretches to their two ends', () => {
    assert.equal(ignoreText('甲\r\n乙\r丙'), '甲\n乙\n丙');
    const long = '网'.repeat(150) + '页'.repeat(150);
    const short = ignoreText(long);
    assert.ok(short.length < 200 && short.startsWith('网'.repeat(90)) && short.endsWith('页'.repeat(90)) && short.includes('…'));
  });

  it('checkReportText applies severities and the ignore list, and is silent on text that is not a report', () => {
    const config: GovReportConfig = { rules: { 'numbering-style': 'off' }, ignore: [ignoreEntryFor(duplicate, text, 'r.txt')] };
    const shown = checkReportText(text, toCheckOptions(config), config, 'r.txt');
    assert.ok(!shown.some((f) => f.rule === 'numbering-duplicate' || f.rule === 'numbering-style'));
    assert.ok(shown.some((f) => f.rule === 'missing-section'));
    assert.deepEqual(checkReportText('# Notes\n\n一、这不是报告\n', toCheckOptions({}), {}, 'n.md'), []);
  });
});

describe('schema and settings in step with the rule registry', () => {
  // If one of these fails after a rule or profile was added: run `npm run generate:config`.
  const ruleIds = RULES.map((r) => r.id);
  const schema = readJson('schemas/govreport.schema.json');
  const pkg = readJson('package.json');
  const nlsEn = readJson('package.nls.json');
  const nlsZh = readJson('package.nls.zh-cn.json');

  it('the schema names exactly the registry\'s rules, in its order', () => {
    assert.deepEqual(schema.properties.rules.propertyNames.enum, ruleIds);
    assert.deepEqual(Object.keys(schema.properties.rules.properties), ruleIds);
    assert.deepEqual(schema.properties.ignore.items.properties.rule.enum, ruleIds);
    const override = schema.properties.overrides.items.properties;
    assert.deepEqual(override.rules.propertyNames.enum, ruleIds);
    assert.deepEqual(Object.keys(override.rules.properties), ruleIds);
    assert.deepEqual(override.profile.enum, schema.properties.profile.enum);
    assert.match(schema.properties.overrides.description, /不含“\/”的模式按文件名在任意层级匹配/);
  });

  it('the schema on disk is the one generated from the registry (Chinese descriptions, every severity)', () => {
    assert.deepEqual(schema, JSON.parse(toJsonText(buildSchema())));
    for (const rule of RULES) {
      const property = schema.properties.rules.properties[rule.id];
      assert.deepEqual(property.enum, SEVERITY_SETTINGS);
      assert.ok(property.description.includes(rule.description.zh), rule.id);
    }
  });

  it('the schema and the settings offer exactly the built-in profiles besides auto and none', () => {
    const profiles = ['auto', 'none', ...BUILTIN_PROFILES.map((p) => p.id)];
    assert.deepEqual(schema.properties.profile.enum, profiles);
    assert.deepEqual(pkg.contributes.configuration.properties['govreport.profile'].enum, profiles);
  });

  it('the schema accepts the keys validateConfig accepts, no more, no fewer', () => {
    assert.deepEqual(Object.keys(schema.properties).filter((k) => k !== '$schema').sort(), ['ignore', 'largeDocumentThreshold', 'locale', 'maxFileSize', 'overrides', 'profile', 'profiles', 'rules']);
    assert.deepEqual(Object.keys(schema.properties.ignore.items.properties).sort(), ['file', 'line', 'rule', 'text']);
    assert.deepEqual(Object.keys(schema.properties.overrides.items.properties).sort(), ['files', 'profile', 'rules']);
    assert.deepEqual(schema.properties.locale.enum, ['zh', 'en']);
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('VS Code settings list every rule with every severity, and the schema is contributed for .govreport.json', () => {
    const rules = pkg.contributes.configuration.properties['govreport.rules'];
    assert.deepEqual(Object.keys(rules.properties), ruleIds);
    for (const id of ruleIds) assert.deepEqual(rules.properties[id].enum, SEVERITY_SETTINGS);
    assert.deepEqual(pkg, updatePackageJson(readJson('package.json')), 'package.json is as generated');
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.govreport.json', url: './schemas/govreport.schema.json' }]);
    assert.ok(fs.existsSync(path.join(ROOT, pkg.contributes.jsonValidation[0].url)));
    assert.deepEqual(pkg.contributes.configuration.properties['govreport.locale'].enum, ['auto', 'zh', 'en']);
  });

  it('profiles may come from settings too, in the project file’s shape, and VS Code ignores workspace values of them in an untrusted workspace', () => {
    const setting = pkg.contributes.configuration.properties['govreport.profiles'];
    assert.equal(setting.type, 'array');
    assert.deepEqual(setting.items.required, schema.properties.profiles.items.required);
    assert.ok(!JSON.stringify(setting).includes('$ref'), 'a setting has no definitions to refer to');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['govreport.profiles']);
    // Every setting that holds patterns is restricted: only profiles do (ignore and overrides live in project files).
    const withPatterns = Object.keys(pkg.contributes.configuration.properties).filter((k) => /"headings"/.test(JSON.stringify(pkg.contributes.configuration.properties[k])));
    assert.deepEqual(withPatterns, ['govreport.profiles']);
  });

  it('every %key% in package.json exists in English and Chinese, and the Chinese is Chinese', () => {
    const nls = buildNls();
    assert.deepEqual(nlsEn, updateNls(nlsEn, nls.en), 'package.nls.json is as generated');
    assert.deepEqual(nlsZh, updateNls(nlsZh, nls.zh), 'package.nls.zh-cn.json is as generated');
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const key of keys) {
      assert.equal(typeof nlsEn[key], 'string', `package.nls.json: ${key}`);
      assert.equal(typeof nlsZh[key], 'string', `package.nls.zh-cn.json: ${key}`);
      // A command's alias is its title in the other language (test/unit/client/messages.test.ts checks those).
      if (!key.endsWith('.alias')) assert.match(nlsZh[key], /[\u4e00-\u9fff]/, `${key} in Chinese`);
    }
  });
});
