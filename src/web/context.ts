/**
 * What every handler may reach: the store behind the app (and, for the admin pages, its
 * database), and whether the client asked for JSON.
 */
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import type { ReviewStore } from '../store/types.js';

/** The store the app was built with (kept in `app.locals.store`). */
export function storeOf(req: Request): ReviewStore {
  return req.app.locals.store as ReviewStore;
}

/** The database behind the app (kept in `app.locals.db`; set when the store is SQLite, as the admin pages need). */
export function dbOf(req: Request): Database.Database {
  return req.app.locals.db as Database.Database;
}

/** True when the client wants JSON (progressive-enhancement `fetch`, API clients) rather than a page. */
export function wantsJson(req: Request): boolean {
  if (req.is('application/json')) return true;
  return req.accepts(['html', 'json']) === 'json';
}
