// 《…》 titles in a line of text, with what stands right next to them: a 文号 in brackets after the title
// (「《…》（国务院令第713号）」) or right before it (「国务院令第713号《…》」). One pass with indexOf('《');
// 〈…〉 inside a title is part of it (「《关于贯彻〈…〉的实施意见》」), never a title of its own.

/** Longest title read; a 《 without its 》 within this many characters is not a title. */
const MAX_TITLE_LENGTH = 120;

export interface CitedTitle {
  /** The title as written, without 《》. */
  text: string;
  /** Offsets in the line: of 《 and just after 》. */
  start: number;
  end: number;
  /** A 文号 in brackets right after 》, or right before 《: as written, with its offsets in the line. */
  number: { text: string; start: number; end: number; side: 'after' | 'before' } | undefined;
}

/** A 文号: 「中发〔2021〕33号」「国办公开办函〔2021〕30号」「国务院令第713号」「中华人民共和国主席令第九号」. */
const NUMBER = String.raw`(?:中华人民共和国)?(?:国务院|主席)令第[0-9０-９一二三四五六七八九十百零〇]+号|[\u4e00-\u9fa5]{1,8}[〔［\[【（(]\s*[12][0-9]{3}\s*[〕］\]】）)]\s*[0-9]+\s*号`;
const NUMBER_AFTER = new RegExp(String.raw`^\s*[（(]\s*(${NUMBER})\s*[）)]`);
const NUMBER_BEFORE = new RegExp(String.raw`(${NUMBER})\s*$`);
/** How far before a 《 a 文号 is looked for. */
const BEFORE_WINDOW = 24;

export function citedTitles(line: string): CitedTitle[] {
  let open = line.indexOf('《');
  if (open < 0) return [];
  const titles: CitedTitle[] = [];
  // The first 》 after the current 《, kept while the next 《 still stands before it: a run of 《 without their 》
  // must not search the rest of the line again from each of them.
  let close = -1;
  while (open >= 0) {
    if (close <= open) {
      close = line.indexOf('》', open + 1);
      if (close < 0) break;
    }
    if (close - open - 1 > MAX_TITLE_LENGTH) {
      open = line.indexOf('《', open + 1);
      continue;
    }
    // A second 《 before the 》 means the first one was never closed: start again from the second.
    const reopened = line.indexOf('《', open + 1);
    if (reopened >= 0 && reopened < close) {
      open = reopened;
      continue;
    }
    const end = close + 1;
    titles.push({ text: line.slice(open + 1, close), start: open, end, number: numberNextTo(line, open, end) });
    open = line.indexOf('《', end);
  }
  return titles;
}

function numberNextTo(line: string, start: number, end: number): CitedTitle['number'] {
  const after = NUMBER_AFTER.exec(line.slice(end, end + 40));
  if (after) {
    const at = end + after[0].indexOf(after[1]);
    return { text: after[1], start: at, end: at + after[1].length, side: 'after' };
  }
  const from = Math.max(0, start - BEFORE_WINDOW);
  const before = NUMBER_BEFORE.exec(line.slice(from, start));
  if (before) {
    const at = from + before.index;
    // Before the title the 文号's first characters may belong to the sentence (「根据中发〔…〕」): whoever
    // compares it must compare from the end.
    return { text: before[1], start: at, end: at + before[1].length, side: 'before' };
  }
  return undefined;
}
