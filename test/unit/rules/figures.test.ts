// figure-sum and figure-rate on the real reports: the passages that look wrong but are right stay silent, the
// one rate rounded wrongly is a hint, and a number changed in the same paragraphs is still found.
import * as assert from 'assert/strict';
import { checkModel, hoverAt, parseReport, type Finding } from '../../../server/src/core/index';
import { corpusText } from '../../helpers/corpus';

const figureFindings = (text: string): Finding[] => checkModel(parseReport(text)).filter((f) => f.rule === 'figure-sum' || f.rule === 'figure-rate');

function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return line;
}

function changed(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `「${from}」 once in the text`);
  return text.replace(from, to);
}

describe('figure rules on the real reports', () => {
  const junshan = corpusText('fazhi', 'pingtan-junshan-2022');
  const shiye = corpusText('fazhi', 'pingtan-shiye-2022');

  it('pingtan-junshan-2022: the 其中 opening a sentence with its own total, and 按期办结率100% with 6 not yet due, are silent', () => {
    assert.deepEqual(figureFindings(junshan).map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message.zh}`), []);
  });

  it('pingtan-junshan-2022 with one number changed: the breakdown of 458人次 and the 化解率 beside the silent rate are still checked', () => {
    const sum = figureFindings(changed(junshan, '来访群众51批次256人次', '来访群众51批次456人次'));
    // The parts list no 其他, so they might overlap: more than the total is a warning (see figure-sum.md).
    assert.deepEqual(sum.map((f) => `${f.rule}@${f.range.start.line + 1}/${f.severity}`), [`figure-sum@${lineOf(junshan, '458人次') + 1}/warning`]);
    assert.match(sum[0].message.zh, /分项之和500人次超过总数458人次/);
    const rate = figureFindings(changed(junshan, '已化解31件', '已化解29件'));
    assert.deepEqual(rate.map((f) => `${f.rule}/${f.severity}`), ['figure-rate/warning']);
    assert.match(rate[0].message.zh, /化解率100%与数字不符：29件÷31件＝94%/);
  });

  it('pingtan-shiye-2022: 重刑率66% for 8 of 12 is a hint naming 66.67% and 67%, with a fix that fix-all leaves alone', () => {
    const findings = figureFindings(shiye);
    assert.equal(findings.length, 1, findings.map((f) => f.message.zh).join('\n'));
    const [hint] = findings;
    assert.equal(hint.rule, 'figure-rate');
    assert.equal(hint.severity, 'hint');
    const line = shiye.split('\n')[hint.range.start.line];
    assert.equal(line.slice(hint.range.start.character, hint.range.end.character), '66%');
    assert.equal(hint.message.zh, '重刑率66%未按四舍五入：8人÷12人≈66.67%，应为67%');
    assert.match(hint.message.en, /8人 \/ 12人 ≈66\.67%, which rounds to 67%/);
    assert.deepEqual(hint.fixes?.map((f) => [f.edits[0].newText, f.preferred]), [['67%', false]]);
    assert.deepEqual(hint.related?.map((r) => line.slice(r.range.start.character, r.range.end.character)), ['8人', '12人']);
  });

  it('a rounding hint keeps the percent sign as written, and is an error when the user asks for errors', () => {
    const text = '某局2023年法治政府建设情况的报告\n一、主要举措和成效\n全年受理行政复议案件300件，审结200件，审结率66％。\n';
    const [hint] = figureFindings(text);
    assert.equal(hint.fixes?.[0].edits[0].newText, '67％');
    const strict = checkModel(parseReport(text), { severities: { 'figure-rate': 'error' } }).filter((f) => f.rule === 'figure-rate');
    assert.deepEqual(strict.map((f) => f.severity), ['error']);
  });

  it('the hover reads a nested breakdown level by level, as the rule does', () => {
    const text = '某镇2023年法治政府建设情况的报告\n一、主要举措和成效\n全年共排查矛盾纠纷326件，其中婚姻家庭纠纷120件（离婚纠纷45件、赡养纠纷30件、其他45件），邻里纠纷96件，其他纠纷110件。\n';
    const model = parseReport(text);
    const at = (needle: string) => ({ line: 2, character: text.split('\n')[2].indexOf(needle) + 1 });
    assert.match(hoverAt(model, at('326件'), { locale: 'zh' })!.markdown, /✓ 其中各项之和等于总数 326件：120件 \+ 96件 \+ 110件/);
    assert.match(hoverAt(model, at('120件'), { locale: 'zh' })!.markdown, /✓ 其中各项之和等于总数 120件：45件 \+ 30件 \+ 45件/);
  });

  it('the hover recomputes no rate the rule leaves alone (按期办结率 over counts that do not say 按期)', () => {
    const model = parseReport(junshan);
    const line = lineOf(junshan, '按期办结率100%');
    const character = junshan.split('\n')[line].indexOf('按期办结率100%') + 6;
    const hover = hoverAt(model, { line, character }, { locale: 'zh' })!;
    assert.match(hover.markdown, /\*\*100%\*\*/);
    assert.doesNotMatch(hover.markdown, /÷/);
  });
});

describe('figure-sum: parts more than the total', () => {
  const check = (sentence: string) => checkModel(parseReport(`XX镇2023年法治政府建设年度报告\n一、主要举措和成效\n${sentence}\n`))
    .filter((f) => f.rule === 'figure-sum').map((f) => f.severity);
  it('are an error when the parts claim to cover everything (其他, 分别为)', () => {
    assert.deepEqual(check('全年受理行政复议案件12件，其中维持8件、撤销3件、其他2件。'), ['error']);
    assert.deepEqual(check('全年受理行政复议案件12件，其中分别为维持8件、撤销3件、确认违法2件。'), ['error']);
  });
  it('are a warning when they may be overlapping attributes (no 其他): 「干部100人，其中党员80人，女性40人」', () => {
    assert.deepEqual(check('全镇共有干部100人，其中党员80人，女性40人。'), ['warning']);
  });
});

describe('figure-sum: several sums in one sentence', () => {
  const messages = (sentence: string) => checkModel(parseReport(`XX镇2023年法治政府建设年度报告\n一、主要举措和成效\n${sentence}\n`))
    .filter((f) => f.rule === 'figure-sum').map((f) => f.message.zh);
  it('each 合计 adds up what follows the sum before it', () => {
    assert.deepEqual(messages('调解婚姻纠纷5件、邻里纠纷6件，合计11件，调解合同纠纷3件、其他纠纷4件，合计7件。'), []);
    assert.deepEqual(messages('调解婚姻纠纷5件、邻里纠纷6件，合计11件，调解合同纠纷3件、其他纠纷4件，合计8件。'), ['总数8件与各分项之和7件不符（调解合同纠纷3件、其他纠纷4件）']);
  });
  it('a breakdown of 3,000 parts is read at once (a set of subjects finds 立案 for 未立案, not every pair of parts)', () => {
    const parts = '婚姻纠纷1件、'.repeat(3000);
    const started = performance.now();
    // 未立案 and 立案 cover everything: the parts must add up to the total.
    assert.equal(messages(`共3001件，其中${parts}未立案1件、立案0件。`).length, 0);
    assert.equal(messages(`共3002件，其中${parts}未立案1件、立案0件。`).length, 1);
    assert.ok(performance.now() - started < 2000);
  });
});
