/**
 * The checkpointer's worker thread (see `checkpointer.ts`): its own connection to the database,
 * a PASSIVE checkpoint every `intervalMs`, and a message to the parent after each one that found
 * new frames. Nothing else: no reads, no writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './connection.js';

const { path, intervalMs } = workerData as { path: string; intervalMs: number };
const db = new Database(path, { fileMustExist: true });
db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
// The database file is synced after each checkpoint, as the app's connection would.
db.pragma('synchronous = FULL');

let last = '';
setInterval(() => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  if (!row || row.log <= 0) return;
  // The log keeps its frames until the next write restarts it: report only what changed.
  const now = `${row.log}/${row.checkpointed}`;
  if (now === last) return;
  last = now;
  parentPort?.postMessage({ type: 'checkpoint', result: { log: row.log, checkpointed: row.checkpointed } });
}, intervalMs);
