/**
 * The article page (sentences with findings and editors), the article's diff view, and exports.
 */
import type { NextFunction, Request, Response } from 'express';
import { ArchivedError, type ArticleSummary, type ArticleView, type ExportFormat } from '../../store/types.js';
import { storeOf, wantsJson } from '../context.js';
import { paragraphsOf, parseFilter, presentSentence, progressOf, PROTOTYPE_SENTENCE } from '../present.js';
import { requiredActor } from '../reviewer.js';
import { BadRequest, NotFound } from './errors.js';

/** Most slugs remembered by `loadArticle` before the memory is cleared. */
const SLUG_MEMORY = 10_000;

/**
 * `load` middleware: turns `:slug` into `res.locals.summary`, or a 404. Routes use only the
 * summary's id, slug, title, path and archived state, which change only through this app
 * (archiving forgets the remembered summary), so found summaries are remembered: summarising an
 * article costs more than a save. Counts come from the fresh views the pages load.
 */
export function loadArticle(req: Request, res: Response, next: NextFunction): void {
  const slug = String(req.params.slug);
  const memory = (req.app.locals.articleMemory ??= new Map<string, ArticleSummary>()) as Map<string, ArticleSummary>;
  let summary = memory.get(slug);
  if (!summary) {
    summary = storeOf(req).findArticle(slug);
    if (!summary) throw new NotFound(`There is no article “${slug}”.`);
    if (memory.size >= SLUG_MEMORY) memory.clear();
    memory.set(slug, summary);
  }
  res.locals.summary = summary;
  next();
}

/**
 * `guard` middleware for writes to an article's sentences: an archived article is read-only. The
 * store refuses such writes itself (in the write's transaction); this answers early, before the
 * reviewer is asked for a name or a suggestion is looked up, with the store's own error.
 */
export function refuseArchived(req: Request, res: Response, next: NextFunction): void {
  const summary = res.locals.summary as ArticleSummary;
  if (summary.archivedAt) throw new ArchivedError(summary.title, summary.archivedBy);
  next();
}

/** Forgets the remembered summary of an article whose archived state changed. */
function forget(req: Request, slug: string): void {
  (req.app.locals.articleMemory as Map<string, ArticleSummary> | undefined)?.delete(slug);
}

/**
 * POST `/articles/:slug/archive` (admin): hides the article from the corpus page; every MT
 * version, revision and dismissal is kept, and the event records who, when and why.
 */
export async function archiveArticle(req: Request, res: Response): Promise<void> {
  const summary = res.locals.summary as ArticleSummary;
  const body = (req.body ?? {}) as Record<string, unknown>;
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (reason.length > 500) throw new BadRequest('The reason is longer than 500 characters.');
  const store = storeOf(req);
  const archived = await store.groupCommit(() => store.archiveArticle(summary.id, requiredActor(res), reason));
  forget(req, summary.slug);
  if (wantsJson(req)) {
    res.json({ article: archived });
    return;
  }
  res.redirect(303, `/articles/${encodeURIComponent(summary.slug)}`);
}

/** POST `/articles/:slug/unarchive` (admin): brings an archived article back to the corpus page. */
export async function unarchiveArticle(req: Request, res: Response): Promise<void> {
  const summary = res.locals.summary as ArticleSummary;
  const store = storeOf(req);
  const restored = await store.groupCommit(() => store.unarchiveArticle(summary.id, requiredActor(res)));
  forget(req, summary.slug);
  if (wantsJson(req)) {
    res.json({ article: restored });
    return;
  }
  res.redirect(303, `/articles/${encodeURIComponent(summary.slug)}`);
}

/** The loaded article's full view (a 404 if it vanished meanwhile). */
export function articleOf(req: Request, res: Response): ArticleView {
  const summary = res.locals.summary as ArticleSummary;
  const article = storeOf(req).getArticle(summary.id);
  if (!article) throw new NotFound(`There is no article “${summary.slug}”.`);
  return article;
}

/** GET `/articles/:slug`: every sentence with its findings and an editor; `?filter=` narrows. */
export function showArticle(req: Request, res: Response): void {
  const article = articleOf(req, res);
  const filter = parseFilter(req.query.filter);
  const progress = progressOf(article);
  if (wantsJson(req)) {
    res.json({ article: article.summary, progress, sentences: article.sentences.map(presentSentence) });
    return;
  }
  const paragraphs = paragraphsOf(article, filter);
  const shown = paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  res.render('article', { title: article.summary.title, article: article.summary, paragraphs, progress, filter, shown, prototype: PROTOTYPE_SENTENCE });
}

/** GET `/articles/:slug/diff`: every correction as a word diff, and the unified patch. */
export function showDiff(req: Request, res: Response): void {
  const article = articleOf(req, res);
  const changed = article.sentences.filter((s) => s.text !== s.mtText).map(presentSentence);
  const patch = storeOf(req).exportArticle(article.summary.id, 'patch');
  res.render('diff', { title: `Changes: ${article.summary.title}`, article: article.summary, changed, patch, progress: progressOf(article) });
}

/** Content types of the export formats. */
const EXPORT_TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  patch: 'text/x-diff; charset=utf-8',
};

/** GET `/articles/:slug/export.(txt|md|json|patch)`: the reviewed article as a download. */
export function exportArticle(req: Request, res: Response): void {
  const format = String(req.params.format);
  if (!Object.hasOwn(EXPORT_TYPES, format)) throw new NotFound(`There is no “${format}” export; use txt, md, json or patch.`);
  const summary = res.locals.summary as ArticleSummary;
  const body = storeOf(req).exportArticle(summary.id, format as ExportFormat);
  res.attachment(`${summary.slug}.${format}`);
  res.set('Content-Type', EXPORT_TYPES[format as ExportFormat]);
  res.set('Cache-Control', 'no-store');
  res.send(body);
}
