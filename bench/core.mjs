// The limit and the GovReport core, measured in one process (a child of run.mjs, started with --expose-gc, so
// that the orchestrator's heap does not weigh on either), on the same inputs, in the same order per size:
//
//   limit     one pass each of two regular expressions over the whole text — heading markers (一、 （一） 1.
//             （1） and their variants: 一． 1、 １． (1) …) and numbers with units (件 次 人次 个 项 % 万元 亿元 …) —
//             and a plain line split, counting matches and lines so that nothing can be optimised away.
//   full      parseReport + figuresOf + checkModel (model, every figure, every rule) on a fresh string.
//   edit      the same after a one-character edit in the middle, with the model of the version before the edit
//             as `previous` (what the language server does after a keystroke: the edited line is re-shaped, and
//             when it stays body text the rest of the model, and the figures of the other paragraphs, are shared).
//
// Every call gets a fresh, flat copy of the text (decoded from bytes outside the timed region), so no string
// or result can be reused between calls. Small inputs are timed in batches (see lib/stats.mjs timeIt).
//
//   node --expose-gc bench/core.mjs            prints the results as JSON
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { CORE_BUNDLE } from './lib/build.mjs';
import { median, round, summary, timeIt } from './lib/stats.mjs';
import { editPoint, inputs } from './inputs.mjs';

/** Samples per size (each after one warm-up call); small sizes are batched to ≥ MIN_SAMPLE_MS per sample. */
export const CORE_REPS = { '20KB': 30, '200KB': 20, '2MB': 10, '10MB': 5 };
export const LIMIT_REPS = { '20KB': 20, '200KB': 20, '2MB': 15, '10MB': 10 };
const MIN_SAMPLE_MS = 100;
/** The limit allocates little (no garbage collection to amortise): shorter batches suffice. */
const LIMIT_MIN_SAMPLE_MS = 25;
/** Warm-up per measurement: at least one call, and calls until this much time has passed. */
const WARMUP_MS = 400;

// --- the limit ------------------------------------------------------------------------------------------

/** Heading markers at the start of a line: 一、 一． 十二、 一百零五、 / （一） (一) / 1. 1． 1、 １． / （1） (1) （１）. */
export const HEADING_MARKER = /^[ \t\u3000]*(?:[一二三四五六七八九十百千][一二三四五六七八九十百千零〇]{0,6}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,3}[.．、](?![0-9０-９])|[（(][0-9０-９]{1,3}[）)])/gm;
/** A number with a unit: 12次 1.99亿元 8.2万余张 97项 20余个 95.6% 3个百分点 1200人次 … */
export const NUMBER_WITH_UNIT = /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|亿|千)?(?:余|多)?(?:个百分点|人次|场次|户次|万元|亿元|%|％|元|件|次|个|项|份|条|家|户|期|篇|批|处|张|起|宗|名|人|场|所|部|套|台|册|学时|课时)/g;

export function limitPass(text) {
  let headings = 0;
  let numbers = 0;
  HEADING_MARKER.lastIndex = 0;
  while (HEADING_MARKER.exec(text)) headings++;
  NUMBER_WITH_UNIT.lastIndex = 0;
  while (NUMBER_WITH_UNIT.exec(text)) numbers++;
  const lines = text.split(/\r\n|\r|\n/).length;
  return { headings, numbers, lines };
}

/** The limit's regexes must find what they claim to: every marker family and unit below, and nothing else. */
export function limitSelfTest() {
  const sample = [
    '一、总体情况', '二．主要举措', '  十二、其他', '一百零五、汇编', '（一）加强领导', '(二)完善制度', '1.学法', '2、用法', '１．守法',
    '（1）培训', '(2)考试', '（１）宣传', '2021年,全区开展12次督导,发现问题20余个,梳理清单97项,投入1.99亿元,8.2万余张,满意率95.6%,提高3个百分点,培训1200人次。',
    '一是强化领导。', '2022-03-01', '1.99亿元不是标题', '第一条', '（十一）', '',
  ].join('\n');
  const got = limitPass(sample);
  const want = { headings: 13, numbers: 9, lines: 19 };
  if (got.headings !== want.headings || got.numbers !== want.numbers || got.lines !== want.lines) {
    throw new Error(`the limit's regular expressions are off: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
}

// --- the measurement ------------------------------------------------------------------------------------

export function measureCore({ only } = {}) {
  limitSelfTest();
  const require = createRequire(import.meta.url);
  const core = require(CORE_BUNDLE);
  const analyse = (text, previous) => {
    const model = core.parseReport(text, previous ? { previous } : {});
    const figures = core.figuresOf(model);
    const findings = core.checkModel(model);
    return { model, figures, findings };
  };
  const gc = globalThis.gc ?? (() => {});
  const out = { limit: {}, core: {}, reps: { core: CORE_REPS, limit: LIMIT_REPS, minSampleMs: MIN_SAMPLE_MS, limitMinSampleMs: LIMIT_MIN_SAMPLE_MS, warmupMs: WARMUP_MS } };
  for (const input of inputs()) {
    if (only && !only.includes(input.name)) continue;
    const bytes = fs.readFileSync(input.file);
    const fresh = () => bytes.toString('utf8');
    const mb = input.bytes / 1e6;
    gc();

    // limit
    let counts;
    const limit = timeIt((t) => { counts = limitPass(t); }, { reps: LIMIT_REPS[input.name], warmup: 2, warmupMs: WARMUP_MS, minSampleMs: LIMIT_MIN_SAMPLE_MS, prepare: fresh });
    const limitMs = median(limit.times);
    out.limit[input.name] = { ms: round(limitMs, 3), mbPerS: round(mb / (limitMs / 1000), 1), samples: limit.times.length, batch: limit.inner, matches: counts };
    gc();

    // full analysis
    const full = timeIt((t) => analyse(t), { reps: CORE_REPS[input.name], warmup: 1, warmupMs: WARMUP_MS, minSampleMs: MIN_SAMPLE_MS, prepare: fresh });
    const fullMs = median(full.times);
    gc();

    // Re-analysis after a one-character edit in the middle, as the language server does it while someone types:
    // each call edits the text the previous call analysed (inserting a character, then taking it out again)
    // and passes that call's model as `previous`.
    const base = analyse(fresh());
    const text = fresh();
    const mid = editPoint(text).offset;
    const EDIT_CHARS = '法治政府建设年度报告依法行政';
    const editInput = (i) => (i % 2 === 0 ? text.slice(0, mid) + EDIT_CHARS[(i >> 1) % EDIT_CHARS.length] + text.slice(mid) : text.slice(0) + '');
    let current = base.model;
    let editStats;
    const edit = timeIt((t) => {
      current = analyse(t, current).model;
      editStats = current.parseStats;
    }, {
      reps: CORE_REPS[input.name], warmup: 1, warmupMs: WARMUP_MS, minSampleMs: MIN_SAMPLE_MS,
      // Flattened outside the timed region, like the text a language server gets from its document.
      prepare: (i) => { const s = editInput(i); s.charCodeAt(s.length >> 1); return Buffer.from(s).toString('utf8'); },
    });
    const editMs = median(edit.times);
    const stats = base.model.parseStats;
    out.core[input.name] = {
      ms: round(fullMs, 2), mbPerS: round(mb / (fullMs / 1000), 2), msPerMB: round(fullMs / mb, 1),
      spread: summary(full.times), samples: full.times.length, batch: full.inner,
      editMs: round(editMs, 2), editSpread: summary(edit.times), editLinesShaped: editStats?.linesShaped,
      headings: base.model.headings.length, figures: base.figures.length, findings: base.findings.length,
      isReport: base.model.isReport,
      lines: stats.linesShaped + stats.linesReused, linesReusedShare: round(stats.linesReused / (stats.linesShaped + stats.linesReused), 3),
    };
    gc();
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  process.stdout.write(JSON.stringify(measureCore({ only: only.length ? only : undefined })) + '\n');
}
