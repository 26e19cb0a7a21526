/**
 * Worker-thread entry for `mt-review check --jobs`: compiles the glossary it is handed once, then
 * checks the files the pool sends, one message per file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createChecker } from '../core/checker.js';
import type { CheckOptions, Glossary } from '../core/types.js';
import { checkFileTask, type FileTask } from './report.js';

/** What a worker needs to build its checker. */
export interface WorkerInit {
  /** The glossary the main thread already loaded and validated (plain data, cloned once per worker). */
  glossary: Glossary;
  options: CheckOptions;
  maxFileSize: number;
}

/** Messages from a worker to the pool. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'fatal'; message: string; stack?: string }
  | { type: 'outcome'; outcome: import('./report.js').FileOutcome };

async function start(init: WorkerInit): Promise<void> {
  const port = parentPort!;
  let checker;
  try {
    checker = createChecker(init.glossary, init.options);
  } catch (err) {
    const msg: WorkerMessage = { type: 'fatal', message: err instanceof Error ? String(err) : String(err) };
    if (err instanceof Error && err.stack) msg.stack = err.stack;
    port.postMessage(msg);
    return;
  }
  const ready = checker;
  port.on('message', (task: FileTask) => {
    void checkFileTask(ready, init.maxFileSize, task).then((outcome) => port.postMessage({ type: 'outcome', outcome } satisfies WorkerMessage));
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

const data = workerData as { mtReviewWorker?: WorkerInit } | undefined;
if (parentPort && data?.mtReviewWorker) void start(data.mtReviewWorker);
