import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { GOVREPORT_VERSION } from '../../server/src/version';

describe('version', () => {
  it('the server and the CLI report the version of package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    assert.strictEqual(GOVREPORT_VERSION, pkg.version);
  });
});
