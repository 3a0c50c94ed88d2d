// The project file on disk: discovery upwards from a report, reading with a cache that notices changes,
// and recording an ignored finding without disturbing the rest of the file.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { configForFile } from '../../server/src/core/config';
import { WriteRefused } from '../../server/src/node/write';
import {
  addIgnoredFinding, findProjectConfig, loadProjectConfig, MAX_CONFIG_BYTES, projectConfigFor, relativeReportPath,
} from '../../server/src/node/config';

describe('project file .govreport.json', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-config-'));
    fs.mkdirSync(path.join(root, 'county', 'town'), { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (rel: string, text: string) => fs.writeFileSync(path.join(root, rel), text);

  it('is found in the report\'s folder or the nearest folder above it', () => {
    const report = path.join(root, 'county', 'town', 'report.txt');
    assert.equal(findProjectConfig(report), undefined);
    write('.govreport.json', '{}');
    assert.equal(findProjectConfig(report), path.join(root, '.govreport.json'));
    write('county/.govreport.json', '{}');
    assert.equal(findProjectConfig(report), path.join(root, 'county', '.govreport.json'));
    fs.mkdirSync(path.join(root, 'county', 'town', '.govreport.json'));
    assert.equal(findProjectConfig(report), path.join(root, 'county', '.govreport.json'), 'a folder of that name is not a config file');
  });

  it('is read, validated, and read again only when it changes', () => {
    const file = path.join(root, '.govreport.json');
    write('.govreport.json', JSON.stringify({ rules: { title: 'off', bogus: 'off' } }));
    const first = loadProjectConfig(file);
    assert.deepEqual(first.config, { rules: { title: 'off' } });
    assert.equal(first.problems.length, 1);
    assert.match(first.problems[0].message.zh, /未知的规则“bogus”/);
    assert.equal(loadProjectConfig(file), first, 'unchanged file: the cached result');
    write('.govreport.json', JSON.stringify({ rules: { title: 'error', signature: 'off' } }));
    const time = new Date(Date.now() + 5000);
    fs.utimesSync(file, time, time);
    assert.deepEqual(loadProjectConfig(file).config, { rules: { title: 'error', signature: 'off' } });
  });

  it('reports a file that is not JSON instead of failing, and accepts a BOM and an empty file', () => {
    write('.govreport.json', '{ "rules": ');
    const broken = loadProjectConfig(path.join(root, '.govreport.json'));
    assert.deepEqual(broken.config, {});
    assert.match(broken.problems[0].message.zh, /配置文件不是有效的 JSON/);
    write('county/.govreport.json', '\ufeff{"profile":"none"}');
    assert.deepEqual(projectConfigFor(path.join(root, 'county', 'town', 'r.txt'))!.config, { profile: 'none' });
    write('county/town/.govreport.json', '');
    assert.deepEqual(projectConfigFor(path.join(root, 'county', 'town', 'r.txt'))!.problems, []);
  });

  it('is not read when over the size limit: one problem, none of it applies; at the limit it is read, with its text', () => {
    const file = path.join(root, '.govreport.json');
    const padded = (bytes: number) => {
      const head = '{"rules":{"title":"off"},"ignore":[],"$schema":"';
      return head + 'x'.repeat(bytes - head.length - 2) + '"}';
    };
    write('.govreport.json', padded(MAX_CONFIG_BYTES));
    const atLimit = loadProjectConfig(file);
    assert.deepEqual(atLimit.config, { rules: { title: 'off' }, ignore: [] });
    assert.equal(atLimit.text?.length, MAX_CONFIG_BYTES);
    write('.govreport.json', padded(MAX_CONFIG_BYTES + 1));
    const over = loadProjectConfig(file);
    assert.deepEqual(over.config, {});
    assert.equal(over.text, undefined);
    assert.deepEqual(over.problems.map((p) => p.message.en), ['the configuration file is too large (1,048,577 bytes, at most 1,048,576, 1 MB); none of it applies']);
  });

  it('names reports relative to its folder with /', () => {
    assert.equal(relativeReportPath(path.join(root, '.govreport.json'), path.join(root, 'county', 'town', 'r.txt')), 'county/town/r.txt');
  });

  it('applies its overrides to the reports they name, by their path relative to its folder', () => {
    write('.govreport.json', JSON.stringify({
      profile: 'fazhi-annual',
      overrides: [{ files: ['county/town/**', '*政务公开*.txt'], profile: 'gov-info-annual', rules: { 'section-order': 'off' } }],
    }));
    const forReport = (rel: string) => {
      const report = path.join(root, ...rel.split('/'));
      const project = projectConfigFor(report)!;
      return configForFile(project.config, relativeReportPath(project.path, report));
    };
    assert.deepEqual(forReport('county/town/r.txt').rules, { 'section-order': 'off' });
    assert.equal(forReport('county/town/r.txt').profile, 'gov-info-annual');
    assert.equal(forReport('county/2023年政务公开年报.txt').profile, 'gov-info-annual');
    assert.equal(forReport('county/2023年法治政府年报.txt').profile, 'fazhi-annual');
    // A project file nearer the report replaces this one whole, overrides included.
    write('county/.govreport.json', '{}');
    assert.equal(forReport('county/town/r.txt').profile, undefined);
  });

  describe('addIgnoredFinding', () => {
    const report = () => path.join(root, 'county', 'town', '2023年法治政府建设年度报告.txt');

    it('creates the file beside the report when there is none, and names the report relative to it', () => {
      const result = addIgnoredFinding(report(), { rule: 'numbering-duplicate', reportPath: report(), text: '三、', line: 37 });
      assert.deepEqual(result, { configPath: path.join(root, 'county', 'town', '.govreport.json'), added: true });
      const text = fs.readFileSync(result.configPath, 'utf8');
      assert.equal(text, JSON.stringify({ ignore: [{ rule: 'numbering-duplicate', file: '2023年法治政府建设年度报告.txt', text: '三、', line: 37 }] }, null, 2) + '\n');
      assert.deepEqual(loadProjectConfig(result.configPath).config.ignore, [{ rule: 'numbering-duplicate', file: '2023年法治政府建设年度报告.txt', text: '三、', line: 37 }]);
    });

    it('adds to the nearest existing file, keeping its other keys, their order and its line ends', () => {
      write('.govreport.json', '{\r\n  "$schema": "./schemas/govreport.schema.json",\r\n  "rules": { "title": "off" },\r\n  "ignore": [ { "rule": "artifact", "file": "a.txt", "text": "x" } ],\r\n  "profile": "fazhi-annual",\r\n  "overrides": [ { "files": "*.md", "profile": "none" } ]\r\n}\r\n');
      const result = addIgnoredFinding(report(), { rule: 'title', reportPath: report(), text: '关于2023年的报告' });
      assert.equal(result.configPath, path.join(root, '.govreport.json'));
      const text = fs.readFileSync(result.configPath, 'utf8');
      assert.ok(!/[^\r]\n/.test(text), 'CRLF kept');
      const json = JSON.parse(text);
      assert.deepEqual(Object.keys(json), ['$schema', 'rules', 'ignore', 'profile', 'overrides']);
      assert.deepEqual(json.rules, { title: 'off' });
      assert.deepEqual(json.overrides, [{ files: '*.md', profile: 'none' }]);
      assert.deepEqual(json.ignore, [
        { rule: 'artifact', file: 'a.txt', text: 'x' },
        { rule: 'title', file: 'county/town/2023年法治政府建设年度报告.txt', text: '关于2023年的报告' },
      ]);
    });

    it('does not add the same entry twice', () => {
      const request = { rule: 'numbering-duplicate', reportPath: report(), text: '三、', line: 37 };
      addIgnoredFinding(report(), request);
      assert.equal(addIgnoredFinding(report(), request).added, false);
      assert.equal(JSON.parse(fs.readFileSync(path.join(root, 'county', 'town', '.govreport.json'), 'utf8')).ignore.length, 1);
    });

    it('writes to a config path given directly', () => {
      const configPath = path.join(root, 'county', '.govreport.json');
      assert.equal(addIgnoredFinding(configPath, { rule: 'title', reportPath: report(), text: 't' }).configPath, configPath);
      assert.equal(JSON.parse(fs.readFileSync(configPath, 'utf8')).ignore[0].file, 'town/2023年法治政府建设年度报告.txt');
    });

    it('leaves a file that is not valid JSON untouched and says so', () => {
      write('.govreport.json', '{ "rules": { "title": "off" }, ');
      assert.throws(() => addIgnoredFinding(report(), { rule: 'title', reportPath: report(), text: 't' }), SyntaxError);
      assert.equal(fs.readFileSync(path.join(root, '.govreport.json'), 'utf8'), '{ "rules": { "title": "off" }, ');
      write('.govreport.json', '[1]');
      assert.throws(() => addIgnoredFinding(report(), { rule: 'title', reportPath: report(), text: 't' }), /不是 JSON 对象/);
    });

    it('refuses a project file that is a link: neither the link nor the file it points to is written', function () {
      if (process.platform === 'win32') this.skip();
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-elsewhere-'));
      try {
        const outside = path.join(elsewhere, 'shared.json');
        fs.writeFileSync(outside, '{"rules":{"title":"off"}}');
        fs.symlinkSync(outside, path.join(root, '.govreport.json'));
        const refused = () => addIgnoredFinding(report(), { rule: 'title', reportPath: report(), text: 't', within: [root] });
        assert.throws(refused, (e: unknown) => e instanceof WriteRefused && /是链接，未写入/.test(e.reason.zh) && /is a link/.test(e.reason.en));
        assert.ok(fs.lstatSync(path.join(root, '.govreport.json')).isSymbolicLink(), 'still a link');
        assert.equal(fs.readFileSync(outside, 'utf8'), '{"rules":{"title":"off"}}');
      } finally {
        fs.rmSync(elsewhere, { recursive: true, force: true });
      }
    });

    it('refuses a project file outside the folders it may write in, also through a linked folder', function () {
      if (process.platform === 'win32') this.skip();
      const workspace = path.join(root, 'county', 'town');
      write('.govreport.json', '{}');
      assert.throws(() => addIgnoredFinding(report(), { rule: 'title', reportPath: report(), text: 't', within: [workspace] }),
        (e: unknown) => e instanceof WriteRefused && /不在工作区文件夹内/.test(e.reason.zh));
      assert.equal(fs.readFileSync(path.join(root, '.govreport.json'), 'utf8'), '{}');
      // A folder inside the workspace that is a link to a folder outside it.
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-elsewhere-'));
      try {
        fs.symlinkSync(elsewhere, path.join(workspace, 'linked'));
        const linkedReport = path.join(workspace, 'linked', 'r.txt');
        assert.throws(() => addIgnoredFinding(path.join(workspace, 'linked', '.govreport.json'), { rule: 'title', reportPath: linkedReport, text: 't', within: [workspace] }), WriteRefused);
        assert.deepEqual(fs.readdirSync(elsewhere), []);
        // Inside: written.
        fs.rmSync(path.join(root, '.govreport.json'));
        assert.equal(addIgnoredFinding(report(), { rule: 'title', reportPath: report(), text: 't', within: [workspace] }).added, true);
      } finally {
        fs.rmSync(elsewhere, { recursive: true, force: true });
      }
    });
  });
});
