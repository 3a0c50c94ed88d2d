// document-number: a 发文字号 whose year stands in square or round brackets (「岚君山管[2022]48号」「厅字(2019)28号」)
// instead of the 六角括号 GB/T 9704-2012 §7.2.5 (发文字号) prescribes (「〔2022〕」). Only the shape 机关代字 + bracketed
// four-digit year + 序号 + 号 is read, so a period 「（2021-2025）」, a year 「(2023年)」 or a bare 「[2022]」 are
// never taken for one; 「（2022）闽0128行初3号」 (a court's 案号, whose brackets are round by rule) has no 序号
// right after the bracket and is not one either.
import type { Rule } from '../findings';
import type { Range } from '../model/types';
import { paragraphMemo } from './shared/memo';
import { GBT_9704_DOCUMENT_NUMBER } from './shared/sources';

/**
 * Two CJK characters of the 代字 before the bracket, the year, the 序号 and 号 — not 「号楼」「号院」, an address.
 * Every quantifier is bounded or over one character class, so the scan stays linear.
 */
const NUMBER = /[\u4e00-\u9fa5]{2}\s?([［[【（(﹝〔])\s?([12１２][0-9０-９]{3})\s?([］\]】）)﹞〕])\s?[0-9０-９]{1,5}\s?号(?![楼院室房])/g;

interface WrongBrackets {
  /** Offsets in the text of the opening bracket and just after the closing one. */
  start: number;
  end: number;
  open: string;
  close: string;
  year: string;
}

const NONE: readonly WrongBrackets[] = Object.freeze([]);

/** Per paragraph: its 文号 with other brackets than 〔〕. */
const memo = paragraphMemo<readonly WrongBrackets[]>();

export function wrongBrackets(text: string): readonly WrongBrackets[] {
  if (!text.includes('号')) return NONE;
  const out: WrongBrackets[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const [, open, year, close] = m;
    if (open === '〔' && close === '〕') continue;
    const start = text.indexOf(open, m.index + 2);
    const end = text.indexOf(close, start + 1 + year.length) + 1;
    out.push({ start, end, open, close, year });
  }
  return out.length > 0 ? out : NONE;
}

export const documentNumber: Rule = {
  id: 'document-number',
  defaultSeverity: 'warning',
  description: { zh: '发文字号的年份未用六角括号“〔〕”（如写成“[2022]”“（2022）”）', en: 'The year of a document number is not in 六角括号 〔〕 (e.g. [2022] or （2022）)' },
  sources: [GBT_9704_DOCUMENT_NUMBER],
  reportsOnly: true,
  readsWording: true,
  check({ model, report }) {
    // Paragraphs are one line each, so offsets in the text map to characters on the line.
    for (const p of model.paragraphs) add(memo.get(p, () => wrongBrackets(p.text)), p.line, p.range.start.character);
    for (const h of model.headings) add(wrongBrackets(h.title), h.line, h.titleRange.start.character);

    function add(found: readonly WrongBrackets[], line: number, character: number): void {
      for (const w of found) {
        const range: Range = { start: { line, character: character + w.start }, end: { line, character: character + w.end } };
        const written = `${w.open}${w.year}${w.close}`;
        const standard = `〔${w.year}〕`;
        const edits = [];
        if (w.open !== '〔') edits.push({ range: { start: range.start, end: { line, character: range.start.character + 1 } }, newText: '〔' });
        if (w.close !== '〕') edits.push({ range: { start: { line, character: range.end.character - 1 }, end: range.end }, newText: '〕' });
        report({
          range,
          message: {
            zh: `发文字号中的年份应用六角括号括入：“${written}”应为“${standard}”（GB/T 9704-2012 §7.2.5）`,
            en: `The year of a document number goes in 六角括号: ${written} should be ${standard} (GB/T 9704-2012 §7.2.5)`,
          },
          fixes: [{ title: { zh: `改为“${standard}”`, en: `Change to ${standard}` }, edits, preferred: true }],
        });
      }
    }
  },
};
