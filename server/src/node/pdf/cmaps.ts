// The character maps (CMaps) of Chinese fonts that a PDF names instead of embedding (「UniGB-UCS2-H」 for a
// SimSun the file does not carry): pdf.js needs them to know which character each code is. The Chinese ones of
// pdfjs-dist/cmaps are shipped beside the bundle (dist/pdf-cmaps, see esbuild.mjs) and read from there, never
// fetched; any other name is refused, and so is a file larger than any real one.

import * as fs from 'fs';
import * as path from 'path';

/** The CMaps shipped: every Simplified Chinese (Adobe-GB1) encoding. */
export const SHIPPED_CMAP = /GB/;
/** The largest shipped CMap is about 50 KB. */
const MAX_CMAP_BYTES = 512 * 1024;
const CMAP_FILE = /^[A-Za-z0-9-]{1,64}\.bcmap$/;

/** Where the CMaps are: beside the bundle (dist/pdf-cmaps), or in pdfjs-dist when run from the sources. */
export function cmapFolder(): string | undefined {
  const candidates = [path.join(__dirname, 'pdf-cmaps'), path.join(__dirname, '..', '..', '..', '..', 'node_modules', 'pdfjs-dist', 'cmaps')];
  return candidates.find((c) => fs.existsSync(c));
}

/**
 * pdf.js's BinaryDataFactory (the getDocument option, a class): it asks for `{kind, filename}` and takes the
 * bytes. Only CMaps are served: standard font data and WebAssembly decoders are for drawing pages. The names of
 * the CMaps that could not be served go to `missing`, so that a file whose text they hid is told apart from a scan.
 */
export function shippedCMapFactory(missing: string[]) {
  return class ShippedCMapFactory {
    private readonly folder = cmapFolder();

    constructor(_urls: { cMapUrl?: string | null }) {}

    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      try {
        if (kind !== 'cMapUrl' || !this.folder || !CMAP_FILE.test(filename) || !SHIPPED_CMAP.test(filename)) {
          throw new Error(`no ${kind} data ${filename.slice(0, 80)}`);
        }
        const file = path.join(this.folder, filename);
        const size = (await fs.promises.stat(file)).size;
        if (size > MAX_CMAP_BYTES) throw new Error(`CMap ${filename} is too large`);
        return new Uint8Array(await fs.promises.readFile(file));
      } catch (e) {
        if (kind === 'cMapUrl' && missing.length < 10) missing.push(filename.replace(/\.bcmap$/, '').slice(0, 64));
        throw e;
      }
    }
  };
}
