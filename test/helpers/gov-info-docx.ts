// 表二 and 表三 of 平潭综合实验区's 2021 政府信息公开工作年度报告 as Word tables, laid out as the template
// (国办公开办函〔2021〕30号) lays them out: 「三、本年度办理结果」 merged down its 22 result rows, 「（三）不予公开」 down
// its 8, the header's note merged down three rows and across the three label columns, 「申请人情况」 across the
// seven value columns. The row labels' 「一、」「（一）」「1.」 are Word's automatic numbering, one multi-level
// list through the table's cells; the section headings are numbered by another. Labels and numbers are those of
// test/fixtures/docx/pingtan-2021-tables.txt, the report's text as pasted from its web page.
import * as fs from 'fs';
import * as path from 'path';
import {
  AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType,
} from 'docx';

export const PINGTAN_TABLES_TEXT = fs.readFileSync(path.resolve(__dirname, '../fixtures/docx/pingtan-2021-tables.txt'), 'utf8').replace(/\n$/, '');

/**
 * A cell: its text ('\n' between the paragraphs of a cell), `span` columns wide; `merge: 'restart'` starts a
 * cell merged down the rows below, `merge: 'continue'` is a cell of those rows that the merged cell covers.
 */
export interface CellSpec {
  text?: string;
  span?: number;
  merge?: 'restart' | 'continue';
}
export type Cell = CellSpec | string | number;
export type Rows = Cell[][];

const wide = (text: string | number, span: number): CellSpec => ({ text: String(text), span });
const down = (text: string, span = 1): CellSpec => ({ text, span, merge: 'restart' });
/** A cell covered by the merged cell above it. */
const up = (span = 1): CellSpec => ({ span, merge: 'continue' });
const UP = up();

export function table2Rows(): Rows {
  return [
    [wide('第二十条第（一）项', 4)],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', 0, 0, 0],
    ['行政规范性文件', 69, 3, 665],
    [wide('第二十条第（五）项', 4)],
    ['信息内容', wide('本年处理决定数量', 3)],
    ['行政许可', wide(2293, 3)],
    [wide('第二十条第（六）项', 4)],
    ['信息内容', wide('本年处理决定数量', 3)],
    ['行政处罚', wide(1282, 3)],
    ['行政强制', wide(42, 3)],
    [wide('第二十条第（八）项', 4)],
    ['信息内容', wide('本年收费金额（单位：万元）', 3)],
    ['行政事业性收费', wide('24252.311082', 3)],
  ];
}

/** 三 label columns, then 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
export function table3Rows(): Rows {
  const zeros = [0, 0, 0, 0, 0, 0, 0];
  return [
    [down('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3), wide('申请人情况', 7)],
    [up(3), down('自然人'), wide('法人或其他组织', 5), down('总计')],
    // Header cells broken over two lines in their narrow columns.
    [up(3), UP, '商业\n企业', '科研\n机构', '社会公益\n组织', '法律服务\n机构', '其他', UP],
    [wide('一、本年新收政府信息公开申请数量', 3), 64, 0, 0, 2, 0, 4, 70],
    [wide('二、上年结转政府信息公开申请数量', 3), ...zeros],
    [down('三、本年度办理结果'), wide('（一）予以公开', 2), 27, 0, 0, 2, 0, 1, 30],
    [UP, wide('（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）', 2), 5, 0, 0, 0, 0, 0, 5],
    [UP, down('（三）不予公开'), '1.属于国家秘密', ...zeros],
    [UP, UP, '2.其他法律行政法规禁止公开', ...zeros],
    [UP, UP, '3.危及“三安全一稳定”', ...zeros],
    [UP, UP, '4.保护第三方合法权益', ...zeros],
    [UP, UP, '5.属于三类内部事务信息', 1, 0, 0, 0, 0, 0, 1],
    [UP, UP, '6.属于四类过程性信息', ...zeros],
    [UP, UP, '7.属于行政执法案卷', 6, 0, 0, 0, 0, 0, 6],
    [UP, UP, '8.属于行政查询事项', 1, 0, 0, 0, 0, 0, 1],
    [UP, down('（四）无法提供'), '1.本机关不掌握相关政府信息', 22, 0, 0, 0, 0, 3, 25],
    [UP, UP, '2.没有现成信息需要另行制作', ...zeros],
    [UP, UP, '3.补正后申请内容仍不明确', ...zeros],
    [UP, down('（五）不予处理'), '1.信访举报投诉类申请', ...zeros],
    [UP, UP, '2.重复申请', ...zeros],
    [UP, UP, '3.要求提供公开出版物', ...zeros],
    [UP, UP, '4.无正当理由大量反复申请', ...zeros],
    [UP, UP, '5.要求行政机关确认或重新出具已获取信息', ...zeros],
    [UP, down('（六）其他处理'), '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...zeros],
    [UP, UP, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...zeros],
    [UP, UP, '3.其他', 1, 0, 0, 0, 0, 0, 1],
    [UP, wide('（七）总计', 2), 63, 0, 0, 2, 0, 4, 69],
    [wide('四、结转下年度继续办理', 3), 1, 0, 0, 0, 0, 0, 1],
  ];
}

/** The row of `rows` with a cell reading `label`. */
export function rowWith(rows: Rows, label: string): Cell[] {
  const row = rows.find((cells) => cells.some((c) => (typeof c === 'object' ? c.text : String(c)) === label));
  if (!row) throw new Error(`no row ${label}`);
  return row;
}

/** Row labels numbered by Word: 「一、」 level 0, 「（一）」 level 1, 「1.」 level 2 (which restarts under each level 1). */
const ROW_NUMBER = /^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）|(\d+)\.(?!\d))/;

function cellParagraphs(text: string): Paragraph[] {
  return text.split('\n').map((line) => {
    const m = ROW_NUMBER.exec(line);
    if (!m) return new Paragraph({ children: [new TextRun(line)] });
    const level = m[1] ? 0 : m[2] ? 1 : 2;
    return new Paragraph({ numbering: { reference: 'rows', level }, children: [new TextRun(line.slice(m[0].length))] });
  });
}

function table(rows: Rows): Table {
  return new Table({
    rows: rows.map((cells) => new TableRow({
      children: cells.map((c) => {
        const spec: CellSpec = typeof c === 'object' ? c : { text: String(c) };
        return new TableCell({
          children: spec.merge === 'continue' ? [new Paragraph('')] : cellParagraphs(spec.text ?? ''),
          columnSpan: spec.span && spec.span > 1 ? spec.span : undefined,
          verticalMerge: spec.merge === 'restart' ? VerticalMergeType.RESTART : spec.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
        });
      }),
    })),
  });
}

/** The report's title, 表二 and 表三 under their numbered section headings, as a .docx. */
export async function pingtanTablesDocx(tables: { table2?: Rows; table3?: Rows } = {}): Promise<Buffer> {
  const [title, section2] = PINGTAN_TABLES_TEXT.split('\n');
  const section3 = PINGTAN_TABLES_TEXT.split('\n').find((l) => l.startsWith('三、收到和处理'))!;
  const heading = (line: string) => new Paragraph({ numbering: { reference: 'sections', level: 0 }, children: [new TextRun(line.replace(/^[一二三四五六七八九十]+、/, ''))] });
  const document = new Document({
    numbering: {
      config: [
        { reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 2, alignment: AlignmentType.LEFT }] },
        {
          reference: 'rows',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{
      children: [
        new Paragraph({ children: [new TextRun(title)] }),
        heading(section2),
        table(tables.table2 ?? table2Rows()),
        heading(section3),
        table(tables.table3 ?? table3Rows()),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

/** Where a row's value cell is in the text: the row is found by the start of its own label. */
export function valueCellRange(text: string, rowLabel: string, valueIndex: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith(rowLabel) || l.includes(`\t${rowLabel}`));
  if (line < 0) throw new Error(`no row ${rowLabel}`);
  const cells = lines[line].split('\t');
  const first = cells.length - 7;
  let character = 0;
  for (let k = 0; k < first + valueIndex; k++) character += cells[k].length + 1;
  return { start: { line, character }, end: { line, character: character + cells[first + valueIndex].length } };
}
