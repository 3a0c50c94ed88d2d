// unbalanced-pair: a paired mark without its partner — 「开通12345”政务服务热线」 (a ” with no “), a “ or 《 or （
// never closed. GB/T 15834-2011 gives 引号, 括号 and 书名号 as pairs (§4.8, §4.9, §4.15).
// What is certain, and only that, is reported:
// - a closing mark with nothing open before it in its section;
// - an opening mark still open where its section ends (at the next heading, or the end of the text).
// A pair may span paragraphs: text pasted with hard line breaks puts “ on one line and ” on the next, so marks
// balance across the lines of one section. A quotation of several paragraphs opens each with “ and closes only
// the last (GB/T 15834-2011 §4.8): a “ that opens a paragraph while one is still open continues it. Each family
// balances on its own (crossed pairs such as 「（“…）”」 are left alone), and （ may close with ) (OCR and web
// copies mix widths; numbering-style speaks of widths). Not read: the report title, tables, web-page text.
import type { FindingInput, Rule } from '../findings';
import type { Heading, Range } from '../model/types';
import { paragraphMemo } from './shared/memo';
import { GBT_15834_PAIRS } from './shared/sources';

interface Family {
  open: string;
  close: string;
  zh: string;
  en: string;
}

const FAMILIES: readonly Family[] = [
  { open: '“', close: '”', zh: '引号', en: 'quotation mark' },
  { open: '‘', close: '’', zh: '单引号', en: 'single quotation mark' },
  { open: '《', close: '》', zh: '书名号', en: 'title mark' },
  { open: '〈', close: '〉', zh: '单书名号', en: 'single title mark' },
  { open: '（', close: '）', zh: '括号', en: 'bracket' },
  { open: '【', close: '】', zh: '方头括号', en: 'square bracket' },
  { open: '「', close: '」', zh: '直角引号', en: 'corner quotation mark' },
  { open: '『', close: '』', zh: '双直角引号', en: 'double corner quotation mark' },
];
const PAREN = 4;
/** The quotation marks, whose opening and closing forms are easily swapped when typed. */
const QUOTES = new Set([0, 1, 6, 7]);

/** Family index of each mark; the half-width round brackets belong with the full-width ones. */
const OPENS = new Map<string, number>([...FAMILIES.map((f, i) => [f.open, i] as [string, number]), ['(', PAREN]]);
const CLOSES = new Map<string, number>([...FAMILIES.map((f, i) => [f.close, i] as [string, number]), [')', PAREN]]);
const ANY_MARK = /[“”‘’《》〈〉（）()【】「」『』]/g;

/** 「1）」「a)」「二）」「②)」 after a clause boundary: an item number, which needs no opening bracket. */
const ITEM_NUMBER_BEFORE = /(?:^|[\s。；;：:，,、！!？?])(?:[0-9０-９]{1,3}|[A-Za-zＡ-Ｚａ-ｚ]|[一二三四五六七八九十]{1,3}|[①-⑳])$/;

/** A mark left alone in a text: a closing one with nothing open, or an opening one still open at its end. */
interface LoneMark {
  family: number;
  closing: boolean;
  at: number;
  mark: string;
}

const NONE: readonly LoneMark[] = Object.freeze([]);
const memo = paragraphMemo<readonly LoneMark[]>();

/** The lone marks of a text from `from` on, closing ones first in text order, then the opening ones still open. */
export function loneMarks(text: string, from = 0): readonly LoneMark[] {
  // The regular expression jumps from mark to mark: most of a paragraph is no mark.
  ANY_MARK.lastIndex = from;
  let m = ANY_MARK.exec(text);
  if (!m) return NONE;
  // Per family, the offsets of opening marks still open; made when a family first occurs.
  const stacks: (number[] | undefined)[] = new Array(FAMILIES.length);
  const out: LoneMark[] = [];
  for (; m; m = ANY_MARK.exec(text)) {
    const i = m.index;
    const c = m[0];
    const opens = OPENS.get(c);
    if (opens !== undefined) {
      (stacks[opens] ??= []).push(i);
      continue;
    }
    const closes = CLOSES.get(c)!;
    const stack = stacks[closes];
    if (stack !== undefined && stack.length > 0) {
      stack.pop();
      continue;
    }
    if (closes === PAREN && ITEM_NUMBER_BEFORE.test(text.slice(Math.max(0, i - 4), i))) continue;
    // 「children’s」: an apostrophe, not a quotation mark.
    if (c === '’' && /[A-Za-z]/.test(text[i - 1] ?? '')) continue;
    out.push({ family: closes, closing: true, at: i, mark: c });
  }
  for (let family = 0; family < stacks.length; family++) {
    for (const at of stacks[family] ?? []) out.push({ family, closing: false, at, mark: text[at] });
  }
  return out.length > 0 ? out : NONE;
}

export const unbalancedPair: Rule = {
  id: 'unbalanced-pair',
  defaultSeverity: 'warning',
  description: { zh: '成对的标点（引号、书名号、括号）缺少另一半', en: 'A paired punctuation mark (quotation mark, title mark, bracket) without its partner' },
  sources: [GBT_15834_PAIRS],
  reportsOnly: true,
  readsWording: true,
  check({ model, report }) {
    /** Opening marks still open, per family, with where they stand. */
    const open: { line: number; character: number; mark: string }[][] = FAMILIES.map(() => []);
    const flush = () => {
      open.forEach((stack, family) => {
        for (let i = 0; i < stack.length; i++) {
          const o = stack[i];
          const next = stack[i + 1];
          // 「“放管服“改革」: two opening quotes on one line with no closing one between them — the second was meant
          // to close the first. One finding, on the second.
          if (next && next.line === o.line && QUOTES.has(family)) {
            report(reversed(family, next.mark, next.line, next.character));
            i++;
          } else {
            report(unclosed(family, o.mark, o.line, o.character));
          }
        }
        stack.length = 0;
      });
    };
    const visit = (text: string, line: number, offset: number, heading: boolean, lone: readonly LoneMark[]) => {
      // Every heading starts afresh: nothing opened above it may close below it.
      if (heading) flush();
      let marks = lone;
      const leading = text.length > 0 ? OPENS.get(text[0]) : undefined;
      if (!heading && leading !== undefined && leading !== PAREN && open[leading].length > 0) {
        // The “ that opens the next paragraph of a quotation still open.
        marks = loneMarks(text, 1);
      }
      // A closing quote with nothing open, waiting to see whether another follows on this line.
      let waiting: Map<number, { character: number; mark: string }> | undefined;
      for (const m of marks) {
        const character = offset + m.at;
        if (!m.closing) {
          open[m.family].push({ line, character, mark: m.mark });
        } else if (open[m.family].length > 0) {
          open[m.family].pop();
        } else if (!QUOTES.has(m.family)) {
          report(unopened(m.family, m.mark, line, character));
        } else {
          const first = waiting?.get(m.family);
          if (first) {
            // 「”放管服”改革」: two closing quotes with no opening one between — the first was meant to open.
            report(reversed(m.family, first.mark, line, first.character));
            waiting!.delete(m.family);
          } else {
            (waiting ??= new Map()).set(m.family, { character, mark: m.mark });
          }
        }
      }
      for (const [family, w] of waiting ?? []) report(unopened(family, w.mark, line, w.character));
    };
    // Headings and paragraphs in line order; a run-in heading's title comes before its body.
    const headings = model.headings;
    let h = 0;
    const visitHeading = (x: Heading) => visit(x.title, x.line, x.titleRange.start.character, true, loneMarks(x.title));
    for (const p of model.paragraphs) {
      while (h < headings.length && headings[h].line <= p.line) visitHeading(headings[h++]);
      visit(p.text, p.line, p.range.start.character, false, memo.get(p, () => loneMarks(p.text)));
    }
    while (h < headings.length) visitHeading(headings[h++]);
    flush();
  },
};

function partner(family: number, mark: string): string {
  if (mark === '(') return ')';
  if (mark === ')') return '(';
  const f = FAMILIES[family];
  return mark === f.open ? f.close : f.open;
}

function markRange(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character: character + 1 } };
}

function unopened(family: number, mark: string, line: number, character: number): FindingInput {
  const f = FAMILIES[family];
  return {
    range: markRange(line, character),
    message: {
      zh: `后${f.zh}「${mark}」前面没有与之配对的前${f.zh}「${partner(family, mark)}」`,
      en: `A closing ${f.en} ${mark} with no opening ${partner(family, mark)} before it`,
    },
  };
}

function unclosed(family: number, mark: string, line: number, character: number): FindingInput {
  const f = FAMILIES[family];
  return {
    range: markRange(line, character),
    message: {
      zh: `前${f.zh}「${mark}」在本部分中始终没有闭合，缺少后${f.zh}「${partner(family, mark)}」`,
      en: `An opening ${f.en} ${mark} is never closed in its section: the closing ${partner(family, mark)} is missing`,
    },
  };
}

/** One of two like quotation marks on a line with none of the other kind between them: it should be the other. */
function reversed(family: number, mark: string, line: number, character: number): FindingInput {
  const f = FAMILIES[family];
  const other = partner(family, mark);
  const range = markRange(line, character);
  const opening = mark === f.open;
  return {
    range,
    message: opening
      ? {
        zh: `此处的「${mark}」与前面的「${mark}」之间没有后${f.zh}：此处是否应为后${f.zh}「${other}」？`,
        en: `No closing ${f.en} between this ${mark} and the one before it: should this be the closing ${other}?`,
      }
      : {
        zh: `此处的「${mark}」与后面的「${mark}」之间没有前${f.zh}：此处是否应为前${f.zh}「${other}」？`,
        en: `No opening ${f.en} between this ${mark} and the next one: should this be the opening ${other}?`,
      },
    fixes: [{ title: { zh: `改为${opening ? '后' : '前'}${f.zh}「${other}」`, en: `Change to ${other}` }, edits: [{ range, newText: other }], preferred: false }],
  };
}
