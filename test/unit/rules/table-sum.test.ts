// table-sum on the real reports: silent on the four that balance, and for a copy with any one value cell of
// 表三 or 表四 changed, exactly one error — on that cell when it breaks its row and its column, on the block's
// 总计 when it breaks one equation only — naming the right table and column, row or block.
import * as assert from 'assert/strict';
import { checkModel, govInfoTables, hoverAt, parseReport, RULES, type Finding } from '../../../server/src/core/index';
import { applyEdits } from '../../../server/src/core/fixes';
import { allCorpus, corpusText, withCell } from '../../helpers/corpus';
import { allSeeds } from '../../helpers/seeds';

const tableSum = (text: string): Finding[] => checkModel(parseReport(text)).filter((f) => f.rule === 'table-sum');

describe('table-sum', () => {
  it('is registered as an error citing the 2021 format', () => {
    const rule = RULES.find((r) => r.id === 'table-sum')!;
    assert.equal(rule.defaultSeverity, 'error');
    assert.ok(rule.sources.some((s) => s.cite === '国办公开办函〔2021〕30号'));
  });

  it('is silent on the seeds', () => {
    for (const seed of allSeeds()) assert.deepEqual(tableSum(seed.text), [], seed.name);
  });

  for (const { name, text } of allCorpus('gov-info')) {
    describe(name, () => {
      it('is silent: every table balances', () => {
        assert.deepEqual(tableSum(text).map((f) => f.message.zh), []);
      });

      it('finds any one changed cell of 表三 and 表四, and only it', () => {
        const g = govInfoTables(parseReport(text));
        let checked = 0;
        for (const row of g.requests!.rows) {
          for (const term of row.values!) {
            const c = term.cell;
            const changed = withCell(text, c.range.start.line, c.range.start.character, c.range.end.character, String(term.value + 7));
            const found = tableSum(changed);
            assert.equal(found.length, 1, `${row.name.zh}·${term.columnName.zh}: ${found.map((f) => f.message.zh).join(' | ')}`);
            const f = found[0];
            assert.deepEqual(f.range.start, c.range.start, `${row.name.zh}·${term.columnName.zh} → ${f.message.zh}`);
            assert.equal(f.severity, 'error');
            assert.match(f.message.zh, /^表三 /);
            assert.ok(f.message.zh.includes(`“${row.name.zh}”行`) || f.message.zh.includes(`${term.columnName.zh}列`), f.message.zh);
            assert.match(f.message.zh, /（差7）/);
            assert.ok((f.related ?? []).length > 0, 'the other cells as related information');
            checked++;
          }
        }
        g.reviews!.blocks.forEach((block, b) => {
          for (const term of block) {
            const c = term.cell;
            const changed = withCell(text, c.range.start.line, c.range.start.character, c.range.end.character, String(term.value + 7));
            const found = tableSum(changed);
            assert.equal(found.length, 1);
            // One equation per block: the blame falls on its 总计 (found again: a longer number moves the cells after it).
            const totalAfter = govInfoTables(parseReport(changed)).reviews!.blocks[b][4].cell;
            assert.deepEqual(found[0].range, totalAfter.range);
            assert.ok(found[0].message.zh.startsWith(`表四 ${term.rowName.zh}：`), found[0].message.zh);
            const shownTotal = term === block[4] ? term.value + 7 : block[4].value;
            assert.ok(found[0].message.zh.includes(`总计为${shownTotal.toLocaleString('en-US')}`), found[0].message.zh);
            checked++;
          }
        });
        assert.equal(checked, 25 * 7 + 15);
      });
    });
  }

  it('writes both sides with their terms and the difference', () => {
    const text = corpusText('gov-info', 'pingtan-2021');
    const g = govInfoTables(parseReport(text));
    const total = g.reviews!.blocks[0][4].cell;
    const changed = withCell(text, total.range.start.line, total.range.start.character, total.range.end.character, '0');
    const [f] = tableSum(changed);
    assert.equal(f.message.zh, '表四 行政复议：结果维持1＋结果纠正0＋其他结果2＋尚未审结0＝3，总计为0（差3）');
    assert.equal(f.message.en, 'Table 4, administrative reconsideration: upheld 1 + corrected 0 + other outcome 2 + pending 0 = 3, but total is 0 (off by 3)');
    assert.deepEqual(f.related!.map((r) => r.message.zh), ['行政复议·结果维持：1', '行政复议·结果纠正：0', '行政复议·其他结果：2', '行政复议·尚未审结：0']);
  });

  it('names a column of 表三 with the rows that count, and how many are 0', () => {
    const text = corpusText('gov-info', 'pingtan-2021');
    const g = govInfoTables(parseReport(text));
    const total = g.requests!.rows.find((r) => r.key === 'total')!.values![0].cell;
    const [f] = tableSum(withCell(text, total.range.start.line, total.range.start.character, total.range.end.character, '60'));
    assert.equal(f.message.zh,
      '表三 “（七）总计”行：自然人60＋商业企业0＋科研机构0＋社会公益组织2＋法律服务机构0＋其他4＝66，总计为69（差3）；' +
      '自然人列：本年新收64＋上年结转0＝64，而（七）总计60＋结转下年度继续办理1＝61（差3）；' +
      '自然人列：（一）予以公开27＋（二）部分公开5＋（三）5.属于三类内部事务信息1＋（三）7.属于行政执法案卷6＋（三）8.属于行政查询事项1＋（四）1.本机关不掌握相关政府信息22＋（六）3.其他1＋其余14项0＝63，（七）总计为60（差3）');
  });

  it('checks a subtotal row some units add against its sub-rows, without counting it twice', () => {
    const text = corpusText('gov-info', 'pingtan-2021');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('（三）不予公开'));
    // 「（三）不予公开」 on its own row with the sum of its eight sub-rows (1 + 6 + 1 = 8).
    lines.splice(at, 1, '（三）不予公开\t8\t0\t0\t0\t0\t0\t8', lines[at].replace('（三）不予公开\t', ''));
    const balanced = lines.join('\n');
    assert.deepEqual(tableSum(balanced), []);
    const g = govInfoTables(parseReport(balanced));
    assert.ok(g.equations.some((e) => e.kind === 'requests-group'));
    const wrong = balanced.replace('（三）不予公开\t8\t0\t0\t0\t0\t0\t8', '（三）不予公开\t9\t0\t0\t0\t0\t0\t8');
    const found = tableSum(wrong);
    assert.equal(found.length, 1);
    assert.match(found[0].message.zh, /（三）不予公开小计·自然人列：.*＝8，（三）不予公开小计为9（差1）/);
  });

  it('hints at a number a converter split over two cells, and raises no error for that row', () => {
    const text = corpusText('gov-info', 'pingtan-2021');
    const split = text.replace('（一）予以公开\t27\t0\t0\t2\t0\t1\t30', '（一）予以公开\t2\t7\t0\t0\t2\t0\t1\t30');
    const found = tableSum(split);
    assert.deepEqual(found.map((f) => f.severity), ['hint']);
    assert.match(found[0].message.zh, /“2”“7”可能是被拆成两格的“27”/);
  });

  it('hovering a cell shows its row, column, value and equations', () => {
    const model = parseReport(corpusText('gov-info', 'pingtan-2021'));
    const cell = govInfoTables(model).requests!.rows.find((r) => r.key === 'new')!.values![0].cell;
    const hover = hoverAt(model, cell.range.start, { locale: 'zh' })!;
    assert.deepEqual(hover.range, cell.range);
    assert.match(hover.markdown, /^\*\*64\*\* · 表三 收到和处理政府信息公开申请情况\n/);
    assert.match(hover.markdown, /- 行：本年新收/);
    assert.match(hover.markdown, /- 列：自然人/);
    assert.doesNotMatch(hover.markdown, /数值：/, 'the value is on the title line, as written');
    assert.match(hover.markdown, /✓ 表三 “本年新收”行：自然人64＋/);
    assert.match(hover.markdown, /✓ 表三 自然人列：本年新收64＋上年结转0＝64，等于（七）总计63＋结转下年度继续办理1＝64（成立）/);
    const en = hoverAt(model, cell.range.start, { locale: 'en' })!;
    assert.match(en.markdown, /Row: new this year/);
    assert.doesNotMatch(en.markdown, /Row：|Column：|Value：/);
  });
});

describe('the missing-section fix of a 政府信息公开 report', () => {
  it('inserts a missing table section with the template table, which parses as that table and adds up', () => {
    const text = corpusText('gov-info', 'pingtan-2021');
    const lines = text.split('\n');
    // Drop 「三、收到和处理…」 and its table, renumbering nothing: the fix puts it back.
    const from = lines.findIndex((l) => l.startsWith('三、收到和处理'));
    const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const without = [...lines.slice(0, from), ...lines.slice(to).map((l) => l.replace(/^四、政府/, '三、政府').replace(/^五、存在/, '四、存在').replace(/^六、其他/, '五、其他'))].join('\n');
    const missing = checkModel(parseReport(without)).find((f) => f.rule === 'missing-section')!;
    assert.match(missing.message.zh, /收到和处理政府信息公开申请情况/);
    const fixed = applyEdits(without, missing.fixes![0].edits);
    const model = parseReport(fixed);
    const g = govInfoTables(model);
    assert.equal(g.requests?.layout, 25);
    assert.ok(g.requests!.rows.every((r) => r.values!.every((t) => t.value === 0)));
    assert.equal(model.tables[1].section?.title, '收到和处理政府信息公开申请情况');
    assert.deepEqual(checkModel(model).filter((f) => ['missing-section', 'table-sum'].includes(f.rule) || f.rule.startsWith('numbering-')).map((f) => `${f.rule}: ${f.message.zh}`), []);
  });
});
