// outdated-template's 2019 tables on a real report: 淮安市's 2024 report with its 表二 turned back into the 2019
// 试行 layout (its captions are written 「第二十条 第（一）项」, split over two cells by the space).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, parseReport } from '../../../server/src/core/index';
import { outdatedTemplate } from '../../../server/src/core/rules/outdated-template';

const HUAIAN = fs.readFileSync(path.resolve(__dirname, '../../fixtures/corpus/gov-info/huaian-2024.txt'), 'utf8');

function with2019Tables(text: string): string {
  const columns = '信息内容\t本年制发件数\t本年废止件数\t现行有效件数';
  const fees = '行政事业性收费\t96171.6';
  assert.ok(text.includes(columns) && text.includes(fees));
  return text
    .replace(columns, '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量')
    .replace(fees, `${fees}\n第二十条 第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t15\t326.5`);
}

describe('outdated-template: the 2019 试行 tables of a 政府信息公开 report', () => {
  const text = with2019Tables(HUAIAN);
  const lines = text.split('\n');
  const cellText = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    lines[r.start.line].slice(r.start.character, r.end.character);

  it('one hint on the first old column, the other old cells related, the split caption as one', () => {
    const found = checkModel(parseReport(text), { rules: [outdatedTemplate] });
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'hint');
    assert.equal(cellText(f.range), '本年新制作数量');
    assert.match(f.message.zh, /^2024年的报告仍用2019年试行格式（国办公开办函〔2019〕60号）的表格：/);
    assert.match(f.message.zh, /“第二十条第（九）项”“政府集中采购”/);
    assert.deepEqual(f.related?.map((r) => cellText(r.range)), ['本年新公开数量', '对外公开总数量', '第二十条 第（九）项', '政府集中采购']);
  });

  it('the same tables in a 2020 report are the format of their time', () => {
    const text2020 = text.replace(/2024年/g, '2020年');
    assert.equal(parseReport(text2020).year?.value, 2020);
    assert.deepEqual(checkModel(parseReport(text2020), { rules: [outdatedTemplate] }), []);
  });

  it('the report as published, with the 2021 tables, gets nothing', () => {
    assert.deepEqual(checkModel(parseReport(HUAIAN), { rules: [outdatedTemplate] }), []);
  });
});
