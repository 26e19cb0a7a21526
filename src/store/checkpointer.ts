/**
 * WAL checkpoints off the event loop.
 *
 * SQLite's automatic checkpoint runs inside the commit that takes the write-ahead log past 1,000
 * pages, on the thread that commits. In the review app that thread is the event loop: copying a
 * few megabytes into the database file and syncing it stalls every request for 100–200 ms, which
 * was the save's p99 under load. Here the app's connection does no automatic checkpoints; a worker
 * thread with its own connection runs a PASSIVE checkpoint (which never waits for, or blocks,
 * readers and writers) every `intervalMs`. A crash at any point is safe: an interrupted checkpoint
 * is redone from the log on the next open. Should the worker fail, the connection's automatic
 * checkpoints are turned back on, so the log never grows without bound.
 */
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's default automatic checkpoint threshold, in pages (restored if the worker fails). */
const AUTO_CHECKPOINT_PAGES = 1000;

/** How often the worker checkpoints by default, in milliseconds. */
const CHECKPOINT_INTERVAL_MS = 1000;

/** One checkpoint's outcome, as `PRAGMA wal_checkpoint` reports it. */
export interface CheckpointResult {
  /** Frames in the log. */
  log: number;
  /** Frames copied into the database file so far. */
  checkpointed: number;
}

/** A running background checkpointer. */
export interface Checkpointer {
  /** Resolves after the worker's next checkpoint that found new frames in the log (for tests). */
  next(): Promise<CheckpointResult>;
  /** Stops the worker; its connection closes. Safe to call twice. */
  stop(): Promise<void>;
}

/** Message from the worker. */
type FromWorker = { type: 'checkpoint'; result: CheckpointResult };

/**
 * Turns off `db`'s automatic checkpoints and starts a worker that checkpoints the database file
 * at `path` every `intervalMs`. Not for `:memory:` databases (they have no log).
 */
export function startCheckpointer(db: Database.Database, path: string, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), { workerData: { path, intervalMs } });
  // The worker never keeps the process alive: the app's own handles do.
  worker.unref();
  let waiting: Array<(r: CheckpointResult) => void> = [];
  let stopped = false;
  const fallBack = (): void => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  };
  worker.on('message', (m: FromWorker) => {
    if (m.type !== 'checkpoint') return;
    const settle = waiting;
    waiting = [];
    for (const resolve of settle) resolve(m.result);
  });
  worker.on('error', fallBack);
  worker.on('exit', () => {
    if (!stopped) fallBack();
  });
  return {
    next: () => new Promise((resolve) => waiting.push(resolve)),
    async stop() {
      if (stopped) return;
      stopped = true;
      await worker.terminate();
    },
  };
}
