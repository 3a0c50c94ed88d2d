// The 《》 title extractor: titles with their offsets and the 文号 standing next to them.
import * as assert from 'assert/strict';
import { citedTitles } from '../../../server/src/core/model/titles';

describe('citedTitles', () => {
  it('finds each title with its offsets, 《 to after 》', () => {
    const line = '贯彻《法治中国建设规划（2020—2025年）》《法治社会建设实施纲要（2020—2025年）》和《信访工作条例》。';
    const titles = citedTitles(line);
    assert.deepEqual(titles.map((t) => t.text), ['法治中国建设规划（2020—2025年）', '法治社会建设实施纲要（2020—2025年）', '信访工作条例']);
    for (const t of titles) assert.equal(line.slice(t.start, t.end), `《${t.text}》`);
  });

  it('reads a 文号 in brackets after the title, full- or half-width', () => {
    const [a, b] = citedTitles('根据《重大行政决策程序暂行条例》（国务院令第713号）和《法治政府建设实施纲要(2021-2025年)》(中发〔2021〕33号)');
    assert.deepEqual(a.number && { text: a.number.text, side: a.number.side }, { text: '国务院令第713号', side: 'after' });
    assert.equal(b.number?.text, '中发〔2021〕33号');
  });

  it('reads a 文号 right before the title, and 主席令 numbers in Chinese numerals', () => {
    const [a] = citedTitles('国务院令第713号《重大行政决策程序暂行条例》');
    assert.deepEqual(a.number && { text: a.number.text, start: a.number.start, side: a.number.side }, { text: '国务院令第713号', start: 0, side: 'before' });
    const [b] = citedTitles('学习《中华人民共和国行政复议法》（中华人民共和国主席令第九号）');
    assert.equal(b.number?.text, '中华人民共和国主席令第九号');
  });

  it('takes no other bracket for a 文号: （以下简称《纲要》）, （2021年修订）', () => {
    const titles = citedTitles('《法治政府建设实施纲要（2021—2025年）》（以下简称《纲要》）和《行政处罚法》（2021年修订）');
    assert.deepEqual(titles.map((t) => [t.text, t.number]), [['法治政府建设实施纲要（2021—2025年）', undefined], ['纲要', undefined], ['行政处罚法', undefined]]);
  });

  it('keeps 〈〉 inside a title as part of it (seed 004), and skips a 《 never closed', () => {
    assert.deepEqual(citedTitles('《云阳县人民政府关于贯彻〈重庆市重大行政决策程序规定〉的实施意见》').map((t) => t.text), ['云阳县人民政府关于贯彻〈重庆市重大行政决策程序规定〉的实施意见']);
    assert.deepEqual(citedTitles('书名号《未闭合，后面《信访工作条例》').map((t) => t.text), ['信访工作条例']);
    assert.deepEqual(citedTitles('没有书名号的一行'), []);
  });
});
