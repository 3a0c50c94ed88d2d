// Output others read: text from files escaped before it reaches a terminal, JSON that a terminal cannot act on,
// and SARIF file URIs that name the file exactly.
import * as assert from 'assert/strict';
import { pathToFileURL } from 'url';
import { fileUri } from '../../server/src/node/sarif';
import { jsonSafe, plain } from '../../server/src/node/terminal';

describe('plain', () => {
  it('writes out C0 but TAB and LF, DEL, C1 and bidi controls as visible escapes', () => {
    assert.equal(plain('a\u001b[31mb\u0007c\u007fd\u009be'), 'a\\x1B[31mb\\x07c\\x7Fd\\x9Be');
    assert.equal(plain('名\u202e称\u2066x\u2069'), '名\\u202E称\\u2066x\\u2069');
    assert.equal(plain('cr\ronly and crlf\r\n\tkept'), 'cr\\x0Donly and crlf\r\n\tkept');
    assert.equal(plain('报告 “引号” 2023\u3000年'), '报告 “引号” 2023\u3000年', 'ordinary text untouched');
  });

  it('keeps names apart that differ only in a control character', () => {
    assert.notEqual(plain('a\u200bb'), plain('a\u202eb'));
    assert.notEqual(plain('r\u0000.txt'), plain('r\u0001.txt'));
  });

  it('takes linear time on a long run of controls', () => {
    const started = Date.now();
    assert.equal(plain('\u001b'.repeat(1_000_000)).length, 4_000_000);
    assert.ok(Date.now() - started < 1000);
  });
});

describe('jsonSafe', () => {
  it('escapes what JSON.stringify leaves raw, and parses back to the same value', () => {
    const value = { path: 'x\u009b31m\u202e\u2028\u007f.txt', esc: '\u001b[2J' };
    const json = jsonSafe(JSON.stringify(value));
    assert.doesNotMatch(json, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    assert.deepEqual(JSON.parse(json), value);
  });
});

describe('fileUri', () => {
  it('is url.pathToFileURL for UTF-8 names: # ? % spaces brackets and Chinese percent-encoded', () => {
    for (const p of ['/tmp/a#1.txt', '/tmp/b?.txt', '/tmp/c 100%.txt', '/报告/[2023] 年.docx', "/a/b-c_d.e~f!$&'()+,;=:@.txt"]) {
      assert.equal(fileUri(p, false), pathToFileURL(p).href, p);
    }
    assert.equal(fileUri('/tmp/folder', true), 'file:///tmp/folder/');
  });

  it('names a file whose name is not UTF-8 by its own bytes', () => {
    assert.equal(fileUri(Buffer.concat([Buffer.from('/r/'), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.txt')]), false), 'file:///r/%B1%A8%B8%E6.txt');
  });
});
