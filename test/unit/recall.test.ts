// Injected-defect recall: into every seed and corpus report, one defect at a time — a mandated section deleted
// with its heading, a duplicated or skipped heading number, a wrong year in a heading, a breakdown that does not
// add up, a changed table cell — and the rule that owns it must find it where it was put. Precision work on
// real reports must never buy silence on real faults: every kind is found in every report it applies to.
import * as assert from 'assert/strict';
import {
  checkModel, govInfoTables, matchSections, parseReport, resolveProfile, standardMarker, type Finding, type Heading, type ReportModel,
} from '../../server/src/core/index';
import { allCorpus } from '../helpers/corpus';
import { allSeeds } from '../helpers/seeds';

interface Injected {
  text: string;
  /** Which finding proves the defect was found. */
  found: (f: Finding) => boolean;
  what: string;
}

const reports = [
  ...allSeeds().map((s) => ({ name: `seeds/${s.name}`, text: s.text })),
  ...allCorpus('fazhi').map((s) => ({ name: `fazhi/${s.name}`, text: s.text })),
  ...allCorpus('gov-info').map((s) => ({ name: `gov-info/${s.name}`, text: s.text })),
];

const lines = (text: string) => text.split('\n');

/**
 * A mandated item present under a level-1 heading of its own, deleted with that heading and its section: an error,
 * or a warning where the report still mentions the item in passing elsewhere (第一责任人 in one sentence).
 */
function deleteSection(model: ReportModel): Injected[] {
  const profile = resolveProfile(model, 'auto');
  if (!profile) return [];
  const out: Injected[] = [];
  const matches = matchSections(model, profile);
  for (const m of matches) {
    if (!m.item.required || m.via !== 'heading' || m.headings.length !== 1 || m.headings[0].level !== 1) continue;
    const h = m.headings[0];
    // Another item on the same heading (「存在问题及下步打算」) would go with it: delete only a heading of one item.
    if (matches.some((o) => o.item.id !== m.item.id && o.headings.includes(h))) continue;
    const all = lines(model.text);
    const text = [...all.slice(0, h.line), ...all.slice(h.sectionRange.end.line + 1)].join('\n');
    out.push({ text, what: `「${h.number.raw}${h.title}」 deleted`, found: (f) => f.rule === 'missing-section' && (f.severity === 'error' || f.severity === 'warning') && f.message.zh.includes(m.item.name.zh) });
  }
  return out;
}

function withHeadingNumber(model: ReportModel, h: Heading, value: number): string {
  const all = lines(model.text);
  const marker = standardMarker(h.level, value);
  all[h.line] = all[h.line].slice(0, h.number.range.start.character) + marker + all[h.line].slice(h.number.range.end.character);
  return all.join('\n');
}

/** The third level-1 heading numbered as the second: a duplicate. */
function duplicateNumber(model: ReportModel): Injected[] {
  const level1 = model.roots.filter((h) => h.level === 1);
  if (level1.length < 3 || level1[2].number.value !== 3) return [];
  const h = level1[2];
  return [{ text: withHeadingNumber(model, h, 2), what: `「${h.number.raw}」 → 「二、」`, found: (f) => f.rule === 'numbering-duplicate' && f.range.start.line === h.line }];
}

/** The second level-2 heading of a section numbered （三）: a skipped number. */
function skipNumber(model: ReportModel): Injected[] {
  const parent = model.headings.find((h) => h.level === 1 && h.children.filter((c) => c.level === 2).length === 2 && h.children[1].number.value === 2);
  if (!parent) return [];
  const h = parent.children[1];
  return [{ text: withHeadingNumber(model, h, 3), what: `「${h.number.raw}」 → 「（三）」`, found: (f) => f.rule === 'numbering-gap' && f.range.start.line === h.line }];
}

/** The report year in a level-1 heading written as a year two years back. */
function wrongYear(model: ReportModel): Injected[] {
  const year = model.year?.value;
  if (year === undefined) return [];
  const h = model.headings.find((x) => x.level === 1 && x.title.includes(`${year}年`));
  if (!h) return [];
  const all = lines(model.text);
  all[h.line] = all[h.line].replace(`${year}年`, `${year - 2}年`);
  return [{ text: all.join('\n'), what: `${year} → ${year - 2} in 「${h.title}」`, found: (f) => f.rule === 'year-mismatch' && f.range.start.line === h.line }];
}

/** A sentence whose parts, 其他 included, do not add up, appended to the first body paragraph under a heading. */
function wrongSum(model: ReportModel): Injected[] {
  const p = model.paragraphs.find((x) => x.section && x.text.endsWith('。') && x.text.length > 30);
  if (!p) return [];
  const all = lines(model.text);
  all[p.line] = `${all[p.line]}全年共受理投诉20件，其中消费纠纷8件、其他7件。`;
  return [{ text: all.join('\n'), what: 'appended 20 = 8 + 7', found: (f) => f.rule === 'figure-sum' && f.range.start.line === p.line && f.severity === 'error' }];
}

/** A 表三 cell of a 政府信息公开 report off by one. */
function wrongCell(model: ReportModel): Injected[] {
  const row = govInfoTables(model).requests?.rows.find((r) => r.key === 'result' && r.values);
  if (!row) return [];
  const cell = row.values![0].cell;
  const all = lines(model.text);
  const l = cell.range.start.line;
  all[l] = all[l].slice(0, cell.range.start.character) + String((cell.value ?? 0) + 1) + all[l].slice(cell.range.end.character);
  return [{ text: all.join('\n'), what: `「${row.name.zh}」 自然人 + 1`, found: (f) => f.rule === 'table-sum' && f.range.start.line === l }];
}

const KINDS: { name: string; inject: (m: ReportModel) => Injected[]; atLeast: number }[] = [
  { name: 'a mandated section deleted with its heading', inject: deleteSection, atLeast: 20 },
  { name: 'a duplicated level-1 number', inject: duplicateNumber, atLeast: 10 },
  { name: 'a skipped level-2 number', inject: skipNumber, atLeast: 3 },
  { name: 'a wrong year in a level-1 heading', inject: wrongYear, atLeast: 3 },
  { name: 'a breakdown that does not add up', inject: wrongSum, atLeast: 13 },
  { name: 'a 表三 cell off by one', inject: wrongCell, atLeast: 4 },
];

describe('injected-defect recall', () => {
  for (const kind of KINDS) {
    it(`${kind.name}: found in every report it can be put into`, () => {
      let tried = 0;
      const missed: string[] = [];
      for (const r of reports) {
        for (const defect of kind.inject(parseReport(r.text))) {
          tried++;
          if (!checkModel(parseReport(defect.text)).some(defect.found)) missed.push(`${r.name}: ${defect.what}`);
        }
      }
      assert.deepEqual(missed, [], `missed ${missed.length} of ${tried}`);
      // The injections must keep reaching the reports, or this test would prove nothing.
      assert.ok(tried >= kind.atLeast, `only ${tried} injections of ${kind.name}`);
    });
  }
});
