// The report's text from the pieces of text on its pages: the reading order rebuilt, in time linear in the
// number of pieces (a page of a stranger's file may hold anything the limits let through). Pure: positions in,
// text out, so that it is tested on pieces made by hand as well as on PDFs.

import { PdfError } from './error';
import { withoutFurniture } from './furniture';
import { pageLines, type PageLine } from './lines';
import { joinLines, ParagraphJoiner, proseLine, type ProseLine } from './paragraphs';
import type { PageText } from './pieces';
import { findTables } from './tables';
import { joinVerticalLabels } from './vertical';

export interface PdfText {
  text: string;
  /**
   * pageStarts[i]: the line of `text` (from 0) where page i + 1 starts; ascending. A paragraph that a page break
   * cut is one line, where the later page starts; a page without text starts where the next one does (at the
   * number of lines when none follows).
   */
  pageStarts: number[];
}

/**
 * The pages' text in reading order, as lines of text, and the line where each page starts. `missingCMaps`: the
 * CMaps pdf.js asked for and could not have, which tell a file whose text they hid from a scan.
 */
export function reportText(pages: readonly PageText[], missingCMaps: readonly string[]): PdfText {
  const perPage = pages.map((p, i) => joinVerticalLabels(pageLines(i, p.pieces)));
  const body = withoutFurniture(perPage, pages.map((p) => p.height)).flat();
  if (!body.some((l) => l.segments.some((s) => /[\p{L}\p{N}]/u.test(s.text)))) {
    if (missingCMaps.length > 0) {
      const names = [...new Set(missingCMaps)].join(', ');
      throw new PdfError(`PDF 的字体编码（${names}）无法读取`, `the PDF's font encoding (${names}) cannot be read`);
    }
    throw new PdfError('扫描件，没有文字层', 'a scan: no text layer');
  }
  const tables = findTables(body);
  const isTableLine = new Array<boolean>(body.length).fill(false);
  for (const t of tables) for (let i = t.start; i < t.end; i++) isTableLine[i] = true;
  const joiner = new ParagraphJoiner(body.filter((_, i) => !isTableLine[i]));

  const out: string[] = [];
  const firstLineOfPage: (number | undefined)[] = new Array(pages.length).fill(undefined);
  const startPage = (page: number, line: number) => {
    if (firstLineOfPage[page] === undefined) firstLineOfPage[page] = line;
  };
  let previous: ProseLine | undefined;
  let t = 0;
  for (let i = 0; i < body.length; ) {
    const table = tables[t];
    if (table && table.start === i) {
      for (const row of table.rows) {
        startPage(row.page, out.length);
        out.push(row.text);
      }
      // The lines a table covers may be on pages whose rows it moved: they start at its last row at the latest.
      for (let k = table.start; k < table.end; k++) startPage(body[k].page, out.length - 1);
      previous = undefined;
      i = table.end;
      t++;
      continue;
    }
    const line = proseLine(body[i] as PageLine);
    if (line.text.length > 0) {
      if (previous && joiner.continues(previous, line)) {
        startPage(line.line.page, out.length - 1);
        out[out.length - 1] = joinLines(out[out.length - 1], line.text);
      } else {
        startPage(line.line.page, out.length);
        out.push(line.text);
      }
      previous = line;
    }
    i++;
  }
  return { text: out.join('\n'), pageStarts: pageStartsOf(firstLineOfPage, out.length) };
}

/** A page without text starts where the next page with text does (past the end when none follows). */
function pageStartsOf(firstLines: readonly (number | undefined)[], lineCount: number): number[] {
  const starts = new Array<number>(firstLines.length);
  let next = lineCount;
  for (let i = firstLines.length - 1; i >= 0; i--) {
    next = Math.min(next, firstLines[i] ?? next);
    starts[i] = next;
  }
  return starts;
}
