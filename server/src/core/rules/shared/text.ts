// Small text facts rules share: the document's line break, where sections end, years mentioned in text.
import type { Position, Range, ReportModel } from '../../model/types';

export function lineBreak(model: ReportModel): string {
  return model.eol === 'CRLF' ? '\r\n' : model.eol === 'CR' ? '\r' : '\n';
}

/** Whether paragraphs are separated by blank lines (as web copies are): inserted text should follow suit. */
export function usesBlankLines(model: ReportModel): boolean {
  let blank = 0;
  let tight = 0;
  for (const h of model.headings) {
    const next = h.line + 1;
    if (next >= model.lines.length) continue;
    if (model.lines[next].trim() === '') blank++;
    else tight++;
  }
  return blank > tight;
}

export function endOfLine(model: ReportModel, line: number): Position {
  return { line, character: model.lines[line].length };
}

/** The first non-blank line of the report, as a range over its content: where document-level findings go. */
export function reportAnchor(model: ReportModel): Range {
  if (model.title) return model.title.lines[0].range;
  for (let i = model.reportLines.start; i < model.lines.length; i++) {
    const text = model.lines[i];
    const start = text.search(/\S/);
    if (start >= 0) return { start: { line: i, character: start }, end: { line: i, character: text.trimEnd().length } };
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export interface YearMention {
  year: number;
  /** Offsets of the four digits in the text. */
  start: number;
  end: number;
}

const YEAR = /((?:19|20)[0-9]{2})\s*年/g;

/**
 * Years written as 「2023年」 in running text, leaving out years inside 《》 titles (「《纲要（2021—2025年）》」)
 * and the ends of ranges (「2021—2025年」「2021-2025年」), which name periods rather than the year spoken of.
 */
export function yearMentions(text: string): YearMention[] {
  const out: YearMention[] = [];
  let depth = 0;
  const inTitle: boolean[] = new Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《') depth++;
    inTitle[i] = depth > 0;
    if (c === '》' && depth > 0) depth--;
  }
  YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(text)) !== null) {
    const start = m.index;
    if (inTitle[start]) continue;
    const before = text.slice(Math.max(0, start - 6), start);
    if (/(?:19|20)[0-9]{2}\s*年?\s*[—–\-－~～至到]$/.test(before)) continue;
    out.push({ year: Number(m[1]), start, end: start + 4 });
  }
  return out;
}
