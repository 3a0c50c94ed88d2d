// enumeration-order: 一是/二是 and 第一/第二 runs that repeat or skip, with the fix only where it is certain; silent on
// every seed and corpus report, whose lists restart per subsection, quote a list or start in a heading's title.
import * as assert from 'assert/strict';
import { fixAll } from '../../../server/src/core/fixes';
import { checkModel, parseReport, type Finding } from '../../../server/src/core/index';
import { markersIn } from '../../../server/src/core/rules/enumeration-order';
import { allCorpus } from '../../helpers/corpus';
import { allSeeds } from '../../helpers/seeds';

const HEAD = '云阳县司法局关于2023年度法治政府建设情况的报告\n2023年，我局深入学习贯彻习近平法治思想。现将有关情况报告如下：\n一、2023年推进法治政府建设的主要举措和成效\n';
const TAIL = '\n二、2023年推进法治政府建设存在的不足和原因\n主要原因是学习形式单一。\n云阳县司法局\n2024年1月15日\n';
const report = (body: string) => HEAD + body + TAIL;
const BODY_LINE = 3;

const findings = (text: string): Finding[] => checkModel(parseReport(text)).filter((f) => f.rule === 'enumeration-order');
const covered = (text: string, f: Finding) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character);
const fixAllText = (text: string) => fixAll(text, findings).text;

describe('enumeration-order', () => {
  it('reads markers as the parser does, without quoted ones and ordinal series', () => {
    assert.deepEqual(markersIn('一是学法。二是用法。').map((m) => m.value), [1, 2]);
    assert.deepEqual(markersIn('提出“一是学法，三是用法”的要求。印发《一是加强、三是规范的通知》。'), []);
    assert.deepEqual(markersIn('完成第一、二批次清单编制，第二、三季度开展检查。'), []);
    assert.deepEqual(markersIn('第一，完善目录。第二、加强解读。').map((m) => [m.style, m.value]), [['di', 1], ['di', 2]]);
    assert.deepEqual(markersIn('我县统一是非标准，唯一是'), []);
    // A list nested in brackets is another list.
    assert.deepEqual(markersIn('一是加强学习（一是会前学法，二是专题培训），二是规范执法。').map((m) => m.value), [1, 2]);
  });

  it('a repeat followed by the right continuation: on the repeat, naming both numbers, with a preferred one-marker fix', () => {
    const text = report('（一）加强学习。一是坚持会前学法。二是开展专题培训。二是组织旁听庭审。四是开展法治考试。');
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0, 'the 四是 after the repeat is what the repeat should have been followed by');
    assert.equal(f.severity, 'warning');
    assert.equal(f.range.start.line, BODY_LINE);
    assert.equal(covered(text, f), '二是');
    assert.equal(f.range.start.character, '（一）加强学习。一是坚持会前学法。二是开展专题培训。'.length);
    assert.equal(f.message.zh, '“二是”重复，应为“三是”');
    assert.ok(f.message.en.includes('三是'));
    assert.equal(f.related![0].range.start.character, '（一）加强学习。一是坚持会前学法。'.length);
    assert.equal(f.fixes!.length, 1);
    assert.equal(f.fixes![0].preferred, true);
    assert.equal(fixAllText(text), report('（一）加强学习。一是坚持会前学法。二是开展专题培训。三是组织旁听庭审。四是开展法治考试。'));
  });

  it('a gap: 「“三是”前缺少“二是”」; the fix is offered but not preferred (an item may be missing)', () => {
    const text = report('（二）规范执法。一是落实行政执法三项制度。三是开展案卷评查。');
    const [f] = findings(text);
    assert.equal(f.message.zh, '“三是”前缺少“二是”');
    assert.equal(covered(text, f), '三是');
    assert.equal(f.fixes![0].preferred, false);
    assert.equal(fixAllText(text), text);
    const two = findings(report('（二）规范执法。一是落实制度。四是开展评查。'));
    assert.equal(two[0].message.zh, '“四是”前缺少“二是”“三是”');
  });

  it('a typo among the right numbers (一是 三是 三是) gets the preferred fix; a run going on from the wrong number only a renumbering offer', () => {
    const typo = report('（一）加强学习。一是学法。三是培训。三是考试。');
    assert.deepEqual(findings(typo).map((f) => f.fixes![0].preferred), [true]);
    assert.equal(fixAllText(typo), report('（一）加强学习。一是学法。二是培训。三是考试。'));
    const onward = report('（一）加强学习。一是学法。二是培训。二是旁听。三是考试。');
    const [f] = findings(onward);
    assert.equal(findings(onward).length, 1);
    assert.equal(f.fixes![0].preferred, false);
    assert.deepEqual(f.fixes![0].edits.map((e) => e.newText), ['三', '四']);
  });

  it('after the first fault of a run no fix is preferred (一是 二是 二是 二是)', () => {
    const text = report('（一）加强学习。一是学法。二是培训。二是旁听。二是考试。');
    const found = findings(text);
    assert.equal(found.length, 2);
    assert.ok(found.every((f) => (f.fixes ?? []).every((x) => !x.preferred)));
  });

  it('continues a run over the paragraphs of one subsection, and restarts at every heading', () => {
    const across = report('（三）化解矛盾纠纷。\n一是做好行政复议工作。\n二是做好行政应诉工作。\n二是加强人民调解。');
    const [f] = findings(across);
    assert.equal(f.range.start.line, BODY_LINE + 3);
    assert.equal(f.range.start.character, 0);
    assert.equal(f.message.zh, '“二是”重复，应为“三是”');
    assert.deepEqual(findings(report('（一）加强学习。一是学法。二是培训。\n（二）规范执法。二是开展考试。三是评查。')), []);
  });

  it('第一，第二， runs are checked apart from 一是 runs', () => {
    const text = report('（四）推进政务公开。第一，完善公开目录，一是梳理清单，二是更新目录。第二，加强解读。第二，规范依申请公开。');
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0);
    assert.equal(covered(text, f), '第二');
    assert.equal(f.message.zh, '“第二”重复，应为“第三”');
    assert.equal(fixAllText(text), report('（四）推进政务公开。第一，完善公开目录，一是梳理清单，二是更新目录。第二，加强解读。第三，规范依申请公开。'));
  });

  it('is silent on a new list in the same subsection, a step back to a list begun in a title, idioms and quotes', () => {
    for (const body of [
      // 沭阳县 2025, 五: the problems, then the measures, in one section.
      '（一）存在短板：一是政策解读多样性需进一步加强。二是依申请办件质量需进一步提升。三是联系群众工作需要进一步巩固。\n针对上述问题，我县精准施策；\n一是增加解读的形式。\n二是开展考核管理。三是深化基层联动。',
      // 平潭 2021, 五（二）: 一是 in the heading's title, the body goes on at 二是.
      '（二）改进措施：一是丰富政策解读形式，提升政策解读质量。二是加强重点政务信息管理。三是拓宽公开载体和渠道。',
      '（一）加强学习。一是学法。二是培训。三是考试。\n二是旁听庭审的安排另行通知。',
      '（一）加强学习。坚持一是一，二是二。提出“一是学法，三是用法”的要求。',
      // PDF text with a space inside a marker the parser does not read: the number is there.
      '（一）加强学习。一是学法。二是培训。三 是考试。四是评查。',
      '（一）加强学习。\n一是学法。\n二 是培训。\n三是考试。',
      '（四）推进政务公开。第一，完善公开目录。第 二，加强解读。第三，规范依申请公开。',
    ]) {
      assert.deepEqual(findings(report(body)).map((f) => f.message.zh), [], body);
    }
  });

  it('finds nothing on the seeds and the corpus reports', () => {
    for (const { name, text } of [...allSeeds(), ...allCorpus('fazhi'), ...allCorpus('gov-info')]) {
      assert.deepEqual(findings(text).map((f) => `${f.range.start.line + 1}: ${f.message.zh}`), [], name);
    }
  });

  it('leaves a run of more than thirty markers alone, and stays linear on a paragraph of 100,000 (with as many brackets)', () => {
    const t = performance.now();
    assert.deepEqual(findings(report(`（一）加强学习。${'二是学法。'.repeat(100_000)}`)), []);
    assert.deepEqual(findings(report(`（一）加强学习。${'（注）二是学法。'.repeat(100_000)}`)), []);
    assert.ok(performance.now() - t < 5000);
  });
});
