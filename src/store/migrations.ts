/**
 * The database schema as an ordered list of migrations. `PRAGMA user_version` records how many have
 * run; each runs in its own transaction, so a crash leaves the database at a whole version.
 * Append new migrations at the end; never edit one that has shipped.
 */
import type Database from 'better-sqlite3';
import { MtReviewError } from '../core/types.js';

/** One schema step: `up` runs inside a transaction. */
export interface Migration {
  /** What the step does, for errors and the README. */
  name: string;
  up(db: Database.Database): void;
}

/** Every migration, oldest first; the schema version is the number that have run. */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'initial schema: articles, sentences, revisions, dismissals, events, users, sessions',
    up(db) {
      db.exec(`
        CREATE TABLE articles (
          id              INTEGER PRIMARY KEY,
          slug            TEXT NOT NULL UNIQUE,
          title           TEXT NOT NULL,
          -- file name relative to the corpus folder; NULL for pasted/uploaded articles
          path            TEXT,
          -- base name of the corpus folder, for the paths of exported patches
          corpus_name     TEXT,
          mt_text         TEXT NOT NULL,
          mt_hash         TEXT NOT NULL,
          had_bom         INTEGER NOT NULL DEFAULT 0,
          -- the MT version: 1 on import, +1 for every re-import of a changed file
          version         INTEGER NOT NULL DEFAULT 1,
          paragraphs_json TEXT NOT NULL,
          file_size       INTEGER,
          file_mtime_ms   REAL,
          created_by      TEXT NOT NULL,
          imported_at     TEXT NOT NULL,
          updated_at      TEXT NOT NULL,
          -- whole-article findings of the corrected text, keyed by text + segmentation + glossary hash
          findings_key    TEXT,
          findings_json   TEXT
        );
        CREATE UNIQUE INDEX articles_path ON articles(corpus_name, path) WHERE path IS NOT NULL;

        -- every MT text an article ever had (nothing is deleted)
        CREATE TABLE mt_versions (
          article_id  INTEGER NOT NULL REFERENCES articles(id),
          version     INTEGER NOT NULL,
          mt_text     TEXT NOT NULL,
          mt_hash     TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          PRIMARY KEY (article_id, version)
        );

        -- sentences of every MT version; slot is the sentence's identity across versions
        CREATE TABLE sentences (
          article_id    INTEGER NOT NULL REFERENCES articles(id),
          version       INTEGER NOT NULL,
          idx           INTEGER NOT NULL,
          slot          INTEGER NOT NULL,
          paragraph     INTEGER NOT NULL,
          kind          TEXT NOT NULL CHECK (kind IN ('headline', 'body')),
          start         INTEGER NOT NULL,
          "end"         INTEGER NOT NULL,
          mt_text       TEXT NOT NULL,
          mt_hash       TEXT NOT NULL,
          PRIMARY KEY (article_id, version, idx),
          UNIQUE (article_id, version, slot)
        );

        CREATE TABLE revisions (
          id               INTEGER PRIMARY KEY,
          article_id       INTEGER NOT NULL REFERENCES articles(id),
          slot             INTEGER NOT NULL,
          -- the sentence index when the revision was saved
          sentence         INTEGER NOT NULL,
          base_revision_id INTEGER REFERENCES revisions(id),
          status           TEXT NOT NULL CHECK (status IN ('edited', 'approved')),
          -- save | restore | reimport
          origin           TEXT NOT NULL,
          reviewer         TEXT NOT NULL,
          created_at       TEXT NOT NULL,
          patch            TEXT NOT NULL,
          text             TEXT NOT NULL,
          restored_from    INTEGER REFERENCES revisions(id),
          -- hash of the MT sentence the patch was made on
          mt_hash          TEXT NOT NULL,
          needs_attention  INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX revisions_slot ON revisions(article_id, slot, id);

        CREATE TABLE dismissals (
          id          INTEGER PRIMARY KEY,
          article_id  INTEGER NOT NULL REFERENCES articles(id),
          slot        INTEGER NOT NULL,
          sentence    INTEGER NOT NULL,
          fingerprint TEXT NOT NULL,
          rule_id     TEXT NOT NULL,
          match       TEXT NOT NULL,
          reason      TEXT NOT NULL,
          reviewer    TEXT NOT NULL,
          created_at  TEXT NOT NULL,
          undone_at   TEXT,
          undone_by   TEXT
        );
        CREATE INDEX dismissals_slot ON dismissals(article_id, slot);

        CREATE TABLE events (
          id         INTEGER PRIMARY KEY,
          at         TEXT NOT NULL,
          actor      TEXT NOT NULL,
          -- import | reimport | import-text | save | restore | dismiss | undismiss | …
          action     TEXT NOT NULL,
          article_id INTEGER REFERENCES articles(id),
          sentence   INTEGER,
          detail     TEXT
        );
        CREATE INDEX events_article ON events(article_id, id);

        CREATE TABLE users (
          id            INTEGER PRIMARY KEY,
          username      TEXT NOT NULL UNIQUE,
          password_hash TEXT NOT NULL,
          role          TEXT NOT NULL CHECK (role IN ('reviewer', 'admin')),
          created_at    TEXT NOT NULL,
          disabled_at   TEXT
        );

        CREATE TABLE sessions (
          sid        TEXT PRIMARY KEY,
          data       TEXT NOT NULL,
          expires_at INTEGER NOT NULL
        );
        CREATE INDEX sessions_expires ON sessions(expires_at);
      `);
    },
  },
  {
    name: 'covering index for the start-up skip test (file size, mtime and hash without reading article texts)',
    up(db) {
      db.exec('CREATE INDEX articles_file_state ON articles(corpus_name, path, file_size, file_mtime_ms, mt_hash, had_bom)');
    },
  },
  {
    name: 'admin actions: archived articles (hidden, never deleted) and glossary versions edited in the app',
    up(db) {
      db.exec(`
        ALTER TABLE articles ADD COLUMN archived_at TEXT;
        ALTER TABLE articles ADD COLUMN archived_by TEXT;

        -- every glossary text the app has used; the newest row is in force (nothing is deleted)
        CREATE TABLE glossary_versions (
          id          INTEGER PRIMARY KEY,
          -- 'file': read from the glossary file or folder at start-up; 'app': edited by an admin
          origin      TEXT NOT NULL CHECK (origin IN ('file', 'app')),
          -- the glossary's files as a JSON object {file name: text}, the same shape \`buildGlossary\` reads
          files_json  TEXT NOT NULL,
          source_hash TEXT NOT NULL,
          -- hash of the file or folder it came from, or that an app edit was based on
          file_hash   TEXT,
          entries     INTEGER NOT NULL,
          created_by  TEXT NOT NULL,
          created_at  TEXT NOT NULL,
          comment     TEXT
        );
      `);
    },
  },
  {
    name: 'covering index for the corpus page (count, page by slug and title search without reading article texts)',
    up(db) {
      db.exec('CREATE INDEX articles_listing ON articles(archived_at, slug, title, id, version, updated_at)');
    },
  },
];

/** Runs the migrations the database has not seen yet, each in its own transaction; returns the new version. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new MtReviewError(
      'store',
      `the database is at schema version ${version}, newer than this mt-review (${migrations.length}); upgrade mt-review`,
    );
  }
  for (; version < migrations.length; version++) {
    const step = migrations[version]!;
    const next = version + 1;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${next}`);
    }).immediate();
  }
  return version;
}
