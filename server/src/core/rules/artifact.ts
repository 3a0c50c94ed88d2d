// artifact: what should never reach a published report — template placeholders (XX, ××, 某某, X月X日,
// （略）, 待填写), conversion leftovers such as `[bookmark: _GoBack]`, and, as a hint only, web-page text
// copied along with the report. rules.md W2, W6, C19; 条例 第二十条 (文字 checked before issue).
import type { Finding, Rule } from '../findings';
import type { Range, ReportModel } from '../model/types';
import { GONGWEN_REVIEW } from './shared/sources';

const COMMON_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

const PLACEHOLDERS: { pattern: RegExp; what: { zh: string; en: string } }[] = [
  { pattern: /(?<![A-Za-z0-9])(?:X{2,}|x{2,}|Ｘ{2,}|ｘ{2,})(?![A-Za-z])/g, what: { zh: '占位符', en: 'placeholder' } },
  { pattern: /(?<![0-9])20[Xx×]{2}(?=年)/g, what: { zh: '未填写的年份', en: 'unfilled year' } },
  { pattern: /[Xx×Ｘ]月[Xx×Ｘ]日/g, what: { zh: '未填写的日期', en: 'unfilled date' } },
  // ○○ as a placeholder, not the zeros of a year written in Chinese (「二○○八年」).
  { pattern: /×{2,}|＊{2,}|(?<![一二三四五六七八九〇○零])○{2,}(?![○〇一二三四五六七八九十年])/g, what: { zh: '占位符', en: 'placeholder' } },
  // 某某 left from a template; 「张某某」 after a surname is an anonymised name in a case description.
  { pattern: new RegExp(`(?<![${COMMON_SURNAMES}])某某`, 'g'), what: { zh: '占位符', en: 'placeholder' } },
  { pattern: /[（(]略[）)]/g, what: { zh: '省略标记', en: 'omission mark' } },
  { pattern: /待填写|待补充|此处填写|请在此填写/g, what: { zh: '待填写内容', en: 'text still to be written' } },
];

/** Something every placeholder contains: lines without it (nearly all) are passed over in one scan. */
const PLACEHOLDER_START = /[XxＸｘ×＊○]|某某|略[）)]|待填写|待补充|此处填写|请在此填写/;

/** Leftovers of .docx conversion anywhere in a line (the model already steps over those at a line start). */
const LEFTOVERS = /\[bookmark:[^\]\n]{0,80}\]|\[_(?:GoBack|Toc\d+|Hlk\d+)\]/g;

export const artifact: Rule = {
  id: 'artifact',
  defaultSeverity: 'warning',
  description: { zh: '模板占位符、格式转换残留或网页文字', en: 'Template placeholders, conversion leftovers or web-page text' },
  sources: [GONGWEN_REVIEW],
  reportsOnly: true,
  check({ model, report }) {
    const { start, end } = model.reportLines;
    const leftoverRanges = new Set<string>();
    for (const a of model.artifacts) {
      leftoverRanges.add(key(a.range));
      report(leftover(a.text, a.range));
    }
    for (let line = start; line < Math.min(end, model.lines.length); line++) {
      const text = model.lines[line];
      if (text.includes('[')) {
        for (const m of text.matchAll(LEFTOVERS)) {
          const range = lineRange(line, m.index!, m.index! + m[0].length);
          if (!leftoverRanges.has(key(range))) report(leftover(m[0], range));
        }
      }
      if (!PLACEHOLDER_START.test(text)) continue;
      for (const { pattern, what } of PLACEHOLDERS) {
        for (const m of text.matchAll(pattern)) {
          report({
            range: lineRange(line, m.index!, m.index! + m[0].length),
            message: { zh: `${what.zh}“${m[0]}”未替换为实际内容`, en: `The ${what.en} “${m[0]}” was never filled in` },
          });
        }
      }
    }
    for (const block of model.outside) report(webText(model, block.range, block.where));
  },
};

function leftover(text: string, range: Range): Omit<Finding, 'rule' | 'severity'> {
  return {
    range,
    message: { zh: `格式转换残留“${text}”，应删除`, en: `Conversion leftover ${text}: delete it` },
    fixes: [{ title: { zh: `删除“${text}”`, en: `Delete ${text}` }, edits: [{ range, newText: '' }], preferred: true }],
    tags: ['unnecessary'],
  };
}

function webText(model: ReportModel, range: Range, where: 'before' | 'header' | 'after'): Omit<Finding, 'rule' | 'severity'> & { severity: 'hint' } {
  // Delete whole lines: from the block's first line to the line after it (or the document's end).
  const lastLine = model.lines.length - 1;
  const deletion: Range = range.end.line < lastLine
    ? { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }
    : { start: range.start.line > 0 ? { line: range.start.line - 1, character: model.lines[range.start.line - 1].length } : { line: 0, character: 0 }, end: { line: lastLine, character: model.lines[lastLine].length } };
  const place = where === 'after' ? { zh: '报告之后', en: 'after the report' } : where === 'header' ? { zh: '标题与正文之间', en: 'between title and body' } : { zh: '报告之前', en: 'before the report' };
  return {
    severity: 'hint',
    range,
    message: { zh: `${place.zh}的网页文字（导航、页面信息等），不属于报告正文`, en: `Web-page text ${place.en} (navigation, page details), not part of the report` },
    fixes: [{ title: { zh: '删除这段网页文字', en: 'Delete this web-page text' }, edits: [{ range: deletion, newText: '' }], preferred: false }],
    tags: ['unnecessary'],
  };
}

function lineRange(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

function key(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
