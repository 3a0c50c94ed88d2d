// Dates as reports write them in the 落款 and elsewhere: 2024年1月5日, 2024年01月05日, 二〇二四年一月五日,
// 2024.1.5, 2024-01-05, 2024/1/5. Recognised whole, so rules can flag every non-standard form.

import { parseArabicNumeral, parseChineseNumeral } from './numbering';
import type { ReportDate } from './types';

const DIGIT = '[0-9０-９]';
const CN_YEAR_DIGIT = '[〇○零Ｏ一二三四五六七八九]';
const CN_SMALL = '[一二三四五六七八九十]{1,3}';
const DATE_CHINESE_STYLE = new RegExp(
  `^(${DIGIT}{4}|${CN_YEAR_DIGIT}{4})[ \\u3000]*年[ \\u3000]*(${DIGIT}{1,2}|${CN_SMALL})[ \\u3000]*月(?:[ \\u3000]*(${DIGIT}{1,2}|${CN_SMALL})[ \\u3000]*日)?$`,
);
const DATE_SEPARATED = new RegExp(`^(${DIGIT}{4})([.．\\-－/／])(${DIGIT}{1,2})\\2(${DIGIT}{1,2})$`);

const YEAR_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 'Ｏ': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseYear(s: string): number | undefined {
  let n = 0;
  for (const ch of s) {
    const d = YEAR_DIGITS[ch];
    if (d === undefined) return undefined;
    n = n * 10 + d;
  }
  return n;
}

function isZero(c: string): boolean {
  return c === '0' || c === '０';
}

function isArabicDigits(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * Parses `text` when it is a date and nothing else (spaces around allowed by the caller trimming).
 * Returns the date without a range; the caller knows where the text sits.
 */
export function parseStandaloneDate(text: string): Omit<ReportDate, 'range'> | undefined {
  let m = DATE_CHINESE_STYLE.exec(text);
  if (m) {
    const [, y, mo, d] = m;
    const year = isArabicDigits(y) ? parseArabicNumeral(y) : chineseYear(y);
    const month = isArabicDigits(mo) ? parseArabicNumeral(mo) : parseChineseNumeral(mo);
    const day = d === undefined ? undefined : isArabicDigits(d) ? parseArabicNumeral(d) : parseChineseNumeral(d);
    const parts = [y, mo, d].filter((p): p is string => p !== undefined);
    const arabic = parts.filter(isArabicDigits).length;
    const form = arabic === parts.length ? 'arabic' : arabic === 0 ? 'chinese' : 'mixed';
    const zeroPadded = (isArabicDigits(mo) && mo.length === 2 && isZero(mo[0])) ||
      (d !== undefined && isArabicDigits(d) && d.length === 2 && isZero(d[0]));
    return { text, year, month, day, form, zeroPadded };
  }
  m = DATE_SEPARATED.exec(text);
  if (m) {
    const [, y, sep, mo, d] = m;
    const form = sep === '.' || sep === '．' ? 'dotted' : sep === '/' || sep === '／' ? 'slash' : 'hyphen';
    return {
      text, year: parseArabicNumeral(y), month: parseArabicNumeral(mo), day: parseArabicNumeral(d), form,
      zeroPadded: (mo.length === 2 && isZero(mo[0])) || (d.length === 2 && isZero(d[0])),
    };
  }
  return undefined;
}
