// The PDF reader on reports laid out as a word processor prints them: paragraphs broken over lines and pages
// joined again, page numbers and running headers gone, the spaces of justified Chinese gone, a table's rows
// with TAB between cells (empty cells kept, a vertical label read as one), and where each page starts.
import * as assert from 'assert/strict';
import { extractPdfText } from '../../../server/src/node/pdf';
import { drawPdf, layoutReport, requireCjkFont, songtiPdf, type Block, type TableCellSpec } from '../../helpers/make-pdf';

const TITLE = '某某区2023年政府信息公开工作年度报告';
const OPENING = '2023年，我区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，认真贯彻《中华人民共和国政府信息公开条例》，' +
  '围绕区委、区政府中心工作，不断加强政府信息公开工作，着力提升政务公开质量和实效，现将有关情况报告如下。';
const PROACTIVE = '（一）主动公开方面。全年主动公开政府信息1234条，其中通过政府网站公开856条，通过政务新媒体公开378条，' +
  '通过App Store上架的移动端应用推送政策解读42篇，同比增长12.5%。';
const SPREAD = '2023年度共受理政府信息公开申请4件，均已按期答复。';

const cell = (text: string, column: number, extra: Partial<TableCellSpec> = {}): TableCellSpec => ({ text, column, ...extra });
const value = (text: string, column: number): TableCellSpec => ({ text, column, align: 'center' });

/** A 表三-like table: a vertical label over three rows, blank cells, and a column (科研机构) blank on every row. */
const TABLE: Block = {
  kind: 'table',
  widths: [24, 100, 50, 50, 50, 50],
  rows: [
    [cell('申请人情况', 0, { span: 2 }), value('自然人', 2), value('商业企业', 3), value('科研机构', 4), value('总计', 5)],
    [cell('一、本年新收政府信息公开申请数量', 0, { span: 2 }), value('3', 2), value('1', 3), value('4', 5)],
    [cell('办理结果', 0, { rows: 3, vertical: true }), cell('（一）予以公开', 1), value('2', 2), value('1', 3), value('3', 5)],
    [cell('（二）部分公开', 1), value('1', 2), value('1', 5)],
    [cell('（三）不予公开', 1), value('0', 2), value('0', 3), value('0', 5)],
    [cell('四、结转下年度继续办理', 0, { span: 2 }), value('0', 2), value('0', 3), value('0', 5)],
  ],
};

const BLOCKS: Block[] = [
  { kind: 'title', text: TITLE },
  { kind: 'heading', text: '一、总体情况' },
  { kind: 'paragraph', text: OPENING },
  { kind: 'paragraph', text: PROACTIVE },
  { kind: 'paragraph', text: SPREAD, spread: 5 },
  { kind: 'heading', text: '二、收到和处理政府信息公开申请情况' },
  TABLE,
  { kind: 'heading', text: '三、存在的主要问题及改进情况' },
  { kind: 'paragraph', text: '政策解读形式不够丰富。' },
  { kind: 'line', text: '某某区人民政府办公室', align: 'right' },
  { kind: 'line', text: '2024年1月20日', align: 'right' },
];

const EXPECTED = [
  TITLE,
  '一、总体情况',
  OPENING,
  PROACTIVE,
  SPREAD,
  '二、收到和处理政府信息公开申请情况',
  '申请人情况\t自然人\t商业企业\t科研机构\t总计',
  '一、本年新收政府信息公开申请数量\t3\t1\t\t4',
  '办理结果\t（一）予以公开\t2\t1\t\t3',
  '（二）部分公开\t1\t\t\t1',
  '（三）不予公开\t0\t0\t\t0',
  '四、结转下年度继续办理\t0\t0\t\t0',
  '三、存在的主要问题及改进情况',
  '政策解读形式不够丰富。',
  '某某区人民政府办公室',
  '2024年1月20日',
];

describe('extractPdfText: a report as a word processor prints it', function () {
  this.timeout(30_000);
  before(function () {
    requireCjkFont(this);
  });

  it('reads paragraphs whole across lines and pages, without page numbers and the running header, and a table as TAB rows', async () => {
    // Small pages, so that paragraphs break over pages; a running header on every page but the first.
    const pdf = await layoutReport(BLOCKS, { page: [420, 250], margin: 40, header: '某某区政府信息公开工作年度报告', pageNumbers: true });
    const { text, pageStarts } = await extractPdfText(pdf);
    assert.deepEqual(text.split('\n'), EXPECTED);
    // Page 2 starts inside the paragraph on 主动公开 (line 3), which page 1 broke mid-sentence; page 3 with the rows
    // beside the vertical label (line 8), which the table keeps together.
    assert.deepEqual(pageStarts, [0, 3, 8]);
  });

  it('reads several files at once as it reads each alone (a workspace check reads them side by side)', async () => {
    const pdfs = await Promise.all(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'].map((h) => drawPdf([[{ text: h, x: 40, y: 40 }]])));
    const alone: string[] = [];
    for (const pdf of pdfs) alone.push((await extractPdfText(pdf)).text);
    const together = await Promise.all(pdfs.map(async (pdf) => (await extractPdfText(pdf)).text));
    assert.deepEqual(together, alone);
    assert.deepEqual(alone, ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']);
  });

  it('reads a page printed turned (a landscape page on a portrait one) as a reader turning it sees it', async () => {
    for (const rotate of [90, -90, 180]) {
      const lines = ['一、总体情况', '全年主动公开政府信息1234条。', '二、主动公开政府信息情况'];
      const pdf = await drawPdf([lines.map((text, k) => ({ text, x: 200, y: 380 + 30 * k, rotate }))]);
      assert.deepEqual((await extractPdfText(pdf)).text.split('\n'), lines, `turned ${rotate}°`);
    }
  });

  it('reads bold faked by printing a line twice, a hair apart, once', async () => {
    const pdf = await drawPdf([[
      { text: '一、总体情况', x: 40, y: 40 },
      { text: '一、总体情况', x: 40.3, y: 40.2 },
      { text: '全年主动公开政府信息1234条。', x: 40, y: 70 },
    ]]);
    assert.deepEqual((await extractPdfText(pdf)).text.split('\n'), ['一、总体情况', '全年主动公开政府信息1234条。']);
  });

  it('keeps a space between Latin words and none beside Chinese characters or between spread-out characters', async () => {
    const pdf = await drawPdf([[
      { text: '使用App Store下载', x: 40, y: 40 },
      { text: '2023 年 政 府 信 息 公 开', x: 40, y: 70 },
      { text: '2023年全区政府信息公开', x: 40, y: 100, characterSpacing: 6 },
    ]]);
    const { text } = await extractPdfText(pdf);
    assert.deepEqual(text.split('\n'), ['使用App Store下载', '2023年政府信息公开', '2023年全区政府信息公开']);
  });
});

describe('extractPdfText: a Chinese font named, not embedded', function () {
  this.timeout(30_000);

  it('reads text encoded for STSong-Light through the predefined CMap UniGB-UCS2-H, from the CMaps shipped', async () => {
    const { text, pageStarts } = await extractPdfText(songtiPdf(['一、总体情况', '2023年，全区主动公开政府信息1234条。']));
    assert.deepEqual(text.split('\n'), ['一、总体情况', '2023年，全区主动公开政府信息1234条。']);
    assert.deepEqual(pageStarts, [0]);
  });
});
