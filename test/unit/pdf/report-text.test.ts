// The reading order rebuilt from pieces of text placed by hand (no PDF, no font): what each step does on the
// layouts real reports have, and on the ones it must leave alone.
import * as assert from 'assert/strict';
import { isPageNumber } from '../../../server/src/node/pdf/furniture';
import type { PageText, TextPiece } from '../../../server/src/node/pdf/pieces';
import { reportText } from '../../../server/src/node/pdf/report-text';
import { withoutJustification } from '../../../server/src/node/pdf/spacing';

/** A piece: its text at (x, baseline y), `size` points, as wide as its characters (CJK 1 em, others ½ em). */
function piece(text: string, x: number, y: number, size = 12): TextPiece {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) >= 0x2e80 ? size : size / 2;
  return { text, x, y, size, width };
}

function page(...pieces: TextPiece[]): PageText {
  return { width: 595, height: 842, pieces };
}

const lines = (pages: PageText[]) => reportText(pages, []).text.split('\n');

/** A body line of 30 characters from the left margin (72) to the right one (72 + 360). */
const LEFT = 72;
const FULL = 30;
const body = (text: string, y: number, indent = false) => piece(text, LEFT + (indent ? 24 : 0), y);

describe('the reading order of PDF text', () => {
  describe('justification spaces', () => {
    it('removes spaces beside Chinese characters and between spread-out single characters, keeps those between words', () => {
      assert.equal(withoutJustification('2023 年 ， 我 区 政 府 信 息 公 开'), '2023年，我区政府信息公开');
      assert.equal(withoutJustification('2 0 2 3 年'), '2023年');
      assert.equal(withoutJustification('使用 App Store 下载'), '使用App Store下载');
      assert.equal(withoutJustification('  第二十条   第（五）项 '), '第二十条第（五）项');
      assert.equal(withoutJustification('10 20'), '10 20');
    });
  });

  describe('page numbers and running headers', () => {
    it('knows page numbers in their usual forms, and nothing else', () => {
      for (const n of ['3', '- 3 -', '—3—', '－ 12 －', '- 1024 -', '第3页', '第 3 页', '第3页 共12页', '3/12', '３', 'Page 3']) assert.ok(isPageNumber(n), n);
      for (const n of ['2023', '一、总体情况', '3件', '12345', '第三页']) assert.ok(!isPageNumber(n), n);
    });

    it('drops page numbers at the top or bottom of a page and a header repeated on most pages, keeps the same words in the body', () => {
      const paragraph = (n: number) => `第${n}部分正文`.padEnd(FULL - 2, '文');
      const pages = [1, 2, 3, 4].map((n) =>
        page(
          ...(n > 1 ? [piece(`某某区2023年政府信息公开工作年度报告（第${n}页）`, 150, 40, 9)] : []),
          body(paragraph(n), 200, true),
          body('某某区2023年政府信息公开工作年度报告。', 218),
          piece(`- ${n} -`, 290, 810, 10),
        ));
      assert.deepEqual(lines(pages), [1, 2, 3, 4].flatMap((n) => [`${paragraph(n)}某某区2023年政府信息公开工作年度报告。`]));
    });
  });

  describe('paragraphs', () => {
    it('joins a line the paragraph filled with the next, across a page, unless the next is indented or a heading', () => {
      const first = '二〇二三年我区认真贯彻落实政府信息公开条例要求各'.padEnd(FULL - 2, '项');
      const pages = [
        page(
          body('一、总体情况', 100, true),
          body(first, 118, true),
          body('工作取得明显成效全年主动公开政府信息一千余条其中通过'.padEnd(FULL, '网'), 136),
        ),
        page(
          body('站公开八百条。', 100),
          body('（一）主动公开方面。', 118, true),
          body('二是加强平台建设。', 136, true),
          body('1.规章'.padEnd(FULL, '正'), 154),
          body('（二）依申请公开', 172),
        ),
      ];
      assert.deepEqual(lines(pages), [
        '一、总体情况',
        `${first}工作取得明显成效全年主动公开政府信息一千余条其中通过${'网'.repeat(FULL - 26)}站公开八百条。`,
        '（一）主动公开方面。',
        '二是加强平台建设。',
        `1.规章${'正'.repeat(FULL - 4)}`,
        '（二）依申请公开',
      ]);
    });

    it('in a report that does not indent, ends a paragraph at a line that ends a sentence', () => {
      const full = (s: string) => s.padEnd(FULL - 1, '文') + '。';
      const pages = [page(
        body(full('第一段'), 100), body(full('第二段'), 118), body('第二段的续行，'.padEnd(FULL, '文'), 136), body('完。', 154),
        // Set to the right: a signature and its date, each a line of its own.
        piece('某某区人民政府办公室', LEFT + 360 - 120, 190), piece('2024年1月20日', LEFT + 360 - 84, 208),
      )];
      assert.deepEqual(lines(pages), [full('第一段'), full('第二段'), '第二段的续行，'.padEnd(FULL, '文') + '完。', '某某区人民政府办公室', '2024年1月20日']);
    });

    it('joins the lines of a long title, set larger and centred', () => {
      const pages = [page(
        piece('平潭综合实验区社会事业局关于2022年', 90, 60, 18),
        piece('法治工作情况的报告', 171, 90, 18),
        body('根据工作要求，现将有关情况报告如下：', 130, true),
        body('一、工作开展情况', 148, true),
        body('（一）加强组织领导。'.padEnd(FULL - 2, '导'), 166, true),
        body('强化法治建设。', 184),
      )];
      assert.deepEqual(lines(pages).slice(0, 2), ['平潭综合实验区社会事业局关于2022年法治工作情况的报告', '根据工作要求，现将有关情况报告如下：']);
    });
  });

  describe('tables', () => {
    const size = 9;
    const at = (text: string, x: number, y: number) => piece(text, x, y, size);
    /** Values centred in columns 40 wide from x = 250. */
    const value = (text: string, column: number, y: number) => at(text, 250 + 40 * column + 20 - (text.length * size) / 4, y);

    it('writes rows with TAB between cells, an empty cell where a row has no value, and finds a column no row fills from its header', () => {
      const pages = [page(
        at('信息内容', 80, 100), value('自然人', 0, 100), value('商业', 1, 100), value('科研', 2, 100), value('总计', 3, 100),
        at('一、本年新收', 80, 120), value('5', 0, 120), value('2', 1, 120), value('7', 3, 120),
        at('二、上年结转', 80, 140), value('0', 0, 140), value('0', 3, 140),
      )];
      assert.deepEqual(lines(pages), ['信息内容\t自然人\t商业\t科研\t总计', '一、本年新收\t5\t2\t\t7', '二、上年结转\t0\t\t\t0']);
    });

    it('reads a header cell wrapped in its narrow column as one, and a label wrapped in its cell as one', () => {
      const pages = [page(
        at('信息内容', 80, 100), value('本年', 0, 100), value('本年', 1, 100),
        value('制发', 0, 111), value('废止', 1, 111),
        at('（二）部分公开（区分处理的，', 80, 130), value('5', 0, 130), value('0', 1, 130),
        at('只计这一情形）', 80, 141),
        at('（三）不予公开', 80, 160), value('1', 0, 160), value('1', 1, 160),
      )];
      assert.deepEqual(lines(pages), ['信息内容\t本年制发\t本年废止', '（二）部分公开（区分处理的，只计这一情形）\t5\t0', '（三）不予公开\t1\t1']);
    });

    it('reads a label wrapped in a cell whose text is centred beside the row’s values as one, on that row', () => {
      const pages = [page(
        at('信息内容', 80, 100), value('自然人', 0, 100), value('总计', 1, 100),
        at('（一）予以公开', 80, 120), value('3', 0, 120), value('3', 1, 120),
        // Within a line's pitch of the row above, but nearer its own row's values.
        at('（二）部分公开（区分处理的，', 80, 131), value('5', 0, 136.5), value('5', 1, 136.5),
        at('只计这一情形）', 80, 142),
        at('（三）不予公开', 80, 166), value('1', 0, 166), value('1', 1, 166),
      )];
      assert.deepEqual(lines(pages), ['信息内容\t自然人\t总计', '（一）予以公开\t3\t3', '（二）部分公开（区分处理的，只计这一情形）\t5\t5', '（三）不予公开\t1\t1']);
    });

    it('reads a label stacked one character per line beside rows as one label on the first row beside it', () => {
      const pages = [page(
        at('项目', 100, 100), value('数量', 0, 100), value('金额', 1, 100),
        at('办', 80, 120), at('（一）予以公开', 100, 120), value('3', 0, 120), value('4', 1, 120),
        at('理', 80, 131),
        at('（二）部分公开', 100, 140), value('1', 0, 140), value('2', 1, 140),
        at('结', 80, 142),
        at('果', 80, 153),
        at('（三）不予公开', 100, 160), value('0', 0, 160), value('0', 1, 160),
      )];
      assert.deepEqual(lines(pages), ['项目\t数量\t金额', '办理结果\t（一）予以公开\t3\t4', '（二）部分公开\t1\t2', '（三）不予公开\t0\t0']);
    });

    it('keeps lines of prose spread with wide gaps at different places as prose', () => {
      const pages = [page(
        piece('全年主动公开政府信息，', 72, 100), piece('全文见www.example.gov.cn网站。', 72 + 11 * 12 + 14, 100),
        piece('依申请公开工作', 72, 118), piece('规范有序推进落实。', 72 + 7 * 12 + 30, 118),
      )];
      assert.deepEqual(lines(pages), ['全年主动公开政府信息，全文见www.example.gov.cn网站。', '依申请公开工作规范有序推进落实。']);
    });

    it('keeps a line of prose with one wide gap, alone, as prose', () => {
      const pages = [page(body('某某区人民政府办公室', 100), piece('2024年1月20日', 300, 100))];
      assert.deepEqual(lines(pages), ['某某区人民政府办公室2024年1月20日']);
    });
  });

  it('maps each page to the line where it starts, a page without text to the next that has some', () => {
    const pages = [page(body('一、总体情况', 100, true)), page(), page(body('二、主要问题', 100, true)), page()];
    assert.deepEqual(reportText(pages, []).pageStarts, [0, 1, 1, 2]);
  });
});

describe('the reading order of PDF text costs the same per page on long documents as on short ones', function () {
  this.timeout(60_000);

  /** Pages full of what costs most: a grid of values (a table of 40 columns), a grid of single characters (40 stacks). */
  function grid(pages: number, kind: 'values' | 'characters'): PageText[] {
    return Array.from({ length: pages }, (_, p) => {
      const pieces: TextPiece[] = [];
      for (let row = 0; row < 60; row++) {
        for (let col = 0; col < 40; col++) {
          const text = kind === 'values' ? String((p + row * col) % 10) : String.fromCharCode(0x4e00 + ((p * 7 + row * 40 + col) % 20000));
          // Values 14 points apart are a table's columns; characters 20 apart are stacks of vertical labels.
          pieces.push(piece(text, 20 + col * (kind === 'values' ? 14 : 20), 40 + row * 12.5, 8));
        }
      }
      return page(...pieces);
    });
  }

  function msPerPage(pages: PageText[]): number {
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t = process.hrtime.bigint();
      reportText(pages, []);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return times.sort((a, b) => a - b)[1] / pages.length;
  }

  for (const kind of ['values', 'characters'] as const) {
    it(`a grid of ${kind}: 32 pages within 2.5× the cost per page of 4`, () => {
      const shape = reportText(grid(1, kind), []).text.split('\n');
      // What was timed: a table of 60 rows of 40 values; 40 stacked labels of 60 characters, each a line of its own.
      if (kind === 'values') assert.deepEqual(shape.map((l) => l.split('\t').length), new Array(60).fill(40));
      else assert.deepEqual(shape.map((l) => [...l].length), new Array(40).fill(60));
      msPerPage(grid(2, kind)); // warm-up
      const short = msPerPage(grid(4, kind));
      const long = msPerPage(grid(32, kind));
      assert.ok(long / short < 2.5, `${long.toFixed(2)} ms per page on 32 pages, ${short.toFixed(2)} on 4`);
    });
  }
});
