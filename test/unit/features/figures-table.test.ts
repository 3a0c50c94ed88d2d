import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { csvField } from '../../../server/src/core/features/figures-table';
import { figureRows, figuresCsv, parseReport, type FigureRow } from '../../../server/src/core/index';
import { seedText } from '../../helpers/seeds';

const PINGTAN = path.resolve(__dirname, '../../fixtures/corpus/gov-info/pingtan-2021.txt');

describe('figures table', () => {
  const rows = figureRows(parseReport(seedText('004')));

  it('has one row per figure with section, subject, value, unit and exactness', () => {
    const money = rows.find((r) => r.text === '1.99亿元')!;
    assert.deepEqual({ ...money, range: undefined, sentence: undefined, sentenceAt: undefined }, {
      section: '（二）健全政府机构职能体系', subject: '招商引资到位资金', text: '1.99亿元', value: 199000000, upper: null,
      unit: '元', kind: 'money', approximate: false, range: undefined, sentence: undefined, sentenceAt: undefined, table: '', row: '', column: '',
    });
    assert.equal(rows.find((r) => r.text === '6000余份')!.approximate, true);
  });

  it('exports CSV with a BOM, a header, quoted cells where needed and one line per figure', () => {
    const csv = figuresCsv(rows, 'zh');
    assert.ok(csv.startsWith('\ufeff行,所在部分,统计对象,原文,数值,上限,单位,类别,确数/约数,所在句子,表格,行名,列名\r\n'));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, rows.length + 1);
    assert.ok(lines.some((l) => l.startsWith('10,（二）健全政府机构职能体系,招商引资到位资金,1.99亿元,199000000,,元,money,确数,')));
    const quoted = figuresCsv([{ ...rows[0], sentence: '含有,逗号和"引号"' }], 'en').split('\r\n')[1];
    assert.match(quoted, /,"含有,逗号和""引号""",,,$/);
  });

  it('neutralises CSV formulas in text fields only: = + - @ TAB CR first get a leading \'; numbers stay numbers', () => {
    for (const text of ['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1']) {
      const field = csvField(text);
      assert.ok(field.replace(/^"/, '').startsWith(`'${text[0]}`), `${JSON.stringify(text)} → ${field}`);
    }
    assert.equal(csvField('=a,b'), `"'=a,b"`, 'quoted as well when it holds a comma');
    assert.equal(csvField(-5), '-5');
    assert.equal(csvField(-0.25), '-0.25');
    assert.equal(csvField(null), '');
    assert.equal(csvField('正文=1'), '正文=1', 'only the first character counts');
    const row = figuresCsv([{ ...rows[0], value: -3, subject: '-3摄氏度', sentence: '=1+1' }], 'zh').split('\r\n')[1].split(',');
    assert.deepEqual([row[2], row[4], row[9]], [`'-3摄氏度`, '-3', `'=1+1`]);
  });
});

describe('figures table: a figure carries an excerpt of its sentence, not the whole of it', () => {
  const report = (paragraph: string) => figureRows(parseReport(['某某县人民政府关于2023年度法治政府建设情况的报告', '一、2023年推进法治政府建设的主要举措和成效', paragraph].join('\n')));

  it('a short sentence whole, with its end mark', () => {
    const rows = report('全年受理行政复议案件15件。办结12件。');
    assert.deepEqual(rows.map((r) => r.sentence), ['全年受理行政复议案件15件。', '办结12件。']);
  });

  it('a long sentence cut to 60 characters on either side of the figure, 「…」 where it is cut', () => {
    const before = '依法'.repeat(50);
    const after = '推进'.repeat(50);
    const [row] = report(`${before}受理行政复议案件15件${after}。`);
    assert.equal(row.sentence, `…${`${before}受理行政复议案件`.slice(-60)}15件${`${after}。`.slice(0, 60)}…`);
    // Cut on one side only: the start of the sentence is near.
    const [near] = report(`受理案件15件${after}。`);
    assert.equal(near.sentence, `受理案件15件${after.slice(0, 60)}…`);
  });

  it('says where the figure stands in its excerpt, cut or not (a view marks it there)', () => {
    const before = '依法'.repeat(50);
    for (const paragraph of ['全年受理行政复议案件15件。', `${before}受理行政复议案件15件${'推进'.repeat(50)}。`, `${'𠀀'.repeat(40)}受理案件15件。`, `办结15件，受理15件。`]) {
      for (const row of report(paragraph)) {
        assert.equal(row.sentence.slice(row.sentenceAt, row.sentenceAt + row.text.length), row.text, `${row.text} in ${row.sentence}`);
      }
    }
    const [first, second] = report('办结15件，受理15件。');
    assert.deepEqual([first.sentenceAt, second.sentenceAt], [2, 8], 'the figure itself, not the first same text');
    for (const r of figureRows(parseReport(seedText('004')))) assert.equal(r.sentence.slice(r.sentenceAt, r.sentenceAt + r.text.length), r.text);
  });

  it('never splits a character written as two UTF-16 units', () => {
    const [row] = report(`${'𠀀'.repeat(40)}受理案件15件。`);
    assert.ok(row.sentence.startsWith('…'));
    assert.ok(!/[\udc00-\udfff]/.test(row.sentence[1]), 'no lone low surrogate after the ellipsis');
  });

  it('so that the rows grow with the figures, not with the sentence: 2,000 figures in one sentence of 19,000 characters', () => {
    const clauses = Array.from({ length: 2000 }, (_, i) => `受理案件${i + 1}件，`).join('');
    const rows = report(`${clauses}。`);
    assert.ok(clauses.length > 18_000);
    assert.equal(rows.length, 2000);
    for (const r of rows) assert.ok(r.sentence.length <= 60 * 2 + r.text.length + 2, `${r.sentence.length} characters`);
    assert.ok(figuresCsv(rows, 'zh').length < 400_000);
  });

  it('a section name is cut to 80 characters (a run-in heading\'s title runs to the first 。, however far)', () => {
    const rows = figureRows(parseReport(['某某县人民政府关于2023年度法治政府建设情况的报告', `（一）${'推进依法行政，'.repeat(30)}。${'受理案件12件，'.repeat(100)}`].join('\n')));
    assert.equal(rows.length, 100);
    for (const r of rows) assert.ok(r.section.length === 80 && r.section.startsWith('（一）推进依法行政') && r.section.endsWith('…'), r.section);
  });
});

describe('figures table of a report with tables (平潭 2021 政府信息公开)', () => {
  const text = fs.readFileSync(PINGTAN, 'utf8');
  const lines = text.split(/\r?\n/);
  const rows = figureRows(parseReport(text));
  const cell = (table: string, row: string, column: string) => {
    const found = rows.filter((r) => r.table.startsWith(table) && r.row === row && r.column === column);
    assert.equal(found.length, 1, `${table} ${row} ${column}: ${found.length} rows`);
    return found[0];
  };

  it('lists each value cell with its table, row and column, and what it counts', () => {
    const granted = cell('表三', '（一）予以公开', '自然人');
    assert.equal(granted.value, 27);
    assert.equal(granted.text, '27');
    assert.equal(granted.table, '表三 收到和处理政府信息公开申请情况');
    assert.equal(granted.subject, '（一）予以公开·自然人');
    assert.equal(granted.section, '三、收到和处理政府信息公开申请情况');
    assert.equal(granted.kind, 'count');
    assert.equal(granted.sentence, '');
    assert.equal(granted.sentenceAt, -1);
    // The range is the cell's own text on its line of the report.
    const { start, end } = granted.range;
    assert.match(lines[start.line], /（一）予以公开\t27\t/);
    assert.equal(lines[start.line].slice(start.character, end.character), '27');

    const rules = cell('表二', '行政规范性文件', '现行有效件数');
    assert.deepEqual([rules.value, rules.unit, rules.kind], [665, '件', 'count']);
    assert.equal(cell('表四', '行政复议', '总计').value, 3);
    assert.equal(cell('表三', '（七）总计', '总计').value, 69);
  });

  it('turns a column in 万元 into 元, as it does for the money of sentences', () => {
    const fees = cell('表二', '行政事业性收费', '本年收费金额（单位：万元）');
    assert.equal(fees.text, '24252.311082');
    assert.deepEqual([fees.kind, fees.unit, fees.value], ['money', '元', 242523110.82]);
    assert.equal(fees.subject, '行政事业性收费·本年收费金额');
  });

  it('has every table cell and every sentence figure once, in document order', () => {
    const tableRows = rows.filter((r) => r.table !== '');
    // 表二 10 values, 表三 25 rows of 7, 表四 15.
    assert.equal(tableRows.length, 10 + 25 * 7 + 15);
    assert.ok(rows.some((r) => r.table === '' && r.text === '2645条' && r.sentence.includes('2645条')));
    const position = (r: FigureRow) => [r.range.start.line, r.range.start.character];
    for (let i = 1; i < rows.length; i++) {
      const [l0, c0] = position(rows[i - 1]);
      const [l1, c1] = position(rows[i]);
      assert.ok(l0 < l1 || (l0 === l1 && c0 < c1), `row ${i} at ${l1}:${c1} after ${l0}:${c0}`);
    }
    // Part 六 follows the tables: its sentence figure comes after the last table cell.
    const last = rows[rows.length - 1];
    assert.deepEqual([last.table, last.section, last.text], ['', '六、其他需要报告的事项', '2021年']);
  });

  it('puts table, row and column last in the CSV, in both languages', () => {
    const csv = figuresCsv(rows, 'en');
    assert.ok(csv.startsWith('\ufeffline,section,counts,as written,value,upper,unit,kind,exact/approximate,sentence,table,row,column\r\n'));
    const granted = cell('表三', '（一）予以公开', '自然人');
    const line = `${granted.range.start.line + 1},三、收到和处理政府信息公开申请情况,（一）予以公开·自然人,27,27,,,count,exact,,表三 收到和处理政府信息公开申请情况,（一）予以公开,自然人`;
    assert.ok(csv.split('\r\n').includes(line), line);
  });
});
