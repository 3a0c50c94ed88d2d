// Checking a batch: in this thread, or spread over worker threads when the batch is large enough to pay for them.
import * as os from 'os';
import { parentPort, Worker, workerData } from 'worker_threads';
import type { FoundFile } from '../node/files';
import type { Options } from './args';
import type { Progress } from './progress';
import { ProjectConfigs } from './project-configs';
import { processReport, type Processed } from './report';

/** Batches smaller than this are checked in this thread: starting workers would cost more than it saves. */
const WORKER_THRESHOLD = 64;
const MAX_DEFAULT_JOBS = 8;

/**
 * Workers only where they pay: a large batch and at least three cores, one left for the main thread, which
 * reads the results and renders them. On two cores, measured, two workers were slower than none: checking
 * allocates much, and the garbage collectors' threads then compete for the same two cores.
 */
export function defaultJobs(fileCount: number): number {
  const cores = os.availableParallelism();
  if (fileCount < WORKER_THRESHOLD || cores < 3) return 1;
  return Math.min(MAX_DEFAULT_JOBS, cores - 1);
}

export async function processHere(files: FoundFile[], parsed: Options, progress: Progress): Promise<Processed[]> {
  const configs = new ProjectConfigs(parsed);
  const results: Processed[] = [];
  // One after the other: a report's reading and checking holds the thread anyway, and memory stays that of one.
  for (const f of files) {
    results.push(await processReport(f, parsed, configs));
    progress.advance(1);
  }
  return results;
}

/** Files go to a worker a few at a time: one by one, the messages cost more than small reports take. */
const FILES_PER_TASK = 16;

interface WorkerTask { start: number; files: FoundFile[] }
interface WorkerReply { start: number; results: Processed[] }

/** Hands files to `jobs` workers in small batches (so a slow file never holds back a whole share), and
 * returns the results in input order. */
export async function processInWorkers(files: FoundFile[], parsed: Options, jobs: number, progress: Progress): Promise<Processed[]> {
  const results: Processed[] = new Array(files.length);
  let next = 0;
  // __filename is the bundle (dist/server.js): server/src/main.ts sends its worker threads to the CLI, which runs runWorker.
  const workers = Array.from({ length: Math.min(jobs, Math.ceil(files.length / FILES_PER_TASK)) }, () => new Worker(__filename, { workerData: parsed }));
  await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
    const feed = () => {
      if (next >= files.length) {
        void worker.terminate().then(() => resolve());
        return;
      }
      const task: WorkerTask = { start: next, files: files.slice(next, next + FILES_PER_TASK) };
      next += task.files.length;
      worker.postMessage(task);
    };
    worker.on('message', (reply: WorkerReply) => {
      reply.results.forEach((r, i) => (results[reply.start + i] = r));
      progress.advance(reply.results.length);
      feed();
    });
    worker.on('error', reject);
    feed();
  })));
  return results;
}

/** A worker thread's side: checks the files it is handed, under the options the main thread parsed. */
export function runWorker(): void {
  const parsed = workerData as Options;
  const configs = new ProjectConfigs(parsed);
  parentPort!.on('message', async (task: WorkerTask) => {
    // The main thread sends the next task only after this reply: tasks never overlap.
    const results: Processed[] = [];
    for (const f of task.files) results.push(await processReport(f, parsed, configs));
    const reply: WorkerReply = { start: task.start, results };
    parentPort!.postMessage(reply);
  });
}
