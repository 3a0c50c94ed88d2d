import * as assert from 'assert/strict';
import { hoverAt, parseReport } from '../../../server/src/core/index';
import { seedText } from '../../helpers/seeds';

function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line].indexOf(needle) + offset };
}

describe('hover', () => {
  const text004 = seedText('004');
  const m004 = parseReport(text004);

  it('on a money figure: normalised value, kind, exactness, subject and section', () => {
    const h = hoverAt(m004, positionOf(text004, '1.99亿元', 1), { locale: 'zh' })!;
    assert.match(h.markdown, /\*\*1\.99亿元\*\* → 199,000,000 元 · 金额 · 确数/);
    assert.match(h.markdown, /统计对象：招商引资到位资金/);
    assert.match(h.markdown, /所在部分：（二）健全政府机构职能体系/);
  });

  it('on a total with a breakdown: the sum of the parts and the verdict', () => {
    const h = hoverAt(m004, positionOf(text004, '151项', 1), { locale: 'zh' })!;
    assert.match(h.markdown, /其中各项 6项 \+ 18项 .* = 97项 ≠ 总数/);
  });

  it('on a rate: recomputed from the counts beside it', () => {
    const text = seedText('000');
    const h = hoverAt(parseReport(text), positionOf(text, '办结率100%', 3), { locale: 'zh' })!;
    assert.match(h.markdown, /518起 ÷ 518起 = 100% ✓/);
  });

  it('on an approximate figure: says so, in English too', () => {
    const h = hoverAt(m004, positionOf(text004, '6000余份', 1), { locale: 'en' })!;
    assert.match(h.markdown, /≈6,000 份 · count · approximate \(“余”\)/);
    assert.match(h.markdown, /Counts：宣传资料/);
  });

  it('on a heading: a table of the section’s figures and totals per unit', () => {
    const h = hoverAt(m004, positionOf(text004, '（二）健全政府机构职能体系', 1), { locale: 'zh' })!;
    assert.match(h.markdown, /\| 统计对象 \| 数值 \| 单位 \|/);
    assert.match(h.markdown, /\| 行政许可 \| 6 \| 项 \|/);
    assert.match(h.markdown, /按单位合计：.*\d+项/);
    assert.match(h.markdown, /199,000,000 元/);
  });

  it('on the title: year, profile, mandated items, figures, richest and poorest sections', () => {
    const text = seedText('003');
    const h = hoverAt(parseReport(text), positionOf(text, '瀍河回族区人民政府关于', 2), { locale: 'zh' })!;
    assert.match(h.markdown, /报告年度：2021/);
    assert.match(h.markdown, /报告类型：法治政府建设年度报告/);
    assert.match(h.markdown, /已有必备内容：3\/5/);
    assert.match(h.markdown, /缺少：上一年度党政主要负责人履行推进法治建设第一责任人职责/);
    assert.match(h.markdown, /数据最多：/);
    assert.match(h.markdown, /数据最少：/);
  });

  it('is silent on plain text and between figures', () => {
    assert.equal(hoverAt(parseReport('hello\nworld'), { line: 0, character: 1 }, { locale: 'zh' }), undefined);
    assert.equal(hoverAt(m004, positionOf(text004, '深入学习贯彻党的二十大精神'), { locale: 'zh' }), undefined);
  });
});
