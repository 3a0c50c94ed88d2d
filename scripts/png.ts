// A minimal PNG encoder and decoder for 8-bit RGBA images, on Node's zlib: enough for the extension's icon
// (scripts/generate-icon.ts) and for the test that reads it back, without a PNG package.
import * as zlib from 'zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;
const FILTER_NONE = 0;

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, rows top to bottom, not premultiplied. */
  pixels: Buffer;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes `image` as a PNG: one IDAT, every row unfiltered (filter type 0), so the same pixels give the same bytes. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of pixels, got ${pixels.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = COLOR_TYPE_RGBA;
  // compression, filter method and interlace stay 0
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    rows[y * (1 + width * 4)] = FILTER_NONE;
    pixels.copy(rows, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Decodes a PNG written by encodePng: 8-bit RGBA, not interlaced, every row with filter type 0. Anything else is
 * an error rather than a guess. `maxBytes` bounds the inflated data (a PNG's pixels can be far larger than its file).
 */
export function decodePng(file: Buffer, maxBytes = 16 * 1024 * 1024): RgbaImage {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset + 12 <= file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) throw new Error(`chunk ${type} is cut off`);
    if (file.readUInt32BE(offset + 8 + length) !== zlib.crc32(body, zlib.crc32(file.subarray(offset + 4, offset + 8)))) {
      throw new Error(`chunk ${type} fails its CRC`);
    }
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== COLOR_TYPE_RGBA || body[12] !== 0) throw new Error('not 8-bit RGBA without interlace');
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const stride = 1 + width * 4;
  if (width === 0 || height === 0 || stride * height > maxBytes) throw new Error(`unexpected size ${width}×${height}`);
  const rows = zlib.inflateSync(Buffer.concat(data), { maxOutputLength: stride * height });
  if (rows.length !== stride * height) throw new Error(`expected ${stride * height} bytes of rows, got ${rows.length}`);
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    if (rows[y * stride] !== FILTER_NONE) throw new Error(`row ${y} uses filter type ${rows[y * stride]}`);
    rows.copy(pixels, y * width * 4, y * stride + 1, (y + 1) * stride);
  }
  return { width, height, pixels };
}
