// table-text: what the text of a 政府信息公开 report says about requests and cases, against its own tables —
// 「共收到政府信息公开申请N件」 against 表三's 本年新收 (or 新收 ＋ 上年结转), 「办结N件」 against （七）总计,
// 「结转下年度N件」 against 四、结转下年度继续办理, 「上年结转N件」 against 二, 「行政复议N件」「行政诉讼N件」 against
// 表四's totals, and 「所有申请均已办结」 while 四 is not 0 (gov-info-tables.md, "Weaker signals"; rules.md R7.3 G5).
// A hint, never more: the text often speaks of another scope than the table (全区 vs the office that reports).
// So a figure is read only where its clause says plainly what it counts, and left alone when its sentence names
// a scope the table is unlikely to have, another year, a part (其中) or a running total.
import type { FindingInput, Message, Rule } from '../findings';
import { CLAUSE_REACH, figuresOf, type Figure } from '../model/figures';
import { govInfoTables, type CellTerm, type GovInfoTables } from '../model/gov-info-tables';
import type { Heading, Paragraph, ReportModel } from '../model/types';
import { GOV_INFO_FORMAT_2021 } from './shared/sources';
import { Marks, Matches, sentenceTester } from './shared/text';

export const tableText: Rule = {
  id: 'table-text',
  defaultSeverity: 'hint',
  description: { zh: '正文中的申请、办结、结转、复议、诉讼件数与表格不一致', en: 'Counts of requests, cases and carry-overs in the text differ from the tables' },
  sources: [GOV_INFO_FORMAT_2021],
  reportsOnly: true,
  readsFigures: true,
  check({ model, report }) {
    const tables = govInfoTables(model);
    if (!tables.requests && !tables.reviews) return;
    const cells = tableCells(tables);
    for (const claim of textClaims(model)) {
      const finding = compare(claim, cells);
      if (finding) report(finding);
    }
    if (cells.next && cells.next.value !== 0) for (const finding of allDoneClaims(model, unitKind(model.unit?.name), cells.next)) report(finding);
  },
};

/** The figures of the text that say how many requests or cases there were, with what they count. */
export function textClaims(model: ReportModel): Claim[] {
  const unit = unitKind(model.unit?.name);
  const out: Claim[] = [];
  let reading: ParagraphReading | undefined;
  for (const f of figuresOf(model)) {
    if (f.kind !== 'count' || f.approximate || f.upper !== undefined || !COUNT_UNITS.has(f.unit)) continue;
    if (reading?.paragraph !== f.paragraph) reading = new ParagraphReading(f.paragraph, model.year?.value);
    const claim = claimOf(reading, f, unit);
    if (claim) out.push(claim);
  }
  return out;
}

const COUNT_UNITS = new Set(['件', '起', '宗']);

export type ClaimKind = 'received' | 'done' | 'next' | 'carried' | 'reconsideration' | 'litigation';

/** The 总计 cells the text is held against; undefined where the table does not have them. */
interface TableCells {
  newTotal?: CellTerm;
  carried?: CellTerm;
  total?: CellTerm;
  next?: CellTerm;
  reconsideration?: CellTerm;
  /** 未经复议直接起诉 and 复议后起诉. */
  litigation?: [CellTerm, CellTerm];
}

function tableCells(tables: GovInfoTables): TableCells {
  const out: TableCells = {};
  const totalOf = (key: string) => tables.requests?.rows.find((r) => r.key === key)?.values?.[6];
  out.newTotal = totalOf('new');
  out.carried = totalOf('carried');
  out.total = totalOf('total');
  out.next = totalOf('next');
  const blocks = tables.reviews?.blocks ?? [];
  if (blocks.length === 3) {
    out.reconsideration = blocks[0][4];
    out.litigation = [blocks[1][4], blocks[2][4]];
  }
  return out;
}

// --- what a figure counts ---------------------------------------------------------------------------------------

// Clauses end at punctuation; brackets too (「答复3050件（含上年度结转申请34件…）」).
const CLAUSE_BREAKS = /[，,；;。！？：:（）()\s]/g;
const CLAUSE_BREAKS_OR_DIGITS = /[，,；;。！？：:（）()\s0-9０-９]/g;
const SENTENCE_BREAKS = /[。！？]/g;
const CHAIN_BREAKS = /[。；;！？]/g;
const YEARS = /((?:19|20)[0-9]{2})年/g;
const REQUEST = '(?:各类)?(?:政府信息公开|信息公开|依申请公开|依申请信息公开|依申请)?(?:的)?';
const TAIL = '(?:共计|共|总计|合计|为|达)*';
/** The clause before the figure says what it counts: 「共受理政府信息公开申请」「行政复议」. */
const BEFORE: { kind: ClaimKind; re: RegExp; needsNoun?: boolean }[] = [
  { kind: 'carried', re: new RegExp(`上一?年度?结转${REQUEST}(?:申请)?${TAIL}$`) },
  { kind: 'next', re: new RegExp(`(?:结转|转入|顺延)(?:至|到|入)?下一?年度?(?:继续)?(?:办理|答复)?${REQUEST}(?:申请)?${TAIL}$`) },
  // 「受理政府信息公开申请」「收到依申请信息公开」; a bare 「收到」 only with 「申请」 after the figure (「收到70件申请」).
  { kind: 'received', re: new RegExp(`(?:收到|受理|接收|接到|新收)了?${REQUEST}申请${TAIL}$|(?:收到|受理|接收|接到|新收)了?依申请(?:信息)?公开(?:申请)?${TAIL}$`) },
  { kind: 'received', re: new RegExp(`(?:收到|受理|接收|接到|新收)了?${TAIL}$`), needsNoun: true },
  { kind: 'done', re: new RegExp(`(?:办结|答复|办理完毕|处理完毕)了?${REQUEST}(?:申请)?${TAIL}$`) },
  { kind: 'reconsideration', re: new RegExp(`行政复议(?:的)?(?:案件|申请)?${TAIL}$`) },
  { kind: 'litigation', re: new RegExp(`行政诉讼(?:的)?(?:案件)?${TAIL}$`) },
];
/** …or the words after it do: 「1件结转下年度继续办理」「34件为上年度结转」. */
const AFTER: { kind: ClaimKind; re: RegExp }[] = [
  { kind: 'next', re: /^(?:申请)?(?:结转|转入|顺延)(?:至|到|入)?下一?年/ },
  { kind: 'carried', re: /^(?:申请)?(?:为|系|是)?上一?年度?结转/ },
];
const REQUEST_NOUN_AFTER = /^(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?申请(?!人)/;

/** Words that make a clause about another time or a running total: 上年 (but not 上年结转), 同比, 以来, 累计 …. */
const OTHER_TIME = /上一?年(?!度?结转)|去年|同比|较|以来|历年|累计/;
const PARTS = /其中/g;
/** A channel names a part too: 「网上收到申请30件，信函收到20件」. */
const CHANNEL = /网上|网络|在线|线上|线下|信函|邮寄|当面|现场|传真|电子邮件|邮箱/;
/** The sentence speaks of requests to disclose information, or stands under a heading that does. */
const ABOUT_REQUESTS = /信息公开申请|依申请|公开申请/;
const REQUEST_HEADING = /依申请|公开申请|收到和处理/;
const ABOUT_CASES = /信息公开|依申请|公开申请/;
const CASE_HEADING = /行政复议|行政诉讼/;

export interface Claim {
  kind: ClaimKind;
  figure: Figure;
  /** The clause the figure was read from, for the message. */
  clause: string;
}

/**
 * What the claims of one paragraph read, found on first use and once for the paragraph: its clause breaks and sentence
 * ends, and where the words that rule a claim out stand. A paragraph may be one sentence of a megabyte with thousands
 * of figures, so nothing is read again from a sentence's start for each figure.
 */
class ParagraphReading {
  readonly text: string;
  private memo: Partial<{
    clauseBreaks: Marks; clauseOrNumber: Marks; sentenceEnds: Marks; chainEnds: Marks;
    parts: Matches; otherYears: Matches; wideScope: Matches; narrowScope: Matches; headings: string;
    aboutRequests: (at: number) => boolean; aboutCases: (at: number) => boolean; namesRequests: (at: number) => boolean;
    exceptions: (at: number) => boolean;
  }> = {};

  constructor(readonly paragraph: Paragraph, private readonly year: number | undefined) {
    this.text = paragraph.text;
  }

  get clauseBreaks(): Marks {
    return (this.memo.clauseBreaks ??= new Marks(this.text, CLAUSE_BREAKS));
  }

  /** Clause breaks and digits: a figure's own clause ends at the number before it (「行政复议3件、行政诉讼2件」). */
  get clauseOrNumber(): Marks {
    return (this.memo.clauseOrNumber ??= new Marks(this.text, CLAUSE_BREAKS_OR_DIGITS));
  }

  get sentenceEnds(): Marks {
    return (this.memo.sentenceEnds ??= new Marks(this.text, SENTENCE_BREAKS));
  }

  /** Where a chain of clauses ends (。；！？): a 其中 before the figure in it makes the figure a part. */
  get chainEnds(): Marks {
    return (this.memo.chainEnds ??= new Marks(this.text, CHAIN_BREAKS));
  }

  get parts(): Matches {
    return (this.memo.parts ??= new Matches(this.text, PARTS));
  }

  /** Years other than the report year (「2022年」 in a report on 2023). */
  get otherYears(): Matches {
    return (this.memo.otherYears ??= new Matches(this.text, YEARS, (m) => Number(m[1]) !== this.year));
  }

  get headings(): string {
    return (this.memo.headings ??= headingTitles(this.paragraph));
  }

  /** Whether the sentence around `at` speaks of requests to disclose information (信息公开申请, 依申请 …). */
  aboutRequests(at: number): boolean {
    return (this.memo.aboutRequests ??= sentenceTester(this.text, SENTENCE_BREAKS, ABOUT_REQUESTS))(at);
  }

  aboutCases(at: number): boolean {
    return (this.memo.aboutCases ??= sentenceTester(this.text, SENTENCE_BREAKS, ABOUT_CASES))(at);
  }

  namesRequests(at: number): boolean {
    return (this.memo.namesRequests ??= sentenceTester(this.text, SENTENCE_BREAKS, /申请/))(at);
  }

  /** Whether the sentence around `at` allows for requests still open (「其余均已办结」). */
  allowsExceptions(at: number): boolean {
    return (this.memo.exceptions ??= sentenceTester(this.text, SENTENCE_BREAKS, EXCEPTIONS))(at);
  }

  /** Whether the sentence speaks of the requests or cases of the report (`isCase`), or its section's headings do. */
  about(at: number, isCase: boolean): boolean {
    return isCase
      ? this.aboutCases(at) || CASE_HEADING.test(this.headings)
      : this.aboutRequests(at) || (REQUEST_HEADING.test(this.headings) && this.namesRequests(at));
  }

  /**
   * Whether the sentence up to `at` names a scope the table is unlikely to share: the whole area in a department's
   * report (全区 while the table is the office's own), or one office in a government's report (区政府本级). A
   * government's 全区 is its own scope; an unknown unit leaves every named scope in doubt.
   */
  scopeDiffers(sentenceStart: number, at: number, unit: UnitKind): boolean {
    this.memo.wideScope ??= new Matches(this.text, WIDE_SCOPE);
    this.memo.narrowScope ??= new Matches(this.text, NARROW_SCOPE);
    if (this.memo.wideScope.within(sentenceStart, at)) return unit !== 'government';
    if (this.memo.narrowScope.within(sentenceStart, at)) return unit !== 'department';
    return false;
  }
}

function claimOf(reading: ParagraphReading, f: Figure, unit: UnitKind): Claim | undefined {
  const p = reading.paragraph;
  const { text } = reading;
  const start = f.range.start.character - p.range.start.character;
  const end = f.range.end.character - p.range.start.character;
  // The clause before the figure, from the last break or the last number (「行政复议3件、行政诉讼2件」).
  const from = Math.max(reading.clauseOrNumber.startBefore(start), start - CLAUSE_REACH);
  const before = text.slice(from, start).replace(/^[件起宗]?[、和及与]?/, '');
  const to = Math.min(reading.clauseOrNumber.endFrom(end), end + CLAUSE_REACH);
  const after = text.slice(end, to);
  let kind: ClaimKind | undefined;
  for (const b of BEFORE) {
    if (!b.re.test(before)) continue;
    if (b.needsNoun && !REQUEST_NOUN_AFTER.test(after)) continue;
    kind = b.kind;
    break;
  }
  if (!kind && before.length <= 4) kind = AFTER.find((a) => a.re.test(after))?.kind;
  if (!kind) return undefined;
  // 「行政复议、行政诉讼案件74件」: both together are neither.
  if (kind === 'reconsideration' && /诉讼/.test(before + after)) return undefined;
  if (kind === 'litigation' && /复议/.test(before + after)) return undefined;
  const clauseStart = Math.max(reading.clauseBreaks.startBefore(start), start - CLAUSE_REACH);
  if (OTHER_TIME.test(text.slice(clauseStart, to))) return undefined;
  const sentenceStart = reading.sentenceEnds.startBefore(start);
  // A part of what came before in the same clause chain (「…749件，其中自然人申请741件」).
  if (reading.parts.within(reading.chainEnds.startBefore(start), start)) return undefined;
  if (kind === 'received' && CHANNEL.test(text.slice(clauseStart, start))) return undefined;
  if (reading.otherYears.within(sentenceStart, start)) return undefined;
  if (reading.scopeDiffers(sentenceStart, start, unit)) return undefined;
  if (!reading.about(start, kind === 'reconsideration' || kind === 'litigation')) return undefined;
  return { kind, figure: f, clause: text.slice(clauseStart, to) };
}

/** The titles of the headings a paragraph stands under, innermost first. */
function headingTitles(p: Paragraph): string {
  const out: string[] = [];
  for (let h: Heading | undefined = p.section; h; h = h.parent) out.push(h.title);
  return out.join('｜');
}

// --- scope ------------------------------------------------------------------------------------------------------

/** A government of an area (its tables often cover the whole area) or a department (its tables are its own). */
type UnitKind = 'government' | 'department' | undefined;

function unitKind(name: string | undefined): UnitKind {
  if (!name) return undefined;
  if (/(?:人民政府|政府|实验区|新区|开发区|高新区|示范区|管委会|管理委员会|街道办事处|办事处|街道)$/.test(name)) return 'government';
  if (/(?:局|厅|办公室|办|委员会|委|中心|署|院|所|站|队|公司|处|室|部)$/.test(name)) return 'department';
  return undefined;
}

const WIDE_SCOPE = /全(?:省|市|州|盟|县|区|旗|镇|乡|街道|系统)|各(?:级|单位|部门|县|区|市|乡|镇|街道|地|成员单位)|所属|下属/g;
const NARROW_SCOPE = /本级|本机关|本部门|政府办|办公室/g;

// --- against the table -------------------------------------------------------------------------------------------

function cellNote(t: CellTerm, table: Message): { range: CellTerm['cell']['range']; message: Message } {
  return {
    range: t.cell.range,
    message: { zh: `${table.zh}“${t.rowName.zh}”·${t.columnName.zh}：${format(t.value)}`, en: `${table.en}, ${t.rowName.en}, ${t.columnName.en}: ${format(t.value)}` },
  };
}

const TABLE3 = { zh: '表三', en: 'Table 3' };
const TABLE4 = { zh: '表四', en: 'Table 4' };
const SCOPE_NOTE = {
  zh: '；正文与表格统计口径不同（如全区与本机关）时可忽略',
  en: '; ignore this if the text and the table count different scopes (the whole area and the office, say)',
};

/** As the tables write them: no thousands separators (「3050」, not 「3,050」). */
function format(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}

function compare(claim: Claim, cells: TableCells): FindingInput | undefined {
  const f = claim.figure;
  const hint = (accepted: number[], terms: CellTerm[], table: Message, zh: string, en: string): FindingInput | undefined => {
    if (accepted.includes(f.value)) return undefined;
    return {
      range: f.range,
      message: {
        zh: `正文“${claim.clause}”，而${table.zh}${zh}${SCOPE_NOTE.zh}`,
        en: `The text says ${format(f.value)} (“${claim.clause}”), but ${table.en} ${en}${SCOPE_NOTE.en}`,
      },
      related: terms.map((t) => cellNote(t, table)),
    };
  };
  switch (claim.kind) {
    case 'received': {
      const { newTotal, carried } = cells;
      if (!newTotal) return undefined;
      if (!carried || carried.value === 0) {
        return hint([newTotal.value], [newTotal], TABLE3, `“本年新收”总计为${format(newTotal.value)}`, `has ${format(newTotal.value)} new requests`);
      }
      const both = newTotal.value + carried.value;
      return hint([newTotal.value, both], [newTotal, carried], TABLE3,
        `“本年新收”总计为${format(newTotal.value)}，加“上年结转”${format(carried.value)}为${format(both)}，均不相符`,
        `has ${format(newTotal.value)} new requests, ${format(both)} with the ${format(carried.value)} carried over: neither matches`);
    }
    case 'done':
      return cells.total && hint([cells.total.value], [cells.total], TABLE3, `“（七）总计”为${format(cells.total.value)}`, `gives ${format(cells.total.value)} as the total handled`);
    case 'next':
      return cells.next && hint([cells.next.value], [cells.next], TABLE3, `“结转下年度继续办理”总计为${format(cells.next.value)}`, `carries ${format(cells.next.value)} over to next year`);
    case 'carried':
      return cells.carried && hint([cells.carried.value], [cells.carried], TABLE3, `“上年结转”总计为${format(cells.carried.value)}`, `has ${format(cells.carried.value)} carried over from last year`);
    case 'reconsideration':
      return cells.reconsideration && hint([cells.reconsideration.value], [cells.reconsideration], TABLE4, `“行政复议”总计为${format(cells.reconsideration.value)}`, `has ${format(cells.reconsideration.value)} reconsideration cases`);
    case 'litigation': {
      if (!cells.litigation) return undefined;
      const [direct, after] = cells.litigation;
      const both = direct.value + after.value;
      return hint([both, direct.value, after.value], [direct, after], TABLE4,
        `行政诉讼“未经复议直接起诉”总计${format(direct.value)}、“复议后起诉”总计${format(after.value)}，合计${format(both)}，均不相符`,
        `has ${format(direct.value)} suits without and ${format(after.value)} after reconsideration, ${format(both)} together: none matches`);
    }
  }
}

// --- 「所有申请均已办结」 -------------------------------------------------------------------------------------------

// 「所有申请均已办结」「全部办结」「均已按时办结」; not 办结率, not 「未全部办结」, not 「平均办结时间」.
const ALL_DONE = /(?<![未没不平人])(?:所有|全部|均|都|已全部|一律)(?:已|已经)?(?:按时|按期|如期|依法|及时|在法定期限内)?(?:全部)?(?:办结|办理完毕|处理完毕)(?!率)/g;
/** The sentence allows for the ones still open: 「除1件结转外，其余均已办结」. */
const EXCEPTIONS = /其余|其他|除|结转|顺延|剩余|尚未|正在办理|外[，,]/;

function allDoneClaims(model: ReportModel, unit: UnitKind, next: CellTerm): FindingInput[] {
  const out: FindingInput[] = [];
  for (const p of model.paragraphs) {
    if (!/办结|办理完毕|处理完毕/.test(p.text)) continue;
    const reading = new ParagraphReading(p, model.year?.value);
    for (const m of p.text.matchAll(ALL_DONE)) {
      const at = m.index!;
      const sentenceStart = reading.sentenceEnds.startBefore(at);
      if (!reading.about(at, false) || reading.allowsExceptions(at)) continue;
      if (reading.otherYears.within(sentenceStart, at) || reading.scopeDiffers(sentenceStart, at, unit)) continue;
      const base = p.range.start.character;
      out.push({
        range: { start: { line: p.line, character: base + at }, end: { line: p.line, character: base + at + m[0].length } },
        message: {
          zh: `正文称“${m[0]}”，但表三“结转下年度继续办理”总计为${format(next.value)}${SCOPE_NOTE.zh}`,
          en: `The text says all requests were concluded (“${m[0]}”), but Table 3 carries ${format(next.value)} over to next year${SCOPE_NOTE.en}`,
        },
        related: [cellNote(next, TABLE3)],
      });
    }
  }
  return out;
}
