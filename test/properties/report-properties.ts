// What must hold for any text whatever: the properties the unit suite samples with a fixed seed and
// bench/fuzz.mjs runs by the hundred thousand. Each check throws an Error naming the broken property.
import fc from 'fast-check';
import { applyEdits, fixAll, lineStarts, toOffsetEdits } from '../../server/src/core/fixes';
import {
  buildOutline, checkModel, completionsAt, figuresOf, foldingRegions, hoverAt, parseReport,
  type Finding, type Range, type ReportModel,
} from '../../server/src/core/index';

// --- arbitraries ------------------------------------------------------------------------------------------

/** Characters that trouble text handling: lone surrogates, NUL, RTL marks, full-width digits, odd spaces. */
const TROUBLE = ['\uD800', '\uDFFF', '\u0000', '\u200F', '\u202E', '\uFEFF', '\u3000', '\u00A0', '１２', '０', '\r', '\t', '\u2028', '𠀀'];

export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom(...TROUBLE)), { maxLength: 120 }).map((parts) => parts.join('')),
);

const LINE_PIECES = [
  '一、', '二、', '三、', '十二、', '（一）', '（二）', '(三)', '1.', '2．', '3、', '（1）', '(2)', '一是', '二是', '第一，',
  '2023年推进法治政府建设的主要举措和成效', '存在的不足和原因', '主要原因是', '2024年工作安排', '第一责任人',
  '共151项，其中行政许可6项、其他53项', '满意率95.6%', '1.99亿元', '20余个', '12345热线', '〔2019〕28号', '《法治政府建设实施纲要（2021—2025年）》',
  '某某县人民政府关于2023年度法治政府建设情况的报告', '特此报告。', '2024年1月5日', '二〇二四年一月五日', '[bookmark: _GoBack]', 'XX', '。', '，', ' ', '　　',
  // Table rows: TAB cells, pipes, values after spaces, the labels of 表三 and 表四.
  '\t', '\t12', '\t0\t0', '\t/', '一、本年新收政府信息公开申请数量\t64\t0\t0\t2\t0\t4\t70', '（七）总计', '四、结转下年度继续办理',
  '结果维持\t结果纠正\t其他结果\t尚未审结\t总计', '1\t0\t2\t0\t3', '| 类型 | 数量 |', '|---|---|', '  3 4 5', ' 12', '第二十条第（一）项',
];

/** Lines made of report pieces, joined by any line ending: numbering sequences in every order and form. */
export const reportLikeText = fc
  .array(fc.array(fc.oneof(fc.constantFrom(...LINE_PIECES), fc.string({ maxLength: 5 })), { maxLength: 6 }).map((p) => p.join('')), { maxLength: 60 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));

export type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'swap-chars'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...LINE_PIECES, ...TROUBLE, '\n', '\r\n'), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('swap-chars' as const), at: fc.nat() }),
);

export function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete': {
      const at = text.length ? m.at % text.length : 0;
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = text.length ? m.at % (text.length + 1) : 0;
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'duplicate-line': {
      const lines = text.split('\n');
      const k = m.line % lines.length;
      lines.splice(k, 0, lines[k]);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'swap-chars': {
      if (text.length < 2) return text;
      const at = m.at % (text.length - 1);
      return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
    }
  }
}

export function mutatedSeed(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }))
    .map(([k, ms]) => ms.reduce(mutate, seeds[k]));
}

// --- properties ---------------------------------------------------------------------------------------------

class PropertyError extends Error {}

function fail(property: string, detail: string): never {
  throw new PropertyError(`${property}: ${detail}`);
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function checkRange(lengths: number[], r: Range, what: string): void {
  const inside = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  if (!inside(r.start) || !inside(r.end)) fail('ranges lie inside the document', `${what} ${JSON.stringify(r)} (lines: ${lengths.length})`);
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) fail('ranges are ordered', `${what} ${JSON.stringify(r)}`);
}

/** The analysis (model, figures, rules); bench/fuzz.mjs times it alone. */
export function analyse(text: string): { model: ReportModel; findings: Finding[] } {
  const model = parseReport(text);
  figuresOf(model);
  return { model, findings: checkModel(model) };
}

/** Every property of one text; throws on the first that fails. */
export function checkReportProperties(text: string): void {
  let result: ReturnType<typeof analyse>;
  try {
    result = analyse(text);
  } catch (e) {
    fail('analysis never throws', String((e as Error)?.stack ?? e));
  }
  const { model, findings } = result;
  const lengths = lineLengths(text);
  if (model.lines.length !== lengths.length) fail('the model has every line', `${model.lines.length} ≠ ${lengths.length}`);

  for (const h of model.headings) {
    checkRange(lengths, h.range, `heading ${h.number.raw}`);
    checkRange(lengths, h.sectionRange, `section of ${h.number.raw}`);
  }
  for (const p of model.paragraphs) checkRange(lengths, p.range, 'paragraph');
  for (const t of model.tables) {
    checkRange(lengths, t.range, 'table');
    for (const r of t.rows) for (const c of r.cells) checkRange(lengths, c.range, 'table cell');
    for (const h of model.headings) if (h.line >= t.startLine && h.line <= t.endLine) fail('table rows are never headings', `line ${h.line + 1}`);
    for (const p of model.paragraphs) if (p.line >= t.startLine && p.line <= t.endLine) fail('table rows are never paragraphs', `line ${p.line + 1}`);
  }
  for (const f of figuresOf(model)) checkRange(lengths, f.range, `figure ${f.text}`);
  const walk = (nodes: ReturnType<typeof buildOutline>) => nodes.forEach((n) => {
    checkRange(lengths, n.range, 'outline range');
    checkRange(lengths, n.selectionRange, 'outline selection');
    walk(n.children);
  });
  walk(buildOutline(model));
  for (const r of foldingRegions(model)) {
    if (r.startLine < 0 || r.endLine >= lengths.length || r.startLine > r.endLine) fail('folding regions lie inside the document', JSON.stringify(r));
  }

  const starts = lineStarts(text);
  for (const f of findings) {
    checkRange(lengths, f.range, `finding ${f.rule}`);
    for (const r of f.related ?? []) checkRange(lengths, r.range, `related of ${f.rule}`);
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) checkRange(lengths, e.range, `fix edit of ${f.rule}`);
      const edits = toOffsetEdits(text, fix.edits, starts).sort((a, b) => a.start - b.start);
      for (let k = 1; k < edits.length; k++) {
        if (edits[k].start < edits[k - 1].end) fail('the edits of a fix never overlap', `${f.rule}: ${JSON.stringify(fix.edits)}`);
      }
      const fixed = applyEdits(text, fix.edits);
      // Outside its ranges a fix changes nothing: the text between the edits is the same, in order.
      let at = 0;
      let out = 0;
      for (const e of edits) {
        const keep = text.slice(at, e.start);
        if (fixed.slice(out, out + keep.length) !== keep) fail('a fix changes only the text inside its ranges', `${f.rule} at offset ${at}`);
        out += keep.length + e.newText.length;
        at = e.end;
      }
      if (fixed.slice(out) !== text.slice(at)) fail('a fix changes only the text inside its ranges', `${f.rule}: the tail differs`);
    }
  }

  // Deterministic: the same text gives the same findings.
  const again = analyse(text).findings;
  if (JSON.stringify(again) !== JSON.stringify(findings)) fail('analysis is deterministic', 'two runs differ');

  // Editor features at a few positions, in range or not, never throw.
  const positions = [{ line: 0, character: 0 }, { line: lengths.length - 1, character: lengths[lengths.length - 1] }, { line: lengths.length + 3, character: 2 }, { line: Math.floor(lengths.length / 2), character: 1 }];
  const cell = model.tables[0]?.rows.find((r) => r.kind === 'data')?.cells.at(-1);
  if (cell) positions.push(cell.range.start);
  for (const position of positions) {
    try {
      hoverAt(model, position, { locale: 'zh' });
      completionsAt(model, position, { today: new Date(2025, 0, 1) });
    } catch (e) {
      fail('hover and completion never throw', `${JSON.stringify(position)}: ${String((e as Error)?.stack ?? e)}`);
    }
  }

  // Fix-all twice is fix-all once.
  const check = (t: string) => {
    const m = parseReport(t);
    return m.isReport ? checkModel(m) : [];
  };
  const once = fixAll(text, check).text;
  const twice = fixAll(once, check).text;
  if (twice !== once) fail('fix-all twice equals fix-all once', `${JSON.stringify(once.slice(0, 200))} → ${JSON.stringify(twice.slice(0, 200))}`);
}
