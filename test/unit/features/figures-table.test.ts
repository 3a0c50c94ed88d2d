import * as assert from 'assert/strict';
import { figureRows, figuresCsv, parseReport } from '../../../server/src/core/index';
import { seedText } from '../../helpers/seeds';

describe('figures table', () => {
  const rows = figureRows(parseReport(seedText('004')));

  it('has one row per figure with section, subject, value, unit and exactness', () => {
    const money = rows.find((r) => r.text === '1.99亿元')!;
    assert.deepEqual({ ...money, range: undefined, sentence: undefined }, {
      section: '（二）健全政府机构职能体系', subject: '招商引资到位资金', text: '1.99亿元', value: 199000000, upper: null,
      unit: '元', kind: 'money', approximate: false, range: undefined, sentence: undefined,
    });
    assert.equal(rows.find((r) => r.text === '6000余份')!.approximate, true);
  });

  it('exports CSV with a BOM, a header, quoted cells where needed and one line per figure', () => {
    const csv = figuresCsv(rows, 'zh');
    assert.ok(csv.startsWith('\ufeff行,所在部分,统计对象,原文,数值,上限,单位,类别,确数/约数,所在句子\r\n'));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, rows.length + 1);
    assert.ok(lines.some((l) => l.startsWith('10,（二）健全政府机构职能体系,招商引资到位资金,1.99亿元,199000000,,元,money,确数,')));
    const quoted = figuresCsv([{ ...rows[0], sentence: '含有,逗号和"引号"' }], 'en').split('\r\n')[1];
    assert.match(quoted, /,"含有,逗号和""引号"""$/);
  });
});
