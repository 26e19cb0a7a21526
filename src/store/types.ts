/**
 * The review store's contract: what the web app, the CLI's `export` and `check --corrected`, and
 * the accounts layer may ask of storage. Implemented over SQLite (better-sqlite3) in this folder.
 */
import type { Finding, Glossary, Segmentation } from '../core/types.js';

/** A reviewer's saved rendering of one sentence. Revisions are never deleted, only superseded. */
export interface Revision {
  id: number;
  articleId: number;
  /** Sentence index in the article's MT segmentation. */
  sentence: number;
  /** The revision this one was made on top of (null for the first revision of a sentence). */
  baseRevisionId: number | null;
  /** `edited`: a corrected rendering; `approved`: the MT text accepted unchanged (patch is empty). */
  status: 'edited' | 'approved';
  reviewer: string;
  /** ISO 8601 UTC time of the save. */
  createdAt: string;
  /** Unified patch (jsdiff `createPatch`) from the MT sentence to the corrected rendering. */
  patch: string;
  /** The corrected rendering the patch produces (stored for speed; the patch is the source of truth). */
  text: string;
  /** The revision this one restores, when it is a restore. */
  restoredFrom: number | null;
}

/** A finding the reviewer marked as a false positive. Undoing it supersedes it, never deletes it. */
export interface Dismissal {
  id: number;
  articleId: number;
  sentence: number;
  /** Stable fingerprint of the finding (check, rule and matched text in its sentence). */
  fingerprint: string;
  ruleId: string;
  match: string;
  reason: string;
  reviewer: string;
  createdAt: string;
}

/** One row of the corpus page. */
export interface ArticleSummary {
  id: number;
  /** URL-safe, unique name derived from the file name (`2020-09-14-putin-lukashenko-sochi-loan`). */
  slug: string;
  title: string;
  /** Corpus file name relative to the corpus folder, or null for pasted/uploaded articles. */
  path: string | null;
  sentenceCount: number;
  /** Findings on the current renderings, minus dismissed ones. */
  openFindings: number;
  /** Sentences with a current revision (edited or approved). */
  reviewed: number;
  /** Sentences whose MT text changed under an existing review. */
  needsAttention: number;
  /** ISO 8601 UTC time of the last change (import, save, dismissal, archiving). */
  updatedAt: string;
  /** When an admin archived the article (hidden from the corpus page, nothing deleted), or null. */
  archivedAt: string | null;
  /** Who archived it, or null. */
  archivedBy: string | null;
}

/** Review state of one sentence. */
export type SentenceStatus = 'open' | 'edited' | 'approved';

/** One sentence as the article page shows it. */
export interface SentenceView {
  index: number;
  paragraph: number;
  kind: 'headline' | 'body';
  mtText: string;
  /** The current corrected rendering (the MT text when there is no revision). */
  text: string;
  status: SentenceStatus;
  current: Revision | null;
  /** The MT text changed since the current revision was made; its patch was re-applied if it fit. */
  needsAttention: boolean;
  /** Set when the current revision's patch no longer applies to the MT text. */
  conflict: boolean;
  /** Findings on `text`, ranges relative to `text`, dismissed ones removed. */
  findings: Finding[];
  /** Active dismissals for this sentence. */
  dismissed: Dismissal[];
}

/** An article with its sentences, for the article page and export. */
export interface ArticleView {
  summary: ArticleSummary;
  /** The MT text exactly as imported. */
  mtText: string;
  segmentation: Segmentation;
  sentences: SentenceView[];
}

/** Raised when a save is based on a revision that is no longer current (HTTP 409). */
export class ConflictError extends Error {
  constructor(
    /** The revision that is current now (null if the sentence has none). */
    readonly current: Revision | null,
    /** The text the refused save wanted to store. */
    readonly yours: string,
  ) {
    super('this sentence was changed by someone else since you opened it');
    this.name = 'ConflictError';
  }
}

/** Raised by a write to an archived article, which stays read-only until an admin restores it (HTTP 409). */
export class ArchivedError extends Error {
  readonly status = 409;
  constructor(title: string, archivedBy: string | null) {
    super(`“${title}” is archived (by ${archivedBy ?? 'an admin'}); an admin must restore it before it can be edited.`);
    this.name = 'ArchivedError';
  }
}

/** What a save asks for. */
export interface SaveRequest {
  articleId: number;
  sentence: number;
  /** The revision the reviewer's page showed as current (null when it showed none). */
  baseRevisionId: number | null;
  text: string;
  status: 'edited' | 'approved';
  reviewer: string;
}

/** What importing a corpus folder did. */
export interface ImportReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** One-line messages for files that could not be imported (binary, invalid UTF-8, …). */
  errors: string[];
}

/** Export formats of `mt-review export` and the article page. */
export type ExportFormat = 'txt' | 'md' | 'json' | 'patch';

/** The review store. All methods are synchronous (better-sqlite3) and transactional. */
export interface ReviewStore {
  /** Imports or re-imports every `*.txt` file of a corpus folder; unchanged files are skipped by hash. */
  importCorpus(dir: string): ImportReport;
  /** Imports pasted or uploaded text as a new article (throws `MtReviewError` on bad input). */
  importText(name: string, text: string, by: string): ArticleSummary;
  /** Corpus page rows, filtered by a title search, paged. */
  listArticles(query?: { q?: string; offset?: number; limit?: number; archived?: boolean }): { total: number; items: ArticleSummary[] };
  /** Archives an article (admin): hidden from the corpus page, nothing deleted; recorded in `events`. */
  archiveArticle(id: number, by: string, reason?: string): ArticleSummary;
  /** Brings an archived article back; recorded in `events`. */
  unarchiveArticle(id: number, by: string): ArticleSummary;
  /** Looks an article up by slug. */
  findArticle(slug: string): ArticleSummary | undefined;
  /** The article with every sentence's current state and findings. */
  getArticle(id: number): ArticleView | undefined;
  /** One sentence's current state and findings. */
  getSentence(articleId: number, sentence: number): SentenceView | undefined;
  /** Saves a revision; throws `ConflictError` when `baseRevisionId` is no longer current. */
  saveRevision(req: SaveRequest): Revision;
  /** Every revision of a sentence, oldest first. */
  history(articleId: number, sentence: number): Revision[];
  /** Makes an earlier revision current again as a new revision (conflict rules as for a save). */
  restoreRevision(articleId: number, sentence: number, revisionId: number, baseRevisionId: number | null, reviewer: string): Revision;
  /** Marks a finding as a false positive. */
  dismiss(d: { articleId: number; sentence: number; fingerprint: string; ruleId: string; match: string; reason: string; reviewer: string }): Dismissal;
  /** Undoes a dismissal (recorded, not deleted). */
  undismiss(dismissalId: number, reviewer: string): void;
  /** The article's text in `format`, built by applying the stored patches. */
  exportArticle(id: number, format: ExportFormat): string;
  /**
   * Runs a write (`saveRevision`, `dismiss`, …) in the next group commit and resolves once it is
   * durable: concurrent writes share one transaction and one fsync; a throwing write changes
   * nothing and rejects alone.
   */
  groupCommit<T>(write: () => T): Promise<T>;
  /** Switches the glossary findings are computed with; cached findings of the old one are ignored. */
  setGlossary(glossary: Glossary): void;
  /** Closes the database cleanly. */
  close(): void;
}
