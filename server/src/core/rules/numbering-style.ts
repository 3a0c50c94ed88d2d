// numbering-style: how a heading number is written. GB/T 9704 gives 一、 （一） 1. （1）; GB/T 15834's
// rule for 序次语: a bracketed number takes no point after it, a bare Chinese numeral takes 、, an Arabic
// one takes a point. Brackets are full-width in Chinese text, and one level keeps one style.
import type { Rule } from '../findings';
import type { Heading, ReportModel } from '../model/types';
import { paragraphMemo } from './shared/memo';
import { GBT_15834_ORDINALS, GBT_9704_HEADINGS } from './shared/sources';

const LEVEL_NAME = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' } as const;
const LEVEL_NAME_EN = { 1: 'level-1', 2: 'level-2', 3: 'level-3', 4: 'level-4' } as const;

export const numberingStyle: Rule = {
  id: 'numbering-style',
  defaultSeverity: 'warning',
  description: { zh: '标题序号的写法不规范（括号、序号后的标点、同级写法不一）', en: 'Heading numbers written in a non-standard way' },
  sources: [GBT_9704_HEADINGS, GBT_15834_ORDINALS],
  reportsOnly: true,
  check({ model, report }) {
    const halfWidthText = usesHalfWidthPunctuation(model);
    const flagged = new Set<Heading>();
    // A web copy turns every Chinese bracket and comma half-width: worth one note for the whole document,
    // with one fix for all of them, rather than a warning on every heading.
    const halfWidthOnly: Heading[] = [];
    for (const h of model.headings) {
      const fault = styleFault(h);
      if (!fault) continue;
      flagged.add(h);
      // Text whose own sentences mix （） and () went through a conversion (OCR, PDF) that does not keep the
      // width of brackets: a heading's half-width bracket says nothing about what the writer typed.
      if (fault.halfWidthOnly && mixesBracketWidths(model)) continue;
      if (fault.halfWidthOnly && halfWidthText) {
        halfWidthOnly.push(h);
        continue;
      }
      report({
        range: h.number.range,
        message: fault.message,
        fixes: [{
          title: { zh: `改为“${standardForm(h, model)}”`, en: `Change to ${standardForm(h, model)}` },
          edits: [{ range: h.number.range, newText: standardForm(h, model) }],
          preferred: true,
        }],
      });
    }
    if (halfWidthOnly.length > 0) {
      const first = halfWidthOnly[0];
      report({
        severity: 'information',
        range: first.number.range,
        message: {
          zh: `全文${halfWidthOnly.length}处括号序号使用半角括号（如“${first.number.raw}”），应使用全角括号“（）”；正文标点也为半角，可能是从网页复制所致`,
          en: `${halfWidthOnly.length} bracketed heading numbers use half-width brackets (e.g. ${first.number.raw}); use full-width （）. The text's punctuation is half-width too, as in a copy from a web page`,
        },
        related: halfWidthOnly.slice(1).map((h) => ({ range: h.number.range, message: { zh: `半角括号“${h.number.raw}”`, en: `half-width ${h.number.raw}` } })),
        fixes: [{
          title: { zh: `将${halfWidthOnly.length}处序号全部改为全角括号`, en: `Use full-width brackets in all ${halfWidthOnly.length} numbers` },
          edits: halfWidthOnly.map((h) => ({ range: h.number.range, newText: standardForm(h, model) })),
          preferred: true,
        }],
      });
    }
    // Two styles at one level: name the minority after the majority.
    for (const level of [1, 2, 3, 4] as const) {
      const hs = model.headings.filter((h) => h.level === level && !flagged.has(h));
      const counts = new Map<string, number>();
      for (const h of hs) counts.set(styleKey(h), (counts.get(styleKey(h)) ?? 0) + 1);
      if (counts.size < 2) continue;
      const major = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const example = hs.find((h) => styleKey(h) === major)!;
      for (const h of hs) {
        if (styleKey(h) === major) continue;
        const replacement = h.number.raw.replace(h.number.suffix, example.number.suffix);
        report({
          range: h.number.range,
          message: {
            zh: `同一层级序号写法不一：此处为“${h.number.raw}”，本级其他标题用“${example.number.raw}”的写法`,
            en: `Two styles at one level: ${h.number.raw} here, ${example.number.raw} elsewhere at this level`,
          },
          fixes: [{ title: { zh: `改为“${replacement}”`, en: `Change to ${replacement}` }, edits: [{ range: h.number.range, newText: replacement }], preferred: true }],
        });
      }
    }
  },
};

function styleKey(h: Heading): string {
  return `${h.number.open}|${h.number.close}|${h.number.suffix}`;
}

interface StyleFault {
  message: { zh: string; en: string };
  halfWidthOnly: boolean;
}

function styleFault(h: Heading): StyleFault | undefined {
  const n = h.number;
  const lv = LEVEL_NAME[h.level];
  const lvEn = LEVEL_NAME_EN[h.level];
  const bracketed = h.level === 2 || h.level === 4;
  const problems: string[] = [];
  const problemsEn: string[] = [];
  let halfWidthOnly = true;
  if (bracketed) {
    if (n.open === '') {
      problems.push('缺少左括号');
      problemsEn.push('the opening bracket is missing');
      halfWidthOnly = false;
    }
    if (n.suffix !== '') {
      problems.push(`括号后不应再加“${n.suffix}”`);
      problemsEn.push(`no “${n.suffix}” after a bracketed number`);
      halfWidthOnly = false;
    }
    if (n.open === '(' || n.close === ')') {
      problems.push('应使用全角括号“（）”');
      problemsEn.push('use full-width brackets （）');
    }
  } else if (h.level === 1 && n.suffix !== '、') {
    problems.push(`汉字序号后应用顿号“、”，不用“${n.suffix}”`);
    problemsEn.push(`a Chinese numeral takes 、, not “${n.suffix}”`);
    halfWidthOnly = false;
  } else if (h.level === 3 && n.suffix !== '.' && n.suffix !== '．') {
    problems.push(`阿拉伯数字序号后应用下脚点“.”，不用“${n.suffix}”`);
    problemsEn.push(`an Arabic numeral takes a point “.”, not “${n.suffix}”`);
    halfWidthOnly = false;
  }
  if (problems.length === 0) return undefined;
  return {
    message: {
      zh: `${lv}标题序号“${n.raw}”不规范：${problems.join('；')}`,
      en: `The ${lvEn} heading number ${n.raw} is not standard: ${problemsEn.join('; ')}`,
    },
    halfWidthOnly,
  };
}

/** The standard form, keeping the digits as written (and a level-3 point as the level mostly writes it). */
function standardForm(h: Heading, model: ReportModel): string {
  const d = h.number.digits;
  switch (h.level) {
    case 1: return `${d}、`;
    case 2: case 4: return `（${d}）`;
    case 3: return `${d}${prefersFullWidthPoint(model) ? '．' : '.'}`;
  }
}

const fullWidthPointCache = new WeakMap<ReportModel, boolean>();

function prefersFullWidthPoint(model: ReportModel): boolean {
  let cached = fullWidthPointCache.get(model);
  if (cached === undefined) {
    let full = 0;
    let half = 0;
    for (const x of model.headings) {
      if (x.level !== 3) continue;
      if (x.number.suffix === '．') full++;
      else if (x.number.suffix === '.') half++;
    }
    fullWidthPointCache.set(model, (cached = full > half));
  }
  return cached;
}

const halfWidthCache = new WeakMap<ReportModel, boolean>();

/** Whether the running text uses half-width commas throughout, as text copied from many web pages does. */
function usesHalfWidthPunctuation(model: ReportModel): boolean {
  let cached = halfWidthCache.get(model);
  if (cached !== undefined) return cached;
  let balance = 0;
  for (const p of model.paragraphs) balance += commaBalance.get(p, () => halfMinusFullCommas(p.text));
  cached = balance > 0;
  halfWidthCache.set(model, cached);
  return cached;
}

const mixedBracketsCache = new WeakMap<ReportModel, boolean>();

/** Whether the running text has both half-width and full-width opening brackets. */
function mixesBracketWidths(model: ReportModel): boolean {
  let cached = mixedBracketsCache.get(model);
  if (cached !== undefined) return cached;
  let half = false;
  let full = false;
  // Asked only when a heading has a half-width bracket, so no per-paragraph memo is kept for it.
  for (const p of model.paragraphs) {
    half ||= p.text.includes('(');
    full ||= p.text.includes('（');
    if (half && full) break;
  }
  cached = half && full;
  mixedBracketsCache.set(model, cached);
  return cached;
}

/** One small integer per paragraph (not a pair): the memo lives as long as the document. */
const commaBalance = paragraphMemo<number>();

/** Half-width commas minus full-width ones in a text. */
function halfMinusFullCommas(text: string): number {
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c) balance++;
    else if (c === 0xff0c) balance--;
  }
  return balance;
}
