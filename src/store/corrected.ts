/**
 * Corrected documents straight from the database, for `mt-review check --corrected`.
 */
import { MtReviewError, type Segmentation } from '../core/types.js';
import { openDatabaseReadOnly } from './connection.js';
import { correctedDocumentOf, loadStates, patchPathOf, type ArticleRow } from './review-store.js';

/** One article's corrected text, named by its corpus path, with sentences mapped to the MT's indices. */
export interface CorrectedDocumentFile {
  /** `corpus/<file>` for corpus articles, `<slug>.txt` for pasted ones. */
  path: string;
  text: string;
  segmentation: Segmentation;
}

/**
 * Opens the database read-only and returns the corrected text of the named articles (slugs or
 * corpus file names; empty = every article not archived, ordered by slug); an unknown name is an
 * `MtReviewError`. An archived article is still given when it is named.
 */
export function loadCorrectedDocuments(dbPath: string, articles: string[]): CorrectedDocumentFile[] {
  const db = openDatabaseReadOnly(dbPath);
  try {
    let rows: ArticleRow[];
    if (articles.length === 0) {
      rows = db.prepare('SELECT * FROM articles WHERE archived_at IS NULL ORDER BY slug').all() as ArticleRow[];
    } else {
      rows = articles.map((name) => findArticleRow(db, name));
    }
    return rows.map((article) => {
      const doc = correctedDocumentOf(article, loadStates(db, article));
      return { path: patchPathOf(article), text: doc.text, segmentation: doc.segmentation };
    });
  } finally {
    db.close();
  }
}

/** Finds an article by slug, corpus file name (with or without `.txt`) or `<corpus>/<file>` path. */
export function findArticleRow(db: import('better-sqlite3').Database, name: string): ArticleRow {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? name;
  const row = (db.prepare('SELECT * FROM articles WHERE slug = ?').get(name) ??
    db.prepare('SELECT * FROM articles WHERE path = ? ORDER BY id LIMIT 1').get(base) ??
    db.prepare('SELECT * FROM articles WHERE path = ? ORDER BY id LIMIT 1').get(`${base}.txt`) ??
    db.prepare('SELECT * FROM articles WHERE slug = ?').get(base.replace(/\.txt$/i, ''))) as ArticleRow | undefined;
  if (!row) throw new MtReviewError('input', `no article "${name}" in the database (give a slug or a corpus file name)`);
  return row;
}
