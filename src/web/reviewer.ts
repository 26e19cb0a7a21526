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

/**
 * Who is acting, for every record of a change: `res.locals.reviewer`, which is the signed-in user
 * with accounts and the name the reviewer gave without them (undefined until one is given).
 */
export function actorOf(res: Response): string | undefined {
  return res.locals.reviewer as string | undefined;
}

/** The actor of a request that `requireReviewer` let through (it has one by then). */
export function requiredActor(res: Response): string {
  const actor = actorOf(res);
  if (actor === undefined) throw new Error('requiredActor: the route must run after requireReviewer');
  return actor;
}

/**
 * Takes a form's `reviewer` field as the reviewer's name and remembers it, when there are no
 * accounts (with accounts the actor is the signed-in user, never a name the request carries).
 */
export function takeGivenName(req: Request, res: Response): void {
  const given = res.locals.accounts ? undefined : cleanReviewerName((req.body as Record<string, unknown> | undefined)?.reviewer);
  if (given) rememberReviewer(res, given, Boolean(req.app.locals.secureCookies));
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
