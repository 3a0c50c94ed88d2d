// signature: the 落款 — the organ's name (the same organ as the title's) and the 成文日期, written
// in Arabic numerals with year, month and day in full and no leading zeros (「2024年1月5日」).
// 条例 第九条; GB/T 9704-2012 §7.3.5; rules.md R5.2 E-S1, E-S2.
import type { Rule } from '../findings';
import type { TextSpan } from '../model/types';
import { GBT_9704_DATE, GONGWEN_REGULATION } from './shared/sources';

export const signature: Rule = {
  id: 'signature',
  defaultSeverity: 'warning',
  description: { zh: '落款（署名、成文日期）缺失或不规范', en: 'The signature block (organ, date) is missing or non-standard' },
  sources: [GONGWEN_REGULATION, GBT_9704_DATE],
  reportsOnly: true,
  check({ model, report }) {
    const s = model.signature;
    const lastLine = Math.max(0, Math.min(model.reportLines.end, model.lines.length) - 1);
    const atEnd = { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: model.lines[lastLine].length } };
    if (!s) {
      report({
        range: atEnd,
        message: { zh: '报告没有落款：正文之后应有发文机关署名和成文日期', en: 'No signature block: the body should be followed by the organ’s name and the date' },
      });
      return;
    }
    if (s.organs.length === 0) {
      report({
        range: s.date?.range ?? s.range,
        message: { zh: '落款缺少发文机关署名', en: 'The signature block lacks the organ’s name' },
      });
    } else if (model.title && model.title.organs.length > 0) {
      for (const organ of s.organs) {
        if (model.title.organs.some((t) => sameOrgan(t, organ))) continue;
        report({
          range: organ.range,
          message: {
            zh: `落款署名“${organ.text}”与标题中的发文机关“${model.title.organs.map((o) => o.text).join('、')}”不一致`,
            en: `The signature names ${organ.text}, the title ${model.title.organs.map((o) => o.text).join(', ')}`,
          },
        });
      }
    }
    const d = s.date;
    if (!d) {
      report({ range: s.range, message: { zh: '落款缺少成文日期', en: 'The signature block lacks the date' } });
      return;
    }
    const standard = d.year !== undefined && d.month !== undefined && d.day !== undefined ? `${d.year}年${d.month}月${d.day}日` : undefined;
    let problem: { zh: string; en: string } | undefined;
    if (d.day === undefined) problem = { zh: '成文日期应写全年、月、日', en: 'the date needs year, month and day' };
    else if (d.form === 'chinese' || d.form === 'mixed') problem = { zh: '成文日期应使用阿拉伯数字', en: 'the date should use Arabic numerals' };
    else if (d.form !== 'arabic') problem = { zh: `成文日期应写作“X年X月X日”，不用“${d.text}”的形式`, en: `write the date as 年/月/日, not ${d.text}` };
    else if (d.zeroPadded) problem = { zh: '成文日期的月、日不编虚位（不写“01”）', en: 'no leading zeros in month and day' };
    if (!problem) return;
    report({
      range: d.range,
      message: { zh: `成文日期“${d.text}”不规范：${problem.zh}`, en: `Non-standard date ${d.text}: ${problem.en}` },
      fixes: standard && standard !== d.text
        ? [{ title: { zh: `改为“${standard}”`, en: `Change to ${standard}` }, edits: [{ range: d.range, newText: standard }], preferred: true }]
        : undefined,
    });
  },
};

/** A 规范化简称 is allowed (条例 第九条): 「岳溪镇人民政府」 signs for 「重庆市开州区岳溪镇人民政府」. */
function sameOrgan(a: TextSpan, b: TextSpan): boolean {
  const x = a.text.replace(/\s/g, '');
  const y = b.text.replace(/\s/g, '');
  return x.includes(y) || y.includes(x);
}
