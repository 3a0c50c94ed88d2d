import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { drawIcon, ICON_SIZE } from '../../scripts/icon';
import { decodePng, encodePng } from '../../scripts/png';

const root = path.resolve(__dirname, '..', '..');

describe('extension icon', () => {
  it('package.json names images/icon.png, a 128×128 PNG', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.strictEqual(manifest.icon, 'images/icon.png');
    const image = decodePng(fs.readFileSync(path.join(root, manifest.icon)));
    assert.deepStrictEqual([image.width, image.height], [ICON_SIZE, ICON_SIZE]);
  });

  it('the committed PNG is what scripts/icon.ts draws (run npm run generate:icon after changing the drawing)', () => {
    const committed = decodePng(fs.readFileSync(path.join(root, 'images', 'icon.png')));
    assert.ok(committed.pixels.equals(drawIcon().pixels), 'images/icon.png differs from the drawing');
  });

  it('has a transparent corner, the red band, and the green badge', () => {
    const { pixels } = drawIcon();
    const at = (x: number, y: number) => [...pixels.subarray((y * ICON_SIZE + x) * 4, (y * ICON_SIZE + x) * 4 + 4)];
    assert.strictEqual(at(0, 0)[3], 0);
    assert.deepStrictEqual(at(30, 14), [200, 22, 29, 255]);
    assert.deepStrictEqual(at(78, 90), [26, 127, 55, 255]);
  });

  it('PNG encoding round-trips; a bad CRC and a wrong pixel count are refused', () => {
    const image = { width: 3, height: 2, pixels: Buffer.from(Array.from({ length: 24 }, (_, i) => i * 10)) };
    const png = encodePng(image);
    assert.ok(decodePng(png).pixels.equals(image.pixels));
    const corrupt = Buffer.from(png);
    corrupt[20] ^= 0xff; // inside IHDR
    assert.throws(() => decodePng(corrupt), /CRC/);
    assert.throws(() => encodePng({ width: 2, height: 2, pixels: Buffer.alloc(3) }), /expected 16 bytes/);
  });
});
