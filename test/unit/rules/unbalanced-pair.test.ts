// unbalanced-pair: the lone half of a pair, on the mark itself; pairs that span the lines of one section, quotations of
// several paragraphs, mixed bracket widths and item numbers 「1）」 are no finding. On the seeds and corpus: only seed
// 001's stray 「(」 in 「〈(法治政府建设实施纲要(2021-2025年)〉」.
import * as assert from 'assert/strict';
import { checkModel, parseReport, type Finding } from '../../../server/src/core/index';
import { loneMarks } from '../../../server/src/core/rules/unbalanced-pair';
import { allCorpus } from '../../helpers/corpus';
import { allSeeds, seedText } from '../../helpers/seeds';

const HEAD = '桥头镇2024年法治政府建设情况报告\n现将工作开展情况汇报如下：\n一、2024年推进法治政府建设的主要举措和成效\n';
const TAIL = '\n二、2024年推进法治政府建设存在的不足及原因\n主要原因是学习形式单一。\n';
const report = (body: string) => HEAD + body + TAIL;
const BODY_LINE = 3;

const findings = (text: string): Finding[] => checkModel(parseReport(text)).filter((f) => f.rule === 'unbalanced-pair');
const at = (f: Finding) => [f.range.start.line, f.range.start.character, f.range.end.character - f.range.start.character];

describe('unbalanced-pair', () => {
  it('per text: lone closing marks, then opening marks still open; item numbers and apostrophes are none', () => {
    assert.deepEqual(loneMarks('开通12345”政务服务热线').map((m) => [m.mark, m.closing, m.at]), [['”', true, '开通12345'.length]]);
    assert.deepEqual(loneMarks('印发《关于（试行）的意见，“放管服').map((m) => [m.mark, m.closing, m.at]), [['“', false, 13], ['《', false, 2]]);
    assert.deepEqual(loneMarks('措施：1）加强学习；2）规范执法；a)严格审核；二）做好巡查。children’s rights'), []);
    assert.deepEqual(loneMarks('（以下简称《条例》)，(2026年1月23日)，（“交叉）”'), []);
    assert.deepEqual(loneMarks('没有任何成对标点的一段话。'), []);
  });

  it('a closing quote with no opening one: on the ” itself', () => {
    const text = report('（一）优化服务。开通12345”政务服务热线，全年受理诉求1200件。');
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(at(f), [BODY_LINE, '（一）优化服务。开通12345'.length, 1]);
    assert.equal(f.message.zh, '后引号「”」前面没有与之配对的前引号「“」');
    assert.equal(f.fixes, undefined);
  });

  it('opening marks never closed in their section: on each, reported where the section ends', () => {
    const text = report('（二）规范文件。印发《关于加强行政规范性文件管理的意见，审核文件12件（其中备案8件。\n全年共审核文件12件。');
    const found = findings(text);
    assert.deepEqual(found.map(at), [[BODY_LINE, '（二）规范文件。印发'.length, 1], [BODY_LINE, '（二）规范文件。印发《关于加强行政规范性文件管理的意见，审核文件12件'.length, 1]]);
    assert.match(found[0].message.zh, /前书名号「《」在本部分中始终没有闭合，缺少后书名号「》」/);
    assert.match(found[1].message.zh, /前括号「（」/);
  });

  it('two opening quotes with none closing between them: one finding, on the second, with a fix that is not preferred', () => {
    const text = report('（三）深化改革。深入推进“放管服“改革。');
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(at(f), [BODY_LINE, '（三）深化改革。深入推进“放管服'.length, 1]);
    assert.equal(f.fixes![0].preferred, false);
    assert.equal(f.fixes![0].edits[0].newText, '”');
    assert.equal(f.message.zh, '此处的「“」与前面的「“」之间没有后引号：此处是否应为后引号「”」？');
  });

  it('two closing quotes with none opening between them: one finding, on the first', () => {
    const text = report('（三）深化改革。深入推进”放管服”改革。');
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(at(f), [BODY_LINE, '（三）深化改革。深入推进'.length, 1]);
    assert.equal(f.message.zh, '此处的「”」与后面的「”」之间没有前引号：此处是否应为前引号「“」？');
    assert.equal(f.fixes![0].edits[0].newText, '“');
    assert.equal(f.fixes![0].preferred, false);
  });

  it('a pair over two lines of one section is fine; over a heading it is not', () => {
    assert.deepEqual(findings(report('（一）优化服务。深入推进“放管\n服”改革，提出“谁执法\n谁普法”。')), []);
    const split = report('（一）优化服务。深入推进“放管服\n（二）规范执法。改革”。');
    assert.deepEqual(findings(split).map((f) => [f.range.start.line, f.message.zh.slice(0, 3)]), [[BODY_LINE, '前引号'], [BODY_LINE + 1, '后引号']]);
  });

  it('a quotation of several paragraphs opens each with “ and closes the last (GB/T 15834-2011 §4.8)', () => {
    assert.deepEqual(findings(report('（一）加强学习。会议强调：“要坚持依法行政。\n“要坚持严格规范公正文明执法。\n“要加强监督。”')), []);
    // Not closed by the last paragraph either: one finding, on the first “.
    const open = findings(report('（一）加强学习。会议强调：“要坚持依法行政。\n“要坚持严格规范公正文明执法。'));
    assert.deepEqual(open.map(at), [[BODY_LINE, '（一）加强学习。会议强调：'.length, 1]]);
  });

  it('reads heading titles too, a run-in title together with its body', () => {
    assert.deepEqual(findings(report('（一）开展“法治宣传。”活动，效果良好。')), []);
    const text = report('（一）深入推进“放管服改革\n全年受理诉求1200件。');
    assert.deepEqual(findings(text).map(at), [[BODY_LINE, '（一）深入推进'.length, 1]]);
  });

  it('seed 001: the stray 「(」 after 〈 in the title it cites, and nothing else on the seeds and corpus', () => {
    const [f, ...rest] = findings(seedText('001'));
    assert.equal(rest.length, 0);
    assert.deepEqual(at(f), [0, '根据《威海市环翠区贯彻落实〈'.length, 1]);
    assert.equal(seedText('001').split('\n')[0][f.range.start.character], '(');
    for (const { name, text } of [...allSeeds().filter((s) => !s.name.startsWith('001')), ...allCorpus('fazhi'), ...allCorpus('gov-info')]) {
      assert.deepEqual(findings(text).map((x) => `${x.range.start.line + 1}: ${x.message.zh}`), [], name);
    }
  });

  it('stays linear on a paragraph of 200,000 marks', () => {
    const text = report(`（一）加强学习。${'“放管服”（试行）《条例》'.repeat(20_000)}`);
    const t = performance.now();
    assert.deepEqual(findings(text), []);
    assert.ok(performance.now() - t < 5000);
  });
});
