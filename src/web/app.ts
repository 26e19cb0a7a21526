/**
 * The review web app, built by a function and exported; listening happens in `mt-review serve`
 * (or in tests, on an ephemeral port or through supertest).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import ejs from 'ejs';
import type { Auth } from '../auth/index.js';
import { roleAllows, type AuthUser } from '../auth/users.js';
import type { ReviewStore } from '../store/types.js';
import { SqliteReviewStore } from '../store/review-store.js';
import { clientId, createCsrf, CSRF_FIELD, securityHeaders } from './security.js';
import { identify } from './reviewer.js';
import { when } from './present.js';
import { verifyFormUtf8, verifyJsonUtf8 } from './body-encoding.js';
import { healthCheck, requestLog } from './request-log.js';
import { importArticle, importFailed, importUpload, listArticles } from './routes/corpus.js';
import { archiveArticle, exportArticle, loadArticle, refuseArchived, showArticle, showDiff, unarchiveArticle } from './routes/articles.js';
import {
  applySuggestion,
  dismissFinding,
  loadSentence,
  requireReviewer,
  restoreRevision,
  saveSentence,
  showHistory,
  undismissFinding,
} from './routes/sentences.js';
import { setReviewer, showReviewerForm } from './routes/reviewer.js';
import { downloadGlossaryFile, saveGlossary, showGlossary } from './routes/glossary.js';
import { changeUser, createUser, showUsers } from './routes/users.js';
import { handleError, notFound } from './routes/errors.js';
import rateLimit from 'express-rate-limit';

/** How the app is built. */
export interface AppOptions {
  /** The review store every route reads and writes. */
  store: ReviewStore;
  /** Signs CSRF tokens; a random secret per process by default. */
  secret?: string;
  /** Mark cookies `Secure` and send HSTS (when served over HTTPS). Default false. */
  secureCookies?: boolean;
  /** Development mode: templates are re-read on every request. Default false. */
  dev?: boolean;
  /** Where server errors are logged (one entry per error, with the stack). Default stderr. */
  log?: (message: string) => void;
  /**
   * Accounts (`createAuth` from src/auth): sessions, login routes, login required everywhere but
   * static assets; import, archiving, glossary edits and user management are admin-only. Without
   * it the reviewer is the name kept in a cookie.
   */
  auth?: Auth;
  /** Behind a reverse proxy: trust one hop of X-Forwarded-* headers (client address, HTTPS). */
  trustProxy?: boolean;
  /** Receives one JSON line per request (none by default). */
  requestLog?: (line: string) => void;
  /** Throws when the database does not answer; `/healthz` calls it (default: a one-row article listing). */
  probeDatabase?: () => void;
}

/** Body size limit for forms and JSON. */
export const BODY_LIMIT = '1mb';

/** The package's `views/` folder (templates and static assets). */
export const VIEWS_DIR = fileURLToPath(new URL('../../../views/', import.meta.url));
/** The compiled client scripts (`dist/src/web/client/`). */
export const CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));

/**
 * Every name a template may use. EJS then declares them as variables instead of wrapping the
 * template in `with (locals)`, which makes every lookup slow (the article page got 5x faster).
 */
export const TEMPLATE_LOCALS = [
  'title', 'script', 'reviewer', 'currentPath', 'csrfToken', 'csrfField', 'when',
  'q', 'page', 'pages', 'total', 'items', 'form', 'pageSize', 'archived', 'otherTotal', 'isAdmin',
  'article', 'paragraphs', 'progress', 'filter', 'shown', 'prototype',
  'heading', 'message', 'status', 'next', 'error', 'action', 'fields', 'invalid',
  'changed', 'patch', 'sentence', 'revisions', 'currentId',
  'theirs', 'theirText', 'yours', 'baseRevisionId', 'yoursDiff', 'backPath', 'changes',
  'accounts', 'localMode', 'user', 'username',
  'glossary', 'versions', 'maxCommentLength', 'notice', 'conflict', 'users', 'activeAdmins', 'adminPages',
];

/** Builds the review app over a store. */
export function createApp(options: AppOptions): Express {
  const secure = options.secureCookies ?? false;
  const csrf = createCsrf(options.secret ?? randomBytes(32).toString('hex'), secure);
  const app = express();

  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  app.set('view cache', !options.dev);
  // EJS 7 ignores Express's 'view options', so the engine is registered with its options here.
  const viewOptions = { _with: false, destructuredLocals: TEMPLATE_LOCALS, rmWhitespace: true, cache: !options.dev, views: [VIEWS_DIR] };
  app.engine('ejs', (file: string, data: object, done: (err: Error | null, html?: string) => void) => {
    ejs.renderFile(file, data, viewOptions, (err, html) => done(err ?? null, html));
  });
  app.set('x-powered-by', false);
  if (options.trustProxy) app.set('trust proxy', 1);
  app.set('query parser', 'simple');
  app.locals.store = options.store;
  app.locals.log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  app.locals.csrfField = CSRF_FIELD;
  app.locals.when = when;
  app.locals.secureCookies = secure;
  // The admin pages (glossary versions, accounts) work on the SQLite store's tables.
  const db = options.store instanceof SqliteReviewStore ? options.store.db : undefined;
  app.locals.db = db;
  app.locals.adminPages = db !== undefined;

  if (options.requestLog) app.use(requestLog(options.requestLog));
  app.use(securityHeaders(secure));
  // Before cookies, sessions and logins: a health check is public and sets nothing.
  app.get('/healthz', healthCheck(options.probeDatabase ?? (() => { options.store.listArticles({ limit: 1 }); })));
  const staticOptions = { index: false, fallthrough: true, maxAge: options.dev ? 0 : '1h' } as const;
  app.use('/assets', express.static(`${VIEWS_DIR}assets`, staticOptions));
  app.use('/client', express.static(CLIENT_DIR, { ...staticOptions, extensions: ['js'] }));
  app.use(cookieParser());
  const auth = options.auth;
  if (auth) app.use(auth.session);
  app.use(clientId(secure));
  app.use(identify());
  if (auth) app.use(auth.identify);
  app.use((req, res, next) => {
    let token: string | undefined;
    Object.defineProperty(res.locals, 'csrfToken', { enumerable: true, get: () => (token ??= csrf.token(req, res)) });
    res.locals.currentPath = req.originalUrl;
    // Admins import, archive, edit the glossary and manage accounts; without accounts (local mode) everyone is the admin.
    const user = res.locals.user as AuthUser | undefined;
    res.locals.isAdmin = !res.locals.accounts || (user !== undefined && roleAllows(user.role, 'admin'));
    next();
  });

  // Admin-only routes: import, archive, glossary edits and accounts (without accounts, everyone).
  const adminOnly = auth ? [auth.requireRole('admin')] : [];

  // Imports are multipart (paste and upload in one form): multer parses, then the token is checked.
  const importLimiter = rateLimit({ windowMs: 60_000, limit: 60, standardHeaders: 'draft-8', legacyHeaders: false });
  app.post('/import', ...adminOnly, importLimiter, importUpload, csrf.protect, importArticle, importFailed);

  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 200, verify: verifyFormUtf8 }));
  app.use(express.json({ limit: BODY_LIMIT, verify: verifyJsonUtf8 }));
  app.use(csrf.protect);
  if (auth) {
    app.use(auth.router);
    app.use(auth.requireLogin);
  }

  app.get('/', listArticles);
  app.get('/reviewer', showReviewerForm);
  app.post('/reviewer', setReviewer);

  if (db) {
    // Everyone may read the glossary and download its files; only admins change it, and manage users.
    app.get('/glossary', showGlossary);
    app.get('/glossary/files/:name', downloadGlossaryFile);
    app.post('/glossary', ...adminOnly, saveGlossary);
    app.get('/users', ...adminOnly, showUsers);
    app.post('/users', ...adminOnly, createUser);
    app.post('/users/:name', ...adminOnly, changeUser);
  }

  app.use('/articles/:slug', loadArticle);
  app.get('/articles/:slug', showArticle);
  app.get('/articles/:slug/diff', showDiff);
  app.get('/articles/:slug/export.:format', exportArticle);

  // Archiving is an admin's (the only one in local mode); nothing is deleted, and it can be undone.
  app.post('/articles/:slug/archive', ...adminOnly, requireReviewer, archiveArticle);
  app.post('/articles/:slug/unarchive', ...adminOnly, requireReviewer, unarchiveArticle);

  app.use('/articles/:slug/sentences/:n', loadSentence);
  app.get('/articles/:slug/sentences/:n/history', showHistory);
  app.post('/articles/:slug/sentences/:n', refuseArchived, requireReviewer, saveSentence);
  app.post('/articles/:slug/sentences/:n/apply', refuseArchived, requireReviewer, applySuggestion);
  app.post('/articles/:slug/sentences/:n/dismiss', refuseArchived, requireReviewer, dismissFinding);
  app.post('/articles/:slug/sentences/:n/undismiss', refuseArchived, requireReviewer, undismissFinding);
  app.post('/articles/:slug/sentences/:n/restore', refuseArchived, requireReviewer, restoreRevision);

  app.use(notFound);
  app.use(handleError);
  return app;
}
