/**
 * Reviewer identity until accounts exist: a name the reviewer enters once, kept in a cookie.
 * `identify` is the one place that sets `res.locals.reviewer`; the accounts layer replaces it.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The cookie holding the reviewer's name. */
export const REVIEWER_COOKIE = 'mt-review.reviewer';

/** A valid reviewer name, trimmed, or undefined: 1–80 characters, no control characters. */
export function cleanReviewerName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().replace(/\s+/g, ' ');
  // eslint-disable-next-line no-control-regex
  if (name === '' || name.length > 80 || /[\u0000-\u001f\u007f]/.test(name)) return undefined;
  return name;
}

/** Sets `res.locals.reviewer` from the name cookie (undefined when the reviewer has none yet). */
export function identify(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.reviewer = cleanReviewerName(req.cookies?.[REVIEWER_COOKIE]);
    next();
  };
}

/** Remembers a reviewer name in the browser for a year. */
export function rememberReviewer(res: Response, name: string, secure: boolean): void {
  res.cookie(REVIEWER_COOKIE, name, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 365 * 24 * 3600 * 1000 });
  res.locals.reviewer = name;
}

/** A local path to return to after a form (`/…`, never another site), or `fallback`. */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
