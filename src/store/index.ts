/**
 * The review store: `openStore` opens (creating and migrating) the SQLite database and returns a
 * `ReviewStore`.
 */
import type { CheckOptions, Glossary } from '../core/types.js';
import { openDatabase, resolveDbPath } from './connection.js';
import { SqliteReviewStore } from './review-store.js';
import type { ImportReport, ReviewStore } from './types.js';

export { ConflictError } from './types.js';
export type * from './types.js';
export { DEFAULT_DB_PATH, resolveDbPath } from './connection.js';
export { MAX_ARTICLE_BYTES, SYSTEM_REVIEWER } from './review-store.js';
export { loadCorrectedDocuments, type CorrectedDocumentFile } from './corrected.js';

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /**
   * The database file; `':memory:'` for tests. Default: `MT_REVIEW_DB` from `env`, else
   * `data/mt-review.db`; a relative path is resolved against `cwd`.
   */
  dbPath?: string;
  /** The glossary findings are computed with. */
  glossary: Glossary;
  /** Which checks run (default: all registered checks). */
  checkOptions?: CheckOptions;
  /** A corpus folder to import (or re-import) right after opening; its report is `importReport`. */
  corpusDir?: string;
  /** Environment for `MT_REVIEW_DB` (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Directory relative paths are resolved against (default `process.cwd()`). */
  cwd?: string;
}

/** A store as `openStore` returns it: the contract plus where it lives and what the opening import did. */
export interface OpenedStore extends ReviewStore {
  /** The absolute database path, or `':memory:'`. */
  readonly dbPath: string;
  /** What importing `corpusDir` did, when one was given. */
  readonly importReport: ImportReport | undefined;
}

/** Opens (creating and migrating as needed) the review database and, if asked, imports a corpus folder. */
export function openStore(options: OpenStoreOptions): OpenedStore {
  const dbPath = resolveDbPath(options.dbPath, options.env ?? process.env, options.cwd ?? process.cwd());
  const db = openDatabase(dbPath);
  let store: SqliteReviewStore;
  try {
    store = new SqliteReviewStore(db, { glossary: options.glossary, ...(options.checkOptions ? { checkOptions: options.checkOptions } : {}) });
  } catch (err) {
    db.close();
    throw err;
  }
  let importReport: ImportReport | undefined;
  if (options.corpusDir !== undefined) {
    try {
      importReport = store.importCorpus(options.corpusDir);
    } catch (err) {
      store.close();
      throw err;
    }
  }
  return Object.assign(store, { dbPath, importReport });
}
