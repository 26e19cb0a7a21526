/**
 * A small worker-thread pool for `mt-review check`: each worker compiles the glossary once and
 * checks files one at a time; results stream back to the caller in completion order.
 */
import { Worker } from 'node:worker_threads';
import { MtReviewError } from '../core/types.js';
import type { FileOutcome, FileTask } from './report.js';
import type { WorkerInit, WorkerMessage } from './worker.js';

/** Tasks kept in flight per worker, so a worker never waits for its next file. */
const IN_FLIGHT = 2;

/**
 * Old-generation heap limit of a worker, in MB. V8 lets a heap grow in proportion to its limit:
 * under the default (a quarter of the machine's memory, up to 4 GB) the workers' heaps kept
 * growing with the number of files checked (peak RSS ×1.6 from 1,000 to 10,000 articles with
 * 10,000 entries), under this one they stay flat (×1.03), at no cost in time. A worker that runs
 * out of it (a huge file) is replaced by one with V8's default limit, which checks the files it had
 * not answered, and no limited worker is handed them again.
 */
export const WORKER_HEAP_MB = 1024;

/** How a pool runs (tests lower the heap limit to make a worker run out of it). */
export interface PoolOptions {
  /** Old-generation heap limit of the first workers, in MB (default `WORKER_HEAP_MB`). */
  heapMb?: number;
  /** Called with the files a worker that ran out of memory left unanswered, as it is replaced. */
  onReplaced?: (unanswered: readonly FileTask[]) => void;
}

/**
 * Checks `tasks` on `size` workers, calling `onOutcome` for each file as it completes. Rejects if a
 * worker cannot start (for example, it cannot compile the glossary it is handed) or dies, except
 * for running out of its heap limit: then a worker with V8's default limit takes over the files it
 * had not answered.
 */
export function runInPool(init: WorkerInit, tasks: FileTask[], size: number, onOutcome: (o: FileOutcome) => void, options: PoolOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers = new Set<Worker>();
    // Files not yet handed to a worker; a file whose worker ran out of memory comes back here.
    const queue = [...tasks];
    let done = 0;
    let failed = false;
    const finish = (err?: unknown): void => {
      if (failed) return;
      if (err) failed = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    if (tasks.length === 0) return resolve();

    /**
     * Starts a worker with a heap limit (undefined: V8's default) and, first of all, the files in
     * `own`: those a worker that ran out of memory left unanswered, which no limited worker may
     * take again.
     */
    const spawn = (heapMb: number | undefined, own: FileTask[] = []): void => {
      const w = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: { mtReviewWorker: init },
        ...(heapMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
      });
      // The files this worker was handed and has not answered (it may answer them in any order:
      // reading a file is asynchronous).
      const inFlight: FileTask[] = [];
      let replaced = false;
      const feed = (): void => {
        while (inFlight.length < IN_FLIGHT && (own.length > 0 || queue.length > 0)) {
          const task = own.length > 0 ? own.shift()! : queue.shift()!;
          inFlight.push(task);
          w.postMessage(task);
        }
      };
      workers.add(w);
      w.on('message', (msg: WorkerMessage) => {
        if (failed) return;
        if (msg.type === 'fatal') {
          const err = new MtReviewError('glossary', msg.message.replace(/^MtReviewError: /, ''));
          if (msg.stack) err.stack = msg.stack;
          return finish(err);
        }
        if (msg.type === 'outcome') {
          const k = inFlight.findIndex((t) => t.index === msg.outcome.index);
          if (k >= 0) inFlight.splice(k, 1);
          done++;
          onOutcome(msg.outcome);
          if (done === tasks.length) return finish();
        }
        feed();
      });
      w.on('error', (err: Error & { code?: string }) => {
        if (failed) return;
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' && heapMb !== undefined) {
          replaced = true;
          workers.delete(w);
          const unanswered = inFlight.splice(0);
          options.onReplaced?.(unanswered);
          spawn(undefined, unanswered);
          return;
        }
        finish(err);
      });
      w.on('exit', (code) => {
        if (code !== 0 && !replaced && done < tasks.length) finish(new Error(`a worker thread exited with code ${code}`));
      });
    };
    const count = Math.max(1, Math.min(size, tasks.length));
    for (let i = 0; i < count; i++) spawn(options.heapMb ?? WORKER_HEAP_MB);
  });
}
