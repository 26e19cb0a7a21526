/**
 * The corpus page (every article, searchable and paged) and importing a new MT article by paste
 * or `.txt` upload.
 */
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { decodeUtf8 } from '../../core/decode.js';
import { MtReviewError } from '../../core/types.js';
import { storeOf, wantsJson } from '../context.js';
import { actorOf } from '../reviewer.js';

/** Articles per corpus page. */
export const PAGE_SIZE = 50;
/** Largest accepted upload or pasted article, in bytes. */
export const IMPORT_LIMIT = 2 * 1024 * 1024;

/** Values the import form is re-shown with after a refusal. */
interface ImportForm {
  title: string;
  error: string | null;
}

/** Renders the corpus page for a query, with an optional import message and status. */
function renderCorpus(req: Request, res: Response, form: ImportForm, status = 200): void {
  const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 200) : '';
  const requested = Number.parseInt(typeof req.query.page === 'string' ? req.query.page : '1', 10);
  const page = Number.isFinite(requested) && requested > 0 ? requested : 1;
  const archived = req.query.archived === '1';
  const store = storeOf(req);
  const { total, items } = store.listArticles({ q, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, archived });
  // How many articles are archived, for the corpus page's link to them (the archived page does not show it).
  const otherTotal = archived ? undefined : store.listArticles({ limit: 0, archived: true }).total;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  res.status(status).render('corpus', { title: archived ? 'Archived articles' : 'Corpus', q, page, pages, total, items, form, pageSize: PAGE_SIZE, archived, otherTotal });
}

/** GET `/`: the corpus page. */
export function listArticles(req: Request, res: Response): void {
  if (wantsJson(req)) {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    const offset = Math.max(0, Number.parseInt(String(req.query.offset ?? '0'), 10) || 0);
    const limit = Math.min(200, Math.max(1, Number.parseInt(String(req.query.limit ?? PAGE_SIZE), 10) || PAGE_SIZE));
    res.json(storeOf(req).listArticles({ q, offset, limit, archived: req.query.archived === '1' }));
    return;
  }
  renderCorpus(req, res, { title: '', error: null });
}

/** Parses the import form (multipart: title, text, file) into memory, within the size limit. */
export const importUpload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: IMPORT_LIMIT, fieldSize: IMPORT_LIMIT, files: 1, fields: 10, parts: 12 },
}).single('file');

/** A refused import: 400 (bad input) or 413 (too large). */
class ImportRefused extends Error {
  constructor(readonly status: 400 | 413, message: string) {
    super(message);
  }
}

/** POST `/import`: imports pasted text or an uploaded `.txt` file as a new article. */
export function importArticle(req: Request, res: Response): void {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const title = typeof body.title === 'string' ? body.title.trim() : '';
  const file = req.file;
  let text: string;
  let name: string;
  if (file && file.size > 0) {
    if (!/\.txt$/i.test(file.originalname)) throw new ImportRefused(400, `“${file.originalname}” is not a .txt file. Upload a plain-text (.txt) article.`);
    try {
      text = decodeUtf8(file.buffer, file.originalname).text;
    } catch (err) {
      if (err instanceof MtReviewError) throw new ImportRefused(400, `Could not import ${err.toString()}.`);
      throw err;
    }
    name = title || file.originalname.replace(/\.txt$/i, '');
  } else if (file) {
    throw new ImportRefused(400, `The file “${file.originalname}” is empty. Choose a file with the article's text.`);
  } else {
    text = typeof body.text === 'string' ? body.text : '';
    if (text.includes('\u0000')) throw new ImportRefused(400, 'The pasted text contains binary data (a NUL character). Paste plain text.');
    name = title || 'Pasted article';
  }
  if (text.trim() === '') throw new ImportRefused(400, 'The article is empty. Paste its text or choose a .txt file.');
  let summary;
  try {
    summary = storeOf(req).importText(name, text, actorOf(res) ?? 'anonymous');
  } catch (err) {
    if (err instanceof MtReviewError) throw new ImportRefused(400, `Could not import: ${err.toString()}.`);
    throw err;
  }
  if (wantsJson(req)) {
    res.status(201).json({ article: summary, url: `/articles/${encodeURIComponent(summary.slug)}` });
    return;
  }
  res.redirect(303, `/articles/${encodeURIComponent(summary.slug)}`);
}

/** Error handler of the import route: refused or oversized input is shown on the corpus page. */
export function importFailed(err: unknown, req: Request, res: Response, next: NextFunction): void {
  let refusal: ImportRefused | undefined;
  if (err instanceof ImportRefused) refusal = err;
  else if (err instanceof multer.MulterError) {
    refusal = err.code === 'LIMIT_FILE_SIZE' || err.code === 'LIMIT_FIELD_VALUE'
      ? new ImportRefused(413, 'The article is too large: the limit is 2 MB. Split it or remove what is not article text.')
      : new ImportRefused(400, `The import form was not understood (${err.message}). Use the form on this page.`);
  }
  if (!refusal) {
    next(err);
    return;
  }
  if (wantsJson(req)) {
    res.status(refusal.status).json({ error: refusal.message });
    return;
  }
  const title = typeof req.body?.title === 'string' ? (req.body.title as string) : '';
  renderCorpus(req, res, { title, error: refusal.message }, refusal.status);
}
