// pdf.js (pdfjs-dist's legacy build, which runs on Node 20), loaded once and run in the thread that reads (the
// reader's worker thread, see isolate.ts): its "fake worker" is the worker module itself, set where pdf.js looks
// for it, so nothing is fetched or spawned.

import CSSMatrix from '@thednp/dommatrix';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJsModule = typeof PdfJs;

let loading: Promise<PdfJsModule> | undefined;

/** pdf.js, with its worker in this thread. */
export function loadPdfJs(): Promise<PdfJsModule> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PdfJsModule> {
  // On loading, pdf.js looks for a canvas package to draw pages with and prints warnings when there is none.
  // Drawing is not needed to read text, and the language server talks over stdout: keep it quiet.
  const { log, warn } = console;
  console.log = console.warn = () => undefined;
  try {
    // pdf.js makes a DOMMatrix when it loads (for drawing, which reading text never does); Node has none, and the
    // canvas package it would take one from is not shipped.
    const scope = globalThis as { DOMMatrix?: unknown };
    scope.DOMMatrix ??= CSSMatrix;
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    console.log = log;
    console.warn = warn;
  }
}
