// Reading a PDF in a worker thread, as the shipped bundle does: pdf.js parses a stranger's file there, under a
// heap limit, and the thread is stopped outright at the time limit, even inside a loop that never yields, so that
// neither can take the language server or the CLI down with it. The worker runs the bundle itself
// (dist/pdf-reader.js), which serves requests when it is started as a reader's worker (see pdf.ts). A worker that
// answered is kept, idle and not holding the process open, for the next file (loading pdf.js costs a few hundred
// ms; a workspace check reads many files); one that failed or ran out of time is stopped.

import { Worker } from 'worker_threads';
import { PdfError } from './error';
import type { PdfText } from './report-text';

/** Marks the worker data of a reader's worker, so that the bundle loaded in another worker does not serve. */
export const WORKER_TAG = 'govreport-pdf-reader';

export interface WorkerRequest {
  bytes: Uint8Array;
  /** The limits the worker reads with (its own time limit included). */
  limits: unknown;
}

export type WorkerReply = { text: string; pageStarts: number[] } | { error: { zh: string; en: string } };

/** How long past its own time limit a worker may take to answer before it is stopped. */
const GRACE_MS = 2_000;
/** An idle worker is stopped after this long without a file. */
const IDLE_MS = 30_000;

interface IdleWorker {
  worker: Worker;
  heapMb: number;
  timer: NodeJS.Timeout;
  onExit: () => void;
}

const idle: IdleWorker[] = [];

function takeWorker(script: string, heapMb: number): Worker {
  const k = idle.findIndex((w) => w.heapMb === heapMb);
  if (k >= 0) {
    const [w] = idle.splice(k, 1);
    clearTimeout(w.timer);
    w.worker.off('exit', w.onExit);
    w.worker.ref();
    return w.worker;
  }
  return new Worker(script, {
    workerData: { tag: WORKER_TAG },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
    // What the worker prints is not passed on: the language server talks over stdout.
    stdout: true,
    stderr: true,
  });
}

function keepIdle(worker: Worker, heapMb: number): void {
  worker.unref();
  const entry: IdleWorker = { worker, heapMb, timer: setTimeout(() => stopIdle(entry), IDLE_MS), onExit: () => stopIdle(entry) };
  entry.timer.unref();
  // A worker that stops while idle (it should not) is forgotten.
  worker.once('exit', entry.onExit);
  idle.push(entry);
}

function stopIdle(entry: IdleWorker): void {
  const k = idle.indexOf(entry);
  if (k >= 0) idle.splice(k, 1);
  clearTimeout(entry.timer);
  void entry.worker.terminate();
}

/** The text of `bytes`, read by `script` in a worker thread with at most `maxHeapMb` of heap and `maxMillis` of time. */
export function readInWorker(script: string, bytes: Uint8Array, limits: { maxMillis: number; maxHeapMb: number }): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = takeWorker(script, limits.maxHeapMb);
    const onMessage = (reply: WorkerReply) => {
      finish(() => ('error' in reply ? reject(new PdfError(reply.error.zh, reply.error.en)) : resolve(reply)), true);
    };
    const onError = (e: Error & { code?: string }) => {
      finish(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new PdfError(`读取 PDF 所需内存超过 ${limits.maxHeapMb} MB 的上限`, `reading the PDF needs more memory than the limit of ${limits.maxHeapMb} MB`)
        : new PdfError(`PDF 文件已损坏，无法读取（${oneLine(e.message)}）`, `the PDF is damaged and cannot be read (${oneLine(e.message)})`)), false);
    };
    const onExit = (code: number) => {
      finish(() => reject(new PdfError(`读取 PDF 的线程意外退出（${code}）`, `the thread reading the PDF stopped unexpectedly (${code})`)), false);
    };
    // Only these listeners are removed: the worker's own (which start and stop its message port) stay.
    const finish = (outcome: () => void, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      outcome();
      if (reusable) keepIdle(worker, limits.maxHeapMb);
      else void worker.terminate();
    };
    const ms = limits.maxMillis;
    const timer = setTimeout(() => finish(() => reject(timeLimitError(ms)), false), ms + GRACE_MS);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    const request: WorkerRequest = { bytes, limits };
    worker.postMessage(request);
  });
}

export function timeLimitError(ms: number): PdfError {
  const limit = ms >= 1000 ? { zh: `${Math.round(ms / 1000)} 秒`, en: `${Math.round(ms / 1000)} seconds` } : { zh: `${ms} 毫秒`, en: `${ms} ms` };
  return new PdfError(`读取 PDF 超过 ${limit.zh}的时限`, `reading the PDF took longer than the limit of ${limit.en}`);
}

function oneLine(s: string): string {
  return s.split('\n')[0].slice(0, 200);
}
