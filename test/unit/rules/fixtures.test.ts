// Every fixture: exactly the expected findings of the rules it lists — no more (no false alarms on the
// correct lines around them), no fewer.
import * as assert from 'assert/strict';
import { checkModel, parseReport, type Finding } from '../../../server/src/core/index';
import { allFixtures } from '../../helpers/fixtures';

function textOf(text: string, f: Finding): string {
  const lines = text.split('\n');
  if (f.range.start.line !== f.range.end.line) return '';
  return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
}

describe('rule fixtures', () => {
  for (const fixture of allFixtures()) {
    it(`${fixture.name}: ${fixture.expected.length === 0 ? 'no finding' : fixture.expected.map((e) => `${e.rule}@${e.line + 1}`).join(', ')}`, () => {
      const findings = checkModel(parseReport(fixture.text)).filter((f) => fixture.rules.includes(f.rule));
      const actual = findings.map((f) => `${f.rule}@${f.range.start.line + 1}`).sort();
      const expected = fixture.expected.map((e) => `${e.rule}@${e.line + 1}`).sort();
      assert.deepEqual(actual, expected, findings.map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message.zh}`).join('\n'));
      for (const e of fixture.expected.filter((x) => x.text !== undefined)) {
        const hit = findings.find((f) => f.rule === e.rule && f.range.start.line === e.line && textOf(fixture.text, f) === e.text);
        assert.ok(hit, `${e.rule} on line ${e.line + 1} should cover 「${e.text}」; got ${findings.filter((f) => f.range.start.line === e.line).map((f) => `「${textOf(fixture.text, f)}」`).join(' ')}`);
      }
      for (const f of findings) {
        assert.ok(f.message.zh.length > 0 && f.message.en.length > 0, 'messages in both languages');
      }
    });
  }
});
