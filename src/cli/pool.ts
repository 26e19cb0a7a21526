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
 * Checks `tasks` on `size` workers, calling `onOutcome` for each file as it completes. Rejects if a
 * worker cannot start (for example, it cannot compile the glossary it is handed) or dies.
 */
export function runInPool(init: WorkerInit, tasks: FileTask[], size: number, onOutcome: (o: FileOutcome) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
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
    const feed = (w: Worker, inFlight: { n: number }): void => {
      while (inFlight.n < IN_FLIGHT && next < tasks.length) {
        w.postMessage(tasks[next++]);
        inFlight.n++;
      }
    };
    const count = Math.max(1, Math.min(size, tasks.length));
    for (let i = 0; i < count; i++) {
      const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: { mtReviewWorker: init } });
      const inFlight = { n: 0 };
      workers.push(w);
      w.on('message', (msg: WorkerMessage) => {
        if (failed) return;
        if (msg.type === 'fatal') {
          const err = new MtReviewError('glossary', msg.message.replace(/^MtReviewError: /, ''));
          if (msg.stack) err.stack = msg.stack;
          return finish(err);
        }
        if (msg.type === 'outcome') {
          inFlight.n--;
          done++;
          onOutcome(msg.outcome);
          if (done === tasks.length) return finish();
        }
        feed(w, inFlight);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (code !== 0 && done < tasks.length) finish(new Error(`a worker thread exited with code ${code}`));
      });
    }
  });
}
