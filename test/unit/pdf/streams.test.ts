// What a PDF's streams inflate to, counted before pdf.js reads the file: images left out (reading text never
// decodes them), data that is not zlib counted as it stands, the count stopped just past the budget.
import * as assert from 'assert/strict';
import * as zlib from 'zlib';
import { inflatedSize } from '../../../server/src/node/pdf/streams';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const object = (n: number, dict: string, data: Buffer) =>
  Buffer.concat([latin1(`${n} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream\nendobj\n')]);

describe('inflatedSize', () => {
  const blanks = zlib.deflateSync(Buffer.alloc(100_000, 0x20));

  it('counts what each stream but the images inflates to, and plain data as it stands', () => {
    const file = Buffer.concat([
      latin1('%PDF-1.4\n'),
      object(1, '/Filter /FlateDecode', blanks),
      object(2, '/Type /XObject /Subtype /Image /Width 10 /Height 10 /Filter /FlateDecode', blanks),
      object(3, '', latin1('BT /F1 12 Tf (endstream inside) Tj ET')),
      latin1('%%EOF\n'),
    ]);
    assert.equal(inflatedSize(file, 10 ** 9), 100_000 + 'BT /F1 12 Tf (endstream inside) Tj ET'.length);
  });

  it('stops just past the budget, and reads a stream cut short as far as it goes', () => {
    const file = Buffer.concat([latin1('%PDF-1.4\n'), object(1, '/Filter /FlateDecode', blanks), object(2, '/Filter /FlateDecode', blanks)]);
    assert.equal(inflatedSize(file, 150_000), 150_001);
    const cut = Buffer.concat([latin1('%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n'), blanks.subarray(0, blanks.length - 8)]);
    assert.ok(inflatedSize(cut, 10 ** 9) > 90_000);
  });
});
