/**
 * Opening the SQLite database file with the settings every connection needs.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MtReviewError } from '../core/types.js';
import { migrate } from './migrations.js';

/** The database file used when neither an option nor `MT_REVIEW_DB` names one (relative to the cwd). */
export const DEFAULT_DB_PATH = 'data/mt-review.db';

/** How long a connection waits for another writer's lock before failing, in milliseconds. */
export const BUSY_TIMEOUT_MS = 5000;

/** Picks the database path: the explicit one, else `MT_REVIEW_DB`, else `data/mt-review.db`, resolved against `cwd`. */
export function resolveDbPath(explicit: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  const chosen = explicit || env.MT_REVIEW_DB || DEFAULT_DB_PATH;
  return chosen === ':memory:' ? chosen : resolve(cwd, chosen);
}

/**
 * Opens (creating if needed) and migrates a database for reading and writing.
 *
 * WAL lets readers (the web app's pages) run while a save commits. `synchronous=FULL` makes every
 * acknowledged save durable against power loss as well as a killed process (WAL + NORMAL only
 * survives process crashes); saves are small and rare, so the extra fsync costs nothing a reviewer notices.
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way (not a directory)' : code ?? (err as Error).message;
      throw new MtReviewError('store', `cannot create the database folder: ${why}`, { file: dirname(path) });
    }
  }
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    throw new MtReviewError('store', `cannot open the database: ${(err as Error).message}`, { file: path });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (err) {
    db.close();
    if (err instanceof MtReviewError) throw err;
    throw new MtReviewError('store', `cannot use the database: ${(err as Error).message}`, { file: path });
  }
  return db;
}

/** Opens an existing database read-only (for `check --corrected` and `export`); never creates or migrates it. */
export function openDatabaseReadOnly(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'SQLITE_CANTOPEN' ? 'no such database (run `mt-review serve` to create it)' : (err as Error).message;
    throw new MtReviewError('store', why, { file: path });
  }
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}
