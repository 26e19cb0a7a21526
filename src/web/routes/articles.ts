/**
 * The article page (sentences with findings and editors), the article's diff view, and exports.
 */
import type { NextFunction, Request, Response } from 'express';
import type { ArticleSummary, ArticleView, ExportFormat } from '../../store/types.js';
import { storeOf, wantsJson } from '../context.js';
import { paragraphsOf, parseFilter, presentSentence, progressOf, PROTOTYPE_SENTENCE } from '../present.js';

/** A 404 for a thing that does not exist, handled by the app's error handler. */
export class NotFound extends Error {
  readonly status = 404;
}

/** Most slugs remembered by `loadArticle` before the memory is cleared. */
const SLUG_MEMORY = 10_000;

/**
 * `load` middleware: turns `:slug` into `res.locals.summary`, or a 404. Routes use only the
 * summary's id, slug, title and path, which never change while the server runs (articles are
 * added, never renamed or removed), so found summaries are remembered: summarising an article
 * costs more than a save. Counts come from the fresh views the pages load.
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
