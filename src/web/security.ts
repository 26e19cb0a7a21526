/**
 * Security middleware of the review app: helmet's headers with a strict Content-Security-Policy,
 * and double-submit CSRF tokens (csrf-csrf) bound to a random per-browser id cookie.
 */
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { doubleCsrf } from 'csrf-csrf';

/** The cookie that identifies a browser for CSRF tokens until real sessions exist. */
export const CLIENT_COOKIE = 'mt-review.client';
/** The CSRF token cookie. */
export const CSRF_COOKIE = 'mt-review.csrf';
/** The form field that carries the CSRF token (the `x-csrf-token` header works too). */
export const CSRF_FIELD = '_csrf';

/** Helmet with a CSP that allows only same-origin scripts and styles: no inline code at all. */
export function securityHeaders(secure: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'upgrade-insecure-requests': secure ? [] : null,
      },
    },
    strictTransportSecurity: secure,
  });
}

/** CSRF helpers bound to one secret. */
export interface Csrf {
  /** Rejects state-changing requests without a valid token (403). */
  protect: RequestHandler;
  /** Issues (or reuses) the token for this browser and returns it for the page's forms. */
  token(req: Request, res: Response): string;
}

/** Builds the CSRF middleware; `secret` signs tokens, `secure` marks cookies Secure. */
export function createCsrf(secret: string, secure: boolean): Csrf {
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => String(req.cookies?.[CLIENT_COOKIE] ?? ''),
    cookieName: CSRF_COOKIE,
    // 128 random bits are plenty; the token is repeated in every form of a 300-sentence page.
    size: 16,
    cookieOptions: { sameSite: 'strict', path: '/', secure, httpOnly: true },
    getCsrfTokenFromRequest: (req) => {
      const header = req.headers['x-csrf-token'];
      if (typeof header === 'string' && header !== '') return header;
      const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      return typeof field === 'string' ? field : undefined;
    },
    errorConfig: {
      statusCode: 403,
      message: 'This form has expired or did not come from this site (missing or wrong CSRF token). Reload the page and try again.',
      code: 'EBADCSRFTOKEN',
    },
  });
  return { protect: doubleCsrfProtection, token: (req, res) => generateCsrfToken(req, res) };
}

/** Gives every browser a random id cookie, the identity CSRF tokens are bound to. */
export function clientId(secure: boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const cookies = (req.cookies ??= {}) as Record<string, string>;
    if (typeof cookies[CLIENT_COOKIE] !== 'string' || cookies[CLIENT_COOKIE] === '') {
      const id = randomBytes(18).toString('base64url');
      cookies[CLIENT_COOKIE] = id;
      res.cookie(CLIENT_COOKIE, id, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: 365 * 24 * 3600 * 1000 });
    }
    next();
  };
}
