/**
 * The review store: `openStore` opens (creating and migrating) the SQLite database and returns a
 * `ReviewStore`.
 */
import type Database from 'better-sqlite3';
import { MtReviewError, type CheckOptions, type Glossary } from '../core/types.js';
import { openDatabase, openDatabaseReadOnly, resolveDbPath } from './connection.js';
import { findArticleRow } from './corrected.js';
import { glossaryInForce } from './glossary-versions.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteReviewStore } from './review-store.js';
import type { ArticleSummary, ImportReport, ReviewStore } from './types.js';

export { ArchivedError, ConflictError } from './types.js';
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
  /**
   * Checkpoint the write-ahead log on a worker thread instead of inside commits (after the corpus
   * import), so that no save waits for the log to be copied into the database file. For the
   * long-running server; ignored for `:memory:`.
   */
  backgroundCheckpoints?: boolean;
}

/** A store as `openStore` returns it: the contract plus where it lives and what the opening import did. */
export interface OpenedStore extends ReviewStore {
  /** The absolute database path, or `':memory:'`. */
  readonly dbPath: string;
  /** The open better-sqlite3 handle, for the accounts layer (`users`, `sessions`, `events`). */
  readonly db: Database.Database;
  /** What importing `corpusDir` did, when one was given. */
  readonly importReport: ImportReport | undefined;
  /** Imports pasted text, or uploaded bytes decoded strictly as UTF-8, as a new article. */
  importText(name: string, text: string | Uint8Array, by: string): ArticleSummary;
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
  if (options.backgroundCheckpoints && dbPath !== ':memory:') store.checkpointInBackground(dbPath);
  return Object.assign(store, { dbPath, importReport });
}

/** A read-only store over an existing database (for `mt-review export`): reads work, writes throw. */
export interface ReadOnlyStore extends ReviewStore {
  readonly dbPath: string;
  readonly db: Database.Database;
  /** Finds an article by slug or corpus file name (with or without `.txt`); unknown → `MtReviewError`. */
  resolveArticle(name: string): number;
}

/** The glossary of a store that computes no findings. */
const NO_GLOSSARY: Glossary = { entries: [], files: [], hash: '' };

/**
 * Opens an existing database read-only; never creates it. A database at an older schema version
 * is migrated first (as `serve` would on start), then reopened read-only. Findings use the glossary
 * in force in the database (its newest recorded version, e.g. an admin's edit in the app), so an
 * export matches what the app shows; `options.glossary` serves a database with none recorded, or
 * every database when `glossaryWins` (a glossary the user named explicitly). Given as a function,
 * it is called only then, so a glossary that is not used is never loaded. `withoutFindings`: the
 * caller exports no findings (txt, md, patch), so no glossary is loaded or built at all.
 */
export function openReadOnlyStore(
  options: Omit<OpenStoreOptions, 'corpusDir' | 'glossary'> & { glossary: Glossary | (() => Glossary); glossaryWins?: boolean; withoutFindings?: boolean },
): ReadOnlyStore {
  const dbPath = resolveDbPath(options.dbPath, options.env ?? process.env, options.cwd ?? process.cwd());
  let db = openDatabaseReadOnly(dbPath);
  try {
    let version = db.pragma('user_version', { simple: true }) as number;
    if (version < MIGRATIONS.length) {
      db.close();
      openDatabase(dbPath).close();
      db = openDatabaseReadOnly(dbPath);
      version = db.pragma('user_version', { simple: true }) as number;
    }
    if (version !== MIGRATIONS.length) {
      throw new MtReviewError('store', `the database is at schema version ${version}, this mt-review expects ${MIGRATIONS.length}; open it once with \`mt-review serve\``, { file: dbPath });
    }
    const fallback = options.glossary;
    const glossary = options.withoutFindings
      ? NO_GLOSSARY
      : ((options.glossaryWins ? undefined : glossaryInForce(db)?.glossary) ?? (typeof fallback === 'function' ? fallback() : fallback));
    const store = new SqliteReviewStore(db, { glossary, ...(options.checkOptions ? { checkOptions: options.checkOptions } : {}) });
    return Object.assign(store, { dbPath, resolveArticle: (name: string) => findArticleRow(db, name).id });
  } catch (err) {
    db.close();
    throw err;
  }
}
