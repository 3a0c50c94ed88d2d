// The snippets: generated from the profiles, and what they insert with their defaults is a report the rules
// accept (a skeleton is warned about its placeholders only).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, govInfoTables, matchSections, parseReport, resolveProfile } from '../../server/src/core/index';
import TEMPLATE from '../../server/src/core/data/gov-info-tables.json';
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

  describe('政府信息公开工作年度报告（全文框架）: the three tables of the 2021 format', () => {
    const skeleton = snippets['政府信息公开工作年度报告（全文框架）'];
    const text = expandSnippet(skeleton.body, dateVariables(new Date(2026, 0, 5)));
    const tableLines = skeleton.body.filter((line) => line.includes('\t'));

    it('are read as 表二, 表三 (25 rows) and 表四 under 「二、」「三、」「四、」, every equation holding, no table-sum, numbering-* or missing-section finding', () => {
      const model = parseReport(text);
      assert.strictEqual(model.tables.length, 3);
      assert.deepStrictEqual(model.tables.map((t) => t.section?.title),
        ['主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况']);
      const g = govInfoTables(model);
      assert.strictEqual(g.proactive, model.tables[0]);
      assert.strictEqual(g.requests?.table, model.tables[1]);
      assert.strictEqual(g.requests.layout, 25);
      assert.strictEqual(g.reviews?.table, model.tables[2]);
      assert.strictEqual(g.reviews.blocks.length, 3);
      // Every equation the template prints, and each holds at 0: 表三's 25 rows, its 7 columns twice (一 + 二 =
      // （七） + 四, and the results adding up to （七）总计), 表四's 3 blocks.
      assert.strictEqual(g.equations.length, 25 + 7 * 2 + 3);
      assert.deepStrictEqual(g.equations.filter((e) => !e.holds).map((e) => e.scope.zh), []);
      const noisy = checkModel(model).filter((f) => f.rule === 'table-sum' || f.rule.startsWith('numbering-') || f.rule === 'missing-section');
      assert.deepStrictEqual(noisy.map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message.zh}`), []);
    });

    it('carry the template’s labels, merged cells on their first row as a web page pastes them, and 0 in all 200 value cells', () => {
      const model = parseReport(text);
      const requests = govInfoTables(model).requests!;
      const dataRows = requests.rows.map((r) => r.row);
      assert.deepStrictEqual(dataRows.map((r) => r.labels[r.labels.length - 1]), TEMPLATE.requests.rows.map((r) => r.label));
      assert.ok(text.includes('\n三、本年度办理结果\t（一）予以公开\t0\t0\t0\t0\t0\t0\t0\n'));
      assert.ok(text.includes('\n（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n'));
      for (const block of TEMPLATE.proactive.blocks) assert.ok(text.includes(`\n${block.caption}\n${block.header.join('\t')}\n`), block.caption);
      for (const header of [...TEMPLATE.requests.header, ...TEMPLATE.reviews.header]) assert.ok(text.includes(`\n${header.join('\t')}\n`), header.join(' '));
      const values = model.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.slice(r.valueStart)));
      assert.strictEqual(values.length, 200);
      assert.ok(values.every((c) => c.value === 0 && c.text === '0'));
    });

    it('have no tab stops, and no line starting with whitespace (VS Code adjusts only leading whitespace, so the TABs stay)', () => {
      assert.ok(tableLines.length >= 3 + 25 + 3 + 1 + 4 * 2, `${tableLines.length} table lines`);
      for (const line of tableLines) {
        assert.doesNotMatch(line, /\$/, line);
        assert.doesNotMatch(line, /^\s/, line);
      }
      assert.ok(fs.readFileSync(SNIPPETS_FILE, 'utf8').includes('"（七）总计\\t0\\t0\\t0\\t0\\t0\\t0\\t0"'), 'written \\t in the JSON');
    });

    it('one number changed: a table-sum error on that cell (表三) or on its block (表四)', () => {
      const edited = text.replace('\n三、本年度办理结果\t（一）予以公开\t0', '\n三、本年度办理结果\t（一）予以公开\t5');
      assert.notStrictEqual(edited, text);
      const lines = edited.split('\n');
      const line = lines.findIndex((l) => l.startsWith('三、本年度办理结果\t'));
      const errors = checkModel(parseReport(edited)).filter((f) => f.rule === 'table-sum');
      assert.deepStrictEqual(errors.map((f) => [f.severity, f.range.start.line]), [['error', line]]);
      assert.strictEqual(lines[line].slice(errors[0].range.start.character, errors[0].range.end.character), '5');
      assert.match(errors[0].message.zh, /表三/);

      const reviewsLine = lines.findIndex((l) => /^0(\t0){14}$/.test(l));
      lines[reviewsLine] = lines[reviewsLine].replace(/^0/, '2');
      const reviewErrors = checkModel(parseReport(lines.join('\n'))).filter((f) => f.rule === 'table-sum' && f.range.start.line === reviewsLine);
      assert.strictEqual(reviewErrors.length, 1);
      assert.strictEqual(reviewErrors[0].severity, 'error');
      assert.match(reviewErrors[0].message.zh, /表四 行政复议/);
    });

    it('the 导语 states the statistics period of the report year the writer types', () => {
      for (const year of [2000, 2021, 2023, 2029, 2098]) {
        const body = skeleton.body.map((line) => line.replace(/\$\{1:\$\{CURRENT_YEAR[^]*?\/\}\}/, `\${1:${year}}`));
        const model = parseReport(expandSnippet(body, dateVariables(new Date(2026, 1, 1))));
        assert.strictEqual(model.year?.value, year);
        const opening = model.paragraphs.find((p) => p.text.includes('统计期限'));
        assert.ok(opening?.text.includes(`本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`), opening?.text);
        assert.deepStrictEqual(checkModel(model).filter((f) => f.rule === 'year-mismatch').map((f) => f.message.zh), [], String(year));
      }
    });
  });
});
