// unheaded-section: the 不足 and the plan written on under the last 成效 section, without a heading. One warning per
// part, a fix that inserts the headings, and none of the 缺少 errors or renumbering duplicates the missing heading
// would otherwise cause — while a restart with nothing to explain it is still a numbering fault.
import * as assert from 'assert/strict';
import * as path from 'path';
import { applyEdits, fixAllEdits } from '../../../server/src/core/fixes';
import { checkModel, parseReport, type Finding } from '../../../server/src/core/index';
import { FIXTURES_DIR, loadFixture } from '../../helpers/fixtures';
import { seedText } from '../../helpers/seeds';

const fixture = (name: string) => loadFixture(path.join(FIXTURES_DIR, name)).text;
const serious = (text: string) => checkModel(parseReport(text)).filter((f) => f.severity === 'error' || f.severity === 'warning');
const ruleAt = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.range.start.line + 1}`);
const STRUCTURE = ['unheaded-section', 'missing-section', 'numbering-duplicate', 'numbering-gap', 'numbering-order'];
const structure = (text: string) => ruleAt(checkModel(parseReport(text)).filter((f) => STRUCTURE.includes(f.rule) && f.severity !== 'hint'));

describe('unheaded-section', () => {
  const both = fixture('unheaded.both.txt');

  it('the 不足 and the plan under 「四、」: two warnings at their paragraphs, no 缺少 error, no numbering-duplicate', () => {
    assert.deepEqual(structure(both), ['unheaded-section@17', 'unheaded-section@18']);
    const [shortcomings, plan] = checkModel(parseReport(both)).filter((f) => f.rule === 'unheaded-section');
    assert.equal(shortcomings.severity, 'warning');
    assert.match(shortcomings.message.zh, /存在的不足和原因.*仍在“四、严格规范执法.*应在此段前加一级标题“五、2023年推进法治政府建设存在的不足和原因”/);
    assert.match(plan.message.zh, /主要安排.*第19行起重新编号的“（一）”.*“六、2024年推进法治政府建设的主要安排”/);
    assert.deepEqual(plan.related?.map((r) => r.range.start.line + 1), [19]);
    assert.match(plan.message.en, /Add a level-1 heading before it: “六、2024年推进法治政府建设的主要安排”/);
  });

  it('its fix inserts both headings at once, numbered on from 「四、」, and the report comes out clean', () => {
    const findings = checkModel(parseReport(both)).filter((f) => f.rule === 'unheaded-section');
    const fix = findings[0].fixes![0];
    assert.deepEqual(findings[1].fixes![0], fix, 'one fix for the section written on, whichever finding offers it');
    assert.equal(fix.preferred, false);
    const fixed = applyEdits(both, fix.edits);
    const lines = fixed.split('\n');
    assert.equal(lines[16], '五、2023年推进法治政府建设存在的不足和原因');
    assert.match(lines[17], /^一年来，/);
    assert.equal(lines[18], '六、2024年推进法治政府建设的主要安排');
    assert.match(lines[19], /^2024年，我镇将/);
    assert.deepEqual(structure(fixed), []);
    assert.deepEqual(serious(fixed), []);
  });

  it('fix-all leaves it alone: the heading’s wording is the writer’s to choose', () => {
    const findings = checkModel(parseReport(both));
    const edits = fixAllEdits(findings.filter((f) => f.rule === 'unheaded-section'));
    assert.deepEqual(edits, []);
  });

  it('only the plan unheaded, under 「三、…不足和原因」: the fix inserts 「四、」 and moves 「四、其他需要报告的情况」 to 「五、」', () => {
    const text = fixture('unheaded.plan.txt');
    assert.deepEqual(structure(text), ['unheaded-section@11']);
    const fixed = applyEdits(text, checkModel(parseReport(text)).find((f) => f.rule === 'unheaded-section')!.fixes![0].edits);
    assert.match(fixed, /\n四、2023年推进法治政府建设的主要安排\n下一步，我镇将/);
    assert.match(fixed, /\n五、其他需要报告的情况\n/);
    assert.deepEqual(structure(fixed), []);
  });

  it('in a report whose paragraphs are separated by blank lines, the heading is too', () => {
    const spaced = both.split('\n').join('\n\n');
    const findings = checkModel(parseReport(spaced)).filter((f) => f.rule === 'unheaded-section');
    assert.equal(findings.length, 2);
    const fixed = applyEdits(spaced, findings[0].fixes![0].edits);
    assert.match(fixed, /\n\n五、2023年推进法治政府建设存在的不足和原因\n\n一年来，/);
    assert.deepEqual(structure(fixed), []);
  });

  it('the 不足 with a list of its own, then the plan with another: both lists restart, both are explained', () => {
    const text = both.replace('一年来，我镇法治政府建设工作取得了一定成效，但也存在一些不足：一是部分干部法治思维不强，运用法治方式解决问题的能力有待提高；二是执法力量薄弱，镇综合执法队仅有执法人员9名。主要原因是法治学习培训针对性不强，执法人员编制不足。',
      '一年来，我镇法治政府建设工作取得了一定成效，但也存在一些不足：\n（一）部分干部法治思维不强。主要原因是法治学习培训针对性不强。\n（二）执法力量薄弱。镇综合执法队仅有执法人员9名，原因在于编制不足。');
    assert.deepEqual(structure(text), ['unheaded-section@17', 'unheaded-section@20']);
    const findings = checkModel(parseReport(text)).filter((f) => f.rule === 'unheaded-section');
    assert.match(findings[0].message.zh, /第18行起重新编号/);
    assert.match(findings[1].message.zh, /第21行起重新编号/);
    assert.deepEqual(structure(applyEdits(text, findings[0].fixes![0].edits)), []);
  });

  it('a fault within the plan’s own list is still found, and its renumbering stays inside that list', () => {
    const text = both.replace('（三）提升行政执法水平', '（二）提升行政执法水平').replace('（四）推进矛盾纠纷化解', '（三）推进矛盾纠纷化解').replace('（五）加强普法宣传', '（四）加强普法宣传');
    const findings = checkModel(parseReport(text)).filter((f) => f.rule.startsWith('numbering-'));
    assert.deepEqual(ruleAt(findings), ['numbering-duplicate@21']);
    const fixed = applyEdits(text, findings[0].fixes![0].edits);
    assert.equal(fixed, both, 'the plan’s list renumbered （一）–（五）, the 成效’s （一）–（四） untouched');
  });

  describe('stays silent, and leaves the numbering rules their faults, where no missing heading explains the list', () => {
    it('the same report without the two opening sentences: the restart is four duplicates again, the parts are missing', () => {
      const text = both
        .replace(/一年来，我镇法治政府建设工作取得了一定成效，但也存在一些不足：[^\n]*/, '全年未发生行政复议纠错案件。')
        .replace('2024年，我镇将重点做好以下工作：', '具体情况如下：');
      assert.deepEqual(structure(text), [
        'missing-section@1', 'missing-section@1',
        'numbering-duplicate@19', 'numbering-duplicate@20', 'numbering-duplicate@21', 'numbering-duplicate@22',
      ]);
    });

    it('a 不足 sentence in the 成效 with no list after it (「一年来……取得了一定成效，但也存在一些不足」 closing 「四、」)', () => {
      const text = both.split('\n').slice(0, 18).join('\n') + '\n';
      assert.deepEqual(structure(text), ['missing-section@1', 'missing-section@1']);
    });

    it('a 成效 section weighing 成绩 against 问题 before its first list: 「在肯定成绩的同时，我们也清醒认识到存在的问题，坚持问题导向：」', () => {
      const text = '青龙镇人民政府关于2023年度法治政府建设情况的报告\n现将有关情况报告如下：\n一、2023年法治政府建设工作开展情况\n2023年，我镇深入学习贯彻习近平法治思想，全面推进依法行政。\n在肯定成绩的同时，我们也清醒认识到存在的问题，坚持问题导向，重点做了以下工作：\n（一）规范行政执法。办理行政处罚案件42件。\n（二）压实法治责任。镇党委、政府主要负责同志履行推进法治建设第一责任人职责，带头述法。\n二、2024年推进法治政府建设的主要安排\n一是组织执法培训2期。\n';
      assert.deepEqual(structure(text), ['missing-section@1']);
      assert.match(checkModel(parseReport(text)).find((f) => f.rule === 'missing-section' && f.severity === 'error')!.message.zh, /存在的不足和原因/);
    });

    it('a plan opening in the plan year’s wrong year is not the plan (「2023年，我镇将……」 in a 2023 report)', () => {
      const text = both.replace('2024年，我镇将重点做好以下工作：', '2023年，我镇将重点做好以下工作：');
      const findings = checkModel(parseReport(text));
      assert.deepEqual(findings.filter((f) => f.rule === 'unheaded-section').map((f) => f.range.start.line + 1), [17], 'the 不足 only');
      assert.deepEqual(findings.filter((f) => f.rule === 'missing-section' && f.severity === 'error').map((f) => f.message.zh.replace(/^缺少“(.*)”.*$/, '$1')), ['下一年度推进法治政府建设的主要安排']);
    });

    it('a section’s own opening paragraph: 「一、」 that begins 「……取得了明显成效，但也存在一些短板」 before its （一）', () => {
      const text = '青龙镇人民政府关于2023年度法治政府建设情况的报告\n现将有关情况报告如下：\n一、2023年推进法治政府建设的主要举措和成效\n2023年，我镇法治政府建设取得了明显成效，但也存在一些短板和不足。\n（一）规范行政执法。办理行政处罚案件42件。\n（二）压实法治责任。镇党委、政府主要负责同志履行推进法治建设第一责任人职责，带头述法。\n二、2023年推进法治政府建设存在的不足和原因\n一是执法力量薄弱，主要原因是编制不足。\n三、2024年推进法治政府建设的主要安排\n一是组织执法培训2期。\n';
      assert.deepEqual(structure(text), []);
    });

    it('the seeds and the corpus: no unheaded part in any of them', () => {
      for (const prefix of ['000', '001', '002', '003', '004']) {
        assert.deepEqual(checkModel(parseReport(seedText(prefix))).filter((f) => f.rule === 'unheaded-section'), [], prefix);
      }
    });
  });

  it('a real 不足 paragraph, seed 004’s 「2023年我镇法治建设工作取得了一些成绩，但是也存在一些问题和不足：」, written on under 「二、」 with the plan’s list after it', () => {
    const text = seedText('004')
      .replace(/\n三、2023年推进法治政府建设存在的不足和原因\r?\n/, '\n')
      .replace(/\n四、2024年推进法治政府建设的工作安排\r?\n/, '\n2024年，我镇将重点做好以下工作：\n');
    const findings = checkModel(parseReport(text)).filter((f) => f.rule === 'unheaded-section');
    assert.equal(findings.length, 2);
    assert.match(findings[0].message.zh, /^此段起是“上一年度推进法治政府建设存在的不足和原因”，却没有自己的标题，仍在“二、2023年党政主要负责人/);
    assert.match(findings[1].message.zh, /^此段起是“下一年度推进法治政府建设的主要安排”.*应在此段前加一级标题“四、2024年推进法治政府建设的主要安排”/);
    assert.deepEqual(checkModel(parseReport(text)).filter((f) => f.rule === 'missing-section' && f.severity === 'error'), []);
  });
});
