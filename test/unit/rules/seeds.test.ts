// The rules on the real reports: they find what a careful reviewer finds, and nothing else.
import * as assert from 'assert/strict';
import { checkModel, parseReport, RULES } from '../../../server/src/core/index';
import { seedText } from '../../helpers/seeds';

const serious = (prefix: string) => checkModel(parseReport(seedText(prefix)))
  .filter((f) => f.severity === 'error' || f.severity === 'warning')
  .map((f) => `${f.rule}@${f.range.start.line + 1}`);

describe('rules on the seeds', () => {
  it('000 (a well-formed report) gets no error or warning', () => {
    assert.deepEqual(serious('000'), []);
  });
  it('001: no title, no 落款, and a stray 「(」 in the title it cites', () => {
    // 「《威海市环翠区贯彻落实〈(法治政府建设实施纲要(2021-2025年)〉实施方案》」: two 「(」 and one 「)」 — the one after 〈
    // opens nothing that closes (unbalanced-pair, on that 「(」).
    assert.deepEqual(serious('001'), ['title@1', 'unbalanced-pair@1', 'signature@22']);
  });
  it('002: 不足 without reasons, no 落款', () => {
    assert.deepEqual(serious('002'), ['reasons-missing@71', 'signature@107']);
  });
  it('003: the second 「三、」, the missing 第一责任人 item, 不足 without reasons, a 落款 without organ', () => {
    assert.deepEqual(serious('003'), ['missing-section@6', 'numbering-duplicate@37', 'reasons-missing@75', 'signature@92']);
    const findings = checkModel(parseReport(seedText('003')));
    const duplicate = findings.find((f) => f.rule === 'numbering-duplicate')!;
    assert.equal(duplicate.severity, 'error');
    assert.deepEqual(duplicate.range, { start: { line: 36, character: 0 }, end: { line: 36, character: 2 } });
    const missing = findings.find((f) => f.rule === 'missing-section' && f.severity === 'error')!;
    assert.match(missing.message.zh, /党政主要负责人履行推进法治建设第一责任人职责/);
    assert.match(missing.message.zh, /厅字〔2019〕28号/);
  });
  it('004: the Word bookmark left in, and 151 items whose parts add up to 97', () => {
    assert.deepEqual(serious('004'), ['artifact@9', 'figure-sum@10']);
    const sum = checkModel(parseReport(seedText('004'))).find((f) => f.rule === 'figure-sum')!;
    assert.match(sum.message.zh, /151项.*97项/);
  });
  it('no figure-* error or warning on 000–003: 518/518/100%, 264/264, 158 = 55 + 103, 103 = 91 + 12 are consistent', () => {
    for (const prefix of ['000', '001', '002', '003']) {
      assert.deepEqual(serious(prefix).filter((f) => f.startsWith('figure-')), [], prefix);
    }
  });
  it('the 纲要 hints: only 002 (a 2021 report organised on the 2015—2020 纲要’s areas, 「（二）不断完善依法行政制度体系」 …); no late 成文日期', () => {
    const hints = (prefix: string) => checkModel(parseReport(seedText(prefix)))
      .filter((f) => f.rule === 'outdated-template' || f.rule === 'late-report')
      .map((f) => `${f.rule}@${f.range.start.line + 1}`);
    assert.deepEqual(['000', '001', '002', '003', '004'].map(hints), [[], [], ['outdated-template@23'], [], []]);
  });
  it('the quality hints: the stock-phrase 不足 of 003 (「有待进一步提高」「需要常抓不懈」…) and 004 (「还需加强」「发挥不够」「仍需加强」); no vague plan, no section without evidence, no other unit’s name', () => {
    const quality = (prefix: string) => checkModel(parseReport(seedText(prefix)))
      .filter((f) => ['vague-shortcomings', 'vague-plan', 'sparse-evidence', 'foreign-unit'].includes(f.rule))
      .map((f) => `${f.rule}@${f.range.start.line + 1}`);
    assert.deepEqual(['000', '001', '002', '003', '004'].map(quality), [[], [], [], ['vague-shortcomings@75'], ['vague-shortcomings@21']]);
  });
  it('every rule has an id, sources, and messages in both languages', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of RULES) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(r.sources.length > 0, r.id);
      assert.ok(r.description.zh && r.description.en, r.id);
    }
  });
});
