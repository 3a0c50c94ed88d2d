// The text of a PDF report, as the report was typed: one paragraph per line, tables one row per line with TAB
// between cells, without page numbers and running headers, and where each page starts in it. Positions in
// findings refer to this extracted text; `pageStarts` maps a line back to its page.
//
// pdf.js (pdfjs-dist) reads the text layer: runs of text with their positions (pdf/pdfjs.ts, pdf/pieces.ts).
// pdf/report-text.ts rebuilds the reading order from those positions: lines and their segments (pdf/lines.ts),
// vertical labels (pdf/vertical.ts), page furniture (pdf/furniture.ts), tables (pdf/tables.ts), paragraphs broken
// by the page (pdf/paragraphs.ts) and the spaces of justified Chinese (pdf/spacing.ts). Nothing is fetched: no fonts, and
// the CMaps of Chinese fonts come from beside the bundle (pdf/cmaps.ts). A file from a stranger costs at most the
// limits below, and a file that cannot be read gets one clear PdfError. The shipped bundle reads each file in a
// worker thread of its own (pdf/isolate.ts), under a heap limit and stopped outright at the time limit.

import { megabytes } from './docx/error';
import { shippedCMapFactory } from './pdf/cmaps';
import { PdfError } from './pdf/error';
import { loadPdfJs } from './pdf/pdfjs';
import { pagePieces, type PageText } from './pdf/pieces';
import * as path from 'path';
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { readInWorker, timeLimitError, WORKER_TAG, type WorkerReply, type WorkerRequest } from './pdf/isolate';
import { reportText, type PdfText } from './pdf/report-text';
import { inflatedSize } from './pdf/streams';

export { PdfError } from './pdf/error';

export interface PdfLimits {
  /** Largest file read. */
  maxBytes: number;
  maxPages: number;
  /** Longest time spent reading one file. */
  maxMillis: number;
  /** Most characters of text taken from the pages. */
  maxChars: number;
  /** Most bytes the file's streams (but images) may inflate to. */
  maxInflatedBytes: number;
  /** Most heap the worker thread that reads the file may take (in MB; the shipped bundle reads in a worker). */
  maxHeapMb: number;
}

/**
 * A long report is 100 pages and a few MB, its fonts and pages a few tens of MB inflated; these are far beyond
 * any, and still bound what a hostile file costs.
 */
export const PDF_LIMITS: PdfLimits = {
  maxBytes: 100 * 2 ** 20,
  maxPages: 2000,
  maxMillis: 60_000,
  maxChars: 20_000_000,
  maxInflatedBytes: 128 * 2 ** 20,
  maxHeapMb: 1024,
};

export type { PdfText } from './pdf/report-text';

/** The bundle this module ships as (esbuild.mjs), which a reader's worker runs. */
const READER_BUNDLE = 'pdf-reader.js';

/** The report text of a PDF file; throws PdfError when the bytes are not a PDF whose text can be read. */
export async function extractPdfText(bytes: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<PdfText> {
  const chosen: PdfLimits = { ...PDF_LIMITS, ...limits };
  if (bytes.byteLength > chosen.maxBytes) {
    throw new PdfError(`PDF 文件 ${megabytes(bytes.byteLength)}，超过 ${megabytes(chosen.maxBytes)} 的上限`, `the PDF is ${megabytes(bytes.byteLength)}, larger than the limit of ${megabytes(chosen.maxBytes)}`);
  }
  if (!startsLikePdf(bytes)) throw new PdfError('不是 PDF 文件（开头没有 %PDF-）', 'not a PDF file (it does not start with %PDF-)');
  // pdf.js rebuilds what it can of a cut file and would give part of the report as if it were all of it.
  if (!endsLikePdf(bytes)) throw new PdfError('PDF 文件不完整（结尾没有 %%EOF），可能没有下载完', 'the PDF is incomplete (it does not end with %%EOF): perhaps a download that did not finish');
  if (inflatedSize(bytes, chosen.maxInflatedBytes) > chosen.maxInflatedBytes) {
    const limit = megabytes(chosen.maxInflatedBytes);
    throw new PdfError(`PDF 解压后超过 ${limit} 的上限`, `the PDF inflates to more than the limit of ${limit}`);
  }
  // Run as the bundle, in a worker of its own; from the sources (the unit tests), in this thread.
  if (path.basename(__filename) === READER_BUNDLE) return readInWorker(__filename, bytes, chosen);
  return readInThisThread(bytes, chosen);
}

async function readInThisThread(bytes: Uint8Array, limits: PdfLimits): Promise<PdfText> {
  const missingCMaps: string[] = [];
  const pages = await readPages(bytes, limits, missingCMaps);
  return reportText(pages, missingCMaps);
}

/** In a reader's worker (see pdf/isolate.ts): read each file asked for and answer, one at a time. */
function serveInWorker(): void {
  parentPort!.on('message', (request: WorkerRequest) => {
    readInThisThread(request.bytes, request.limits as PdfLimits).then(
      (text) => parentPort!.postMessage(text satisfies WorkerReply),
      (e: unknown) => {
        const error = e instanceof PdfError ? { zh: e.zh, en: e.message } : { zh: String(e), en: String(e) };
        parentPort!.postMessage({ error } satisfies WorkerReply);
      },
    );
  });
}

if (!isMainThread && (workerData as { tag?: string } | undefined)?.tag === WORKER_TAG) serveInWorker();

/** 「%PDF-」 within the first KB, where readers look for it (some files have a few bytes before it). */
function startsLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** 「%%EOF」 within the last 2 KB: a complete file ends with it, give or take what a server appends. */
function endsLikePdf(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.byteLength - 2048);
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.byteLength - from).toString('latin1').includes('%%EOF');
}

async function readPages(bytes: Uint8Array, limits: PdfLimits, missingCMaps: string[]): Promise<PageText[]> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // A copy: pdf.js takes the buffer over.
    data: new Uint8Array(bytes),
    verbosity: 0,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
    cMapUrl: 'shipped/',
    cMapPacked: true,
    BinaryDataFactory: shippedCMapFactory(missingCMaps),
  } as Parameters<typeof pdfjs.getDocument>[0]);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeLimitError(limits.maxMillis)), limits.maxMillis);
  });
  const work = async (): Promise<PageText[]> => {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPages) {
      throw new PdfError(`PDF 共 ${doc.numPages} 页，超过 ${limits.maxPages} 页的上限`, `the PDF has ${doc.numPages} pages, more than the limit of ${limits.maxPages}`);
    }
    const pages: PageText[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const read = pagePieces(content.items, page.view);
      for (const p of read.pieces) chars += p.text.length;
      if (chars > limits.maxChars) {
        throw new PdfError(`PDF 的文字超过 ${limits.maxChars} 字的上限`, `the PDF holds more text than the limit of ${limits.maxChars} characters`);
      }
      pages.push(read);
      page.cleanup();
    }
    return pages;
  };
  try {
    return await Promise.race([work(), timeout]);
  } catch (e) {
    throw asPdfError(e);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

/** What pdf.js threw, as one line in both languages. */
function asPdfError(e: unknown): PdfError {
  if (e instanceof PdfError) return e;
  const name = (e as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new PdfError('PDF 已加密，需要密码才能打开', 'the PDF is encrypted: it needs a password to open');
  const detail = String((e as { message?: string } | null)?.message ?? e).split('\n')[0].slice(0, 200);
  return new PdfError(`PDF 文件已损坏，无法读取（${detail}）`, `the PDF is damaged and cannot be read (${detail})`);
}
