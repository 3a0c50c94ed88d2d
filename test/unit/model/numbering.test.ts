import * as assert from 'assert/strict';
import {
  findEnumerations, formatChineseNumeral, matchHeadingMarker, parseChineseNumeral, standardMarker,
} from '../../../server/src/core/model/numbering';

describe('numbering', () => {
  it('parses Chinese numerals used in heading numbers', () => {
    const cases: [string, number | undefined][] = [
      ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['十九', 19], ['二十', 20], ['二十三', 23], ['九十九', 99],
      ['一百', 100], ['一百零五', 105], ['两', 2], ['二三', undefined], ['十十', undefined], ['', undefined],
    ];
    for (const [s, n] of cases) assert.equal(parseChineseNumeral(s), n, s);
  });

  it('formats numbers back, round-tripping 1…120', () => {
    assert.equal(formatChineseNumeral(10), '十');
    assert.equal(formatChineseNumeral(12), '十二');
    assert.equal(formatChineseNumeral(20), '二十');
    assert.equal(formatChineseNumeral(105), '一百〇五');
    for (let n = 1; n <= 120; n++) assert.equal(parseChineseNumeral(formatChineseNumeral(n)), n, String(n));
  });

  it('gives the GB/T 9704 marker of each level', () => {
    assert.deepEqual([1, 2, 3, 4].map((l) => standardMarker(l as 1 | 2 | 3 | 4, 3)), ['三、', '（三）', '3.', '（3）']);
  });

  describe('heading markers at a line start', () => {
    const cases: [string, string | undefined, number?, string?][] = [
      // line, expected "level:value:raw suffix", …
      ['一、总体情况', '1:1:、'],
      ['十二、其他', '1:12:、'],
      ['一.总体情况', '1:1:.'],
      ['一，总体情况', '1:1:，'],
      ['（一）加强组织领导', '2:1:'],
      ['(一)加强组织领导', '2:1:'],
      ['（一)混合括号', '2:1:'],
      ['（一）、多了顿号', '2:1:、'],
      ['（ 二 ）有空格', '2:2:'],
      ['一）只有右括号', '2:1:'],
      ['1.制定目标', '3:1:.'],
      ['1．全角点', '3:1:．'],
      ['１．全角数字', '3:1:．'],
      ['1、顿号', '3:1:、'],
      ['12.第十二条', '3:12:.'],
      ['（1）第四层', '4:1:'],
      ['(1)半角', '4:1:'],
      ['1）右括号', '4:1:'],
      ['（1）.多了点', '4:1:.'],
      // Look-alikes that are not headings.
      ['一是加强领导', undefined],
      ['第一，加强领导', undefined],
      ['1.5万人次参加培训', undefined],
      ['2023年，我镇', undefined],
      ['2023，我镇', undefined],
      ['100，共计', undefined],
      ['3、4个村', undefined],
      ['十分重视', undefined],
      ['一方面', undefined],
      ['（联系人：向辉）', undefined],
      ['(2021-2025年)', undefined],
    ];
    for (const [line, expected] of cases) {
      it(`${line} → ${expected ?? 'no heading'}`, () => {
        const m = matchHeadingMarker(line, 0);
        assert.equal(m ? `${m.level}:${m.value}:${m.suffix}` : undefined, expected);
      });
    }
    it('reports offsets relative to the line when the content is indented', () => {
      const m = matchHeadingMarker('  （三）标题', 2)!;
      assert.deepEqual([m.start, m.end, m.open, m.close], [2, 5, '（', '）']);
    });
  });

  describe('enumerations', () => {
    it('finds 一是/二是 after punctuation and at the start, not inside words', () => {
      const line = '一是加强领导。二是统一是非标准；三是完善制度';
      assert.deepEqual(findEnumerations(line, 0).map((e) => [e.marker, e.value, e.start]), [['一是', 1, 0], ['二是', 2, 7], ['三是', 3, 16]]);
    });
    it('finds 第一，第二， but not 第一责任人', () => {
      const line = '第一，压实责任；第二，履行第一责任人职责。';
      assert.deepEqual(findEnumerations(line, 0).map((e) => [e.marker, e.style]), [['第一', 'di'], ['第二', 'di']]);
    });
  });
});

describe('numbering of long compilations', () => {
  it('reads level-1 numbers past 一百 (a county 汇编 numbers its sections on)', () => {
    for (const n of [99, 100, 105, 120, 999, 1234]) {
      const marker = `${formatChineseNumeral(n)}、`;
      const m = matchHeadingMarker(`${marker}标题`, 0);
      assert.equal(m?.value, n, marker);
      assert.equal(m?.level, 1, marker);
    }
  });
});
