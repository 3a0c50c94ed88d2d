// Writing a report back in the encoding it was read in: what `check --fix` relies on to change nothing
// but the fixed text.
import * as assert from 'assert/strict';
import { decodeReport, encodeReport } from '../../server/src/node/files';
import { seedText } from '../helpers/seeds';

const SAMPLE = 'XX镇2023年法治政府建设年度报告\r\n一、主要举措和成效\r\n（一）加强组织领导。€ “引号” ü ·\r\n𠀀𪚥 \u00a0\u3000末行';

describe('encodeReport', () => {
  for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']) {
    it(`${encoding}: decodes back to the same text and the same encoding`, () => {
      const bytes = encodeReport(SAMPLE, encoding);
      const decoded = decodeReport(bytes);
      assert.ok(!('error' in decoded), JSON.stringify(decoded));
      assert.equal(decoded.text, SAMPLE);
      assert.equal(decoded.encoding, encoding);
    });
  }

  it('writes the BOM of utf-8-bom and utf-16, and none for utf-8', () => {
    assert.deepEqual([...encodeReport('a', 'utf-8-bom')], [0xef, 0xbb, 0xbf, 0x61]);
    assert.deepEqual([...encodeReport('a', 'utf-16le')], [0xff, 0xfe, 0x61, 0x00]);
    assert.deepEqual([...encodeReport('a', 'utf-16be')], [0xfe, 0xff, 0x00, 0x61]);
    assert.deepEqual([...encodeReport('a', 'utf-8')], [0x61]);
  });

  it('gb18030: known two- and four-byte codes', () => {
    const hex = (s: string) => Buffer.from(encodeReport(s, 'gb18030')).toString('hex');
    assert.equal(hex('报告'), 'b1a8b8e6');
    assert.equal(hex('一、（一）'), 'd2bba1a2a3a8d2bba3a9');
    assert.equal(hex('\u0080'), '81308130', 'first four-byte code');
    assert.equal(hex('𠀀'), '95328236', 'a supplementary character');
    assert.equal(hex('€'), 'a2e3');
  });

  it('gb18030: a whole seed survives the round trip', () => {
    const text = seedText('002');
    const decoded = decodeReport(encodeReport(text, 'gb18030'));
    assert.ok(!('error' in decoded));
    assert.equal(decoded.text, text);
  });

  it('refuses an encoding it does not know, and a lone surrogate in gb18030', () => {
    assert.throws(() => encodeReport('a', 'latin1'), /unsupported encoding/);
    assert.throws(() => encodeReport('\ud800', 'gb18030'), /cannot be written in GB18030/);
  });
});
