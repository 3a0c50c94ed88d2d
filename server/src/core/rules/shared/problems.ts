// Reading the 不足 part of a report: the text that states problems, cut from the plan when one heading
// carries both (「八、存在问题及下步打算」), and sorted clause by clause into boilerplate and substance.
import { itemsNamedBy } from '../../profiles/match';
import type { Profile } from '../../profiles/types';
import type { Heading, Paragraph, ReportModel } from '../../model/types';
import { sectionParagraphs, subHeadings } from './sections';

/** Where the plan starts inside a combined 「问题及打算」 section. */
const PLAN_START = /^(?:(?:19|20)[0-9]{2}年[，,、]?)?.{0,12}(?:下一步|下步|今后|将重点|将着力|将继续|将从以下|努力方向|工作安排|工作打算|工作思路)/;

/** A line of a section: a sub-heading's title, or a paragraph (whose per-text results rules may memoise). */
export interface SectionLine {
  line: number;
  text: string;
  paragraph?: Paragraph;
}

/** The problem statements under a 不足 heading: sub-heading titles and paragraphs, up to where a plan starts. */
export function problemLines(model: ReportModel, profile: Profile, h: Heading): SectionLine[] {
  const combined = itemsNamedBy(profile, h).some((item) => item.id === 'plan');
  const year = model.year?.value;
  const out = sectionLines(model, h);
  if (!combined) return out;
  const problems: SectionLine[] = [];
  for (const o of out) {
    if (o.line !== h.line && (PLAN_START.test(o.text) || (year !== undefined && o.text.startsWith(`${year + 1}年`)))) break;
    problems.push(o);
  }
  return problems;
}

export type ClauseKind = 'frame' | 'boilerplate' | 'substance';

const REASON = /(?:主要|其)?(?:原因|根源)|究其|由于|在于|导致|造成|之所以/;
/** Enumeration markers at a clause start carry no content. */
const MARKER = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[是，,]?|其[一二三四五六七八九十]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、])\s*/;
const YEARS = /(?:19|20)[0-9]{2}\s*年(?:度)?/g;
/**
 * A figure, a document title, an example or a named place makes a clause concrete. (A count is a numeral right
 * before its count word: one numeral is as good a witness as the whole run, and is read once.)
 */
const CONCRETE = /[0-9０-９]|[一二两三四五六七八九十百千](?:个|件|起|次|项|人|名|家|户|宗|份|处|所|条|类)|《|例如|比如|为例|[\u4e00-\u9fff]{2}(?:村|社区)(?![民委务级])/;
/** The sentence that introduces the list: 「取得了一些成绩，但也存在一些问题和不足：」. */
const FRAME = /成绩|成效|做了|取得|虽然|^但|^主要(?:是|表现|有)$|如下|存在(?:着)?(?:一些|一定|不少|以下|的)?(?:问题|不足|短板|差距|薄弱环节)|(?:问题|不足|短板)(?:和|与|及)(?:不足|短板|差距|问题)/;
/** The stock phrases of a 不足 that names no concrete problem. */
const NEEDS_MORE = /(?:有待|还需要?|仍需要?|尚需|亟需|亟待|需要|仍要|还要)(?:进一步|继续|持续|不断|再)?(?:加强|提高|提升|增强|完善|强化|改进|深化|规范|健全|加大|改善|落实|细化|拓展|创新|常抓不懈)/;
const WEAK = /(?:不够|不足|不强|不高|不深|不到位|不平衡|不充分|不全面|不明显|不规范|不完善|不健全|不紧|较弱|薄弱|欠缺|滞后|偏弱|偏低|差距|有待提高|一般化)$/;
const IMPROVE_START = /^(?:加强|提高|提升|增强|完善|强化|改进|深化|规范|健全|加大|缺乏|缺少)/;
/** Words a clause may end in that say nothing of the problem, longest first (等方面 before 方面). */
const TRAILING = ['等方面', '的问题', '问题', '现象', '情况', '方面', '等'];

/**
 * The clause without its trailing 等/问题/方面 …, however many: what 「/(?:等|等方面|…)+$/」 would strip, read from the
 * end (that expression would read a long run of 等 again from each of them).
 */
function withoutTrailing(clause: string): string {
  let end = clause.length;
  for (let word = TRAILING.find((w) => clause.endsWith(w, end)); word; word = TRAILING.find((w) => clause.endsWith(w, end))) end -= word.length;
  return clause.slice(0, end);
}

/** Sorts one clause of a 不足 section. Reasons are left out beforehand. */
export function classifyProblemClause(raw: string): ClauseKind {
  const clause = raw.replace(MARKER, '').replace(YEARS, '').trim();
  if (CONCRETE.test(clause)) return 'substance';
  const core = withoutTrailing(clause);
  if (NEEDS_MORE.test(core) || WEAK.test(core) || IMPROVE_START.test(core)) return 'boilerplate';
  if (FRAME.test(core)) return 'frame';
  return 'substance';
}

/** The clauses of the problem statements, without the reasons given for them. */
export function problemClauses(texts: readonly string[]): string[] {
  const clauses: string[] = [];
  for (const text of texts) {
    for (const sentence of text.split(/[。；;！!？?\n]/)) {
      const reason = sentence.search(REASON);
      const statement = reason >= 0 ? sentence.slice(0, reason) : sentence;
      for (const c of statement.split(/[，,：:]/)) if (c.trim().length > 0) clauses.push(c.trim());
    }
  }
  return clauses;
}

/** The plan part of a combined 「问题及打算」 section, or the whole plan section otherwise. */
export function planLines(model: ReportModel, profile: Profile, h: Heading): SectionLine[] {
  const problems = itemsNamedBy(profile, h).some((item) => item.id === 'shortcomings') ? problemLines(model, profile, h).length : 0;
  return sectionLines(model, h).slice(problems);
}

/** Sub-heading titles and paragraphs under a heading, in line order. */
function sectionLines(model: ReportModel, h: Heading): SectionLine[] {
  const out: SectionLine[] = [];
  for (const s of subHeadings(model, h)) out.push({ line: s.line, text: s.title });
  for (const p of sectionParagraphs(model, h)) out.push({ line: p.line, text: p.text, paragraph: p });
  return out.sort((a, b) => a.line - b.line);
}
