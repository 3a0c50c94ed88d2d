// Deterministic benchmark inputs, generated from seeds/*.txt and one 政府信息公开工作年度报告 with its tables
// (test/fixtures/corpus/gov-info/pingtan-2021.txt), and cached in bench/.cache/.
//
// 1. Four documents of about 20 KB, 200 KB, 2 MB and 10 MB (decimal units, UTF-8 bytes, never above the
//    nominal size): the seeds concatenated in name order, over and over, each copy whole with its title,
//    web-page leftovers and 落款; the last copy is cut at a line end so that the document stays close to its
//    nominal size.
//    - Level-1 headings (一、 二、 …) are renumbered across the concatenation: each copy's numbers are offset
//      by the highest number used before it, so numbering continues (… 九、 十、 十一、 …) and each report keeps
//      its own numbering, duplicates and gaps included (seed 003 has two 三、).
//    - Copy r of a seed (r = 0 for its first appearance, unchanged) differs from the other copies, as the
//      reports of a real compilation would; otherwise a 10 MB input would be ~170 identical copies of each
//      line, and the core's per-line shape cache would turn repetition into speed:
//        · its counted figures — a number followed by a unit such as 件/次/人次/个/项/万元 — and the whole
//          numbers of its table cells are multiplied by r + 1 (years, dates, percentages and heading numbers
//          stay; sums, rates and table arithmetic stay consistent, since every count of a copy scales alike);
//        · in running text (not in heading markers and the run-in title after them, nor in lines under 40
//          characters such as titles, dates and 落款), sixteen everyday synonym pairs (加强/强化, 深入/持续,
//          推进/推动 …) are swapped or not, by a 16-bit mask distinct for every r, so prose without figures
//          differs between copies too.
//      What is still shared between copies is measured: `duplicateShare` (characters of non-blank lines seen
//      earlier in the same document), reported in RESULTS.md.
// 2. A folder of 1,000 seed-sized reports for the CLI: the six reports cycled, copy r of a report varied the
//    same way, so no two files are the same.
//
//   node bench/inputs.mjs      generates (or reuses) everything and prints a summary.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.join(ROOT, 'bench', '.cache');

/** Bump when the generation changes: cached inputs of another generation are rebuilt. */
const GENERATION = 7;

export const SIZES = [
  { name: '20KB', bytes: 20_000 },
  { name: '200KB', bytes: 200_000 },
  { name: '2MB', bytes: 2_000_000 },
  { name: '10MB', bytes: 10_000_000 },
];

/** A 政府信息公开工作年度报告 with its three tables, beside the seeds (法治政府建设 reports). */
const GOV_INFO_REPORT = 'test/fixtures/corpus/gov-info/pingtan-2021.txt';

export function seeds(root = ROOT) {
  const dir = path.join(root, 'seeds');
  const read = (file) => fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return [
    ...fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: read(path.join(dir, f)) })),
    { name: path.basename(GOV_INFO_REPORT), text: read(path.join(root, GOV_INFO_REPORT)) },
  ];
}

// --- Chinese numerals (independent of the core under test) -----------------------------------------------

const DIGITS = '零一二三四五六七八九';
const CN_VALUE = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九千九百九十九; 十 … 十九 without the leading 一, 一百零五 with 零 for skipped places. */
export function formatNumeral(n) {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new Error(`numeral out of range: ${n}`);
  const places = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let out = '';
  let zero = false;
  for (const [p, name] of places) {
    const d = Math.floor(n / p) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += d === 1 && p === 10 && out === '' ? name : DIGITS[d] + name;
  }
  return out;
}

/** The value of 一 … 九千九百九十九 (also 〇 for 零), or undefined. */
export function parseNumeral(s) {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_VALUE) digit = CN_VALUE[ch];
    else if (ch === '十' || ch === '百' || ch === '千') {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (digit || 1) * unit;
      digit = 0;
    } else return undefined;
  }
  return total + digit || undefined;
}

// --- one copy of a seed ------------------------------------------------------------------------------------

/** A level-1 heading at the start of a line: 一、 (also 一． / 一. as some reports write it). */
const LEVEL1 = /^([ \t\u3000]*)([一二三四五六七八九十百千零〇]+)([、．.])/;
/** A counted figure: digits (and decimals) followed by an optional 万/亿/余/多 and a counting unit. */
const COUNTED = /(?<![0-9.０-９])([0-9]+(?:\.[0-9]+)?)(?=(?:万|亿|千)?(?:余|多)?(?:人次|场次|户次|万元|亿元|元|件|次|个|项|人|名|场|家|篇|份|条|户|期|批|处|张|起|宗|册|本|部|类|套|台|辆|所|座|节|门))/g;

/**
 * Synonym pairs of report prose, swapped both ways. None is a word the core's section matching, reason or
 * figure-connector patterns look for, and each pair is alike for the core's word lists around units and
 * figures (深入/持续 and 积极/全面 are both on them, the others on neither), so swapping changes the text but
 * not what the core finds in it.
 */
const SWAPS = [
  ['加强', '强化'], ['深入', '持续'], ['积极', '全面'], ['完善', '健全'], ['提升', '提高'], ['及时', '主动'],
  ['广泛', '定期'], ['推进', '推动'], ['开展', '进行'], ['各类', '各种'], ['有关', '相关'], ['确保', '保证'],
  ['不断', '逐步'], ['明显', '显著'], ['有效', '切实'], ['认真', '扎实'],
];
const SWAP_WORD = new RegExp(SWAPS.flat().join('|'), 'g');
const SWAP_PAIR = new Map(SWAPS.flatMap(([a, b], i) => [[a, [b, i]], [b, [a, i]]]));
/** A heading marker at the start of a line, and its run-in title (up to 30 characters, ending in 。；：). */
const HEADING_PREFIX = /^[ \t\u3000]*(?:[一二三四五六七八九十百千零〇]+[、．.]|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]{1,3}[.．、]|[（(][0-9０-９]{1,3}[）)]|第[一二三四五六七八九十]+[章节部分])(?:[^。；：;:\n]{0,30}[。；：;:])?/;
/** Lines shorter than this (titles, dates, 落款, short headings) are never reworded. */
const SWAP_MIN_LENGTH = 40;

/** Which pairs copy `repetition` swaps: a 16-bit mask, distinct for every repetition below 65,536, 0 for 0. */
const swapMask = (repetition) => Math.imul(repetition, 40503) & 0xffff;

function swapWords(line, repetition) {
  const mask = swapMask(repetition);
  if (mask === 0 || line.length < SWAP_MIN_LENGTH) return line;
  const head = HEADING_PREFIX.exec(line)?.[0] ?? '';
  const body = line.slice(head.length).replace(SWAP_WORD, (w) => {
    const [other, bit] = SWAP_PAIR.get(w);
    return mask & (1 << bit) ? other : w;
  });
  return head + body;
}

/** Table rows (TAB between cells): every whole-number cell × factor, so that each copy's tables differ and still add up. */
function scaleTableCells(line, factor) {
  if (factor === 1 || !line.includes('\t')) return line;
  return line.split('\t').map((cell) => (/^[0-9]+$/.test(cell) ? String(Number(cell) * factor) : cell)).join('\t');
}

function scaleFigures(line, factor) {
  if (factor === 1) return line;
  return line.replace(COUNTED, (m) => {
    const decimals = m.includes('.') ? m.length - m.indexOf('.') - 1 : 0;
    return (Number(m) * factor).toFixed(decimals);
  });
}

/**
 * One copy of a seed in the concatenation: level-1 numbers offset by `offset`; copy `repetition` of the seed
 * varied as described at the top (figures × (repetition + 1), synonym swaps by the bits of `repetition`).
 * Returns the copy's lines and the highest level-1 number it uses.
 */
export function copyOf(seedText, { offset = 0, repetition = 0 } = {}) {
  let highest = offset;
  const lines = seedText.split('\n').map((line) => {
    const m = LEVEL1.exec(line);
    let out = line;
    if (m) {
      const value = parseNumeral(m[2]);
      if (value !== undefined && value + offset <= 9999) {
        highest = Math.max(highest, value + offset);
        out = m[1] + formatNumeral(value + offset) + m[3] + line.slice(m[0].length);
      }
    }
    out = scaleTableCells(scaleFigures(out, repetition + 1), repetition + 1);
    return swapWords(out, repetition);
  });
  return { lines, highest };
}

// --- the four documents ------------------------------------------------------------------------------------

function build(seedList, bytes) {
  const parts = [];
  let used = 0;
  let offset = 0;
  for (let i = 0; used < bytes; i++) {
    const seed = seedList[i % seedList.length];
    const repetition = Math.floor(i / seedList.length);
    const { lines, highest } = copyOf(seed.text, { offset, repetition });
    offset = highest;
    const text = lines.join('\n').replace(/\n*$/, '\n\n');
    const size = Buffer.byteLength(text);
    if (used + size <= bytes) {
      parts.push(text);
      used += size;
      continue;
    }
    // The last copy, cut at a line end (at least one line, so that the loop always ends).
    const kept = [];
    for (const line of lines) {
      const b = Buffer.byteLength(line) + 1;
      if (used + b > bytes && (kept.length > 0 || parts.length > 0)) break;
      kept.push(line);
      used += b;
    }
    parts.push(kept.join('\n') + '\n');
    break;
  }
  return parts.join('');
}

/** Share of the characters of non-blank lines that repeat a line seen earlier in the same text. */
export function duplicateShare(text) {
  const seen = new Set();
  let all = 0;
  let repeated = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    all += line.length;
    if (seen.has(line)) repeated += line.length;
    else seen.add(line);
  }
  return all ? repeated / all : 0;
}

function fingerprint(seedList) {
  const h = createHash('sha256').update(String(GENERATION));
  for (const s of seedList) h.update(s.name).update('\0').update(s.text).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** The four documents, from the cache when it holds this generation of them. */
export function inputs({ root = ROOT, cacheDir = path.join(CACHE, 'inputs') } = {}) {
  const seedList = seeds(root);
  const stamp = fingerprint(seedList);
  const stampFile = path.join(cacheDir, 'generation.txt');
  const fresh = fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === stamp;
  if (!fresh) fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  const out = [];
  for (const size of SIZES) {
    const file = path.join(cacheDir, `${size.name}.txt`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, build(seedList, size.bytes));
    const text = fs.readFileSync(file, 'utf8');
    out.push({ ...size, file, bytes: Buffer.byteLength(text), chars: text.length, lines: text.split('\n').length, duplicateShare: duplicateShare(text) });
  }
  fs.writeFileSync(stampFile, stamp + '\n');
  return out;
}

/** 1,000 seed-sized reports in one folder (bench/.cache/cli-1000/), from the cache when complete. */
export function cliFolder({ root = ROOT, count = 1000 } = {}) {
  const seedList = seeds(root);
  const dir = path.join(CACHE, `cli-${count}`);
  const stamp = fingerprint(seedList);
  const stampFile = path.join(CACHE, `cli-${count}.generation.txt`);
  const complete =
    fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === stamp &&
    fs.existsSync(dir) && fs.readdirSync(dir).length === count;
  if (complete) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const seed = seedList[i % seedList.length];
    const { lines } = copyOf(seed.text, { repetition: Math.floor(i / seedList.length) });
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(4, '0')}.txt`), lines.join('\n'));
  }
  fs.writeFileSync(stampFile, stamp + '\n');
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const i of inputs()) console.log(`${i.name}: ${i.bytes.toLocaleString('en-US')} bytes, ${i.lines.toLocaleString('en-US')} lines, ${(i.duplicateShare * 100).toFixed(1)} % repeated — ${path.relative(ROOT, i.file)}`);
  const dir = cliFolder();
  console.log(`CLI folder: ${fs.readdirSync(dir).length} files — ${path.relative(ROOT, dir)}`);
}

/**
 * Where the benchmark edits a document: the middle of the first body line (40+ characters, no heading marker)
 * at or after the document's middle line. Returns the line, the character and the string offset.
 */
export function editPoint(text) {
  const lines = text.split('\n');
  let offset = 0;
  const middle = lines.length >> 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i >= middle && line.length >= 40 && !HEADING_PREFIX.test(line) && !line.includes('\t')) {
      const character = line.length >> 1;
      return { line: i, character, offset: offset + character };
    }
    offset += line.length + 1;
  }
  throw new Error('no body line to edit');
}
