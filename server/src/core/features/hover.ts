// Hover summaries, as a small dispatcher: a table cell shows its row, column and the equations it is in; a
// figure under the cursor explains itself; a heading shows its section's figures; the title summarises the
// whole report. Markdown out, in the user's language.
//
// Layout: VS Code renders Markdown, where two lines joined by one newline are one line. Every line of a hover is
// therefore a paragraph of its own (blank line between), a list item or a table row. What was checked comes first,
// under the title line: it is what a reviewer hovers for, and a long breakdown must not push it out of sight.

import type { Locale } from '../findings';
import { checkModel } from '../check';
import { gangyaoCoverage } from './coverage';
import { evidenceBySection, evidencePerThousand } from './evidence';
import { figureAt, figureNear, figuresOf, type Figure } from '../model/figures';
import { BEFORE_FIRST_HEADING, sectionName } from './figures-table';
import { firstOnOrAfterLine } from '../model/order';
import type { Heading, Position, Range, ReportModel } from '../model/types';
import { resolveProfile, type Profile } from '../profiles/index';
import { matchSections } from '../profiles/match';
import { recomputeRate } from '../rules/figure-rate';
import { breakdownsOf, type Breakdown } from '../rules/figure-sum';
import { lateReport } from '../rules/late-report';
import { vaguePlan } from '../rules/vague-plan';
import { vagueShortcomings } from '../rules/vague-shortcomings';
import { figuresByParagraph } from '../rules/shared/figures';
import { govInfoTables } from '../model/gov-info-tables';
import { tableFigureAt, type TableFigure } from '../model/table-figures';
import { equationText } from '../rules/table-sum';

export interface HoverContent {
  markdown: string;
  range: Range;
}

export interface HoverOptions {
  locale: Locale;
  profile?: Profile;
  /**
   * The document is above the large-document threshold, where the figure rules are off: a hover reads only the text
   * around it (a figure's value and what it counts, no checks), a heading or the title no figures of their own.
   */
  largeDocument?: boolean;
}

export function hoverAt(model: ReportModel, position: Position, options: HoverOptions): HoverContent | undefined {
  if (!model.isReport) return undefined;
  const cell = tableFigureAt(model, position.line, position.character);
  if (cell) return { markdown: cellHover(model, cell, options.locale), range: cell.range };
  const large = options.largeDocument === true;
  const figure = large ? figureNear(model, position.line, position.character) : figureAt(model, position.line, position.character);
  if (figure) return { markdown: figureHover(model, figure, options.locale, large), range: figure.range };
  const heading = headingOnLine(model, position);
  if (heading) return { markdown: sectionHover(model, heading, options.locale, large), range: heading.range };
  const title = model.title;
  if (title && contains(title.range, position)) {
    const line = title.lines.find((l) => l.range.start.line === position.line);
    return { markdown: reportHover(model, options), range: line?.range ?? title.range };
  }
  return undefined;
}

function contains(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

function headingOnLine(model: ReportModel, p: Position): Heading | undefined {
  const h = model.headings[firstOnOrAfterLine(model.headings, p.line)];
  return h && h.line === p.line && contains(h.range, p) ? h : undefined;
}

// --- words ---

const KIND_NAMES: Record<Locale, Record<Figure['kind'], string>> = {
  zh: { count: '数量', money: '金额', percent: '比率', points: '百分点', year: '年份', date: '日期', duration: '时长', measure: '计量' },
  en: { count: 'count', money: 'money', percent: 'rate', points: 'percentage points', year: 'year', date: 'date', duration: 'duration', measure: 'measure' },
};

/**
 * What a figure's subject is called, by kind: 「统计对象」 is what a count counts, not what a rate or a sum of money
 * measures (「招商引资到位资金」 is an amount, 「办结率」 a rate). 「指标」 is the statisticians' word for the rest.
 */
const SUBJECT_LABELS: Record<Locale, Record<Figure['kind'], string>> = {
  zh: { count: '统计对象', money: '款项', percent: '指标', points: '指标', year: '指标', date: '指标', duration: '指标', measure: '指标' },
  en: { count: 'Counts', money: 'Amount', percent: 'Rate', points: 'Measure', year: 'What', date: 'What', duration: 'What', measure: 'What' },
};

/** The label of a column of figures of every kind (a section's table): neutral. */
const WHAT: Record<Locale, string> = { zh: '指标', en: 'What' };

/** 「：」 after a Chinese label, ': ' after an English one. */
function colon(locale: Locale): string {
  return locale === 'en' ? ': ' : '：';
}

function formatNumber(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function normalised(f: Figure, locale: Locale): string {
  const approx = f.approximate ? '≈' : '';
  if (f.kind === 'year') return f.upper !== undefined ? `${f.value}—${f.upper}` : String(f.value);
  if (f.kind === 'date') {
    const d = f.date ?? {};
    if (f.upper !== undefined) return locale === 'en' ? `months ${f.value}–${f.upper}` : `${f.value}—${f.upper}月`;
    return [d.year !== undefined ? `${d.year}年` : '', d.month !== undefined ? `${d.month}月` : '', d.day !== undefined ? `${d.day}日` : ''].join('');
  }
  const unit = f.unit === '%' ? '%' : ` ${f.unit}`;
  const range = f.upper !== undefined ? `${formatNumber(f.value)}～${formatNumber(f.upper)}` : formatNumber(f.value);
  return `${approx}${range}${unit}`;
}

/**
 * Whether the normalised value says more than the figure as written: 「1.99亿元 → 199,000,000 元」 does, 「99% → 99%」
 * and 「15件 → 15 件」 do not (spaces, thousands separators and the full-width ％ aside; a year is its number).
 */
function saysMore(f: Figure, value: string): boolean {
  if (f.kind === 'year' && f.upper === undefined) return false;
  const plain = (s: string) => s.replace(/\s+/g, '').replace(/(?<=\d),(?=\d{3})/g, '').replace(/％/g, '%');
  return plain(f.text) !== plain(value);
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`);
}

function headingLabel(h: Heading | undefined, locale: Locale): string {
  return h ? sectionName(h) : BEFORE_FIRST_HEADING[locale];
}

/** Why a hover says nothing of the figures' checks: the document is above the large-document threshold. */
function largeDocumentNote(locale: Locale): string {
  return locale === 'en'
    ? '_A large document: its figures are not checked (setting govreport.largeDocumentThreshold)._'
    : '_文档较大，未核对数据（设置 govreport.largeDocumentThreshold）。_';
}

// --- a table cell ---

/**
 * Laid out as a figure's hover: the value and the table on the title line, then which cell it is (its row and column
 * are what a reader of the table cannot see from where the number stands), then the equations, those that do not hold
 * first.
 */
function cellHover(model: ReportModel, f: TableFigure, locale: Locale): string {
  const en = locale === 'en';
  const c = colon(locale);
  const lines: string[] = [`**${escape(f.text)}** · ${escape(f.tableName[locale])}`, ''];
  if (f.rowLabel[locale]) lines.push(`- ${en ? 'Row' : '行'}${c}${escape(f.rowLabel[locale])}`);
  if (f.columnLabel[locale]) lines.push(`- ${en ? 'Column' : '列'}${c}${escape(f.columnLabel[locale])}`);
  if (formatNumber(f.value) !== f.text) lines.push(`- ${en ? 'Value' : '数值'}${c}${formatNumber(f.value)}`);
  const equations = govInfoTables(model).equations.filter((e) => e.left.some((t) => t.cell === f.cell) || e.right.some((t) => t.cell === f.cell));
  if (equations.length > 0) {
    // A paragraph between the two lists: two lists apart by a blank line alone would render as one.
    lines.push('', en ? 'Equations this cell is part of:' : '本格参与的勾稽关系：', '');
    for (const e of [...equations.filter((x) => !x.holds), ...equations.filter((x) => x.holds)]) {
      lines.push(`- ${e.holds ? '✓' : '✗'} ${escape(equationText(e)[locale])}`);
    }
  }
  return finish(lines);
}

/** The hover's Markdown: no blank line at either end, never two blank lines in a row. */
function finish(lines: string[]): string {
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

// --- a figure ---

function figureHover(model: ReportModel, f: Figure, locale: Locale, large: boolean): string {
  const en = locale === 'en';
  const c = colon(locale);
  const value = normalised(f, locale);
  const exactness = f.approximate ? (en ? `approximate (“${f.approximation}”)` : `约数（“${f.approximation}”）`) : en ? 'exact' : '确数';
  const lines: string[] = [];
  lines.push(`**${escape(f.text)}**${saysMore(f, value) ? ` → ${escape(value)}` : ''} · ${KIND_NAMES[locale][f.kind]} · ${exactness}`, '');
  if (large) {
    lines.push(largeDocumentNote(locale), '');
  } else {
    for (const check of checksFor(model, f, locale)) lines.push(check, '');
  }
  // Each check is a paragraph of its own, so the list below stays one list.
  if (f.subject) lines.push(`- ${SUBJECT_LABELS[locale][f.kind]}${c}${escape(f.subject)}`);
  lines.push(`- ${en ? 'Section' : '所在部分'}${c}${escape(headingLabel(f.section, locale))}`);
  return finish(lines);
}

/**
 * What the tool could verify about a figure, each a line that starts with its verdict: a rate against its counts, a
 * total against its breakdown (the parts listed once, after the verdict).
 */
function checksFor(model: ReportModel, f: Figure, locale: Locale): string[] {
  const en = locale === 'en';
  const out: string[] = [];
  const siblings = figuresByParagraph(model).get(f.paragraph) ?? [];
  // A paragraph's figures stand together in document order: the figure's place among them is its index's distance
  // from the first (not a search through a paragraph that may hold a hundred thousand figures).
  const index = siblings.length > 0 && siblings[f.index - siblings[0].index] === f ? f.index - siblings[0].index : -1;
  const rate = index >= 0 ? recomputeRate(siblings, index) : undefined;
  if (rate) {
    const sum = `${escape(rate.numerator.text)} ÷ ${escape(rate.denominator.text)} = ${rate.rounded}%`;
    out.push(rate.matches ? `✓ ${sum}` : en ? `✗ ${sum}, stated ${escape(f.text)}` : `✗ ${sum}，文中为 ${escape(f.text)}`);
  }
  const breakdown = breakdownByTotal(breakdownsOf(f.paragraph, siblings)).get(positionKey(f));
  if (breakdown) {
    const { parts } = breakdown;
    const total = Math.round(parts.reduce((a, p) => a + p.value, 0) * 1e6) / 1e6;
    const sum = `${formatNumber(total)}${f.unit === '元' ? ' 元' : f.unit}`;
    const listed = parts.map((p) => escape(p.text)).join(' + ');
    const approx = f.approximate || parts.some((p) => p.approximate);
    const label = en ? 'The parts' : breakdown.form === 'after' ? '其中各项' : '各分项';
    const stated = escape(f.text);
    const verdict = approx
      ? (en ? `≈ ${label} add up to ${sum} (approximate, not checked)` : `≈ ${label}之和 ${sum}（含约数，不核对）`)
      : total === f.value
        ? (en ? `✓ ${label} add up to the total, ${sum}` : `✓ ${label}之和等于总数 ${sum}`)
        : total > f.value
          ? (en ? `✗ ${label} add up to ${sum}, more than the total ${stated}` : `✗ ${label}之和 ${sum}，超过总数 ${stated}`)
          : (en ? `✗ ${label} add up to ${sum}, not the total ${stated}` : `✗ ${label}之和 ${sum}，不等于总数 ${stated}`);
    out.push(`${verdict}${en ? ': ' : '：'}${listed}`);
  }
  if (f.approximate) out.push(en ? '_Approximate values are left out of sums._' : '_约数不参与求和核对。_');
  return out;
}

/** Where a figure stands: the same figure, though perhaps a copy made when an earlier paragraph changed (figures carry their index). */
function positionKey(f: Figure): string {
  return `${f.line}:${f.range.start.character}:${f.range.end.character}`;
}

const totals = new WeakMap<readonly Breakdown[], Map<string, Breakdown>>();

/** A paragraph's breakdowns by where their total stands, made once per paragraph (the first of each, as a search would find). */
function breakdownByTotal(breakdowns: readonly Breakdown[]): Map<string, Breakdown> {
  let map = totals.get(breakdowns);
  if (!map) {
    map = new Map();
    for (const b of breakdowns) {
      const key = positionKey(b.total);
      if (!map.has(key)) map.set(key, b);
    }
    totals.set(breakdowns, map);
  }
  return map;
}

// --- a heading: its section's figures ---

const TABLE_LIMIT = 40;

function sectionHover(model: ReportModel, h: Heading, locale: Locale, large: boolean): string {
  const en = locale === 'en';
  const lines = [`**${escape(sectionName(h))}**`, ''];
  if (large) {
    lines.push(largeDocumentNote(locale));
    return lines.join('\n');
  }
  const end = h.sectionRange.end.line;
  const figures = sectionFigures(model, h.line, end);
  if (figures.length === 0) {
    lines.push(en ? 'No figures in this section.' : '本部分没有数据。');
    return lines.join('\n');
  }
  lines.push(en ? `${figures.length === 1 ? '1 figure' : `${figures.length} figures`}:` : `共 ${figures.length} 个数据：`, '');
  lines.push(en ? `| ${WHAT.en} | Value | Unit |` : `| ${WHAT.zh} | 数值 | 单位 |`, '|---|---:|---|');
  for (const f of figures.slice(0, TABLE_LIMIT)) {
    const value = f.upper !== undefined ? `${formatNumber(f.value)}～${formatNumber(f.upper)}` : `${f.approximate ? '≈' : ''}${formatNumber(f.value)}`;
    lines.push(`| ${escape(f.subject ?? '—')} | ${value} | ${escape(f.unit)} |`);
  }
  if (figures.length > TABLE_LIMIT) lines.push(en ? `| … ${figures.length - TABLE_LIMIT} more | | |` : `| ……另有 ${figures.length - TABLE_LIMIT} 个 | | |`);
  const totals = new Map<string, { sum: number; approx: boolean }>();
  for (const f of figures) {
    if (f.kind !== 'count' && f.kind !== 'money' && f.kind !== 'measure') continue;
    const t = totals.get(f.unit) ?? { sum: 0, approx: false };
    t.sum += f.upper ?? f.value;
    t.approx ||= f.approximate;
    totals.set(f.unit, t);
  }
  if (totals.size > 0) {
    lines.push('', `${en ? 'Totals per unit' : '按单位合计'}${colon(locale)}${[...totals].map(([u, t]) => `${t.approx ? '≈' : ''}${formatNumber(Math.round(t.sum * 1e6) / 1e6)}${u === '元' ? ' 元' : u}`).join(en ? ', ' : '，')}`);
  }
  return lines.join('\n');
}

/** The section's figures other than years and dates, from its heading's line to its end: found by line, not by a walk
 * through every figure of the report. */
function sectionFigures(model: ReportModel, from: number, to: number): Figure[] {
  const all = figuresOf(model);
  const out: Figure[] = [];
  for (let i = firstOnOrAfterLine(all, from); i < all.length && all[i].line <= to; i++) {
    if (all[i].kind !== 'year' && all[i].kind !== 'date') out.push(all[i]);
  }
  return out;
}

// --- the title: the whole report ---

function reportHover(model: ReportModel, options: HoverOptions): string {
  const en = options.locale === 'en';
  const c = colon(options.locale);
  const profile = options.profile ?? resolveProfile(model);
  const large = options.largeDocument === true;
  const lines: string[] = [];
  lines.push(`**${escape(model.title?.text ?? '')}**`, '');
  lines.push(`- ${en ? 'Report year' : '报告年度'}${c}${model.year?.value ?? (en ? 'unknown' : '未知')}`);
  if (model.unit) lines.push(`- ${en ? 'Unit' : '报告单位'}${c}${escape(model.unit.name)}`);
  lines.push(`- ${en ? 'Profile' : '报告类型'}${c}${profile ? (en ? profile.name.en : profile.name.zh) : en ? 'none detected' : '未识别'}`);
  if (profile) {
    // The count and 「缺少」 are of the mandated items alone; an optional item not written is no gap, only named apart.
    const matches = matchSections(model, profile);
    const mandated = matches.filter((m) => m.item.required);
    const name = (m: (typeof matches)[number]) => escape(en ? m.item.name.en : m.item.name.zh);
    const missing = mandated.filter((m) => !m.present).map(name);
    const optionalUnwritten = matches.filter((m) => !m.item.required && !m.present).map(name);
    const list = en ? '; ' : '；';
    lines.push(`- ${en ? 'Mandated items present' : '已有必备内容'}${c}${mandated.length - missing.length}/${mandated.length}`);
    if (missing.length > 0) lines.push(`- ${en ? 'Missing' : '缺少'}${c}${missing.join(list)}`);
    if (optionalUnwritten.length > 0) lines.push(`- ${en ? 'Optional, not written' : '可选内容，未写'}${c}${optionalUnwritten.join(list)}`);
  }
  const coverage = gangyaoCoverage(model);
  if (coverage) {
    const covered = coverage.filter((a) => a.via !== 'none');
    const uncovered = coverage.filter((a) => a.via === 'none').map((a) => a.short[options.locale]);
    lines.push(`- ${en ? 'Outline (2021—2025) parts spoken to' : '纲要（2021—2025年）覆盖'}${c}${covered.length}/${coverage.length}` +
      (uncovered.length > 0 ? `${en ? ` (not: ${uncovered.map(escape).join(', ')})` : `（未涉及：${uncovered.map(escape).join('、')}）`}` : ''));
  }
  if (large) {
    lines.push(...qualityLines(model, profile, en, false), '', largeDocumentNote(options.locale));
    return lines.join('\n');
  }
  const figures = sectionFigures(model, 0, model.lines.length);
  lines.push(`- ${en ? 'Figures' : '数据'}${c}${figures.length}${en ? ` (approximate ${figures.filter((f) => f.approximate).length})` : ` 个（约数 ${figures.filter((f) => f.approximate).length}）`}`);
  lines.push(...qualityLines(model, profile, en, true));
  return lines.join('\n');
}

// --- quality, as the third-party evaluations read a report (rules.md §8 Q1, Q4–Q6) ---

const QUALITY_RULES = [lateReport, vagueShortcomings, vaguePlan];

/** `withEvidence`: the figures and cases per section, which read every figure (not for a large document). */
function qualityLines(model: ReportModel, profile: Profile | undefined, en: boolean, withEvidence: boolean): string[] {
  const c = en ? ': ' : '：';
  const lines: string[] = [];
  const found = new Set(checkModel(model, { rules: QUALITY_RULES, profile: profile?.id ?? 'none', extraProfiles: profile ? [profile] : [] }).map((f) => f.rule));
  const date = model.signature?.date;
  if (date?.year !== undefined && date.month !== undefined) {
    const text = escape(date.text);
    lines.push(`- ${en ? 'Dated' : '成文日期'}${c}${text}${found.has(lateReport.id) ? (en ? ' — after the deadline (see the hint on the date)' : '，晚于报送或公开期限（见日期处的提示）') : ''}`);
  }
  if (profile) {
    const sections = matchSections(model, profile);
    const has = (id: string) => sections.some((m) => m.item.id === id && m.present && m.via === 'heading');
    if (has('shortcomings')) lines.push(`- ${en ? 'Shortcomings' : '存在的不足'}${c}${found.has(vagueShortcomings.id) ? (en ? 'stock phrases only' : '只有套话，未写具体问题') : en ? 'names concrete problems' : '写到了具体问题'}`);
    if (has('plan')) lines.push(`- ${en ? 'Plan' : '下一年度安排'}${c}${found.has(vaguePlan.id) ? (en ? 'no concrete measure, figure or date' : '没有具体措施、数字或时间') : en ? 'has concrete measures' : '有具体措施'}`);
  }
  const evidence = withEvidence ? evidenceBySection(model).filter((e) => e.chars > 0) : [];
  if (evidence.length > 0) {
    lines.push(`- ${en ? 'Figures and cases per 1,000 characters, by section' : '各部分每千字的数据和事例'}${c}` +
      evidence.map((e) => `${escape(e.heading.number.raw.replace(/[、.．]$/, ''))} ${formatDensity(evidencePerThousand(e))}`).join(en ? ', ' : '，'));
  }
  return lines;
}

function formatDensity(n: number): string {
  return n === 0 ? '0' : n.toFixed(1);
}
