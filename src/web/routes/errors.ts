/**
 * The errors routes throw, the 404 fall-through and the one error handler: a clear message as a
 * page or JSON, never a stack trace (server errors are logged instead).
 */
import type { NextFunction, Request, Response } from 'express';
import { MtReviewError } from '../../core/types.js';
import { wantsJson } from '../context.js';

/** A 404 for a thing that does not exist, handled by the app's error handler. */
export class NotFound extends Error {
  readonly status = 404;
}

/** A request the user can fix (400), shown as a page or JSON by the error handler. */
export class BadRequest extends Error {
  readonly status = 400;
}

/** The 404 fall-through for every path no route answered. */
export function notFound(req: Request, res: Response): void {
  sendError(req, res, 404, 'Page not found', `There is nothing at ${req.path}.`);
}

/** What a client sees for an error: status, heading and one clear sentence. */
interface Shown {
  status: number;
  heading: string;
  message: string;
}

/** Maps an error to what the user sees; unknown errors are a 500 with a generic message. */
function describe(err: unknown): Shown | undefined {
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown; code?: unknown; message?: unknown; expose?: unknown };
  if (e?.code === 'EBADCSRFTOKEN') return { status: 403, heading: 'Form expired or forged', message: String(e.message) };
  if (e?.type === 'entity.too.large') return { status: 413, heading: 'Too large', message: 'The request is too large: forms and JSON are limited to 1 MB.' };
  if (e?.type === 'entity.verify.failed') return { status: 400, heading: 'Not UTF-8', message: String(e.message) };
  if (e?.type === 'entity.parse.failed') return { status: 400, heading: 'Malformed request', message: 'The request body is not valid JSON.' };
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return { status: 415, heading: 'Unsupported encoding', message: 'Send the request body as UTF-8.' };
  if (err instanceof MtReviewError) return { status: 400, heading: 'Cannot do that', message: err.toString() };
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status === 404) return { status, heading: 'Not found', message: String(e.message) };
  if (status !== undefined && status >= 400 && status < 500) return { status, heading: 'Cannot do that', message: String(e.message) };
  return undefined;
}

/** The one error handler: user errors get their message, everything else is logged and hidden. */
export function handleError(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) {
    next(err);
    return;
  }
  let shown = describe(err);
  if (!shown) {
    const log = req.app.locals.log as (message: string) => void;
    log(`mt-review: ${req.method} ${req.originalUrl} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    shown = { status: 500, heading: 'Something went wrong', message: 'The server could not finish this request. It has been logged; try again, and if it keeps failing tell the maintainers.' };
  }
  sendError(req, res, shown.status, shown.heading, shown.message);
}

/** Sends an error as JSON or as the error page. */
function sendError(req: Request, res: Response, status: number, heading: string, message: string): void {
  res.status(status);
  if (wantsJson(req)) {
    res.json({ error: message });
    return;
  }
  res.render('error', { title: heading, heading, message, status }, (renderError: Error | null, html?: string) => {
    if (renderError) {
      (req.app.locals.log as (message: string) => void)(`mt-review: error page failed: ${renderError.stack ?? renderError.message}`);
      res.type('text/plain').send(`${heading}: ${message}`);
      return;
    }
    res.send(html);
  });
}
