// The extension's icon, drawn in code so that it can be changed and checked: a report page with a red header band
// (a 红头 official document), grey lines of text, and a green badge with a white check mark. 128×128 RGBA,
// anti-aliased by sampling each pixel 4×4 times. scripts/generate-icon.ts writes it to images/icon.png.
import type { RgbaImage } from './png';

export const ICON_SIZE = 128;
const SAMPLES_PER_AXIS = 4;

type Rgba = readonly [r: number, g: number, b: number, a: number];
interface Layer {
  color: Rgba;
  covers(x: number, y: number): boolean;
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): (x: number, y: number) => boolean {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): (x: number, y: number) => boolean {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A stroke of width `w` with round ends from (ax, ay) to (bx, by). */
function stroke(ax: number, ay: number, bx: number, by: number, w: number): (x: number, y: number) => boolean {
  const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSquared));
    return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (w / 2) ** 2;
  };
}

const page = roundedRect(20, 8, 104, 120, 8);
const TEXT_GREY: Rgba = [174, 182, 194, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** Back to front. */
const LAYERS: Layer[] = [
  { color: [0, 0, 0, 40], covers: roundedRect(21, 10, 107, 124, 10) }, // shadow
  { color: [201, 206, 214, 255], covers: roundedRect(18, 6, 106, 122, 10) }, // the page's edge
  { color: WHITE, covers: page },
  { color: [200, 22, 29, 255], covers: (x, y) => y <= 34 && page(x, y) }, // the red header band
  { color: [255, 255, 255, 230], covers: stroke(36, 21, 88, 21, 5) }, // the title in the band
  { color: TEXT_GREY, covers: stroke(32, 48, 92, 48, 5) },
  { color: TEXT_GREY, covers: stroke(32, 60, 86, 60, 5) },
  { color: TEXT_GREY, covers: stroke(32, 72, 74, 72, 5) },
  { color: TEXT_GREY, covers: stroke(32, 84, 60, 84, 5) },
  { color: WHITE, covers: circle(94, 98, 25) }, // the badge's ring
  { color: [26, 127, 55, 255], covers: circle(94, 98, 21) },
  { color: WHITE, covers: (x, y) => stroke(83, 98, 91, 106, 6)(x, y) || stroke(91, 106, 105, 91, 6)(x, y) },
];

/** Source-over compositing of one sample, premultiplied. */
function sample(x: number, y: number): [number, number, number, number] {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (const layer of LAYERS) {
    if (!layer.covers(x, y)) continue;
    const alpha = layer.color[3] / 255;
    r = layer.color[0] * alpha + r * (1 - alpha);
    g = layer.color[1] * alpha + g * (1 - alpha);
    b = layer.color[2] * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
  }
  return [r, g, b, a];
}

export function drawIcon(): RgbaImage {
  const pixels = Buffer.alloc(ICON_SIZE * ICON_SIZE * 4);
  const n = SAMPLES_PER_AXIS * SAMPLES_PER_AXIS;
  for (let py = 0; py < ICON_SIZE; py++) {
    for (let px = 0; px < ICON_SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES_PER_AXIS; sy++) {
        for (let sx = 0; sx < SAMPLES_PER_AXIS; sx++) {
          const s = sample(px + (sx + 0.5) / SAMPLES_PER_AXIS, py + (sy + 0.5) / SAMPLES_PER_AXIS);
          r += s[0];
          g += s[1];
          b += s[2];
          a += s[3];
        }
      }
      const i = (py * ICON_SIZE + px) * 4;
      // Back from premultiplied to straight alpha, as PNG stores it.
      pixels[i] = a > 0 ? Math.round(r / a) : 0;
      pixels[i + 1] = a > 0 ? Math.round(g / a) : 0;
      pixels[i + 2] = a > 0 ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round((a / n) * 255);
    }
  }
  return { width: ICON_SIZE, height: ICON_SIZE, pixels };
}
