// The quality rules' parts: the organ-name reader and the fix of foreign-unit, the 不足 clause sorter.
import * as assert from 'assert/strict';
import { checkModel, parseReport } from '../../../server/src/core/index';
import { fixAll } from '../../../server/src/core/fixes';
import { foreignUnit, placeStem, placesInOrganName } from '../../../server/src/core/rules/foreign-unit';
import { classifyProblemClause, problemClauses } from '../../../server/src/core/rules/shared/problems';

describe('foreign-unit', () => {
  it('reads the places of an organ name, left to right, with their level', () => {
    assert.deepEqual(placesInOrganName('重庆市开州区岳溪镇人民政府'), [
      { name: '重庆市', level: 'higher' }, { name: '开州区', level: 'county' }, { name: '岳溪镇', level: 'township' }]);
    assert.deepEqual(placesInOrganName('中共平乐县委'), [{ name: '平乐县', level: 'county' }]);
    assert.deepEqual(placesInOrganName('沛县人民政府'), [{ name: '沛县', level: 'county' }]);
    assert.deepEqual(placesInOrganName('广州市天河区石牌街道办事处').map((p) => p.name), ['广州市', '天河区', '石牌街道']);
    assert.deepEqual(placesInOrganName('司法局'), []);
    // A 片区, 园区 or 社区 is an area inside a unit, not a county: the reader stops there.
    assert.deepEqual(placesInOrganName('平潭综合实验区君山片区管理局').map((p) => p.name), ['平潭综合实验区']);
    assert.deepEqual(placesInOrganName('君山片区'), []);
  });

  it('reads the place-name stem that a zone, a district’s old county and a town’s old 乡 share', () => {
    assert.deepEqual(['平潭综合实验区', '平潭县', '滨海新区', '青岛经济开发区', '长安区', '长安县', '岳溪镇', '岳溪乡', '石牌街道'].map(placeStem),
      ['平潭', '平潭', '滨海', '青岛', '长安', '长安', '岳溪', '岳溪', '石牌']);
    // Autonomous places: the two characters before the people's name, which is all a name in the text can share.
    assert.deepEqual(['瀍河回族区', '峨边彝族自治县', '木垒哈萨克自治县'].map(placeStem), ['瀍河', '峨边', '木垒']);
    // A zone without a place name has no stem.
    assert.equal(placeStem('高新区'), '');
  });

  it('is silent on a 片区’s report naming the county its 实验区 administers', () => {
    const text = ['君山片区2024年法治政府建设工作报告', '一、工作开展情况', '2024年，平潭县人民政府为被申请人的行政复议案件中，涉及片区的8件均已办结。'].join('\n');
    assert.deepEqual(checkModel(parseReport(text), { rules: [foreignUnit] }), []);
  });

  const report = ['平乐县人民政府关于2024年度法治政府建设情况的报告', '一、2024年推进法治政府建设的主要举措和成效', '安化县人民政府高度重视法治政府建设。'].join('\n');

  it('offers the reporting unit’s name as a fix that fix-all leaves to the writer', () => {
    const findings = checkModel(parseReport(report), { rules: [foreignUnit] });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'warning');
    assert.deepEqual(findings[0].fixes!.map((f) => [f.title.zh, f.edits[0].newText, f.preferred]), [['改为“平乐县”', '平乐县', false]]);
    assert.equal(fixAll(report, (t) => checkModel(parseReport(t), { rules: [foreignUnit] })).text, report);
  });

  it('is silent on a department’s report, which names the counties it works with', () => {
    const text = ['平乐县司法局关于2024年度法治政府建设情况的报告', '一、2024年推进法治政府建设的主要举措和成效', '安化县人民政府来我县交流。阳朔县司法局派员参加。'].join('\n');
    assert.deepEqual(checkModel(parseReport(text), { rules: [foreignUnit] }), []);
  });
});

describe('the 不足 clause sorter', () => {
  it('tells stock phrases from concrete problems, and leaves the causes out', () => {
    const kinds = (s: string) => problemClauses([s]).map((c) => `${classifyProblemClause(c)}:${c}`);
    assert.deepEqual(kinds('一是依法行政意识有待进一步提高；二是12个乡镇中有7个没有法律专业人员。主要原因是编制紧张。'),
      ['boilerplate:一是依法行政意识有待进一步提高', 'substance:二是12个乡镇中有7个没有法律专业人员']);
    assert.deepEqual(kinds('取得了一些成绩，但也存在一些问题和不足：法律顾问作用发挥不够'),
      ['frame:取得了一些成绩', 'boilerplate:但也存在一些问题和不足', 'boilerplate:法律顾问作用发挥不够']);
    // A named field of trouble is a concrete problem, even without a figure.
    assert.deepEqual(kinds('无证无照经营、生产假冒伪劣商品和涉及生态环境领域案件突出'), ['substance:无证无照经营、生产假冒伪劣商品和涉及生态环境领域案件突出']);
    // The year of the report is no figure.
    assert.deepEqual(kinds('2023年执法水平还需加强'), ['boilerplate:2023年执法水平还需加强']);
  });
});
