// Whether each step of the analysis costs the same per KB on one huge paragraph as on short ones. The same 1 MB of
// report-like clauses is analysed twice: as one paragraph, and cut into a hundred paragraphs of 10 KB. Both runs
// handle as much data (the same processor caches, the same garbage to collect) and differ only in the length of a
// paragraph, so a step that reads back to the paragraph's or the sentence's start for each figure, title or name
// shows as a ratio far above 1, and nothing else does. Shared by the unit test (test/unit/linear-paragraph.test.ts)
// and `npx tsx test/helpers/linear-cost.ts [KB [paragraphs]]`, which prints the table.
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import {
  RULES, buildOutline, checkModel, compareReports, completionsAt, figureRows, figuresCsv, figuresOf, foldingRegions, gangyaoCoverage, hoverAt,
  parseReport, type ReportModel,
} from '../../server/src/core/index';
import { breakdownsOf } from '../../server/src/core/rules/figure-sum';
import { figuresByParagraph } from '../../server/src/core/rules/shared/figures';
import { CLAUSES, cutInto, fazhiReport, govInfoReport, longParagraph, random } from './long-paragraph';

export interface LongDocument {
  name: string;
  /** The report with about `size` characters of clauses in `paragraphs` paragraph(s). */
  text(size: number, paragraphs: number): string;
  /** The steps timed on it: rule ids, and the features of `feature` below. */
  steps: readonly string[];
}

const ALL_KINDS = Object.keys(CLAUSES).filter((k) => k !== 'requests' && k !== 'stock');
const RULE_IDS = RULES.map((r) => r.id);
const GOV_INFO_SKELETON = fs.readFileSync(path.resolve(__dirname, '../fixtures/corpus/gov-info/pingtan-2021.txt'), 'utf8');

/** What runs besides the rules: the features an editor asks for on a document. */
const FEATURES = ['hover', 'figure rows', 'outline', 'folding', 'completion', 'coverage', 'compare'];

export const LONG_DOCUMENTS: readonly LongDocument[] = [
  {
    // Every kind of clause, in the 成效 section: what every rule and feature reads.
    name: 'every kind of clause',
    text: (size, n) => fazhiReport(cutInto(longParagraph(ALL_KINDS, size), n), 'measures'),
    steps: ['parse', 'figures', ...RULE_IDS, ...FEATURES],
  },
  {
    // The same clauses as one sentence (every 。 and ； a comma): a step that reads back to the sentence start for
    // each figure, title or name shows here.
    name: 'every kind of clause, one sentence',
    text: (size, n) => fazhiReport(cutInto(longParagraph(ALL_KINDS, size, 5).replace(/[。；！？]/g, '，'), n), 'measures'),
    steps: ['parse', 'figures', ...RULE_IDS, ...FEATURES],
  },
  {
    // The 不足 and the plan are read clause by clause: stock phrases with a few lists and figures among them.
    name: 'the 不足 in stock phrases',
    text: (size, n) => fazhiReport(cutInto(longParagraph(['stock', 'stock', 'stock', 'enumerations', 'qizhong'], size, 2), n), 'shortcomings'),
    steps: ['parse', 'figures', 'vague-shortcomings', 'unheaded-section', 'missing-section', 'reasons-missing', 'enumeration-order'],
  },
  {
    name: 'the plan in stock phrases',
    text: (size, n) => fazhiReport(cutInto(longParagraph(['stock', 'stock', 'enumerations', 'years'], size, 3), n), 'plan'),
    steps: ['parse', 'figures', 'vague-plan', 'unheaded-section', 'missing-section', 'year-mismatch'],
  },
  {
    // What the text says of requests and cases, against the tables of a 政府信息公开 report, in one sentence.
    name: 'requests against the tables of a 政府信息公开 report',
    text: (size, n) => govInfoReport(cutInto(longParagraph(['requests', 'requests', 'qizhong', 'rates', 'years'], size, 4).replace(/[。；！？]/g, '，'), n), GOV_INFO_SKELETON),
    steps: ['parse', 'figures', 'table-text', 'table-sum', 'year-mismatch', 'figure-sum', 'figure-rate', 'hover', 'figure rows'],
  },
];

/** Milliseconds per KB of each step. */
export type CostPerKB = Record<string, number>;

/**
 * Processor time of this process in milliseconds, not the wall clock: on a loaded machine the process waits for a
 * core now and then, and that wait is no cost of the analysis.
 */
function now(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** A full garbage collection before each run, so that a run does not pay for the garbage of the one before. */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/**
 * Runs the steps once on a fresh parse (rules keep per-paragraph results), in the order given; the milliseconds of
 * each step per KB. The figures step reads what the figure rules and the hover share (what each figure counts, its
 * sentence, each paragraph's breakdowns), so that none of them pays for the others whatever the order.
 */
function costPerKB(text: string, steps: readonly string[]): CostPerKB {
  const kb = text.length / 1024;
  const cost: CostPerKB = {};
  collectGarbage();
  let t = now();
  const model = parseReport(text);
  cost.parse = (now() - t) / kb;
  t = now();
  for (const f of figuresOf(model)) void (f.subject, f.sentence);
  for (const [paragraph, figures] of figuresByParagraph(model)) breakdownsOf(paragraph, figures);
  cost.figures = (now() - t) / kb;
  for (const step of steps) {
    if (step === 'parse' || step === 'figures') continue;
    const rule = RULES.find((r) => r.id === step);
    t = now();
    if (rule) checkModel(model, { rules: [rule] });
    else feature(step, model);
    cost[step] = (now() - t) / kb;
  }
  // The whole analysis: every step above, as the server and the CLI make them for a document.
  cost['whole analysis'] = Object.values(cost).reduce((a, b) => a + b, 0);
  return cost;
}

function longestLine(model: ReportModel): number {
  let line = 0;
  for (let i = 1; i < model.lines.length; i++) if (model.lines[i].length > model.lines[line].length) line = i;
  return line;
}

function feature(step: string, model: ReportModel): void {
  switch (step) {
    case 'hover': {
      // A hundred places at the same offsets of the clauses, whether they are one paragraph or a hundred (so that each
      // short paragraph is hovered once, as the long one is a hundred times), the title and the first heading.
      const paragraphs = model.paragraphs.filter((p) => p.text.length > 1000);
      const total = paragraphs.reduce((sum, p) => sum + p.text.length, 0);
      let i = 0;
      let before = 0;
      for (let k = 0; k < 100 && paragraphs.length > 0; k++) {
        const offset = Math.floor(((k + 0.5) * total) / 100);
        while (before + paragraphs[i].text.length <= offset) before += paragraphs[i++].text.length;
        const p = paragraphs[i];
        hoverAt(model, { line: p.line, character: p.range.start.character + offset - before }, { locale: 'zh' });
      }
      hoverAt(model, { line: 0, character: 1 }, { locale: 'zh' });
      if (model.headings[0]) hoverAt(model, { line: model.headings[0].line, character: 1 }, { locale: 'zh' });
      return;
    }
    case 'figure rows':
      figuresCsv(figureRows(model), 'zh');
      return;
    case 'outline':
      buildOutline(model);
      return;
    case 'folding':
      foldingRegions(model);
      return;
    case 'completion': {
      const line = longestLine(model);
      completionsAt(model, { line, character: model.lines[line].length >> 1 });
      completionsAt(model, { line, character: model.lines[line].length });
      return;
    }
    case 'coverage':
      gangyaoCoverage(model);
      return;
    case 'compare':
      compareReports(model, model);
      return;
    default:
      throw new Error(`unknown step ${step}`);
  }
}

export interface LinearityCheck {
  step: string;
  /** Milliseconds per KB with the text in short paragraphs, and in one. */
  short: number;
  long: number;
  /** long ÷ short, both raised to the floor. */
  ratio: number;
}

/**
 * Below this cost per KB a step is too fast for its ratio to mean anything (20 ms per MB: a step that stays under
 * three times it on the long paragraph is no hot spot, whatever its ratio).
 */
export const FLOOR_MS_PER_KB = 0.02;

/**
 * Each step's cost per KB on `size` characters as one paragraph against the same text in `paragraphs` paragraphs,
 * best of `runs` runs of each (interleaved, so that a busy moment of the machine falls on both alike). `previous`,
 * when given, is a measurement to improve on: its best times count too.
 */
export function measureLinearity(
  doc: LongDocument, size: number, paragraphs: number, runs: number, previous?: { short: CostPerKB; long: CostPerKB },
): { short: CostPerKB; long: CostPerKB; checks: LinearityCheck[] } {
  const short: CostPerKB = { ...previous?.short };
  const long: CostPerKB = { ...previous?.long };
  const best = (into: CostPerKB, cost: CostPerKB) => {
    for (const [step, ms] of Object.entries(cost)) into[step] = Math.min(into[step] ?? Infinity, ms);
  };
  const shortText = doc.text(size, paragraphs);
  const longText = doc.text(size, 1);
  const shuffle = random(Object.keys(long).length + 1);
  for (let run = 0; run < runs; run++) {
    // The steps in another order each run: a garbage collection falls where allocation reaches a limit, at the same
    // step run after run in one order, and the best of the runs leaves it out.
    const steps = [...doc.steps].sort(() => shuffle() - 0.5);
    best(short, costPerKB(shortText, steps));
    best(long, costPerKB(longText, steps));
  }
  const checks = Object.keys(long).map((step) => ({
    step, short: short[step], long: long[step], ratio: Math.max(long[step], FLOOR_MS_PER_KB) / Math.max(short[step], FLOOR_MS_PER_KB),
  }));
  return { short, long, checks };
}

if (require.main === module) {
  const [kb = 1024, paragraphs = 100] = process.argv.slice(2).map(Number);
  for (const doc of LONG_DOCUMENTS) {
    const started = performance.now();
    const { checks } = measureLinearity(doc, kb * 1024, paragraphs, 2);
    console.log(`${doc.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    for (const c of checks.sort((x, y) => y.ratio - x.ratio)) {
      console.log(`  ${c.step.padEnd(22)} ${c.short.toFixed(4).padStart(9)} → ${c.long.toFixed(4).padStart(9)} ms/KB  ×${c.ratio.toFixed(2)}${c.ratio > 3 ? '  SLOW' : ''}`);
    }
  }
}
