/**
 * Accounts for the review web app, as one self-contained piece the app mounts:
 *
 *   const auth = createAuth({ db, secure, trustProxy, localMode });
 *   app.use(auth.session); app.use(auth.identify);   // after cookie-parser and the name-cookie identify
 *   app.use(auth.router);                             // GET/POST /login, POST /logout (after csrf.protect)
 *   app.use(auth.requireLogin);                       // everything below needs a signed-in user
 *   app.post('/import', auth.requireRole('admin'), …) // admin-only routes
 *
 * It sets `res.locals.user` ({username, role}), `res.locals.reviewer` (the username),
 * `res.locals.localMode` (true when the server runs as one local user without accounts) and
 * `res.locals.accounts` (true when identity comes from a login: then no route may take a
 * reviewer name from the request body or a cookie).
 */
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import ejs from 'ejs';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import session from 'express-session';
import { recordAuthEvent } from './audit.js';
import { SqliteSessionStore, sessionSecret } from './session-store.js';
import { LoginThrottle, type ThrottleOptions } from './throttle.js';
import { findActiveUser, roleAllows, verifyUser, type AuthUser, type Role } from './users.js';

export { decideAccessMode, enforceAccessMode, isLoopbackHost, type AccessMode } from './access-mode.js';
export { addUser, changePassword, countActiveUsers, listUsers, removeUser, verifyUser, type AuthUser, type Role, type UserInfo } from './users.js';
export { SqliteSessionStore } from './session-store.js';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in account (re-checked against the users table on every request). */
    user?: AuthUser;
  }
}

/** How accounts are set up. */
export interface AuthOptions {
  /** The store's database handle (tables `users`, `sessions`, and optionally `events`). */
  db: Database;
  /** Served over HTTPS: the session cookie is marked `Secure`. */
  secure: boolean;
  /** Behind a reverse proxy: `req.ip` and `req.secure` come from X-Forwarded-* (the app must also `app.set('trust proxy', 1)`). */
  trustProxy: boolean;
  /** One local user, no login (loopback without accounts; see `decideAccessMode`). */
  localMode: boolean;
  /** Signs session cookies; by default a random secret kept in the database, so sessions survive restarts. */
  secret?: string;
  /** Failed-login throttle settings (default: 5 failures per 15 minutes, per account and per address). */
  throttle?: ThrottleOptions;
  /** Session lifetime in milliseconds (default 12 hours, extended while in use). */
  sessionTtlMs?: number;
}

/** What `createAuth` returns: middleware and a router, all to be mounted by the app. */
export interface Auth {
  /** Session handling (express-session over the `sessions` table); a pass-through in local mode. */
  session: RequestHandler[];
  /** Sets `res.locals.user`, `res.locals.reviewer` and `res.locals.localMode`. */
  identify: RequestHandler;
  /** Lets signed-in users through; redirects pages to /login?next=…, answers 401 to JSON clients. */
  requireLogin: RequestHandler;
  /** Like `requireLogin`, then 403 unless the user holds `role` (admin holds every role). */
  requireRole(role: Role): RequestHandler;
  /** GET /login, POST /login, POST /logout. */
  router: Router;
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'mt-review.sid';

/** The login page template. */
const LOGIN_VIEW = fileURLToPath(new URL('../../../views/auth/login.ejs', import.meta.url));

/** One message for every failed login, so a response never tells whether the account exists. */
export const LOGIN_FAILED = 'Wrong username or password.';

/** A local path to return to after login (`/…`), never another site; `/` otherwise. */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f]/.test(value)) return '/';
  if (value.startsWith('/login') || value.startsWith('/logout')) return '/';
  return value;
}

/** True when the client wants JSON rather than a page. */
function wantsJson(req: Request): boolean {
  if (req.is('application/json')) return true;
  return req.accepts(['html', 'json']) === 'json';
}

/** Builds the accounts middleware and login routes over a database handle. */
export function createAuth(options: AuthOptions): Auth {
  const { db, secure, localMode } = options;
  const throttle = new LoginThrottle(options.throttle);

  // Local mode needs no session; a pass-through keeps `app.use(auth.session)` valid either way.
  const sessionHandlers: RequestHandler[] = localMode
    ? [(_req, _res, next) => next()]
    : [
        session({
          name: SESSION_COOKIE,
          secret: options.secret ?? sessionSecret(db),
          store: new SqliteSessionStore(db),
          resave: false,
          saveUninitialized: false,
          rolling: true,
          proxy: options.trustProxy,
          cookie: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: options.sessionTtlMs ?? 12 * 60 * 60 * 1000 },
        }),
      ];

  const identify: RequestHandler = (req, res, next) => {
    if (localMode) {
      res.locals.localMode = true;
      res.locals.accounts = false;
      // The name-cookie identity (if the app set one) still names the reviewer on revisions;
      // without one the app's own name prompt decides, so `reviewer` is left as it is.
      res.locals.user = { username: (res.locals.reviewer as string | undefined) ?? 'local', role: 'admin' } satisfies AuthUser;
      return next();
    }
    res.locals.localMode = false;
    // With accounts the reviewer is the signed-in user: routes must not take a name from the request.
    res.locals.accounts = true;
    res.locals.user = undefined;
    res.locals.reviewer = undefined;
    const claimed = req.session?.user;
    if (claimed) {
      // Re-read the account: a removed account or a changed role takes effect on the next request.
      const user = findActiveUser(db, claimed.username);
      if (user) {
        if (user.role !== claimed.role) req.session.user = user;
        res.locals.user = user;
        res.locals.reviewer = user.username;
      } else {
        delete req.session.user;
      }
    }
    next();
  };

  const denyAnonymous = (req: Request, res: Response): void => {
    if (wantsJson(req)) {
      res.status(401).json({ error: 'login required', login: '/login' });
    } else {
      // Only a page can be returned to: after a refused form post, go back to the start page.
      const back = req.method === 'GET' || req.method === 'HEAD' ? safeNext(req.originalUrl) : '/';
      res.redirect(303, `/login?next=${encodeURIComponent(back)}`);
    }
  };

  const requireLogin: RequestHandler = (req, res, next) => {
    if (localMode || res.locals.user) return next();
    denyAnonymous(req, res);
  };

  const requireRole = (role: Role): RequestHandler => (req, res, next) => {
    const user = res.locals.user as AuthUser | undefined;
    if (!localMode && !user) return denyAnonymous(req, res);
    if (localMode || roleAllows(user!.role, role)) return next();
    const message = `This needs the ${role} role; you are signed in as ${user!.username} (${user!.role}).`;
    if (wantsJson(req)) res.status(403).json({ error: message });
    else res.status(403).type('text/plain').send(message);
  };

  const router = express.Router();
  const parseForm = [express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }), express.json({ limit: '16kb' })];

  const renderLogin = async (res: Response, status: number, locals: { next: string; username?: string; error?: string }): Promise<void> => {
    // Defaults for what the shared page head reads, for apps that set none of it.
    const defaults = { title: 'Sign in', reviewer: undefined, currentPath: res.req.originalUrl, username: '', error: undefined };
    const html = await ejs.renderFile(LOGIN_VIEW, { ...defaults, ...res.locals, title: 'Sign in', ...locals });
    res.status(status).type('html').send(html);
  };

  router.get('/login', async (req, res) => {
    const next = safeNext(req.query.next);
    if (localMode || res.locals.user) return res.redirect(303, next);
    await renderLogin(res, 200, { next });
  });

  router.post('/login', ...parseForm, async (req: Request, res: Response, next: NextFunction) => {
    if (localMode) return res.redirect(303, '/');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const target = safeNext(body.next);
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    // IPv6 clients are counted per /56 (one customer's allocation), or rotating addresses would evade the count.
    const keys = [`account:${username.toLowerCase()}`, `address:${address === 'unknown' ? address : ipKeyGenerator(address)}`];

    const wait = Math.max(...keys.map((k) => throttle.retryAfter(k)));
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      const message = `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute(s).`;
      if (wantsJson(req)) return void res.status(429).json({ error: message });
      return renderLogin(res, 429, { next: target, username, error: message });
    }

    // Count the attempt as failed before the (slow) hash check, so a burst of parallel guesses
    // cannot all pass the limit while the first ones are still being verified.
    for (const k of keys) throttle.fail(k);
    const user = username && password ? await verifyUser(db, username, password) : null;
    if (!user) {
      recordAuthEvent(db, { action: 'login-failed', actor: null, subject: username.slice(0, 64), detail: { address } });
      if (wantsJson(req)) return void res.status(401).json({ error: LOGIN_FAILED });
      return renderLogin(res, 401, { next: target, username, error: LOGIN_FAILED });
    }
    throttle.reset(keys[0]!);
    throttle.forgive(keys[1]!);
    // A fresh session id on login: a session id planted before login is worthless after it.
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.user = user;
      req.session.save((saveErr) => {
        if (saveErr) return next(saveErr);
        recordAuthEvent(db, { action: 'login', actor: user.username, detail: { address } });
        if (wantsJson(req)) res.json({ ok: true, user, next: target });
        else res.redirect(303, target);
      });
    });
  });

  router.post('/logout', (req: Request, res: Response, next: NextFunction) => {
    const done = (): void => {
      res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      if (wantsJson(req)) res.json({ ok: true });
      else res.redirect(303, localMode ? '/' : '/login');
    };
    if (localMode || !req.session) return done();
    const who = req.session.user?.username ?? null;
    req.session.destroy((err) => {
      if (err) return next(err);
      if (who) recordAuthEvent(db, { action: 'logout', actor: who, detail: { address: req.ip ?? null } });
      done();
    });
  });

  return { session: sessionHandlers, identify, requireLogin, requireRole, router };
}
