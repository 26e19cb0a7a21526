/**
 * The review store over SQLite: articles and their MT sentences, revisions saved as patches,
 * dismissals, and an audit trail. Nothing is deleted; a newer row supersedes an older one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { createCheckMemo, createChecker, type Checker, type CheckMemo } from '../core/checker.js';
import { buildCorrectedDocument, type CorrectedDocument } from '../core/corrected.js';
import { decodeUtf8 } from '../core/decode.js';
import { buildExport, type ExportInput } from '../core/export.js';
import { fingerprintFinding } from '../core/fingerprint.js';
import { applyCorrection, makePatch } from '../core/patch.js';
import { segment } from '../core/segment.js';
import { MtReviewError, type CheckOptions, type Finding, type Glossary, type Paragraph, type Segmentation } from '../core/types.js';
import { alignSentences } from './align.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { slugify, uniqueSlug } from './slug.js';
import {
  ArchivedError,
  ConflictError,
  type ArticleSummary,
  type ArticleView,
  type Dismissal,
  type ExportFormat,
  type ImportReport,
  type ReviewStore,
  type Revision,
  type SaveRequest,
  type SentenceView,
} from './types.js';

/** Largest pasted or uploaded article accepted, in UTF-8 bytes. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** The reviewer name recorded on revisions the store makes itself (re-applied patches on re-import). */
export const SYSTEM_REVIEWER = 'mt-review';

/** Articles whose rows, states, findings and summaries are remembered before a memory is cleared. */
const ARTICLE_MEMORY = 10_000;

/**
 * Something remembered per article while its key still matches (the article's MT version and last
 * change: every write bumps `updated_at`); cleared when it holds `max` articles.
 */
class ArticleMemory<T> {
  private readonly entries = new Map<number, { key: string; value: T }>();
  constructor(private readonly max = ARTICLE_MEMORY) {}
  /** The value remembered under exactly `key`. */
  get(id: number, key: string): T | undefined {
    const e = this.entries.get(id);
    return e && e.key === key ? e.value : undefined;
  }
  /** Whatever is remembered, with the key it was remembered under. */
  peek(id: number): { key: string; value: T } | undefined {
    return this.entries.get(id);
  }
  set(id: number, key: string, value: T): T {
    if (!this.entries.has(id) && this.entries.size >= this.max) this.entries.clear();
    this.entries.set(id, { key, value });
    return value;
  }
  delete(id: number): void {
    this.entries.delete(id);
  }
  clear(): void {
    this.entries.clear();
  }
}

/** The key of what is remembered of an article: its MT version and last change. */
function articleKey(article: Pick<ArticleRow, 'version' | 'updated_at'>): string {
  return `${article.version}|${article.updated_at}`;
}

/** Bump when the shape or meaning of cached findings changes, to ignore older caches. */
const FINDINGS_CACHE_VERSION = 1;

/** A row of `articles`. */
export interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  path: string | null;
  corpus_name: string | null;
  mt_text: string;
  mt_hash: string;
  had_bom: number;
  version: number;
  paragraphs_json: string;
  file_size: number | null;
  file_mtime_ms: number | null;
  created_by: string;
  imported_at: string;
  updated_at: string;
  findings_key: string | null;
  findings_json: string | null;
  archived_at: string | null;
  archived_by: string | null;
}

/** The columns of an `articles` row that name it and its MT version. */
type ArticleHead = Pick<ArticleRow, 'id' | 'slug' | 'title' | 'version' | 'updated_at' | 'archived_at' | 'archived_by'>;

/** A row of `sentences`. */
export interface SentenceRow {
  article_id: number;
  version: number;
  idx: number;
  slot: number;
  paragraph: number;
  kind: 'headline' | 'body';
  start: number;
  end: number;
  mt_text: string;
  mt_hash: string;
}

/** A row of `revisions`. */
export interface RevisionRow {
  id: number;
  article_id: number;
  slot: number;
  sentence: number;
  base_revision_id: number | null;
  status: 'edited' | 'approved';
  origin: string;
  reviewer: string;
  created_at: string;
  patch: string;
  text: string;
  restored_from: number | null;
  mt_hash: string;
  needs_attention: number;
}

/** A row of `dismissals`. */
interface DismissalRow {
  id: number;
  article_id: number;
  slot: number;
  sentence: number;
  fingerprint: string;
  rule_id: string;
  match: string;
  reason: string;
  reviewer: string;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}

/** One sentence's review state, before findings. */
export interface SentenceState {
  row: SentenceRow;
  current: RevisionRow | null;
  /** The current revision was made on another MT text and its patch did not fit the new one. */
  conflict: boolean;
  /** The rendering in force: the current revision's text, or the MT text (none, or a conflict). */
  text: string;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The prepared statement for `sql` on `db`, prepared once per connection: preparing costs more
 * than running most of the store's queries. (Never toggle `pluck`/`raw` on a statement from here.)
 */
function statement(db: Database.Database, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let stmt = byText.get(sql);
  if (!stmt) byText.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/** Hex SHA-256 of a string's UTF-8 bytes. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Appends a row to the audit trail (`events`) of the review data; `at` defaults to now. */
export function recordEvent(
  db: Database.Database,
  e: { actor: string; action: string; articleId: number | null; sentence: number | null; detail: unknown; at?: string },
): void {
  statement(db, 'INSERT INTO events (at, actor, action, article_id, sentence, detail) VALUES (?, ?, ?, ?, ?, ?)')
    .run(e.at ?? now(), e.actor, e.action, e.articleId, e.sentence, JSON.stringify(e.detail));
}

/** The current UTC time as ISO 8601. */
function now(): string {
  return new Date().toISOString();
}

/** Rebuilds an article's MT segmentation from its stored sentences and paragraphs. */
export function segmentationOf(article: ArticleRow, rows: readonly SentenceRow[]): Segmentation {
  return {
    text: article.mt_text,
    sentences: rows.map((r) => ({ index: r.idx, paragraph: r.paragraph, start: r.start, end: r.end, text: r.mt_text, kind: r.kind })),
    paragraphs: JSON.parse(article.paragraphs_json) as Paragraph[],
  };
}

/** Reads the current sentences of an article and the revision in force for each. */
export function loadStates(db: Database.Database, article: ArticleRow): SentenceState[] {
  const rows = statement(db, 'SELECT * FROM sentences WHERE article_id = ? AND version = ? ORDER BY idx')
    .all(article.id, article.version) as SentenceRow[];
  const currents = statement(db,
      `SELECT r.* FROM revisions r
       JOIN (SELECT slot, MAX(id) AS id FROM revisions WHERE article_id = ? GROUP BY slot) c ON c.id = r.id`,
    )
    .all(article.id) as RevisionRow[];
  const bySlot = new Map(currents.map((r) => [r.slot, r]));
  return rows.map((row) => {
    const current = bySlot.get(row.slot) ?? null;
    const conflict = current !== null && current.mt_hash !== row.mt_hash;
    return { row, current, conflict, text: current && !conflict ? current.text : row.mt_text };
  });
}

/** The corrected document of an article: every sentence's rendering in force, in the MT layout. */
export function correctedDocumentOf(article: ArticleRow, states: readonly SentenceState[]): CorrectedDocument {
  const segmentation = segmentationOf(article, states.map((s) => s.row));
  return buildCorrectedDocument(article.mt_text, segmentation, states.map((s) => s.text));
}

/** Options of `SqliteReviewStore`. */
export interface SqliteReviewStoreOptions {
  glossary: Glossary;
  checkOptions?: CheckOptions;
}

/** `ReviewStore` over an open, migrated better-sqlite3 database. */
export class SqliteReviewStore implements ReviewStore {
  private checker!: Checker;
  /** Sentence-level findings by sentence text: re-checking an article after a save re-runs those checks on the changed sentence only. */
  private readonly memo: CheckMemo = createCheckMemo();
  private cacheSalt!: string;
  private readonly checkOptions: CheckOptions | undefined;
  /** `articleId:version` pairs whose stored sentences match the current segmenter. */
  private readonly segmentationChecked = new Set<string>();
  /**
   * Corpus-page rows by article id, valid while the article's version, last change and the
   * glossary are the same (every write bumps `updated_at`): a page of 50 rows then costs one query.
   */
  private readonly summaries = new ArticleMemory<ArticleSummary>();
  /**
   * The sentence states last read per article, valid while its MT version and last change are the
   * same (every revision bumps `updated_at`): a save's request reads them once, not three times.
   */
  private readonly statesMemory = new ArticleMemory<SentenceState[]>();
  /** The full `articles` row last read per article. */
  private readonly rowMemory = new ArticleMemory<ArticleRow>();
  /**
   * The last findings computed or read per article (saves re-reading and parsing them), under the
   * article key plus the glossary, with the content key they were computed for.
   */
  private readonly findingsMemory = new ArticleMemory<{ key: string; findings: Finding[] }>();
  /** Writes waiting for the next group commit (see `groupCommit`). */
  private pending: PendingWrite[] = [];
  /**
   * While a group commit runs: the revisions its writes inserted, to patch the remembered states
   * and rows once the batch is durable (instead of reading every article again after each batch).
   */
  private batchRevisions: BatchRevision[] | undefined;
  /** The background checkpointer, once `checkpointInBackground` started it. */
  private checkpointer: Checkpointer | undefined;

  constructor(
    /** The open database; closed by `close()`. */
    readonly db: Database.Database,
    options: SqliteReviewStoreOptions,
  ) {
    this.checkOptions = options.checkOptions;
    this.setGlossary(options.glossary);
  }

  /**
   * Switches the glossary findings are computed with (an admin's glossary edit). Cached findings
   * are keyed by the glossary's hash, so every article is re-checked lazily when next read.
   */
  setGlossary(glossary: Glossary): void {
    const checker = createChecker(glossary, this.checkOptions);
    this.checker = checker;
    this.cacheSalt = JSON.stringify([FINDINGS_CACHE_VERSION, glossary.hash, checker.checks.map((c) => c.id), this.checkOptions ?? {}]);
    this.summaries.clear();
    this.memo.clear();
  }

  // ---------------------------------------------------------------- import

  /** Imports or re-imports every `*.txt` file of a corpus folder; unchanged files cost one `stat`. */
  importCorpus(dir: string): ImportReport {
    const report: ImportReport = { added: [], updated: [], unchanged: [], errors: [] };
    const root = resolve(dir);
    const corpusName = basename(root);
    let names: string[];
    try {
      names = readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.txt'))
        .map((e) => e.name)
        .sort();
    } catch (err) {
      throw new MtReviewError('io', `cannot read the corpus folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: dir });
    }
    // Only the columns the skip test needs: a restart with 10,000 unchanged files must stay well under a second.
    type Known = Pick<ArticleRow, 'id' | 'path' | 'file_size' | 'file_mtime_ms' | 'mt_hash' | 'had_bom'>;
    const known = new Map(
      (statement(this.db, 'SELECT id, path, file_size, file_mtime_ms, mt_hash, had_bom FROM articles WHERE corpus_name = ? AND path IS NOT NULL')
        .all(corpusName) as Known[]).map((a) => [a.path!, a]),
    );
    this.db.transaction(() => {
      for (const name of names) {
        const file = join(root, name);
        let size: number;
        let mtimeMs: number;
        try {
          const st = statSync(file);
          size = st.size;
          mtimeMs = st.mtimeMs;
        } catch (err) {
          report.errors.push(`${name}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
          continue;
        }
        const existing = known.get(name);
        if (existing && existing.file_size === size && existing.file_mtime_ms === mtimeMs) {
          report.unchanged.push(name);
          continue;
        }
        let text: string;
        let hadBom: boolean;
        try {
          ({ text, hadBom } = decodeUtf8(readFileSync(file), name));
          if (!text.trim()) throw new MtReviewError('input', 'the article is empty', { file: name });
        } catch (err) {
          report.errors.push(err instanceof MtReviewError ? err.toString() : `${name}: ${(err as Error).message}`);
          continue;
        }
        const hash = sha256(text);
        if (existing && existing.mt_hash === hash && Boolean(existing.had_bom) === hadBom) {
          statement(this.db, 'UPDATE articles SET file_size = ?, file_mtime_ms = ? WHERE id = ?').run(size, mtimeMs, existing.id);
          report.unchanged.push(name);
        } else if (existing) {
          this.reimport(this.articleRow(existing.id)!, text, hadBom, { size, mtimeMs });
          report.updated.push(name);
        } else {
          this.insertArticle({ name, text, hadBom, path: name, corpusName, file: { size, mtimeMs }, by: SYSTEM_REVIEWER });
          report.added.push(name);
        }
      }
    }).immediate();
    return report;
  }

  /** Imports pasted or uploaded text (a string, or bytes decoded strictly as UTF-8) as a new article. */
  importText(name: string, text: string | Uint8Array, by: string): ArticleSummary {
    let decoded: string;
    let hadBom = false;
    if (typeof text === 'string') {
      decoded = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } else {
      ({ text: decoded, hadBom } = decodeUtf8(text, name || 'upload'));
    }
    if (!decoded.trim()) throw new MtReviewError('input', 'the article is empty');
    if (decoded.includes('\u0000')) throw new MtReviewError('input', 'the article contains a NUL character; expected plain text');
    const bytes = Buffer.byteLength(decoded, 'utf8');
    if (bytes > MAX_ARTICLE_BYTES) {
      throw new MtReviewError('input', `the article is too large (${bytes} bytes; the limit is ${MAX_ARTICLE_BYTES} bytes)`);
    }
    const id = this.db
      .transaction(() => this.insertArticle({ name, text: decoded, hadBom, path: null, corpusName: null, file: null, by }))
      .immediate();
    return this.summaryOf(this.articleRow(id)!);
  }

  /** Inserts a new article at MT version 1 and returns its id. */
  private insertArticle(a: {
    name: string;
    text: string;
    hadBom: boolean;
    path: string | null;
    corpusName: string | null;
    file: { size: number; mtimeMs: number } | null;
    by: string;
  }): number {
    const seg = segment(a.text);
    const headline = seg.sentences.find((s) => s.kind === 'headline') ?? seg.sentences[0];
    const title = headline?.text.replace(/\s+/g, ' ') ?? a.name;
    const base = slugify(a.path ?? (a.name.trim() || title));
    const taken = statement(this.db, 'SELECT 1 FROM articles WHERE slug = ?');
    const slug = uniqueSlug(base, (s) => taken.get(s) !== undefined);
    const at = now();
    const hash = sha256(a.text);
    const id = Number(
      statement(this.db,
          `INSERT INTO articles (slug, title, path, corpus_name, mt_text, mt_hash, had_bom, version, paragraphs_json,
             file_size, file_mtime_ms, created_by, imported_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
        )
        .run(slug, title, a.path, a.corpusName, a.text, hash, a.hadBom ? 1 : 0, JSON.stringify(seg.paragraphs),
          a.file?.size ?? null, a.file?.mtimeMs ?? null, a.by, at, at).lastInsertRowid,
    );
    statement(this.db, 'INSERT INTO mt_versions (article_id, version, mt_text, mt_hash, imported_at) VALUES (?, 1, ?, ?, ?)').run(id, a.text, hash, at);
    const insert = this.sentenceInserter();
    for (const s of seg.sentences) insert(id, 1, s.index, s.index, s);
    this.event(a.by, a.path ? 'import' : 'import-text', id, null, { slug, path: a.path, sentences: seg.sentences.length });
    return id;
  }

  /** A function inserting one sentence row. */
  private sentenceInserter(): (articleId: number, version: number, idx: number, slot: number, s: Segmentation['sentences'][number]) => void {
    const stmt = statement(this.db,
      `INSERT INTO sentences (article_id, version, idx, slot, paragraph, kind, start, "end", mt_text, mt_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return (articleId, version, idx, slot, s) => {
      stmt.run(articleId, version, idx, slot, s.paragraph, s.kind, s.start, s.end, s.text, sha256(s.text));
    };
  }

  /**
   * Re-imports a changed MT text: re-segments, keeps reviews of unchanged sentences attached, and
   * re-applies the patches of changed sentences (needs attention), or leaves them in conflict.
   */
  private reimport(article: ArticleRow, text: string, hadBom: boolean, file: { size: number; mtimeMs: number } | null): void {
    const old = loadStates(this.db, article);
    const seg = segment(text);
    const version = article.version + 1;
    const moves = alignSentences(old.map((s) => s.row.mt_hash), seg.sentences.map((s) => sha256(s.text)));
    const slotOf = new Map<number, number>();
    let nextSlot = (statement(this.db, 'SELECT COALESCE(MAX(slot), -1) + 1 AS n FROM sentences WHERE article_id = ?').get(article.id) as { n: number }).n;
    for (const m of moves) if (m.kind !== 'removed') slotOf.set(m.to, old[m.from]!.row.slot);
    const insert = this.sentenceInserter();
    for (const s of seg.sentences) {
      let slot = slotOf.get(s.index);
      if (slot === undefined) slotOf.set(s.index, (slot = nextSlot++));
      insert(article.id, version, s.index, slot, s);
    }
    const at = now();
    const counts = { same: 0, changed: 0, removed: 0, added: seg.sentences.length, reapplied: 0, conflicts: 0 };
    for (const m of moves) {
      counts[m.kind]++;
      if (m.kind !== 'removed') counts.added--;
      if (m.kind !== 'changed') continue;
      const current = old[m.from]!.current;
      if (!current) continue;
      const mt = seg.sentences[m.to]!.text;
      const applied = applyCorrection(mt, current.patch);
      if (applied.ok) {
        this.insertRevision({
          articleId: article.id, slot: current.slot, sentence: m.to, base: current.id, status: current.status, origin: 'reimport',
          reviewer: SYSTEM_REVIEWER, at, mt, text: applied.text, restoredFrom: null, needsAttention: true,
        });
        counts.reapplied++;
      } else {
        statement(this.db, 'UPDATE revisions SET needs_attention = 1 WHERE id = ?').run(current.id);
        counts.conflicts++;
      }
    }
    const headline = seg.sentences.find((s) => s.kind === 'headline') ?? seg.sentences[0];
    const hash = sha256(text);
    statement(this.db,
        `UPDATE articles SET title = ?, mt_text = ?, mt_hash = ?, had_bom = ?, version = ?, paragraphs_json = ?,
           file_size = ?, file_mtime_ms = ?, updated_at = ?, findings_key = NULL, findings_json = NULL WHERE id = ?`,
      )
      .run(headline?.text.replace(/\s+/g, ' ') ?? article.title, text, hash, hadBom ? 1 : 0, version, JSON.stringify(seg.paragraphs),
        file?.size ?? null, file?.mtimeMs ?? null, at, article.id);
    statement(this.db, 'INSERT INTO mt_versions (article_id, version, mt_text, mt_hash, imported_at) VALUES (?, ?, ?, ?, ?)').run(article.id, version, text, hash, at);
    this.event(SYSTEM_REVIEWER, 'reimport', article.id, null, { version, ...counts });
  }

  // ---------------------------------------------------------------- reading

  /**
   * Corpus page rows, filtered by a case-insensitive title search, paged (default 50, at most 500).
   * Archived articles are left out, or (`archived: true`) are the only ones listed.
   */
  listArticles(query: { q?: string; offset?: number; limit?: number; archived?: boolean } = {}): { total: number; items: ArticleSummary[] } {
    const q = query.q?.trim() ?? '';
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const conditions = [query.archived ? 'archived_at IS NOT NULL' : 'archived_at IS NULL'];
    if (q) conditions.push("(title LIKE ? ESCAPE '\\' OR slug LIKE ? ESCAPE '\\')");
    const where = `WHERE ${conditions.join(' AND ')}`;
    const params = q ? [like, like] : [];
    const total = (statement(this.db, `SELECT COUNT(*) AS n FROM articles ${where}`).get(...params) as { n: number }).n;
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 0), 500);
    const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
    // Only the columns a cached summary is validated with; the full row is read on a miss.
    const rows = statement(this.db, `SELECT id, version, updated_at FROM articles ${where} ORDER BY slug LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Pick<ArticleRow, 'id' | 'version' | 'updated_at'>[];
    return { total, items: rows.map((r) => this.cachedSummary(r) ?? this.summaryOf(this.articleRow(r.id)!)) };
  }

  /** Looks an article up by slug. */
  findArticle(slug: string): ArticleSummary | undefined {
    const row = statement(this.db, 'SELECT * FROM articles WHERE slug = ?').get(slug) as ArticleRow | undefined;
    return row && this.summaryOf(row);
  }

  /** The article with every sentence's current state and findings. */
  getArticle(id: number): ArticleView | undefined {
    const article = this.currentArticle(id);
    if (!article) return undefined;
    const states = this.statesOf(article);
    const views = this.sentenceViews(article, states);
    return {
      summary: this.summaryFrom(article, states, views),
      mtText: article.mt_text,
      segmentation: segmentationOf(article, states.map((s) => s.row)),
      sentences: views,
    };
  }

  /** One sentence's current state and findings (findings come from checking the whole corrected article). */
  getSentence(articleId: number, sentence: number): SentenceView | undefined {
    const article = this.currentArticle(articleId);
    if (!article) return undefined;
    const states = this.statesOf(article);
    if (!states[sentence]) return undefined;
    return this.sentenceViews(article, states, sentence)[0];
  }

  /** Every revision of a sentence, oldest first. */
  history(articleId: number, sentence: number): Revision[] {
    const article = this.articleRow(articleId);
    if (!article) return [];
    const row = this.sentenceRow(article, sentence);
    if (!row) return [];
    const rows = statement(this.db, 'SELECT * FROM revisions WHERE article_id = ? AND slot = ? ORDER BY id').all(articleId, row.slot) as RevisionRow[];
    return rows.map((r) => toRevision(r, sentence));
  }

  // ---------------------------------------------------------------- writing

  /** Saves a revision; throws `ConflictError` when `baseRevisionId` is no longer the current revision. */
  saveRevision(req: SaveRequest): Revision {
    const reviewer = requireReviewer(req.reviewer);
    if (req.status !== 'edited' && req.status !== 'approved') throw new MtReviewError('input', `unknown status "${String(req.status)}"`);
    const text = normaliseRendering(req.text);
    return this.db
      .transaction(() => {
        const { article, row, current } = this.lockSentence(req.articleId, req.sentence);
        if (countReplacementChars(text) > countReplacementChars(row.mt_text)) {
          throw new MtReviewError('input', 'the corrected sentence contains U+FFFD (a replacement character): it was not valid UTF-8; nothing was saved');
        }
        if ((current?.id ?? null) !== req.baseRevisionId) throw new ConflictError(current && toRevision(current, req.sentence), text);
        const revision = this.insertRevision({
          articleId: article.id, slot: row.slot, sentence: row.idx, base: current?.id ?? null, status: req.status, origin: 'save',
          reviewer, at: now(), mt: row.mt_text, text, restoredFrom: null, needsAttention: false, locked: article,
        });
        this.event(reviewer, req.status === 'approved' ? 'approve' : 'save', article.id, row.idx, { revision: revision.id, base: revision.base_revision_id });
        return toRevision(revision, row.idx);
      })
      .immediate();
  }

  /** Makes an earlier revision's text current again as a new revision (conflict rules as for a save). */
  restoreRevision(articleId: number, sentence: number, revisionId: number, baseRevisionId: number | null, reviewer: string): Revision {
    const by = requireReviewer(reviewer);
    return this.db
      .transaction(() => {
        const { article, row, current } = this.lockSentence(articleId, sentence);
        const old = statement(this.db, 'SELECT * FROM revisions WHERE id = ? AND article_id = ? AND slot = ?').get(revisionId, articleId, row.slot) as RevisionRow | undefined;
        if (!old) throw new MtReviewError('input', `revision ${revisionId} is not a revision of sentence ${sentence}`);
        if ((current?.id ?? null) !== baseRevisionId) throw new ConflictError(current && toRevision(current, sentence), old.text);
        const revision = this.insertRevision({
          articleId: article.id, slot: row.slot, sentence: row.idx, base: current?.id ?? null, status: old.status, origin: 'restore',
          reviewer: by, at: now(), mt: row.mt_text, text: old.text, restoredFrom: old.id, needsAttention: false, locked: article,
        });
        this.event(by, 'restore', article.id, row.idx, { revision: revision.id, restoredFrom: old.id });
        return toRevision(revision, row.idx);
      })
      .immediate();
  }

  /** Marks a finding as a false positive for one sentence. */
  dismiss(d: { articleId: number; sentence: number; fingerprint: string; ruleId: string; match: string; reason: string; reviewer: string }): Dismissal {
    const reviewer = requireReviewer(d.reviewer);
    if (!d.fingerprint) throw new MtReviewError('input', 'a dismissal needs the finding\'s fingerprint');
    return this.db
      .transaction(() => {
        const { article, row } = this.lockSentence(d.articleId, d.sentence);
        const at = now();
        const id = Number(
          statement(this.db,
              `INSERT INTO dismissals (article_id, slot, sentence, fingerprint, rule_id, match, reason, reviewer, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(article.id, row.slot, row.idx, d.fingerprint, d.ruleId, d.match, d.reason, reviewer, at).lastInsertRowid,
        );
        this.touch(article.id, at);
        this.event(reviewer, 'dismiss', article.id, row.idx, { dismissal: id, fingerprint: d.fingerprint, ruleId: d.ruleId });
        return toDismissal(statement(this.db, 'SELECT * FROM dismissals WHERE id = ?').get(id) as DismissalRow, row.idx);
      })
      .immediate();
  }

  /** Undoes a dismissal by recording who undid it and when; undoing twice changes nothing. */
  undismiss(dismissalId: number, reviewer: string): void {
    const by = requireReviewer(reviewer);
    this.db
      .transaction(() => {
        const d = statement(this.db, 'SELECT * FROM dismissals WHERE id = ?').get(dismissalId) as DismissalRow | undefined;
        if (!d) throw new MtReviewError('input', `no dismissal ${dismissalId}`);
        if (d.undone_at) return;
        this.writableArticle(d.article_id);
        const at = now();
        statement(this.db, 'UPDATE dismissals SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, by, dismissalId);
        this.touch(d.article_id, at);
        this.event(by, 'undismiss', d.article_id, d.sentence, { dismissal: dismissalId });
      })
      .immediate();
  }

  /**
   * Archives an article: it leaves the corpus page and the default exports, and keeps every MT
   * version, revision and dismissal (nothing is deleted). Archiving an archived article changes nothing.
   */
  archiveArticle(id: number, by: string, reason = ''): ArticleSummary {
    const actor = requireReviewer(by);
    return this.db
      .transaction(() => {
        const article = this.articleRow(id);
        if (!article) throw new MtReviewError('input', `no article with id ${id}`);
        if (!article.archived_at) {
          const at = now();
          statement(this.db, 'UPDATE articles SET archived_at = ?, archived_by = ? WHERE id = ?').run(at, actor, id);
          this.touch(id, at);
          this.event(actor, 'archive', id, null, { slug: article.slug, reason: reason.trim() });
        }
        return this.summaryOf(this.articleRow(id)!);
      })
      .immediate();
  }

  /** Brings an archived article back to the corpus page, with its reviews as they were. */
  unarchiveArticle(id: number, by: string): ArticleSummary {
    const actor = requireReviewer(by);
    return this.db
      .transaction(() => {
        const article = this.articleRow(id);
        if (!article) throw new MtReviewError('input', `no article with id ${id}`);
        if (article.archived_at) {
          const at = now();
          statement(this.db, 'UPDATE articles SET archived_at = NULL, archived_by = NULL WHERE id = ?').run(id);
          this.touch(id, at);
          this.event(actor, 'unarchive', id, null, { slug: article.slug, archivedAt: article.archived_at, archivedBy: article.archived_by });
        }
        return this.summaryOf(this.articleRow(id)!);
      })
      .immediate();
  }

  /** The article's text in `format`, built by applying the stored patches. */
  exportArticle(id: number, format: ExportFormat): string {
    if (!['txt', 'md', 'json', 'patch'].includes(format)) throw new MtReviewError('usage', `unknown export format "${String(format)}"; use txt, md, json or patch`);
    const article = this.currentArticle(id);
    if (!article) throw new MtReviewError('input', `no article with id ${id}`);
    const states = this.statesOf(article);
    // Only the json export carries findings: the others do not check the article.
    const views = this.sentenceViews(article, states, undefined, format === 'json');
    return buildExport(exportInputOf(article, states, views), format);
  }

  /**
   * Runs `write` (a store write such as `saveRevision`) in the next group commit and resolves with
   * its result once the commit is durable. Writes that arrive while the event loop is busy share
   * one transaction, so concurrent reviewers pay one fsync between them instead of one each; each
   * write still runs in its own savepoint, so one that throws (a conflict) changes nothing and
   * the others commit. A failed commit (disk full) rejects every write of the batch: nothing is
   * acknowledged that is not on disk.
   */
  groupCommit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Commits the pending writes as one transaction, then settles their promises. */
  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      if (!this.db.open) throw new MtReviewError('store', 'the database is closed; nothing was saved');
      this.batchRevisions = [];
      this.db.transaction(() => {
        for (const op of batch) {
          const mark = this.batchRevisions!.length;
          try {
            // Each write opens its own (nested, so savepoint) transaction: a throw undoes only it.
            outcomes.push({ ok: true, value: op.write() });
          } catch (error) {
            // Some failures (disk full, I/O) make SQLite roll back the whole transaction, not just
            // this write's savepoint: then nothing of the batch is on disk, and every write fails.
            if (!this.db.inTransaction) throw error;
            this.batchRevisions!.length = mark;
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      this.batchRevisions = undefined;
      for (const op of batch) op.reject(error);
      return;
    }
    const inserted = this.batchRevisions;
    this.batchRevisions = undefined;
    for (const r of inserted) this.rememberRevision(r);
    batch.forEach((op, i) => {
      const o = outcomes[i]!;
      if (o.ok) op.resolve(o.value);
      else op.reject(o.error);
    });
  }

  /**
   * After a committed batch: moves an article's remembered states and row forward by one saved
   * revision, if they are exactly what the article was before that write (otherwise they are
   * simply read again next time).
   */
  private rememberRevision(r: BatchRevision): void {
    const states = this.statesMemory.get(r.articleId, r.before);
    if (states) {
      const updated = states.map((s) => (s.row.slot === r.revision.slot ? { row: s.row, current: r.revision, conflict: false, text: r.revision.text } : s));
      this.statesMemory.set(r.articleId, r.after, updated);
    } else {
      this.statesMemory.delete(r.articleId);
    }
    const row = this.rowMemory.get(r.articleId, r.before);
    if (row) {
      row.updated_at = r.afterUpdatedAt;
      this.rowMemory.set(r.articleId, r.after, row);
    }
  }

  /**
   * Hands WAL checkpoints to a worker thread (see `checkpointer.ts`), so that no commit on this
   * thread pauses to copy the log into the database file. For long-running servers; stopped by
   * `close()`.
   */
  checkpointInBackground(path: string): void {
    this.checkpointer ??= startCheckpointer(this.db, path);
  }

  /** Closes the database cleanly (checkpointing the WAL), committing writes still waiting first. */
  close(): void {
    if (this.db.open && this.pending.length > 0) this.flush();
    if (this.checkpointer) {
      void this.checkpointer.stop();
      // The worker's connection may outlive this one, and SQLite checkpoints on close only for
      // the last connection: copy the log now.
      if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
    }
    if (this.db.open) this.db.close();
  }

  // ---------------------------------------------------------------- internals

  /** The current sentences of an article and the revision in force for each (read-only: shared between calls). */
  private statesOf(article: ArticleRow): SentenceState[] {
    const key = articleKey(article);
    return this.statesMemory.get(article.id, key) ?? this.statesMemory.set(article.id, key, loadStates(this.db, article));
  }

  /** The article row by id. */
  private articleRow(id: number): ArticleRow | undefined {
    // The full row carries the article text and its findings (6–20 KB): it is read again only
    // when the article's version or last change moved (every write bumps `updated_at`).
    const head = statement(this.db, 'SELECT version, updated_at FROM articles WHERE id = ?').get(id) as Pick<ArticleRow, 'version' | 'updated_at'> | undefined;
    if (!head) return undefined;
    const key = articleKey(head);
    return this.rowMemory.get(id, key) ?? this.rowMemory.set(id, key, statement(this.db, 'SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow);
  }

  /**
   * The article row, re-segmented first if the segmenter now cuts its MT text differently from
   * the stored sentences (an upgraded segmenter): reviews then follow their sentences exactly as
   * on a re-import. Checked once per article version and process.
   */
  private currentArticle(id: number): ArticleRow | undefined {
    const article = this.articleRow(id);
    if (!article || this.db.readonly) return article;
    const key = `${article.id}:${article.version}`;
    if (this.segmentationChecked.has(key)) return article;
    const rows = statement(this.db, 'SELECT idx, paragraph, kind, start, "end" FROM sentences WHERE article_id = ? AND version = ? ORDER BY idx').all(article.id, article.version) as SentenceRow[];
    const seg = segment(article.mt_text);
    const same =
      JSON.stringify(rows.map((r) => [r.paragraph, r.kind, r.start, r.end])) ===
        JSON.stringify(seg.sentences.map((s) => [s.paragraph, s.kind, s.start, s.end])) &&
      JSON.stringify(seg.paragraphs) === article.paragraphs_json;
    if (same) {
      this.segmentationChecked.add(key);
      return article;
    }
    this.db.transaction(() => {
      const fresh = this.articleRow(id)!;
      if (fresh.version === article.version) {
        this.reimport(fresh, fresh.mt_text, Boolean(fresh.had_bom), fresh.file_size === null ? null : { size: fresh.file_size, mtimeMs: fresh.file_mtime_ms ?? 0 });
      }
    }).immediate();
    const updated = this.articleRow(id)!;
    this.segmentationChecked.add(`${updated.id}:${updated.version}`);
    return updated;
  }

  /** The current MT version's sentence row at `idx`. */
  private sentenceRow(article: ArticleHead, idx: number): SentenceRow | undefined {
    return statement(this.db, 'SELECT * FROM sentences WHERE article_id = ? AND version = ? AND idx = ?').get(article.id, article.version, idx) as SentenceRow | undefined;
  }

  /**
   * Inside a write transaction: the article a review write goes to, or an input error for an
   * unknown one and an `ArchivedError` for an archived one (read-only until restored). Checked
   * here, in the write's own transaction, so a save queued behind an archive in the same group
   * commit is refused too.
   */
  private writableArticle(articleId: number): ArticleHead {
    // Only the columns a write needs: the full row carries the article text and its findings.
    const article = statement(this.db, 'SELECT id, slug, title, version, updated_at, archived_at, archived_by FROM articles WHERE id = ?').get(articleId) as ArticleHead | undefined;
    if (!article) throw new MtReviewError('input', `no article with id ${articleId}`);
    if (article.archived_at) throw new ArchivedError(article.title, article.archived_by);
    return article;
  }

  /** Inside a write transaction: the article, the sentence and its current revision, or an error (see `writableArticle`). */
  private lockSentence(articleId: number, sentence: number): { article: ArticleHead; row: SentenceRow; current: RevisionRow | null } {
    const article = this.writableArticle(articleId);
    const row = Number.isInteger(sentence) ? this.sentenceRow(article, sentence) : undefined;
    if (!row) throw new MtReviewError('input', `article "${article.slug}" has no sentence ${sentence}`);
    const current = (statement(this.db, 'SELECT * FROM revisions WHERE article_id = ? AND slot = ? ORDER BY id DESC LIMIT 1').get(articleId, row.slot) as RevisionRow | undefined) ?? null;
    return { article, row, current };
  }

  /** Stores a revision as a patch against `mt`, after checking that the patch gives back `text` exactly. */
  private insertRevision(r: {
    articleId: number; slot: number; sentence: number; base: number | null; status: 'edited' | 'approved'; origin: string;
    reviewer: string; at: string; mt: string; text: string; restoredFrom: number | null; needsAttention: boolean;
    /** The article as the write locked it, for a save or restore: remembered states then move forward after the group commit. */
    locked?: Pick<ArticleRow, 'version' | 'updated_at'>;
  }): RevisionRow {
    const patch = makePatch(r.mt, r.text);
    const check = applyCorrection(r.mt, patch);
    if (!check.ok || check.text !== r.text) {
      throw new MtReviewError('store', 'the correction could not be stored as a patch that reproduces it exactly; nothing was saved');
    }
    const row: Omit<RevisionRow, 'id'> = {
      article_id: r.articleId, slot: r.slot, sentence: r.sentence, base_revision_id: r.base, status: r.status, origin: r.origin,
      reviewer: r.reviewer, created_at: r.at, patch, text: r.text, restored_from: r.restoredFrom, mt_hash: sha256(r.mt),
      needs_attention: r.needsAttention ? 1 : 0,
    };
    const id = Number(
      statement(this.db,
          `INSERT INTO revisions (article_id, slot, sentence, base_revision_id, status, origin, reviewer, created_at, patch, text,
             restored_from, mt_hash, needs_attention)
           VALUES (@article_id, @slot, @sentence, @base_revision_id, @status, @origin, @reviewer, @created_at, @patch, @text,
             @restored_from, @mt_hash, @needs_attention)`,
        )
        .run(row).lastInsertRowid,
    );
    const revision: RevisionRow = { id, ...row };
    const after = this.touch(r.articleId, r.at);
    if (this.batchRevisions && r.locked) {
      this.batchRevisions.push({ articleId: r.articleId, before: articleKey(r.locked), after: articleKey({ version: r.locked.version, updated_at: after }), afterUpdatedAt: after, revision });
    }
    return revision;
  }

  /**
   * Records that an article changed at `at` and returns its new `updated_at`. Remembered rows,
   * states and summaries are keyed by it, so it moves forward on every write, even two in the
   * same millisecond.
   */
  private touch(articleId: number, at: string): string {
    const row = statement(this.db,
        `UPDATE articles SET updated_at = CASE WHEN updated_at < @at THEN @at
           ELSE strftime('%Y-%m-%dT%H:%M:%fZ', updated_at, '+0.001 seconds') END WHERE id = @id RETURNING updated_at`,
      )
      .get({ at, id: articleId }) as { updated_at: string } | undefined;
    return row?.updated_at ?? at;
  }

  /** Appends an audit event. */
  private event(actor: string, action: string, articleId: number | null, sentence: number | null, detail: unknown): void {
    recordEvent(this.db, { actor, action, articleId, sentence, detail });
  }

  /**
   * Findings of the whole corrected article, from the cache when its text, segmentation and
   * glossary are unchanged. In memory they are first looked up by the article's version and last
   * change (no document to build, nothing to hash); the stored cache is keyed by content.
   */
  private findingsOf(article: ArticleRow, states: readonly SentenceState[]): Finding[] {
    const quick = `${articleKey(article)}|${this.cacheSalt}`;
    const remembered = this.findingsMemory.peek(article.id);
    if (remembered?.key === quick) return remembered.value.findings;
    const doc = correctedDocumentOf(article, states);
    const key = sha256(
      JSON.stringify([this.cacheSalt, doc.segmentation.sentences.map((s) => [s.start, s.end, s.paragraph, s.kind]), doc.segmentation.paragraphs, doc.text]),
    );
    if (remembered?.value.key === key) {
      // A change that left the text alone (a dismissal, an approval of the MT text).
      return this.findingsMemory.set(article.id, quick, remembered.value).findings;
    }
    let findings: Finding[];
    if (article.findings_key === key && article.findings_json) {
      findings = JSON.parse(article.findings_json) as Finding[];
    } else {
      findings = this.checker.check(doc.text, doc.segmentation, this.memo).findings;
      article.findings_key = key;
      article.findings_json = JSON.stringify(findings);
      if (!this.db.readonly) {
        // Stored with the next group commit rather than in a transaction (and fsync) of its own:
        // it is a cache, and a read must not wait for the disk.
        const json = article.findings_json;
        const id = article.id;
        this.groupCommit(() => statement(this.db, 'UPDATE articles SET findings_key = ?, findings_json = ? WHERE id = ?').run(key, json, id)).catch(() => {
          // A cache that could not be stored is computed again next time.
        });
      }
    }
    return this.findingsMemory.set(article.id, quick, { key, findings }).findings;
  }

  /**
   * Sentence views with findings (dismissed ones removed) and active dismissals; `only` limits them
   * to one sentence; without `withFindings` nothing is checked and every view has no findings.
   */
  private sentenceViews(article: ArticleRow, states: readonly SentenceState[], only?: number, withFindings = true): SentenceView[] {
    const findings = withFindings ? this.findingsOf(article, states) : [];
    const bySentence = new Map<number, Finding[]>();
    for (const f of findings) {
      const list = bySentence.get(f.sentence);
      if (list) list.push(f);
      else bySentence.set(f.sentence, [f]);
    }
    const dismissals = (only === undefined
      ? statement(this.db, 'SELECT * FROM dismissals WHERE article_id = ? AND undone_at IS NULL ORDER BY id').all(article.id)
      : statement(this.db, 'SELECT * FROM dismissals WHERE article_id = ? AND slot = ? AND undone_at IS NULL ORDER BY id').all(article.id, states[only]!.row.slot)) as DismissalRow[];
    const dismissedBySlot = new Map<number, DismissalRow[]>();
    for (const d of dismissals) {
      const list = dismissedBySlot.get(d.slot);
      if (list) list.push(d);
      else dismissedBySlot.set(d.slot, [d]);
    }
    return (only === undefined ? states : [states[only]!]).map((s) => {
      const idx = s.row.idx;
      const dismissed = dismissedBySlot.get(s.row.slot) ?? [];
      const gone = new Set(dismissed.map((d) => d.fingerprint));
      const open = (bySentence.get(idx) ?? []).filter((f) => !gone.has(fingerprintFinding(f, s.text)));
      return {
        index: idx,
        paragraph: s.row.paragraph,
        kind: s.row.kind,
        mtText: s.row.mt_text,
        text: s.text,
        status: s.current && !s.conflict ? s.current.status : 'open',
        current: s.current && toRevision(s.current, idx),
        needsAttention: Boolean(s.current?.needs_attention),
        conflict: s.conflict,
        findings: open,
        dismissed: dismissed.map((d) => toDismissal(d, idx)),
      };
    });
  }

  /** The key a cached summary of `article` is valid under (archiving bumps `updated_at` too). */
  private summaryKey(article: Pick<ArticleRow, 'version' | 'updated_at'>): string {
    return `${articleKey(article)}|${this.cacheSalt}`;
  }

  /** The cached corpus-page row of an article, if it is still valid. */
  private cachedSummary(article: Pick<ArticleRow, 'id' | 'version' | 'updated_at'>): ArticleSummary | undefined {
    return this.summaries.get(article.id, this.summaryKey(article));
  }

  /** The corpus-page row of an article. */
  private summaryOf(article: ArticleRow): ArticleSummary {
    const cached = this.cachedSummary(article);
    if (cached) return cached;
    const states = this.statesOf(article);
    return this.summaryFrom(article, states, this.sentenceViews(article, states));
  }

  /** The corpus-page row from already loaded states and views. */
  private summaryFrom(article: ArticleRow, states: readonly SentenceState[], views: readonly SentenceView[]): ArticleSummary {
    const summary: ArticleSummary = {
      id: article.id,
      slug: article.slug,
      title: article.title,
      path: article.path,
      sentenceCount: states.length,
      openFindings: views.reduce((n, v) => n + v.findings.length, 0),
      reviewed: states.filter((s) => s.current !== null).length,
      needsAttention: views.filter((v) => v.needsAttention).length,
      updatedAt: article.updated_at,
      archivedAt: article.archived_at,
      archivedBy: article.archived_by,
    };
    return this.summaries.set(article.id, this.summaryKey(article), summary);
  }
}

/** A revision a group commit inserted, with its article's state key (`version|updated_at`) before and after. */
interface BatchRevision {
  articleId: number;
  before: string;
  after: string;
  afterUpdatedAt: string;
  revision: RevisionRow;
}

/** A write waiting for its group commit. */
interface PendingWrite {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The export builders' input for an article. */
export function exportInputOf(article: ArticleRow, states: readonly SentenceState[], views: readonly SentenceView[]): ExportInput {
  return {
    article: {
      slug: article.slug,
      title: article.title,
      path: patchPathOf(article),
      mtHash: article.mt_hash,
    },
    mtText: article.mt_text,
    hadBom: Boolean(article.had_bom),
    segmentation: segmentationOf(article, states.map((s) => s.row)),
    sentences: views.map((v) => ({
      index: v.index,
      paragraph: v.paragraph,
      kind: v.kind,
      mt: v.mtText,
      corrected: v.text,
      status: v.status,
      reviewer: v.current?.reviewer ?? null,
      time: v.current?.createdAt ?? null,
      patch: v.current?.patch ?? null,
      needsAttention: v.needsAttention,
      conflict: v.conflict,
      findings: v.findings,
    })),
  };
}

/** The path an exported patch names: `<corpus folder>/<file>`, or `<slug>.txt` for pasted articles. */
export function patchPathOf(article: Pick<ArticleRow, 'path' | 'corpus_name' | 'slug'>): string {
  if (article.path === null) return `${article.slug}.txt`;
  return article.corpus_name ? `${article.corpus_name}/${article.path}` : article.path;
}

/** A revision row as the contract's `Revision`, at the sentence index it has now. */
function toRevision(r: RevisionRow, sentence: number): Revision {
  return {
    id: r.id,
    articleId: r.article_id,
    sentence,
    baseRevisionId: r.base_revision_id,
    status: r.status,
    reviewer: r.reviewer,
    createdAt: r.created_at,
    patch: r.patch,
    text: r.text,
    restoredFrom: r.restored_from,
  };
}

/** A dismissal row as the contract's `Dismissal`. */
function toDismissal(d: DismissalRow, sentence: number): Dismissal {
  return {
    id: d.id,
    articleId: d.article_id,
    sentence,
    fingerprint: d.fingerprint,
    ruleId: d.rule_id,
    match: d.match,
    reason: d.reason,
    reviewer: d.reviewer,
    createdAt: d.created_at,
  };
}

/** The reviewer name, trimmed; every write must say who made it. */
function requireReviewer(reviewer: string): string {
  const r = typeof reviewer === 'string' ? reviewer.trim() : '';
  if (!r) throw new MtReviewError('input', 'every change must name its reviewer');
  return r;
}

/**
 * A reviewer's rendering as stored: surrounding white space removed (a sentence has none); empty
 * renderings and blank lines (which would split the article's blocks) are refused.
 */
export function normaliseRendering(text: string): string {
  const t = typeof text === 'string' ? text.trim() : '';
  if (!t) throw new MtReviewError('input', 'the corrected sentence is empty');
  if (/\n[ \t\r]*\n/.test(t)) throw new MtReviewError('input', 'the corrected sentence contains a blank line; a sentence cannot span blocks');
  if (t.includes('\u0000')) throw new MtReviewError('input', 'the corrected sentence contains a NUL character');
  return t;
}

/** How many U+FFFD replacement characters (the trace of invalid UTF-8 decoded leniently) a text holds. */
function countReplacementChars(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
