// year-mismatch: a report on year Y speaks of Y in its 成效/不足/第一责任人 sections and of Y+1 in its plan,
// counts its statistics over Y, and is dated in Y+1 (reports are due by 3月1日/4月1日 of Y+1; a date in Y
// means it was written before the year ended). 厅字〔2019〕28号; rules.md R1.3, C6, W4.
import type { Rule } from '../findings';
import { parseArabicNumeral } from '../model/numbering';
import type { Heading } from '../model/types';
import { itemsNamedBy } from '../profiles/match';
import { DUCHA_2019, GBT_9704_DATE } from './shared/sources';
import { yearMentions, yearText, type YearMention } from './shared/text';
import { paragraphMemo } from './shared/memo';

// 「本报告中所列数据的统计期限自Y年1月1日起至Y年12月31日止」 (国办公开办函〔2021〕30号 reports), 「统计时限为…」,
// 「统计期限从…至…止」 and the like.
const STATISTICS_PERIOD = /统计(?:期限|时限|时间|区间|周期|范围|口径)/;
const SENTENCE_END = /[。；;！？!?]/;
/** The period's last day: what follows it in the sentence (「…12月31日止，本报告于2024年1月公开」) is not the period. */
const PERIOD_END = /[1１]\s*[2２]\s*月\s*[3３][1１]\s*日\s*止?/;

/**
 * What follows a year that opens a span: 「2021年以来」「2021年至今」 reach the present, 「2021年至2023年」「2021年—2023年」
 * end at their last year.
 */
const SPAN_AFTER = /^\s*年度?\s*(?:(以来|至今)|[—–\-－~～至到]\s*([12１２][0-9０-９]{3})\s*年)/;

/** The span a year opens in a heading (its first and last year), or undefined when it names one year. */
function spanOf(title: string, m: YearMention, reportYear: number): { from: number; to: number } | undefined {
  const after = SPAN_AFTER.exec(title.slice(m.end));
  if (!after) return undefined;
  return { from: m.year, to: after[1] ? reportYear : parseArabicNumeral(after[2]) };
}

/** Where a paragraph speaks of the statistics period (-1: nowhere). */
const statisticsPeriodAt = paragraphMemo<number>();

export const yearMismatch: Rule = {
  id: 'year-mismatch',
  defaultSeverity: 'warning',
  description: { zh: '年份与报告年度不符', en: 'A year does not match the report year' },
  sources: [DUCHA_2019, GBT_9704_DATE],
  reportsOnly: true,
  check({ model, profile, sections, report }) {
    const y = model.year?.value;
    if (y === undefined) return;
    // Level-1 headings of the mandated items: which years each may name. Sub-headings are left alone: under a
    // plan, 「（二）压实2024年度党政主要负责人述法责任」 speaks of the plan's year, whatever words it uses.
    if (profile) {
      const allowed = new Map<Heading, Set<number>>();
      for (const s of sections()) {
        if (s.via !== 'heading' || s.item.yearOffset === undefined) continue;
        for (const h of s.headings) {
          if (h.level !== 1) continue;
          let set = allowed.get(h);
          if (!set) allowed.set(h, (set = new Set()));
          for (const item of [s.item, ...itemsNamedBy(profile, h)]) if (item.yearOffset !== undefined) set.add(y + item.yearOffset);
        }
      }
      for (const [h, years] of allowed) {
        for (const m of yearMentions(h.title)) {
          if (years.has(m.year)) continue;
          // 「一、2021年以来法治政府建设工作成效」 in a 2023 report looks back over years that include 2023.
          const span = spanOf(h.title, m, y);
          if (span && [...years].some((allowedYear) => span.from <= allowedYear && allowedYear <= span.to)) continue;
          const expected = [...years].sort()[0];
          const isPlan = years.has(y + 1) && !years.has(y);
          const range = { start: { line: h.line, character: h.titleRange.start.character + m.start }, end: { line: h.line, character: h.titleRange.start.character + m.end } };
          report({
            range,
            message: isPlan
              ? { zh: `下一年度安排应写${y + 1}年，此处为${m.year}年（报告年度为${y}年）`, en: `The plan should speak of ${y + 1}, not ${m.year} (report year ${y})` }
              : { zh: `本部分应写报告年度${y}年，此处为${m.year}年`, en: `This section should speak of the report year ${y}, not ${m.year}` },
            fixes: years.size === 1 && !span ? [{ title: { zh: `改为${expected}年`, en: `Change to ${expected}` }, edits: [{ range, newText: yearText(expected, m) }], preferred: true }] : undefined,
          });
        }
      }
    }
    // The statistics period.
    for (const p of model.paragraphs) {
      const at = statisticsPeriodAt.get(p, () => p.text.search(STATISTICS_PERIOD));
      if (at < 0) continue;
      const rest = p.text.slice(at);
      const stop = rest.search(SENTENCE_END);
      let sentence = stop < 0 ? rest : rest.slice(0, stop);
      const end = PERIOD_END.exec(sentence);
      if (end) sentence = sentence.slice(0, end.index + end[0].length);
      for (const m of yearMentions(sentence)) {
        if (m.year === y) continue;
        const start = p.range.start.character + at + m.start;
        const range = { start: { line: p.line, character: start }, end: { line: p.line, character: start + (m.end - m.start) } };
        report({
          range,
          message: { zh: `统计期限应为报告年度${y}年，此处为${m.year}年`, en: `The statistics period should be the report year ${y}, not ${m.year}` },
          fixes: [{ title: { zh: `改为${y}年`, en: `Change to ${y}` }, edits: [{ range, newText: yearText(y, m) }], preferred: true }],
        });
      }
    }
    // The 成文日期.
    const date = model.signature?.date;
    if (date?.year !== undefined && date.year !== y + 1) {
      report({
        severity: date.year === y ? 'warning' : 'error',
        range: date.range,
        message: date.year === y
          ? { zh: `成文日期在报告年度${y}年内：年度报告应在${y + 1}年年初、全年结束后成文`, en: `Dated within the report year ${y}: an annual report is written after the year ends, early in ${y + 1}` }
          : { zh: `成文日期为${date.year}年，与报告年度${y}年不符（应为${y + 1}年）`, en: `Dated ${date.year}, which does not fit the report year ${y} (expected ${y + 1})` },
      });
    }
  },
};
