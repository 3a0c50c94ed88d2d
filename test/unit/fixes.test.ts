// Applying fixes: the mechanics every adapter shares (quick fix, fix-all, `check --fix`), on synthetic
// findings, then fix-all with the real rules on every seed.
import * as assert from 'assert/strict';
import {
  applyEdits, chooseFixes, fixAll, fixAllEdits, fixForFixAll, lineStarts, offsetAt, replacementEdit, textInRange,
} from '../../server/src/core/fixes';
import { checkModel, parseReport, type Finding, type Fix, type TextEdit } from '../../server/src/core/index';
import { allFixtures } from '../helpers/fixtures';
import { allSeeds, seedText } from '../helpers/seeds';

const at = (line: number, character: number) => ({ line, character });
const edit = (sl: number, sc: number, el: number, ec: number, newText: string): TextEdit => ({ range: { start: at(sl, sc), end: at(el, ec) }, newText });
const fix = (edits: TextEdit[], preferred?: boolean): Fix => ({ title: { zh: '修正', en: 'fix' }, edits, preferred });
const finding = (line: number, fixes?: Fix[], rule = 'test-rule'): Finding => ({
  rule, severity: 'warning', range: { start: at(line, 0), end: at(line, 1) }, message: { zh: '问题', en: 'problem' }, fixes,
});

describe('applyEdits', () => {
  it('returns the text unchanged for an empty edit list', () => {
    assert.equal(applyEdits('一、甲\n二、乙\n', []), '一、甲\n二、乙\n');
  });

  it('applies edits listed in any order, each against the original positions', () => {
    const text = '一、甲\n三、乙\n三、丙\n';
    assert.equal(applyEdits(text, [edit(2, 0, 2, 1, '三'), edit(1, 0, 1, 1, '二')]), '一、甲\n二、乙\n三、丙\n');
  });

  it('counts CRLF, LF and a lone CR as line breaks and leaves them as they are', () => {
    const text = '一、甲\r\n二、乙\r三、丙\n四、丁';
    const out = applyEdits(text, [edit(1, 0, 1, 1, '贰'), edit(2, 0, 2, 1, '叁'), edit(3, 0, 3, 1, '肆')]);
    assert.equal(out, '一、甲\r\n贰、乙\r叁、丙\n肆、丁');
  });

  it('clamps a character past the end of a line to the end of its content, never inside CRLF', () => {
    const text = 'ab\r\ncd';
    assert.equal(applyEdits(text, [edit(0, 99, 0, 99, '!')]), 'ab!\r\ncd');
    assert.equal(offsetAt(text, lineStarts(text), at(0, 3)), 2);
  });

  it('applies an edit spanning lines', () => {
    const text = '标题\r\n网页文字一\r\n网页文字二\r\n正文';
    assert.equal(applyEdits(text, [edit(1, 0, 3, 0, '')]), '标题\r\n正文');
  });

  it('inserts at the end of the document, also past its last line', () => {
    assert.equal(applyEdits('一、甲\n', [edit(1, 0, 1, 0, '二、乙\n')]), '一、甲\n二、乙\n');
    assert.equal(applyEdits('一、甲', [edit(0, 3, 0, 3, '\n二、乙')]), '一、甲\n二、乙');
    assert.equal(applyEdits('一、甲', [edit(7, 0, 7, 0, '。')]), '一、甲。');
  });

  it('skips an edit overlapping an earlier one, deterministically, keeping list order for insertions at one point', () => {
    const text = '0123456789';
    assert.equal(applyEdits(text, [edit(0, 2, 0, 5, 'A'), edit(0, 4, 0, 7, 'B')]), '01A56789');
    assert.equal(applyEdits(text, [edit(0, 4, 0, 7, 'B'), edit(0, 2, 0, 5, 'A')]), '01A56789', 'document order decides, not list order');
    assert.equal(applyEdits(text, [edit(0, 3, 0, 3, 'x'), edit(0, 3, 0, 3, 'y')]), '012xy3456789');
  });

  it('keeps surrogate pairs intact around an edit', () => {
    assert.equal(applyEdits('𠀀一、', [edit(0, 2, 0, 3, '二')]), '𠀀二、');
  });
});

describe('fixAllEdits', () => {
  it('takes the preferred fix, else the only one, and never one the rule marked preferred: false', () => {
    const preferred = fix([edit(0, 0, 0, 1, 'P')], true);
    const other = fix([edit(0, 0, 0, 1, 'O')]);
    const only = fix([edit(1, 0, 1, 1, 'S')]);
    const judgement = fix([edit(2, 0, 2, 1, 'J')], false);
    assert.equal(fixForFixAll(finding(0, [other, preferred])), preferred);
    assert.equal(fixForFixAll(finding(1, [only])), only);
    assert.equal(fixForFixAll(finding(2, [judgement])), undefined);
    assert.equal(fixForFixAll(finding(3, [fix([edit(3, 0, 3, 1, 'a')]), fix([edit(3, 0, 3, 1, 'b')])])), undefined, 'two fixes, none preferred');
    assert.equal(fixForFixAll(finding(4)), undefined);
    assert.deepEqual(fixAllEdits([finding(0, [other, preferred]), finding(1, [only]), finding(2, [judgement])]), [...preferred.edits, ...only.edits]);
  });

  it('drops a whole fix when any of its edits overlaps an edit already chosen', () => {
    const first = fix([edit(0, 0, 0, 2, 'AA'), edit(3, 0, 3, 2, 'BB')], true);
    const overlapping = fix([edit(5, 0, 5, 1, 'C'), edit(3, 1, 3, 3, 'D')], true);
    const clear = fix([edit(6, 0, 6, 1, 'E')], true);
    const chosen = chooseFixes([finding(0, [first]), finding(3, [overlapping]), finding(6, [clear])]);
    assert.deepEqual(chosen.map((c) => c.fix), [first, clear]);
    assert.deepEqual(fixAllEdits([finding(0, [first]), finding(3, [overlapping]), finding(6, [clear])]), [...first.edits, ...clear.edits]);
  });

  it('counts two insertions at one point from different fixes as a conflict (their order would be arbitrary)', () => {
    const a = fix([edit(9, 0, 9, 0, '甲')], true);
    const b = fix([edit(9, 0, 9, 0, '乙')], true);
    assert.deepEqual(fixAllEdits([finding(9, [a]), finding(9, [b])]), a.edits);
  });

  it('takes a fix shared by several findings once', () => {
    const renumber = fix([edit(1, 0, 1, 1, '二'), edit(2, 0, 2, 1, '三')], true);
    assert.deepEqual(fixAllEdits([finding(1, [renumber], 'numbering-duplicate'), finding(2, [renumber], 'numbering-gap')]), renumber.edits);
  });

  it('refuses a fix whose own edits overlap each other', () => {
    const malformed = fix([edit(0, 0, 0, 3, 'x'), edit(0, 2, 0, 4, 'y')], true);
    assert.deepEqual(fixAllEdits([finding(0, [malformed])]), []);
  });

  it('returns nothing for findings without fixes', () => {
    assert.deepEqual(fixAllEdits([finding(0), finding(1, [])]), []);
    assert.deepEqual(fixAllEdits([]), []);
  });

  it('compares positions through the text when given it (a character past the line end is the line end)', () => {
    const text = 'ab\ncd';
    const atEnd = fix([edit(0, 2, 0, 2, 'X')], true);
    const pastEnd = fix([edit(0, 9, 0, 9, 'Y')], true);
    assert.equal(chooseFixes([finding(0, [atEnd]), finding(0, [pastEnd])], text).length, 1, 'the same point in this text');
  });
});

describe('fixAll', () => {
  // A toy checker: every line must start with its own position as a Chinese numeral; the fix for a wrong
  // line renumbers only that line, and is offered only where the previous line is already right — so a
  // run of faults takes several passes, as a renumbering that unblocks the next fix does.
  const NUMERALS = ['一', '二', '三', '四', '五', '六'];
  const check = (text: string): Finding[] => {
    const lines = text.split(/\r\n|\r|\n/);
    const out: Finding[] = [];
    lines.forEach((line, i) => {
      if (line === '' || line[0] === NUMERALS[i]) return;
      const previousRight = i === 0 || lines[i - 1][0] === NUMERALS[i - 1];
      out.push(finding(i, previousRight ? [fix([edit(i, 0, i, 1, NUMERALS[i])], true)] : []));
    });
    return out;
  };

  it('applies passes until nothing changes, and stops there', () => {
    const result = fixAll('一、甲\r\n一、乙\r\n一、丙\r\n', check);
    assert.equal(result.text, '一、甲\r\n二、乙\r\n三、丙\r\n');
    assert.equal(result.passes, 2);
    assert.equal(result.applied.length, 2);
    assert.deepEqual(check(result.text), []);
  });

  it('is idempotent: applying it to its own result changes nothing', () => {
    const once = fixAll('一、甲\n一、乙\n一、丙\n一、丁\n', check).text;
    const twice = fixAll(once, check);
    assert.equal(twice.text, once);
    assert.equal(twice.passes, 0);
  });

  it('gives up at maxPasses', () => {
    const result = fixAll('一\n一\n一\n一\n', check, 1);
    assert.equal(result.passes, 1);
    assert.equal(result.text, '一\n二\n一\n一\n');
  });

  it('stops when fixes undo each other instead of looping', () => {
    let calls = 0;
    const flipFlop = (text: string): Finding[] => {
      calls++;
      return [finding(0, [fix([edit(0, 0, 0, 1, text[0] === 'A' ? 'B' : 'A')], true)])];
    };
    const result = fixAll('A', flipFlop, 50);
    assert.equal(result.text, 'B');
    assert.ok(calls <= 3, `checked ${calls} times`);
  });

  it('on every seed and rule fixture: leaves no finding it could fix, and is idempotent', () => {
    for (const seed of [...allSeeds(), ...allFixtures()]) {
      const checkSeed = (t: string) => checkModel(parseReport(t));
      const result = fixAll(seed.text, checkSeed);
      const again = fixAll(result.text, checkSeed);
      assert.equal(again.text, result.text, `${seed.name}: a second fix-all changes nothing`);
      const left = checkSeed(result.text);
      assert.ok(!left.some((f) => fixForFixAll(f)), `${seed.name}: no fixable finding left: ${left.filter((f) => fixForFixAll(f)).map((f) => f.rule).join(', ')}`);
    }
  });
});

describe('fixes of seed 003 applied one by one', () => {
  const text = seedText('003');
  const findings = checkModel(parseReport(text));
  const lines = text.split('\n');

  it('the renumbering fix of the second 「三、」 changes only the numbers of lines 37, 45, 53, 61, 69, 75', () => {
    const duplicate = findings.find((f) => f.rule === 'numbering-duplicate' && f.range.start.line === 36);
    assert.ok(duplicate?.fixes?.length, 'numbering-duplicate offers a fix on line 37');
    const fixed = applyEdits(text, duplicate.fixes[0].edits);
    const fixedLines = fixed.split('\n');
    assert.equal(fixedLines.length, lines.length);
    const changed = lines.map((l, i) => (l === fixedLines[i] ? -1 : i)).filter((i) => i >= 0);
    assert.deepEqual(changed, [36, 44, 52, 60, 68, 74]);
    assert.deepEqual(changed.map((i) => fixedLines[i].slice(0, 2)), ['四、', '五、', '六、', '七、', '八、', '九、']);
    for (const i of changed) assert.equal(fixedLines[i].slice(1), lines[i].slice(1), `line ${i + 1}: only the numeral changes`);
    assert.ok(!checkModel(parseReport(fixed)).some((f) => f.rule === 'numbering-duplicate'), 'the finding is gone');
  });

  it('every fix offered on the seeds and the rule fixtures removes its finding and changes nothing outside its edits', () => {
    let applied = 0;
    for (const sample of [...allSeeds(), ...allFixtures()]) {
      const findings = checkModel(parseReport(sample.text));
      // Two findings may read alike (two wrong years in one sentence): the fix removes one of them.
      const alike = (list: Finding[], f: Finding) => list.filter((g) => g.rule === f.rule && g.message.zh === f.message.zh).length;
      for (const f of findings) {
        for (const x of f.fixes ?? []) {
          const what = `${sample.name} ${f.rule} on line ${f.range.start.line + 1} 「${x.title.zh}」`;
          const fixed = applyEdits(sample.text, x.edits);
          assert.notEqual(fixed, sample.text, `${what}: changes something`);
          assertOnlyEditsChanged(sample.text, fixed, x.edits, what);
          assert.ok(alike(checkModel(parseReport(fixed)), f) < alike(findings, f), `${what}: the finding is gone`);
          applied++;
        }
      }
    }
    assert.ok(applied > 20, `${applied} fixes applied`);
  });
});

/** Every character outside the edited ranges is unchanged, and in the same order. */
function assertOnlyEditsChanged(before: string, after: string, edits: readonly TextEdit[], what: string): void {
  const starts = lineStarts(before);
  const ranges = edits.map((e) => ({ start: offsetAt(before, starts, e.range.start), end: offsetAt(before, starts, e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start);
  let rebuilt = '';
  let cursor = 0;
  for (const r of ranges) {
    rebuilt += before.slice(cursor, r.start) + r.newText;
    cursor = r.end;
  }
  rebuilt += before.slice(cursor);
  assert.equal(after, rebuilt, what);
  // The kept stretches are the original's own, character for character.
  let position = 0;
  cursor = 0;
  for (const r of ranges) {
    const kept = before.slice(cursor, r.start);
    assert.equal(after.slice(position, position + kept.length), kept, what);
    position += kept.length + r.newText.length;
    cursor = r.end;
  }
}

describe('replacementEdit', () => {
  it('turns one text into another with one edit over the changed span', () => {
    const before = '一、甲\r\n一、乙\r\n一、丙\r\n';
    const after = '一、甲\r\n二、乙\r\n三、丙\r\n';
    const e = replacementEdit(before, after)!;
    assert.deepEqual(e.range, { start: at(1, 0), end: at(2, 1) });
    assert.equal(applyEdits(before, [e]), after);
    assert.equal(replacementEdit(before, before), undefined);
  });

  it('never cuts a CRLF or a surrogate pair in two', () => {
    for (const [before, after] of [['a\r\nb', 'a\nb'], ['a\nb', 'a\r\nb'], ['x𠀀y', 'x𠀁y'], ['', 'new'], ['old', '']]) {
      const e = replacementEdit(before, after)!;
      assert.equal(applyEdits(before, [e]), after, JSON.stringify([before, after]));
      const replaced = textInRange(before, e.range);
      assert.ok(!/^\n|\r$|^[\udc00-\udfff]|[\ud800-\udbff]$/.test(replaced), `whole pairs replaced: ${JSON.stringify(replaced)}`);
    }
  });
});
