// Next year's 政府信息公开 report of the same unit, derived from a real one: the years moved on by one, 表三's
// 二、上年结转 equal to this report's 四、结转下年度继续办理, 表二's 现行有效件数 carried on (last year's ＋ 本年制发
// － 本年废止), and 表三 balanced again through （一）予以公开 and （七）总计. Options break the continuity on purpose.
import { parseReport } from '../../server/src/core/index';
import { govInfoTables, proactiveDocuments, type CellTerm } from '../../server/src/core/model/gov-info-tables';

export interface NextYearOptions {
  /** Added to next year's 上年结转, column by column (the seven columns, 总计 last): a break with this year's 结转. */
  carriedOff?: number[];
  /** Documents a 清理 repealed outside 本年废止件数: taken off 行政规范性文件's 现行有效件数. */
  cleanedUp?: number;
}

export function nextYearReport(text: string, options: NextYearOptions = {}): string {
  const model = parseReport(text);
  const year = model.year?.value;
  const rows = govInfoTables(model).requests?.rows;
  if (year === undefined || !rows) throw new Error('a 政府信息公开 report with its year and 表三');
  const values = (key: string) => rows.find((r) => r.key === key)!.values!;
  const [fresh, carried, firstResult, total, next] = [values('new'), values('carried'), values('result'), values('total'), values('next')];
  const edits: { term: CellTerm; value: number }[] = [];
  for (let c = 0; c < 7; c++) {
    const carriedNow = next[c].value + (options.carriedOff?.[c] ?? 0);
    // Next year carries as many on to the year after; it handles what came in and was carried, less those.
    const totalNow = fresh[c].value + carriedNow - next[c].value;
    edits.push({ term: carried[c], value: carriedNow }, { term: total[c], value: totalNow });
    edits.push({ term: firstResult[c], value: firstResult[c].value + totalNow - total[c].value });
  }
  for (const row of proactiveDocuments(model)) {
    const cleaned = row.key === 'normative' ? options.cleanedUp ?? 0 : 0;
    edits.push({ term: row.inForce, value: row.inForce.value + row.issued.value - row.repealed.value - cleaned });
  }
  const lines = text.split('\n');
  // Right to left within a line, so that earlier cells keep their places.
  edits.sort((a, b) => b.term.cell.range.start.line - a.term.cell.range.start.line || b.term.cell.range.start.character - a.term.cell.range.start.character);
  for (const { term, value } of edits) {
    const { start, end } = term.cell.range;
    lines[start.line] = lines[start.line].slice(0, start.character) + String(value) + lines[start.line].slice(end.character);
  }
  // Years as years (2021年, 2021年度), not inside 文号 such as 〔2021〕1号.
  const moved = (y: number, to: number) => (s: string) => s.replace(new RegExp(`(?<![0-9])${y}(?=年)`, 'g'), String(to));
  return moved(year, year + 1)(moved(year + 1, year + 2)(lines.join('\n')));
}
