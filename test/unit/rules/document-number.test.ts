// document-number: a 发文字号 whose year is not in 〔〕, on the brackets and the year, with the preferred fix that
// replaces only the wrong brackets. The corpus has one, 君山片区 2022's 「岚君山管[2022]48号」; nothing else in the
// seeds and corpus is flagged (their 文号 use 〔〕, and their other bracketed years are periods and dates).
import * as assert from 'assert/strict';
import { fixAll } from '../../../server/src/core/fixes';
import { checkModel, parseReport, type Finding } from '../../../server/src/core/index';
import { wrongBrackets } from '../../../server/src/core/rules/document-number';
import { allCorpus, corpusText } from '../../helpers/corpus';
import { allSeeds } from '../../helpers/seeds';

const findings = (text: string): Finding[] => checkModel(parseReport(text)).filter((f) => f.rule === 'document-number');
const covered = (text: string, f: Finding) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character);

describe('document-number', () => {
  it('reads 代字 + bracketed year + 序号 + 号 with any bracket but 〔〕', () => {
    const written = (s: string) => wrongBrackets(s).map((w) => s.slice(w.start, w.end));
    assert.deepEqual(written('（岚君山管[2022]48号）'), ['[2022]']);
    assert.deepEqual(written('国办发[2021]30号、厅字(2019)28号、闽政﹝2022﹞1号、粤府办【2020】3号、国发（2021）5号、某政发［２０２１］７号'),
      ['[2021]', '(2019)', '﹝2022﹞', '【2020】', '（2021）', '［２０２１］']);
    assert.deepEqual(written('岚君山管 [2022] 48 号'), ['[2022]']);
    assert.deepEqual(written('国办发〔2021]30号'), ['〔2021]']);
  });

  it('leaves alone 〔〕, periods, years, a year without 代字 or 号, court case numbers, 第 and addresses', () => {
    for (const text of [
      '闽政〔2025〕204号', '国办公开办函〔2021〕30号', '《纲要（2021-2025）》', '(2023年)', '(2026年1月23日)', '[2022]',
      '、【2020】3号', '（2022）闽0128行初3号', '平综执罚字（2022）第12号', '某路(2022)12号楼', '某大院(2021)3号院',
    ]) {
      assert.deepEqual(wrongBrackets(text), [], text);
    }
  });

  it('君山片区 2022: 「岚君山管[2022]48号」 on its brackets, fixed to 〔2022〕 by fix-all', () => {
    const text = corpusText('fazhi', 'pingtan-junshan-2022');
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(f.range.start.line, 5);
    assert.equal(covered(text, f), '[2022]');
    assert.equal(f.message.zh, '发文字号中的年份应用六角括号括入：“[2022]”应为“〔2022〕”（GB/T 9704-2012 §7.2.5）');
    assert.equal(f.fixes![0].preferred, true);
    const fixed = fixAll(text, findings).text;
    assert.ok(fixed.includes('（岚君山管〔2022〕48号）'));
    assert.deepEqual(findings(fixed), []);
  });

  it('a mixed pair changes only its wrong bracket', () => {
    const text = '某县2023年法治政府建设年度报告\n一、主要举措和成效\n（一）落实国办发〔2021]30号文件要求。\n二、存在的不足和原因\n主要原因是人员不足。';
    const [f] = findings(text);
    assert.deepEqual(f.fixes![0].edits.map((e) => [e.range.start.character, e.newText]), [['（一）落实国办发〔2021'.length, '〕']]);
  });

  it('reads heading titles', () => {
    const text = '某县2023年法治政府建设年度报告\n一、贯彻厅字(2019)28号文件情况\n落实到位。\n二、存在的不足和原因\n主要原因是人员不足。';
    assert.deepEqual(findings(text).map((f) => [f.range.start.line, covered(text, f)]), [[1, '(2019)']]);
  });

  it('finds nothing else on the seeds and the corpus reports', () => {
    for (const { name, text } of [...allSeeds(), ...allCorpus('fazhi').filter((c) => c.name !== 'pingtan-junshan-2022.txt'), ...allCorpus('gov-info')]) {
      assert.deepEqual(findings(text).map((f) => `${f.range.start.line + 1}: ${f.message.zh}`), [], name);
    }
  });
});
