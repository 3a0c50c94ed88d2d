// The snippets: generated from the profiles, and what they insert with their defaults is a report the rules
// accept (a skeleton is warned about its placeholders only).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, matchSections, parseReport, resolveProfile } from '../../server/src/core/index';
import { buildSnippets, snippetsJson } from '../../scripts/snippets';
import { dateVariables, expandSnippet } from '../helpers/snippets';

const SNIPPETS_FILE = path.resolve(__dirname, '../../snippets/govreport.json');
const snippets = buildSnippets();
/** Days a report is typically written on, and the turn of a decade (2030 → a report on 2029). */
const DAYS = [new Date(2026, 0, 5), new Date(2026, 2, 20), new Date(2030, 1, 1), new Date(2041, 11, 31)];

describe('snippets', () => {
  it('snippets/govreport.json is generated from the profiles (npm run generate:snippets)', () => {
    assert.strictEqual(fs.readFileSync(SNIPPETS_FILE, 'utf8'), snippetsJson());
  });

  it('package.json contributes them for the report language, plain text and Markdown', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    const languages = (pkg.contributes.snippets as { language: string; path: string }[])
      .filter((s) => s.path === './snippets/govreport.json').map((s) => s.language).sort();
    assert.deepStrictEqual(languages, ['govreport', 'markdown', 'plaintext']);
  });

  it('every snippet has a Chinese description and both pinyin and Chinese prefixes', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.match(s.description, /[\u4e00-\u9fa5]/, name);
      assert.ok(s.prefix.some((p) => /^[a-z]+$/.test(p)), `${name}: no pinyin prefix`);
      assert.ok(s.prefix.some((p) => /^[\u4e00-\u9fa5（）—]+$/.test(p)), `${name}: no Chinese prefix`);
    }
    const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
    assert.deepStrictEqual(prefixes.filter((p, k) => prefixes.indexOf(p) !== k), [], 'a prefix is used twice');
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    const isSkeleton = name.endsWith('（全文框架）');
    it(`${name}: inserted with its defaults, ${isSkeleton ? 'a complete report warned only about its placeholders' : 'no error or warning'}`, () => {
      for (const day of DAYS) {
        const text = expandSnippet(snippet.body, dateVariables(day));
        const model = parseReport(text);
        const loud = checkModel(model).filter((f) => f.severity === 'error' || f.severity === 'warning');
        if (!isSkeleton) {
          assert.deepStrictEqual(loud.map((f) => `${f.rule}@${f.range.start.line}`), [], `${day.toDateString()}:\n${text}`);
          continue;
        }
        assert.deepStrictEqual(loud.filter((f) => f.rule !== 'artifact').map((f) => `${f.rule}@${f.range.start.line}: ${f.message.zh}`), [], `${day.toDateString()}:\n${text}`);
        for (const f of loud) assert.match(f.message.zh, /某某|待填写/, 'a skeleton is warned about its placeholders only');
        // The report year is last year, the plan and the 成文日期 speak of this year.
        const year = day.getFullYear() - 1;
        assert.strictEqual(model.year?.value, year, `${day.toDateString()}: report year`);
        assert.strictEqual(model.signature?.date?.year, year + 1);
        const profile = resolveProfile(model)!;
        assert.ok(profile, 'the profile is detected from the title');
        const found = matchSections(model, profile).filter((s) => s.present).map((s) => s.item.id);
        assert.deepStrictEqual(found.sort(), profile.items.map((i) => i.id).sort(), 'every item of the profile is there');
        assert.strictEqual(model.headings.filter((h) => h.level === 1).length, profile.items.length);
      }
    });
  }

  it('the plan year follows the report year the writer types (Y+1 by transform, across a decade)', () => {
    const skeleton = snippets['法治政府建设年度报告（全文框架）'];
    for (let year = 2000; year <= 2098; year++) {
      const body = skeleton.body.map((line) => line.replace(/\$\{1:\$\{CURRENT_YEAR[^]*?\/\}\}/, `\${1:${year}}`));
      const model = parseReport(expandSnippet(body, dateVariables(new Date(2026, 1, 1))));
      const plan = model.headings.find((h) => /安排/.test(h.title))!;
      assert.ok(plan.title.startsWith(`${year + 1}年`), `${year}: ${plan.title}`);
      assert.strictEqual(model.signature?.date?.year, year + 1);
    }
  });
});
