// A reader's refusal, as the user meets it: one line in each language, of the reader's own error class.
import * as assert from 'assert/strict';

/** The error `read` throws, checked to be an instance of `kind` whose Chinese and English are one line each. */
export function refusalOf(read: () => unknown, kind: new (...args: never[]) => Error & { zh: string }): { zh: string; en: string } {
  try {
    read();
  } catch (e) {
    assert.ok(e instanceof kind, String(e));
    assert.doesNotMatch(e.message, /[\n\r]/);
    assert.doesNotMatch(e.zh, /[\n\r]/);
    return { zh: e.zh, en: e.message };
  }
  assert.fail('read without an error');
}
