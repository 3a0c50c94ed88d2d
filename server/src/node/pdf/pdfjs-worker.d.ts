// pdfjs-dist ships no types for its worker module; what pdf.js takes from it, set as globalThis.pdfjsWorker.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
