// Text → ReportModel in one pass over the lines, plus two short scans of the head and the tail for the
// title block and the 落款. Line shapes are cached by line text, so re-parsing after an edit re-examines
// only the lines the edit changed; the assembly after that is linear in the number of lines.

import { positionAt } from '../fixes';
import { parseStandaloneDate } from './dates';
import { shapeLine, trimEndIndex, type LineShape } from './lines';
import { firstOnOrAfterLine } from './order';
import { readTables, TABLE_REACH } from './tables';
import type {
  Artifact, Enumeration, Heading, HeadingLevel, LineEnding, OutsideText, Paragraph, Range, ReportDate,
  ReportKind, ReportModel, SignatureBlock, Table, TextSpan, TitleBlock,
} from './types';

export interface ParseOptions {
  version?: number;
  /**
   * The model of the previous version of the same document. Its line shapes are reused, and an edit inside
   * one body line is applied to it without re-assembling the rest. The previous model is consumed: a heading
   * whose section ends on the edited line is updated in place, so it must not be read afterwards (the
   * service keeps only the newest model). Passing an older or already consumed model is safe: it is parsed
   * in full.
   */
  previous?: ReportModel;
}

/** How many lines from the top may hold web-page text, the title block and the addressee. */
const HEAD_SCAN_LINES = 60;
/** How many non-blank lines from the bottom may hold the 落款, its notes and web-page text. */
const TAIL_SCAN_LINES = 40;
/** Lines longer than this are not cached: hashing them would cost as much as shaping them again. */
const CACHEABLE_LINE_LENGTH = 4096;

/** What a model keeps for the next version's parse, out of the public model. */
interface ParseState {
  /** Shapes by line text, for lines not longer than CACHEABLE_LINE_LENGTH. */
  shapes: Map<string, LineShape>;
  lineShapes: LineShape[];
  /** Offset of each line's first character in the text. */
  lineStarts: number[];
  /** The lines read as body (headings and paragraphs): [bodyStart, bodyEnd). */
  bodyStart: number;
  bodyEnd: number;
  /** The head and tail as found, to tell whether an edit changed them. */
  edgesKey: string;
  /** Set once a later version was derived from this model in place. */
  consumed: boolean;
}

const parseStates = new WeakMap<ReportModel, ParseState>();

export function parseReport(text: string, options: ParseOptions = {}): ReportModel {
  const previous = options.previous;
  const previousState = previous ? parseStates.get(previous) : undefined;
  if (previous && previousState && !previousState.consumed) {
    const edited = reparseEditedLine(previous, previousState, text, options.version ?? 0);
    if (edited) return edited;
  }
  const previousShapes = previousState?.shapes;
  const shapes = new Map<string, LineShape>();
  const { lines, lineStarts, eol } = splitLines(text);
  const lineShapes: LineShape[] = new Array(lines.length);
  let linesShaped = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > CACHEABLE_LINE_LENGTH) {
      lineShapes[i] = shapeLine(line);
      linesShaped++;
      continue;
    }
    let shape = shapes.get(line) ?? previousShapes?.get(line);
    if (!shape) {
      shape = shapeLine(line);
      linesShaped++;
    }
    shapes.set(line, shape);
    lineShapes[i] = shape;
  }
  const assembler = new Assembler(text, lines, lineShapes, eol, options.version ?? 0);
  const model = assembler.assemble();
  model.parseStats = { linesShaped, linesReused: lines.length - linesShaped };
  parseStates.set(model, {
    shapes, lineShapes, lineStarts, bodyStart: assembler.bodyStart, bodyEnd: assembler.bodyEnd, edgesKey: assembler.edgesKey, consumed: false,
  });
  return model;
}

/**
 * The common case while typing: the edit lies inside one line, which is body text before and after it.
 * Everything else of the previous model still holds, so the new model shares it and replaces that line's
 * paragraph and enumerations (and the end of the sections that end on it). Undefined when the edit does more
 * (a line break, a heading, the title or 落款 area): then the caller parses in full.
 */
function reparseEditedLine(previous: ReportModel, state: ParseState, text: string, version: number): ReportModel | undefined {
  const old = previous.text;
  if (text.length === 0 || old.length === 0) return undefined;
  const prefix = commonPrefixLength(old, text);
  if (prefix === old.length && prefix === text.length) {
    return derive(previous, state, { version, text, lines: previous.lines as string[], lineShapes: state.lineShapes, lineStarts: state.lineStarts });
  }
  const suffix = commonSuffixLength(old, text, prefix);
  const removedEnd = old.length - suffix;
  const insertedEnd = text.length - suffix;
  if (hasLineBreak(old, prefix, removedEnd) || hasLineBreak(text, prefix, insertedEnd)) return undefined;
  // Between \r and \n an insertion would split a line ending.
  if (prefix > 0 && old.charCodeAt(prefix - 1) === 13) return undefined;
  const i = positionAt(state.lineStarts, prefix).line;
  if (i < state.bodyStart || i >= state.bodyEnd) return undefined;
  const delta = text.length - old.length;
  const lineStart = state.lineStarts[i];
  const oldLine = previous.lines[i];
  const line = text.slice(lineStart, lineStart + oldLine.length + delta);
  const oldShape = state.lineShapes[i];
  const cacheable = line.length <= CACHEABLE_LINE_LENGTH;
  const shape = (cacheable ? state.shapes.get(line) : undefined) ?? shapeLine(line);
  const runIn = isSameRunInHeading(oldLine, oldShape, line, shape);
  if (!runIn && !(isPlainBody(oldShape) && isPlainBody(shape))) return undefined;
  // Near a table, an edit can make a line join it or leave it.
  if (previous.tables.some((t) => i >= t.startLine - TABLE_REACH && i <= t.endLine + TABLE_REACH)) return undefined;
  const lines = previous.lines.slice();
  lines[i] = line;
  const lineShapes = state.lineShapes.slice();
  lineShapes[i] = shape;
  // The head (title, addressee) and tail (closing, 落款) are found by short scans: if they read the same on
  // the new lines, the edit did not touch them.
  const assembler = new Assembler(text, lines, lineShapes, previous.eol, version);
  if (assembler.edgesOnly() !== state.edgesKey) return undefined;
  const paragraphIndex = firstOnOrAfterLine(previous.paragraphs, i);
  const oldParagraph = previous.paragraphs[paragraphIndex];
  if (!oldParagraph || oldParagraph.line !== i || oldParagraph.runIn !== runIn || !oldParagraph.section) return undefined;
  if (cacheable) state.shapes.set(line, shape);
  const lineStarts = delta === 0 ? state.lineStarts : state.lineStarts.map((s, k) => (k > i ? s + delta : s));
  const model = derive(previous, state, { version, text, lines, lineShapes, lineStarts });
  const paragraphs = previous.paragraphs.slice();
  const textStart = runIn ? shape.bodyStart : shape.start;
  paragraphs[paragraphIndex] = { ...oldParagraph, text: line.slice(textStart, shape.end), range: range(i, textStart, i, shape.end) };
  model.paragraphs = paragraphs;
  model.enumerations = replaceEnumerations(previous.enumerations, i, shape);
  model.parseStats = { linesShaped: 1, linesReused: lines.length - 1 };
  if (shape.end !== oldShape.end) {
    let changed = false;
    for (let h: Heading | undefined = oldParagraph.section; h; h = h.parent) {
      if (h.sectionRange.end.line !== i) continue;
      h.sectionRange = { start: h.sectionRange.start, end: { line: i, character: shape.end } };
      changed = true;
    }
    // A new array, so that whatever is cached by the heading list (the outline) is computed afresh.
    if (changed) model.headings = previous.headings.slice();
  }
  return model;
}

/** A new model sharing everything of `previous` but the given parts; `previous` is consumed. */
function derive(
  previous: ReportModel, state: ParseState,
  parts: { version: number; text: string; lines: string[]; lineShapes: LineShape[]; lineStarts: number[] },
): ReportModel {
  state.consumed = true;
  const model: ReportModel = {
    ...previous, version: parts.version, text: parts.text, lines: parts.lines,
    bom: parts.text.charCodeAt(0) === 0xfeff, parseStats: { linesShaped: 0, linesReused: parts.lines.length },
  };
  parseStates.set(model, { ...state, lineShapes: parts.lineShapes, lineStarts: parts.lineStarts, consumed: false });
  return model;
}

/**
 * A run-in heading (「（一）加强组织领导。区委……」) edited in its body text only: the line up to the body is
 * unchanged, so the heading is the same and only the paragraph after it changed.
 */
function isSameRunInHeading(oldLine: string, oldShape: LineShape, line: string, shape: LineShape): boolean {
  return !!oldShape.marker && !!shape.marker && !oldShape.artifacts && !shape.artifacts &&
    oldShape.bodyStart >= 0 && shape.bodyStart === oldShape.bodyStart &&
    oldLine.slice(0, oldShape.bodyStart) === line.slice(0, shape.bodyStart);
}

/** Body text: not blank, not a heading, no conversion leftovers, not a row that starts a table. */
function isPlainBody(s: LineShape): boolean {
  return !s.blank && !s.marker && !s.artifacts && !(s.row && s.row.strength === 'strong');
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  // Whole chunks compared as strings (a memory comparison in V8), then characters.
  let i = 0;
  for (let chunk = 1 << 16; chunk >= 16; chunk >>= 4) {
    while (i + chunk <= n && a.slice(i, i + chunk) === b.slice(i, i + chunk)) i += chunk;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The common suffix, not reaching back into the common prefix. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  for (let chunk = 1 << 16; chunk >= 16; chunk >>= 4) {
    while (i + chunk <= n && a.slice(a.length - i - chunk, a.length - i) === b.slice(b.length - i - chunk, b.length - i)) i += chunk;
  }
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

function replaceEnumerations(all: Enumeration[], line: number, shape: LineShape): Enumeration[] {
  let from = 0;
  while (from < all.length && all[from].line < line) from++;
  let to = from;
  while (to < all.length && all[to].line === line) to++;
  if (to === from && shape.enumerations.length === 0) return all;
  const fresh = shape.enumerations.map((e) => ({ marker: e.marker, value: e.value, style: e.style, range: range(line, e.start, line, e.end), line }));
  return [...all.slice(0, from), ...fresh, ...all.slice(to)];
}

function splitLines(text: string): { lines: string[]; lineStarts: number[]; eol: LineEnding } {
  const lines: string[] = [];
  const lineStarts: number[] = [];
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines.push(text.slice(start, i));
      lineStarts.push(start);
      lf++;
      start = i + 1;
    } else if (c === 13) {
      lines.push(text.slice(start, i));
      lineStarts.push(start);
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else {
        cr++;
      }
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  lineStarts.push(start);
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  const eol: LineEnding = kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : lf > 0 ? 'LF' : crlf > 0 ? 'CRLF' : 'CR';
  return { lines, lineStarts, eol };
}

// --- vocabulary --------------------------------------------------------------------------------------

/** Words of web-page chrome: breadcrumbs, accessibility toggles, share buttons, footers. */
const WEB_CHROME = /您当前的位置|当前位置|所在位置|网站首页|无障碍|适老|长者|登录|扫一扫|手机打开|微博|微信|分享|打印|关闭窗口|返回顶部|上一篇|下一篇|网站地图|版权所有|主办单位|承办单位|备案号|ICP|联系我们|^政务公开$|^工作报告$|^首页|>|》\s*$|今天是/;
/** Page metadata printed beside an article: 发布日期, 信息来源, 浏览次数, 索引号 … */
const PAGE_METADATA = /发布日期|发布时间|信息来源|来源[:：]|浏览次数|阅读次数|访问量|字号|索引号|发文字号|发布机构|主题分类|体裁分类|有效性|成文日期|^日期[:：]/;
const SUBJECTS = /法治政府建设|法治建设|依法行政|政府信息公开工作|政府信息公开|政务公开/;
const ORGAN_SUFFIX = /(?:人民政府|人民代表大会常务委员会|委员会|政府|党委|党工委|管委会|委|局|厅|办公室|办事处|办|司法所|所|院|中心|街道|镇|乡|区|县|市|部|署|队|站)$/;
const CLOSING = /^(?:特此报告|专此报告|以上报告|此报告)[。.！!]?$/;
const SENTENCE_PUNCTUATION = /[。，,；;！？!?]/;
const YEAR_IN_TITLE = /((?:19|20)[0-9]{2}|[〇○零一二三四五六七八九]{4})\s*年/;
const ADDRESSEE_END = /[:：]$/;
const PLAN_WORDS = /安排|打算|计划|思路|下一步|下步|今后|展望/;
/** Words that make a text with numbered sections a report, looked for in its first REPORT_WORDS_SCAN characters. */
const REPORT_WORDS = /报告|汇报|法治|政府|工作/;
const REPORT_WORDS_SCAN = 20000;
const NOTE_LINE = /^[（(].*[）)]$|^(?:联系人|联系电话|附件)/;

// --- assembly ----------------------------------------------------------------------------------------

class Assembler {
  private readonly headings: Heading[] = [];
  private readonly roots: Heading[] = [];
  private readonly paragraphs: Paragraph[] = [];
  private readonly opening: Paragraph[] = [];
  private readonly enumerations: Enumeration[] = [];
  private readonly outside: OutsideText[] = [];
  private readonly artifacts: Artifact[] = [];
  private tables: Table[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: string[],
    private readonly shapes: LineShape[],
    private readonly eol: LineEnding,
    private readonly version: number,
  ) {}

  /** Lines read as body: [bodyStart, bodyEnd). */
  bodyStart = 0;
  bodyEnd = 0;
  /** Everything found outside the body, as a string: equal keys mean the same head and tail. */
  edgesKey = '';

  /** Reads the head and the tail only (bounded scans), and returns their key. */
  edgesOnly(): string {
    this.readEdges();
    return this.edgesKey;
  }

  private readEdges() {
    const firstBodyLine = this.firstBodyLikeLine();
    const head = this.readHead(firstBodyLine);
    const tail = this.readTail(head.end);
    this.bodyStart = head.end;
    this.bodyEnd = tail.start;
    this.edgesKey = JSON.stringify([head, tail, this.outside, REPORT_WORDS.test(this.text.slice(0, REPORT_WORDS_SCAN))]);
    return { head, tail };
  }

  assemble(): ReportModel {
    const { lines, shapes } = this;
    const { head, tail } = this.readEdges();
    this.tables = readTables(lines, shapes, head.end, tail.start);
    this.readBody(head.end, tail.start);
    for (let i = 0; i < lines.length; i++) {
      const a = shapes[i].artifacts;
      if (a) for (const [s, e] of a) this.artifacts.push({ text: lines[i].slice(s, e), range: range(i, s, i, e) });
    }
    const level1 = this.headings.reduce((n, h) => n + (h.level === 1 ? 1 : 0), 0);
    const isReport = head.title !== undefined ||
      (level1 >= 2 && REPORT_WORDS.test(this.text.slice(0, REPORT_WORDS_SCAN)));
    if (tail.outsideAfter) this.outside.push(tail.outsideAfter);
    const title = head.title;
    return {
      version: this.version,
      text: this.text,
      lines,
      eol: this.eol,
      bom: this.text.charCodeAt(0) === 0xfeff,
      isReport,
      title,
      year: title?.year !== undefined ? { value: title.year, source: 'title' } : this.inferYear(),
      unit: inferUnit(title, tail.signature, this.opening),
      addressee: head.addressee,
      opening: this.opening,
      headings: this.headings,
      roots: this.roots,
      paragraphs: this.paragraphs,
      enumerations: this.enumerations,
      tables: this.tables,
      closing: tail.closing,
      signature: tail.signature,
      outside: this.outside,
      artifacts: this.artifacts,
      reportLines: { start: head.reportStart, end: tail.reportEnd },
      parseStats: { linesShaped: 0, linesReused: 0 },
    };
  }

  private content(i: number): string {
    const s = this.shapes[i];
    return this.lines[i].slice(s.start, s.end);
  }

  private span(i: number): TextSpan {
    const s = this.shapes[i];
    return { text: this.lines[i].slice(s.start, s.end), range: range(i, s.start, i, s.end) };
  }

  /** The first line that reads as running text or a heading: the head of the report ends before it. */
  private firstBodyLikeLine(): number {
    const limit = Math.min(this.lines.length, HEAD_SCAN_LINES);
    for (let i = 0; i < limit; i++) {
      const s = this.shapes[i];
      if (s.blank) continue;
      if (s.marker || s.hasFullStop || s.end - s.start > 80) return i;
      const t = this.content(i);
      if (/如下[:：]?$/.test(t)) return i;
    }
    return limit;
  }

  // --- the head: web-page text, title block, page metadata, addressee ---

  private readHead(limit: number): { title: TitleBlock | undefined; addressee: TextSpan | undefined; end: number; reportStart: number } {
    const { shapes } = this;
    let titleLine = -1;
    for (let i = 0; i < limit; i++) {
      if (!shapes[i].blank && isTitleCandidate(this.content(i))) titleLine = i;
    }
    let title: TitleBlock | undefined;
    let blockStart = 0;
    if (titleLine >= 0) {
      // Organ lines stacked above a 关于… line belong to the title (「中共XX镇委员会 / XX镇人民政府 / 关于……的报告」).
      const titleLines = [titleLine];
      for (let i = titleLine - 1; i >= 0; i--) {
        if (shapes[i].blank) continue;
        const t = this.content(i);
        if (t.length <= 40 && !SENTENCE_PUNCTUATION.test(t) && !WEB_CHROME.test(t) && !PAGE_METADATA.test(t) &&
          !isTitleCandidate(t) && splitOrgans(t).every((o) => ORGAN_SUFFIX.test(o))) {
          titleLines.unshift(i);
        } else {
          break;
        }
      }
      blockStart = titleLines[0];
      title = this.buildTitle(titleLines);
    } else {
      // No title: only lines that are plainly web-page chrome lie outside the report.
      blockStart = 0;
      for (let i = 0; i < limit; i++) {
        if (shapes[i].blank) continue;
        const t = this.content(i);
        if (WEB_CHROME.test(t) || PAGE_METADATA.test(t)) blockStart = i + 1;
        else break;
      }
    }
    this.addOutside('before', 0, blockStart);
    let end = titleLine >= 0 ? titleLine + 1 : blockStart;
    let addressee: TextSpan | undefined;
    // Between the title and the body: page metadata (outside the report) and the addressee.
    const headerStart = end;
    let metaEnd = end;
    for (let i = end; i < limit; i++) {
      if (shapes[i].blank) continue;
      const t = this.content(i);
      if (PAGE_METADATA.test(t) && t.length <= 120) {
        metaEnd = i + 1;
        end = i + 1;
        continue;
      }
      if (!addressee && ADDRESSEE_END.test(t) && t.length <= 40 && !/如下[:：]$/.test(t)) {
        addressee = this.span(i);
        end = i + 1;
        continue;
      }
      break;
    }
    if (metaEnd > headerStart) this.addOutside('header', headerStart, metaEnd);
    const reportStart = this.firstNonBlank(blockStart, this.lines.length) ?? blockStart;
    return { title, addressee, end, reportStart };
  }

  private buildTitle(titleLines: number[]): TitleBlock {
    const spans = titleLines.map((i) => this.span(i));
    const text = spans.map((s) => s.text).join('');
    const last = spans[spans.length - 1];
    const organs: TextSpan[] = [];
    for (const s of spans.slice(0, -1)) organs.push(...splitOrganSpans(s));
    // Organs written in the title line itself: before 关于, or before the year (「沙溪镇2021年……报告」).
    if (organs.length === 0) {
      const cut = last.text.indexOf('关于');
      const yearAt = last.text.search(YEAR_IN_TITLE);
      const subjectAt = last.text.search(SUBJECTS);
      const beforeSubject = subjectAt > 0 && ORGAN_SUFFIX.test(last.text.slice(0, subjectAt)) ? subjectAt : -1;
      // 「关于……」 with nothing before it names no organ.
      const end = cut >= 0 ? cut : yearAt > 0 ? yearAt : beforeSubject;
      if (end > 0) {
        const prefix: TextSpan = { text: last.text.slice(0, end), range: shift(last.range, 0, end) };
        organs.push(...splitOrganSpans(prefix));
      }
    }
    let year: number | undefined;
    let yearRange: Range | undefined;
    for (const s of spans) {
      const m = YEAR_IN_TITLE.exec(s.text);
      if (m) {
        year = /^[0-9]/.test(m[1]) ? Number(m[1]) : Number([...m[1]].map((c) => '〇一二三四五六七八九'.indexOf(c === '○' || c === '零' ? '〇' : c)).join(''));
        yearRange = shift(s.range, m.index, m.index + m[1].length);
        break;
      }
    }
    const subjectMatch = SUBJECTS.exec(text);
    const subject = subjectMatch?.[0];
    const kind: ReportKind | undefined = subject === undefined ? undefined : subject.startsWith('政府信息公开') || subject === '政务公开' ? 'gov-info' : 'fazhi';
    return {
      text,
      range: { start: spans[0].range.start, end: last.range.end },
      lines: spans,
      organs,
      year,
      yearRange,
      subject,
      genre: /报告$/.test(text) ? '报告' : undefined,
      kind,
    };
  }

  // --- the tail: closing, 落款, notes, web-page text ---

  private readTail(bodyStart: number): {
    start: number; reportEnd: number; signature: SignatureBlock | undefined; closing: TextSpan | undefined; outsideAfter: OutsideText | undefined;
  } {
    const { shapes } = this;
    const lastLine = this.lastNonBlank(bodyStart, this.lines.length);
    if (lastLine === undefined) return { start: bodyStart, reportEnd: bodyStart, signature: undefined, closing: undefined, outsideAfter: undefined };
    // Look for a date line with nothing but short lines after it.
    let dateLine = -1;
    let seen = 0;
    for (let i = lastLine; i >= bodyStart && seen < TAIL_SCAN_LINES; i--) {
      if (shapes[i].blank) continue;
      seen++;
      const t = this.content(i);
      if (shapes[i].marker) break;
      if (parseStandaloneDate(t)) {
        dateLine = i;
        break;
      }
      if ((shapes[i].hasFullStop || t.length > 40) && !NOTE_LINE.test(t)) break;
    }
    let signature: SignatureBlock | undefined;
    let signatureStart = lastLine + 1;
    let outsideAfter: OutsideText | undefined;
    if (dateLine >= 0) {
      const notes: TextSpan[] = [];
      let notesEnd = dateLine + 1;
      for (let i = dateLine + 1; i <= lastLine; i++) {
        if (shapes[i].blank) continue;
        if (NOTE_LINE.test(this.content(i))) {
          notes.push(this.span(i));
          notesEnd = i + 1;
        } else {
          break;
        }
      }
      const afterStart = this.firstNonBlank(notesEnd, lastLine + 1);
      if (afterStart !== undefined) outsideAfter = this.outsideBlock('after', afterStart, lastLine + 1);
      const organLines = this.organLinesAbove(dateLine, bodyStart);
      signatureStart = organLines.length > 0 ? organLines[0] : dateLine;
      const dateSpan = this.span(dateLine);
      const parsed = parseStandaloneDate(dateSpan.text);
      const date: ReportDate | undefined = parsed ? { ...parsed, range: dateSpan.range } : undefined;
      const last = notes.length > 0 ? notes[notes.length - 1].range.end : dateSpan.range.end;
      signature = {
        range: { start: { line: signatureStart, character: shapes[signatureStart].start }, end: last },
        organs: organLines.flatMap((i) => splitOrganSpans(this.span(i))),
        date,
        notes,
      };
    } else {
      // No date: strip trailing web-page chrome, then accept a bare organ line as an undated 落款.
      let end = lastLine;
      while (end >= bodyStart && (shapes[end].blank || (WEB_CHROME.test(this.content(end)) && this.content(end).length <= 40 && !shapes[end].marker))) end--;
      const afterStart = this.firstNonBlank(end + 1, lastLine + 1);
      if (afterStart !== undefined) outsideAfter = this.outsideBlock('after', afterStart, lastLine + 1);
      signatureStart = end + 1;
      if (end >= bodyStart && !shapes[end].marker && isOrganLine(this.content(end))) {
        const organLines = [end, ...this.organLinesAbove(end, bodyStart)].sort((a, b) => a - b);
        signatureStart = organLines[0];
        const spans = organLines.map((i) => this.span(i));
        signature = {
          range: { start: spans[0].range.start, end: spans[spans.length - 1].range.end },
          organs: spans.flatMap(splitOrganSpans),
          date: undefined,
          notes: [],
        };
      }
    }
    // The closing sentence sits just above the 落款.
    let closing: TextSpan | undefined;
    let start = signatureStart;
    const closingLine = this.lastNonBlank(bodyStart, signatureStart);
    if (closingLine !== undefined && CLOSING.test(this.content(closingLine))) {
      closing = this.span(closingLine);
      start = closingLine;
    }
    const reportEnd = signature ? signature.range.end.line + 1 : (this.lastNonBlank(bodyStart, start) ?? bodyStart - 1) + 1;
    return { start, reportEnd: Math.max(reportEnd, closing ? closing.range.end.line + 1 : 0), signature, closing, outsideAfter };
  }

  private organLinesAbove(line: number, floor: number): number[] {
    const out: number[] = [];
    for (let i = line - 1; i >= floor && out.length < 3; i--) {
      if (this.shapes[i].blank) continue;
      if (this.shapes[i].marker || !isOrganLine(this.content(i))) break;
      out.unshift(i);
    }
    return out;
  }

  // --- the body: headings, sections, paragraphs, enumerations ---

  private readBody(start: number, end: number): void {
    const { lines, shapes } = this;
    const stack: Heading[] = [];
    let lastContentLine = -1;
    const close = (h: Heading) => {
      const endLine = Math.max(lastContentLine, h.line);
      h.sectionRange = range(h.line, h.range.start.character, endLine, shapes[endLine].end);
    };
    let nextTable = 0;
    for (let i = start; i < end; i++) {
      const s = shapes[i];
      // A table's lines are neither headings nor paragraphs; the table belongs to the section it stands in.
      const table = this.tables[nextTable];
      if (table && i === table.startLine) {
        table.section = stack[stack.length - 1];
        lastContentLine = table.endLine;
        i = table.endLine;
        nextTable++;
        continue;
      }
      if (s.blank) continue;
      const line = lines[i];
      const marker = s.marker;
      if (marker) {
        const level = marker.level as HeadingLevel;
        while (stack.length > 0 && stack[stack.length - 1].level >= level) close(stack.pop()!);
        const parent = stack[stack.length - 1];
        const heading: Heading = {
          index: this.headings.length,
          level,
          number: {
            level, value: marker.value, numeral: marker.numeral, digits: marker.digits, open: marker.open,
            close: marker.close, suffix: marker.suffix, raw: line.slice(marker.start, marker.end).trim(),
            range: range(i, marker.start, i, trimEndIndex(line.slice(0, marker.end), marker.start)),
          },
          title: line.slice(s.titleStart, s.titleEnd),
          titleRange: range(i, s.titleStart, i, s.titleEnd),
          range: range(i, marker.start, i, s.titleEnd),
          runIn: s.bodyStart >= 0,
          line: i,
          parent,
          children: [],
          sectionRange: range(i, marker.start, i, s.titleEnd),
        };
        this.headings.push(heading);
        (parent ? parent.children : this.roots).push(heading);
        stack.push(heading);
        lastContentLine = i;
        if (s.bodyStart >= 0) {
          this.paragraphs.push({
            text: line.slice(s.bodyStart, s.end), range: range(i, s.bodyStart, i, s.end), line: i, role: 'body', section: heading, runIn: true,
          });
        }
      } else {
        const section = stack[stack.length - 1];
        const paragraph: Paragraph = {
          text: line.slice(s.start, s.end), range: range(i, s.start, i, s.end), line: i,
          role: section ? 'body' : 'opening', section, runIn: false,
        };
        this.paragraphs.push(paragraph);
        if (!section) this.opening.push(paragraph);
        lastContentLine = i;
      }
      for (const e of s.enumerations) {
        this.enumerations.push({ marker: e.marker, value: e.value, style: e.style, range: range(i, e.start, i, e.end), line: i });
      }
    }
    while (stack.length > 0) close(stack.pop()!);
  }

  /**
   * Without a year in the title: the year most level-1 headings and the opening name, the earlier on a tie.
   * A plan heading (「2024年工作安排」) speaks of the year after the report's, so it counts one year back.
   */
  private inferYear(): ReportModel['year'] {
    const counts = new Map<number, number>();
    const add = (text: string, shift: number) => {
      for (const m of text.matchAll(/((?:19|20)[0-9]{2})\s*年/g)) {
        const y = Number(m[1]) + shift;
        counts.set(y, (counts.get(y) ?? 0) + 1);
      }
    };
    for (const h of this.headings) if (h.level === 1) add(h.title, PLAN_WORDS.test(h.title) ? -1 : 0);
    for (const p of this.opening) add(p.text.slice(0, 200), 0);
    let best: number | undefined;
    for (const [y, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && y < best)) best = y;
    return best === undefined ? undefined : { value: best, source: 'headings' };
  }

  // --- helpers ---

  private firstNonBlank(from: number, to: number): number | undefined {
    for (let i = from; i < to; i++) if (!this.shapes[i].blank) return i;
    return undefined;
  }

  private lastNonBlank(from: number, to: number): number | undefined {
    for (let i = to - 1; i >= from; i--) if (!this.shapes[i].blank) return i;
    return undefined;
  }

  private outsideBlock(where: OutsideText['where'], from: number, to: number): OutsideText | undefined {
    const spans: TextSpan[] = [];
    for (let i = from; i < to; i++) if (!this.shapes[i].blank) spans.push(this.span(i));
    if (spans.length === 0) return undefined;
    return { where, range: { start: spans[0].range.start, end: spans[spans.length - 1].range.end }, lines: spans };
  }

  private addOutside(where: OutsideText['where'], from: number, to: number): void {
    const block = this.outsideBlock(where, from, to);
    if (block) this.outside.push(block);
  }
}

const UNIT_IN_OPENING = /(?:^|[，,。；;：:、\s])([\u4e00-\u9fa5]{1,10}?(?:人民政府|街道办事处|镇|乡|街道|区|县|市|局))(?=认真|坚持|深入|全面|以|高度|始终|紧紧|围绕|在|按照|积极|持续|扎实|党委|党工委|政府)/;

function inferUnit(title: TitleBlock | undefined, signature: SignatureBlock | undefined, opening: Paragraph[]): ReportModel['unit'] {
  // Of joint organs (「中共XX委员会 XX人民政府」) the government is the reporting unit of a 法治政府 report.
  const pick = (organs: TextSpan[]) => (organs.find((o) => /政府|办事处/.test(o.text)) ?? organs[organs.length - 1])?.text;
  const fromTitle = title ? pick(title.organs) : undefined;
  if (fromTitle) return { name: fromTitle, source: 'title' };
  const fromSignature = signature ? pick(signature.organs) : undefined;
  if (fromSignature) return { name: fromSignature, source: 'signature' };
  for (const p of opening) {
    const m = UNIT_IN_OPENING.exec(p.text);
    if (m) return { name: m[1], source: 'opening' };
  }
  return undefined;
}

function isTitleCandidate(t: string): boolean {
  if (t.length > 100 || t.length < 6) return false;
  if (SENTENCE_PUNCTUATION.test(t.replace(/[（(][^）)]*[）)]/g, '')) || WEB_CHROME.test(t) || PAGE_METADATA.test(t)) return false;
  if (/如下[:：]?$/.test(t) || /[:：]$/.test(t)) return false;
  if (/报告[）)]?$/.test(t)) return true;
  return SUBJECTS.test(t) && YEAR_IN_TITLE.test(t);
}

function isOrganLine(t: string): boolean {
  return t.length <= 40 && !SENTENCE_PUNCTUATION.test(t) && !/[:：]/.test(t) && !WEB_CHROME.test(t) &&
    splitOrgans(t).every((o) => ORGAN_SUFFIX.test(o));
}

function splitOrgans(t: string): string[] {
  return t.split(/[ \t\u00a0\u3000]+/).filter((s) => s.length > 0);
}

/** Joint organs are written side by side, separated by spaces: organ names themselves hold none. */
function splitOrganSpans(span: TextSpan): TextSpan[] {
  const out: TextSpan[] = [];
  const re = /[^ \t\u3000\u00a0]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(span.text)) !== null) {
    out.push({ text: m[0], range: shift(span.range, m.index, m.index + m[0].length) });
  }
  return out;
}

function range(l1: number, c1: number, l2: number, c2: number): Range {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}

/** A sub-range of a single-line range, by offsets relative to its start. */
function shift(r: Range, from: number, to: number): Range {
  return range(r.start.line, r.start.character + from, r.start.line, r.start.character + to);
}

