// table-text and the 2019 tables of outdated-template on the four real 政府信息公开 reports: what the text says
// is read (so the silence is earned, not the rule missing everything), it agrees with the tables, and one
// number changed in a copy is hinted at with the table cell as related information.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, parseReport, type Finding } from '../../../server/src/core/index';
import { outdatedTemplate } from '../../../server/src/core/rules/outdated-template';
import { tableText, textClaims } from '../../../server/src/core/rules/table-text';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus/gov-info');
const corpus = (name: string) => fs.readFileSync(path.join(CORPUS, `${name}.txt`), 'utf8');
const NAMES = ['huaian-2024', 'pingtan-2021', 'shuyang-2025', 'shuyang-fgj-2023'];

const hints = (text: string): Finding[] => checkModel(parseReport(text), { rules: [tableText] });
const claims = (text: string) => textClaims(parseReport(text)).map((c) => `${c.kind}=${c.figure.value}`);
/** The text of a range in `text`. */
const at = (text: string, r: Finding['range']) => text.split('\n')[r.start.line].slice(r.start.character, r.end.character);

/** A copy of a corpus report with one passage replaced; fails when the passage is not there exactly once. */
function edited(name: string, from: string, to: string): string {
  const text = corpus(name);
  assert.equal(text.split(from).length, 2, `${name}: 「${from}」 once`);
  return text.replace(from, to);
}

describe('table-text', () => {
  describe('the four real reports', () => {
    it('reads the counts each one gives in its text', () => {
      assert.deepEqual(NAMES.map((n) => claims(corpus(n))), [
        ['received=3119', 'done=3050', 'carried=34', 'next=103', 'reconsideration=351', 'litigation=46'],
        ['received=70', 'done=69', 'next=1'],
        // 「共办理718件」 is not read (办理 is too loose a word); 「全县共办理相关案件74件」 counts 复议 and 诉讼 together.
        ['received=749', 'next=31'],
        ['received=26'],
      ]);
    });

    it('is silent on all four: the text agrees with the tables (749 = 新收713 ＋ 上年结转36, 行政诉讼46 = 26 ＋ 20)', () => {
      for (const name of NAMES) assert.deepEqual(hints(corpus(name)).map((f) => f.message.zh), [], name);
    });

    it('outdated-template finds no 2019 table in any of them', () => {
      for (const name of NAMES) assert.deepEqual(checkModel(parseReport(corpus(name)), { rules: [outdatedTemplate] }), [], name);
    });
  });

  describe('one number changed in the text', () => {
    it('pingtan-2021: 收到71件 — a hint on 「71件」, the 本年新收 总计 cell as related information', () => {
      const text = edited('pingtan-2021', '共收到70件申请', '共收到71件申请');
      const found = hints(text);
      assert.equal(found.length, 1);
      const [f] = found;
      assert.equal(f.severity, 'hint');
      assert.equal(at(text, f.range), '71件');
      assert.match(f.message.zh, /^正文“本年度全区共收到71件申请”，而表三“本年新收”总计为70；/);
      assert.match(f.message.en, /71.*Table 3 has 70 new requests/);
      assert.equal(f.related?.length, 1);
      const cell = f.related![0];
      assert.equal(text.split('\n')[cell.range.start.line].split('\t')[0], '一、本年新收政府信息公开申请数量');
      assert.equal(at(text, cell.range), '70');
      assert.equal(cell.message.zh, '表三“本年新收”·总计：70');
    });

    it('shuyang-2025: 受理 may be 新收 alone or 新收 ＋ 上年结转; any other number names both', () => {
      assert.deepEqual(hints(edited('shuyang-2025', '受理政府信息公开申请749件', '受理政府信息公开申请713件')), []);
      const [f, ...rest] = hints(edited('shuyang-2025', '受理政府信息公开申请749件', '受理政府信息公开申请750件'));
      assert.equal(rest.length, 0);
      assert.match(f.message.zh, /“本年新收”总计为713，加“上年结转”36为749，均不相符/);
      assert.equal(f.related?.length, 2);
    });

    it('shuyang-2025: 结转下一年30件 against 四、结转下年度继续办理 31', () => {
      const text = edited('shuyang-2025', '结转下一年31件', '结转下一年30件');
      const found = hints(text);
      assert.deepEqual(found.map((f) => at(text, f.range)), ['30件']);
      assert.match(found[0].message.zh, /“结转下年度继续办理”总计为31/);
    });

    it('huaian-2024: 行政诉讼 may be either block or both; 行政复议 and 答复 against their totals', () => {
      assert.deepEqual(hints(edited('huaian-2024', '政府信息公开行政诉讼46件', '政府信息公开行政诉讼26件')), []);
      assert.deepEqual(hints(edited('huaian-2024', '政府信息公开行政诉讼46件', '政府信息公开行政诉讼20件')), []);
      const text = edited('huaian-2024', '政府信息公开行政诉讼46件', '政府信息公开行政诉讼47件');
      const [f] = hints(text);
      assert.equal(at(text, f.range), '47件');
      assert.deepEqual(f.related?.map((r) => at(text, r.range)), ['26', '20']);
      assert.match(f.message.zh, /未经复议直接起诉”总计26、“复议后起诉”总计20，合计46/);
      const reviews = edited('huaian-2024', '政府信息公开行政复议351件', '政府信息公开行政复议315件');
      assert.deepEqual(hints(reviews).map((x) => [at(reviews, x.range), x.related?.map((r) => at(reviews, r.range))]), [['315件', ['351']]]);
      const answered = edited('huaian-2024', '答复3050件', '答复3051件');
      assert.deepEqual(hints(answered).map((x) => x.message.zh.split('；')[0]), ['正文“答复3051件”，而表三“（七）总计”为3050']);
    });

    it('a changed 上年度结转 against 二、上年结转', () => {
      const text = edited('huaian-2024', '含上年度结转申请34件', '含上年度结转申请43件');
      assert.deepEqual(hints(text).map((f) => at(text, f.range)), ['43件']);
    });
  });

  describe('「所有申请均已办结」', () => {
    it('hints while 四、结转下年度继续办理 is not 0 (pingtan-2021 carries 1 over)', () => {
      const text = edited('pingtan-2021', '1件结转下年度继续办理。', '1件结转下年度继续办理。全年政府信息公开申请均已按时办结。');
      const found = hints(text);
      assert.deepEqual(found.map((f) => at(text, f.range)), ['均已按时办结']);
      assert.match(found[0].message.zh, /结转下年度继续办理”总计为1/);
      assert.equal(at(text, found[0].related![0].range), '1');
    });

    it('is silent when nothing is carried over (shuyang-fgj-2023), and when the sentence allows for the rest', () => {
      assert.deepEqual(hints(edited('shuyang-fgj-2023', '及时回复申请人', '所有申请均已办结，及时回复申请人')), []);
      assert.deepEqual(hints(edited('pingtan-2021', '1件结转下年度继续办理。', '1件结转下年度继续办理，其余申请均已办结。')), []);
    });
  });

  describe('scope', () => {
    it('a department (沭阳县发展和改革局) is not held to 全县 figures, but to its own', () => {
      assert.deepEqual(hints(edited('shuyang-fgj-2023', '2023年度我局共收到依申请信息公开26件', '2023年度全县共收到依申请信息公开600件')), []);
      const own = edited('shuyang-fgj-2023', '2023年度我局共收到依申请信息公开26件', '2023年度我局共收到依申请信息公开27件');
      assert.deepEqual(hints(own).map((f) => at(own, f.range)), ['27件']);
    });

    it('a government (淮安市人民政府) is held to 全市 figures, not to those of 市政府办公室 or 本级', () => {
      const office = edited('huaian-2024', '全市共受理政府信息公开申请3119件', '市政府办公室共受理政府信息公开申请120件');
      assert.deepEqual(hints(office), []);
      const city = edited('huaian-2024', '全市共受理政府信息公开申请3119件', '全市共受理政府信息公开申请3200件');
      assert.equal(hints(city).length, 1);
    });
  });
});
