/**
 * Glossary versions: every glossary text the app has used, in the `glossary_versions` table. The
 * newest row is in force; nothing is deleted, an edit or a changed file supersedes it.
 *
 * Functions over the database handle, plus the start-up rule `serve` applies (`adoptStartupGlossary`):
 * the glossary files on disk are recorded as an origin `file` version whenever their hash differs
 * from the last recorded file hash, and then win; while they stay unchanged, an admin's app edit made
 * on top of them stays in force.
 */
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { MtReviewError, type Glossary } from '../core/types.js';
import { buildGlossary } from '../glossary/build.js';
import { glossaryFormat, type GlossarySource } from '../glossary/format.js';
import { readGlossarySources } from '../glossary/sources.js';
import { recordEvent, sha256 } from './review-store.js';

/** One glossary file: its name (no folder) and its text. */
export interface GlossaryFile {
  name: string;
  text: string;
}

/** Where a version came from: the glossary files at start-up, or an admin's edit in the app. */
export type GlossaryOrigin = 'file' | 'app';

/** One recorded glossary version. */
export interface GlossaryVersion {
  id: number;
  origin: GlossaryOrigin;
  /** The files, sorted by name. */
  files: GlossaryFile[];
  /** Hash of this version's own files (`hashGlossaryFiles`). */
  sourceHash: string;
  /** Hash of the files on disk it was read from (`file`), or that were in force when it was edited (`app`). */
  fileHash: string | null;
  /** Number of entries. */
  entries: number;
  createdBy: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  comment: string | null;
}

/** A version as the history lists it (without the file texts). */
export type GlossaryVersionSummary = Omit<GlossaryVersion, 'files'>;

/** The event `action` recorded for every new glossary version. */
const GLOSSARY_EVENT = 'glossary';

/** Who records the version read from the files at start-up. */
const FILE_RECORDER = 'mt-review';

/** A glossary file name the app accepts: no folder, a glossary extension, nothing a shell or path would treat specially. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** True when `name` is a plain glossary file name (`belarus.yaml`): no folder, no `..`, a `.yaml`/`.yml`/`.tsv` extension. */
export function isGlossaryFileName(name: string): boolean {
  return FILE_NAME.test(name) && !name.includes('..') && glossaryFormat(name) !== undefined;
}

interface VersionRow {
  id: number;
  origin: GlossaryOrigin;
  files_json: string;
  source_hash: string;
  file_hash: string | null;
  entries: number;
  created_by: string;
  created_at: string;
  comment: string | null;
}

/** The files sorted by name (the order `loadGlossary` reads a folder in). */
function sorted(files: readonly GlossaryFile[]): GlossaryFile[] {
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The hash of a set of glossary files: names and texts, independent of the folder they live in. */
export function hashGlossaryFiles(files: readonly GlossaryFile[]): string {
  return sha256(JSON.stringify(sorted(files).map((f) => [f.name, f.text])));
}

/** Parses, validates and self-tests glossary files (throws the one-line `MtReviewError` naming file and line). */
export function buildGlossaryFromFiles(files: readonly GlossaryFile[]): Glossary {
  if (files.length === 0) throw new MtReviewError('glossary', 'a glossary needs at least one file');
  return buildGlossary(sorted(files).map((f) => ({ file: f.name, text: f.text })), sha256);
}

/**
 * Reads the glossary files of a folder (every `*.yaml`, `*.yml`, `*.tsv`, sorted by name) or one
 * file, by name and text: what a file version records. `loadGlossary` reads the same files.
 */
export function readGlossaryFiles(path: string): GlossaryFile[] {
  return glossaryFilesOf(readGlossarySources(path));
}

/** Glossary sources as read from disk (full file names) as the files a version records (base names). */
export function glossaryFilesOf(sources: readonly GlossarySource[]): GlossaryFile[] {
  return sources.map((source) => ({ name: basename(source.file), text: source.text }));
}

/** A database row as a version. */
function toVersion(row: VersionRow): GlossaryVersion {
  const object = JSON.parse(row.files_json) as Record<string, string>;
  return { ...toSummary(row), files: sorted(Object.entries(object).map(([name, text]) => ({ name, text }))) };
}

/** A row without its file texts as the contract's version summary. */
function toSummary(row: Omit<VersionRow, 'files_json'>): GlossaryVersionSummary {
  return {
    id: row.id,
    origin: row.origin,
    sourceHash: row.source_hash,
    fileHash: row.file_hash,
    entries: row.entries,
    createdBy: row.created_by,
    createdAt: row.created_at,
    comment: row.comment,
  };
}

/** The version in force (the newest), or undefined when none was ever recorded. */
export function latestGlossaryVersion(db: Database.Database): GlossaryVersion | undefined {
  const row = db.prepare('SELECT * FROM glossary_versions ORDER BY id DESC LIMIT 1').get() as VersionRow | undefined;
  return row ? toVersion(row) : undefined;
}

/** One version by id, or undefined. */
export function getGlossaryVersion(db: Database.Database, id: number): GlossaryVersion | undefined {
  const row = db.prepare('SELECT * FROM glossary_versions WHERE id = ?').get(id) as VersionRow | undefined;
  return row ? toVersion(row) : undefined;
}

/** The newest version read from the files (origin `file`), or undefined. */
function latestFileVersion(db: Database.Database): GlossaryVersion | undefined {
  const row = db.prepare("SELECT * FROM glossary_versions WHERE origin = 'file' ORDER BY id DESC LIMIT 1").get() as VersionRow | undefined;
  return row ? toVersion(row) : undefined;
}

/** The history, newest first, without the file texts (never read: a page of history stays cheap). */
export function listGlossaryVersions(db: Database.Database, limit = 100): GlossaryVersionSummary[] {
  const rows = db.prepare(
    `SELECT id, origin, source_hash, file_hash, entries, created_by, created_at, comment
     FROM glossary_versions ORDER BY id DESC LIMIT ?`,
  ).all(limit) as Omit<VersionRow, 'files_json'>[];
  return rows.map(toSummary);
}

/** Raised when an app edit was based on a version that is no longer in force (HTTP 409). */
export class GlossaryConflictError extends Error {
  constructor(
    /** The version in force now. */
    readonly current: GlossaryVersion | undefined,
  ) {
    super('the glossary was changed by someone else since you opened it');
    this.name = 'GlossaryConflictError';
  }
}

/** What recording a version needs. */
export interface NewGlossaryVersion {
  origin: GlossaryOrigin;
  files: readonly GlossaryFile[];
  /** The files-on-disk hash it was read from (`file`) or based on (`app`). */
  fileHash: string | null;
  /** Entries in the (already validated) glossary. */
  entries: number;
  createdBy: string;
  comment?: string | null;
  /**
   * For app edits: the version id the editor started from (null: none was in force). When it is no
   * longer the newest, nothing is recorded and `GlossaryConflictError` is thrown.
   */
  baseVersionId?: number | null;
}

/**
 * Records a glossary version and its `events` row (action `glossary`: actor, version id, origin,
 * entry count) in one transaction. The caller validates the glossary first (`buildGlossaryFromFiles`).
 */
export function recordGlossaryVersion(db: Database.Database, v: NewGlossaryVersion): GlossaryVersion {
  const files = sorted(v.files);
  for (const f of files) {
    if (!isGlossaryFileName(f.name)) throw new MtReviewError('glossary', `not a glossary file name: "${f.name.slice(0, 100)}" (use letters, digits, ".", "_", "-" and a .yaml, .yml or .tsv extension)`);
  }
  if (new Set(files.map((f) => f.name)).size !== files.length) throw new MtReviewError('glossary', 'two glossary files have the same name');
  const object = Object.fromEntries(files.map((f) => [f.name, f.text]));
  return db.transaction(() => {
    if (v.baseVersionId !== undefined) {
      const latest = latestGlossaryVersion(db);
      if ((latest?.id ?? null) !== v.baseVersionId) throw new GlossaryConflictError(latest);
    }
    const at = new Date().toISOString();
    const id = Number(
      db.prepare(
        `INSERT INTO glossary_versions (origin, files_json, source_hash, file_hash, entries, created_by, created_at, comment)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(v.origin, JSON.stringify(object), hashGlossaryFiles(files), v.fileHash, v.entries, v.createdBy, at, v.comment ?? null).lastInsertRowid,
    );
    recordEvent(db, { at, actor: v.createdBy, action: GLOSSARY_EVENT, articleId: null, sentence: null, detail: { version: id, origin: v.origin, entries: v.entries, files: files.map((f) => f.name) } });
    return getGlossaryVersion(db, id)!;
  }).immediate();
}

/** Which glossary `serve` uses, and why. */
export interface StartupGlossary {
  /** The glossary in force. */
  glossary: Glossary;
  /** Its version. */
  version: GlossaryVersion;
  /**
   * `file-recorded`: the files were new or changed since last recorded, so they were recorded and win;
   * `file`: the files are unchanged and their version is the newest;
   * `app`: the files are unchanged since an admin's app edit, which stays in force.
   */
  reason: 'file-recorded' | 'file' | 'app';
  /** When changed files superseded an app edit: that edit (still in the history). */
  supersededAppEdit?: GlossaryVersion;
}

/**
 * The start-up rule. `files` are the glossary files on disk and `glossary` the same files already
 * validated (by `loadGlossary`, through its cache). When the files' hash differs from the last
 * recorded file hash (first start, or someone changed them in git), they are recorded as a `file`
 * version and are in force. Otherwise the newest version is in force: an app edit made on top of
 * these files supersedes them, and is built from the database (once, here).
 */
export function adoptStartupGlossary(db: Database.Database, disk: { files: readonly GlossaryFile[]; glossary: Glossary }): StartupGlossary {
  const fileHash = hashGlossaryFiles(disk.files);
  const lastFile = latestFileVersion(db);
  if (!lastFile || lastFile.fileHash !== fileHash) {
    const before = latestGlossaryVersion(db);
    const version = recordGlossaryVersion(db, { origin: 'file', files: disk.files, fileHash, entries: disk.glossary.entries.length, createdBy: FILE_RECORDER });
    return { glossary: disk.glossary, version, reason: 'file-recorded', ...(before?.origin === 'app' ? { supersededAppEdit: before } : {}) };
  }
  const latest = latestGlossaryVersion(db)!;
  if (latest.id === lastFile.id) return { glossary: disk.glossary, version: latest, reason: 'file' };
  try {
    return { glossary: buildGlossaryFromFiles(latest.files), version: latest, reason: 'app' };
  } catch (err) {
    if (!(err instanceof MtReviewError)) throw err;
    // A newer mt-review may validate more strictly than the one the edit was saved with.
    throw new MtReviewError('glossary', `the glossary edited in the app (version ${latest.id}) no longer loads: ${err.message}; change the glossary files to supersede it`, err.location);
  }
}

/** The glossary in force in the database (built from its newest version), or undefined when none is recorded. */
export function glossaryInForce(db: Database.Database): { glossary: Glossary; version: GlossaryVersion } | undefined {
  const version = latestGlossaryVersion(db);
  return version ? { glossary: buildGlossaryFromFiles(version.files), version } : undefined;
}

/** The one-line start-up summary of which glossary is in force. */
export function describeStartupGlossary(s: StartupGlossary): string {
  const v = s.version;
  const n = `${v.entries} ${v.entries === 1 ? 'entry' : 'entries'}`;
  if (s.reason === 'app') {
    return `glossary: version ${v.id}, edited in the app by ${v.createdBy} at ${v.createdAt.slice(0, 19).replace('T', ' ')} UTC, is in force (${n}); the glossary files are unchanged since`;
  }
  if (s.reason === 'file-recorded') {
    const over = s.supersededAppEdit ? `; they changed since the app edit of version ${s.supersededAppEdit.id} (by ${s.supersededAppEdit.createdBy}), which they supersede` : '';
    return `glossary: the files are in force (${n}), recorded as version ${v.id}${over}`;
  }
  return `glossary: the files are in force (${n}, version ${v.id})`;
}
