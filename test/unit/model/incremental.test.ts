// Re-parsing after an edit with the previous model must give exactly what a fresh parse gives: the model,
// its figures and the rules' findings. Edits are generated (fast-check, fixed seed) on the seed reports.
import * as assert from 'assert';
import fc from 'fast-check';
import { checkModel, figuresOf, parseReport, type ReportModel } from '../../../server/src/core/index';
import { buildOutline } from '../../../server/src/core/features/outline';
import { allCorpus } from '../../helpers/corpus';
import { allSeeds } from '../../helpers/seeds';

/** The model as plain data: links between headings and paragraphs by index, so that it can be compared. */
function snapshot(model: ReportModel): unknown {
  const index = new Map(model.headings.map((h, i) => [h, i]));
  return JSON.parse(JSON.stringify({ ...model, parseStats: undefined }, (key, value) => {
    if (key === 'parent' || key === 'section') return value === undefined ? null : index.get(value);
    if (key === 'children') return (value as unknown[]).map((h) => index.get(h as never));
    return value;
  }));
}

function assertSameAsFresh(incremental: ReportModel, text: string, note: string): void {
  const fresh = parseReport(text, { version: incremental.version });
  assert.deepStrictEqual(snapshot(incremental), snapshot(fresh), `model differs ${note}`);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(figuresOf(incremental))), JSON.parse(JSON.stringify(figuresOf(fresh))), `figures differ ${note}`);
  assert.deepStrictEqual(checkModel(incremental), checkModel(fresh), `findings differ ${note}`);
  assert.deepStrictEqual(buildOutline(incremental), buildOutline(fresh), `outline differs ${note}`);
}

/** An edit: replace [from, from + remove) with `insert`, the position chosen within the text. */
const edit = fc.record({
  // Per mille of the text's length: doubles would crowd at 0 and 1, the text's head and tail.
  at: fc.integer({ min: 0, max: 1000 }),
  remove: fc.integer({ min: 0, max: 6 }),
  insert: fc.oneof(
    fc.constantFrom('', '法', '12', '3件', '。', '，', '一是', '（一）', '一、', '2023年', '特此报告。', '%', '\n', '\r\n', ' ', '\t', '\t7', '  5', '|'),
    fc.string({ maxLength: 4 }),
  ),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const from = Math.floor((e.at / 1000) * text.length);
  return text.slice(0, from) + e.insert + text.slice(Math.min(text.length, from + e.remove));
}

describe('incremental re-parse', () => {
  // The 政府信息公开 reports bring tables: edits in and around them must re-parse exactly too.
  const seeds = [...allSeeds(), ...allCorpus('gov-info')];

  it('a chain of edits parsed each from the previous model equals a fresh parse after every edit', () => {
    let shortPath = 0;
    let editCount = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (seedIndex, edits) => {
        let text = seeds[seedIndex].text;
        let model = parseReport(text, { version: 1 });
        edits.forEach((e, k) => {
          text = apply(text, e);
          const previous = model;
          model = parseReport(text, { version: k + 2, previous });
          editCount++;
          if (model.headings.length > 0 && model.roots === previous.roots) shortPath++;
          assertSameAsFresh(model, text, `after edit ${k + 1} of ${seeds[seedIndex].name}`);
        });
      }),
      { seed: 20261125, numRuns: 120 },
    );
    // Most random edits land in body text: the short path must have been taken, or this test proves little.
    assert.ok(shortPath > editCount / 4, `short path taken for ${shortPath} of ${editCount} edits`);
  });

  it('takes the short path for typing inside a body line, and re-examines only that line', () => {
    const text = seeds.find((s) => s.name.startsWith('000'))!.text;
    const model = parseReport(text, { version: 1 });
    const paragraph = model.paragraphs.find((p) => p.section && !p.runIn && p.text.length > 20)!;
    const lines = text.split('\n');
    lines[paragraph.line] = lines[paragraph.line].replace(paragraph.text, paragraph.text.slice(0, 5) + '法' + paragraph.text.slice(5));
    const edited = parseReport(lines.join('\n'), { version: 2, previous: model });
    assert.deepStrictEqual(edited.parseStats, { linesShaped: 1, linesReused: lines.length - 1 });
    assert.strictEqual(edited.headings[0], model.headings[0], 'headings are shared with the previous version');
    assertSameAsFresh(edited, lines.join('\n'), 'after typing in a body line');
  });

  it('parses in full when given a model that was already used as a previous one', () => {
    const text = seeds[0].text;
    const first = parseReport(text, { version: 1 });
    const at = text.indexOf('。') + 1;
    const second = parseReport(text.slice(0, at) + '另' + text.slice(at), { version: 2, previous: first });
    // `first` is consumed: parsing another edit of it must not use its (possibly updated) headings.
    const other = text.slice(0, at) + '又' + text.slice(at);
    const third = parseReport(other, { version: 3, previous: first });
    assert.notStrictEqual(second.headings, undefined);
    assertSameAsFresh(third, other, 'from a consumed model');
  });

  it('falls back to a full parse for a new line, a heading or the 落款', () => {
    const text = seeds[0].text;
    const model = parseReport(text, { version: 1 });
    const heading = model.headings[1];
    const lines = text.split('\n');
    lines[heading.line] = lines[heading.line] + '补充';
    const edited = parseReport(lines.join('\n'), { version: 2, previous: model });
    assert.ok(edited.parseStats.linesReused > 0 && edited.parseStats.linesShaped >= 1);
    assertSameAsFresh(edited, lines.join('\n'), 'after editing a heading');
  });
});
