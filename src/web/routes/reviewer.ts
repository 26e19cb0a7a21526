/**
 * The reviewer-name form: the name is asked once and remembered by the browser in a cookie.
 */
import type { Request, Response } from 'express';
import { wantsJson } from '../context.js';
import { cleanReviewerName, rememberReviewer, safeReturnPath } from '../reviewer.js';

/** GET `/reviewer`: the form to enter or change the reviewer name. */
export function showReviewerForm(req: Request, res: Response): void {
  res.render('reviewer', { title: 'Your name', next: safeReturnPath(req.query.next), error: null });
}

/** POST `/reviewer`: remembers the name and returns to `next` (refused when names come from accounts). */
export function setReviewer(req: Request, res: Response): void {
  if (res.locals.accounts) {
    const error = 'You are signed in: your reviewer name is your account name.';
    if (wantsJson(req)) res.status(403).json({ error });
    else res.status(403).render('error', { title: 'Name comes from your account', heading: 'Name comes from your account', message: error, status: 403 });
    return;
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  const name = cleanReviewerName(body.reviewer);
  const next = safeReturnPath(body.next);
  if (!name) {
    const error = 'Enter a name of 1 to 80 characters (it is recorded with every change you save).';
    if (wantsJson(req)) {
      res.status(400).json({ error });
      return;
    }
    res.status(400).render('reviewer', { title: 'Your name', next, error });
    return;
  }
  rememberReviewer(res, name, Boolean(req.app.locals.secureCookies));
  if (wantsJson(req)) {
    res.json({ reviewer: name });
    return;
  }
  res.redirect(303, next);
}
