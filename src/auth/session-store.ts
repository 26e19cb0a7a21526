/**
 * An express-session `Store` over the store's `sessions (sid, data, expires_at)` table, so logins
 * survive a restart and a removed account's sessions can be revoked with one DELETE.
 */
import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import session from 'express-session';

/** How long a session lives when its cookie has no expiry of its own: 12 hours. */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** A session's expiry is extended in the table at most this often. */
export const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** Expired rows are swept at most this often (on a write), never by a timer. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/** Stores express-session data as JSON rows in the `sessions` table; expired rows read as missing. */
export class SqliteSessionStore extends session.Store {
  private readonly numeric: boolean;
  private readonly getStmt: Statement;
  private readonly setStmt: Statement;
  private readonly destroyStmt: Statement;
  private readonly touchStmt: Statement;
  private readonly sweepStmt: Statement;
  private lastSweep = 0;
  /** When each session's expiry was last written, so a busy session costs one write per interval, not per request. */
  private readonly touched = new Map<string, number>();

  /** Prepares the statements once; `now` is injectable for tests. */
  constructor(private readonly db: Database, private readonly now: () => number = Date.now) {
    super();
    const type = (db.prepare("SELECT type FROM pragma_table_info('sessions') WHERE name = 'expires_at'").get() as { type: string } | undefined)?.type ?? '';
    // The column's declared type decides the encoding: epoch milliseconds or ISO 8601 text.
    this.numeric = /INT|REAL|NUM/i.test(type);
    this.getStmt = db.prepare('SELECT data, expires_at AS expiresAt FROM sessions WHERE sid = ?');
    this.setStmt = db.prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?) ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at');
    this.destroyStmt = db.prepare('DELETE FROM sessions WHERE sid = ?');
    this.touchStmt = db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?');
    this.sweepStmt = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  }

  private encode(ms: number): number | string {
    return this.numeric ? ms : new Date(ms).toISOString();
  }

  private expiry(sess: session.SessionData): number {
    const expires = sess.cookie?.expires;
    const at = expires ? new Date(expires).getTime() : NaN;
    return Number.isFinite(at) ? at : this.now() + DEFAULT_SESSION_TTL_MS;
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.sweepStmt.run(this.encode(now));
  }

  /** Reads a session; an expired or unreadable row reads as no session. */
  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const row = this.getStmt.get(sid) as { data: string; expiresAt: number | string } | undefined;
      if (!row) return callback(null, null);
      const expiresAt = typeof row.expiresAt === 'number' ? row.expiresAt : Date.parse(row.expiresAt);
      if (!(expiresAt > this.now())) {
        this.destroyStmt.run(sid);
        return callback(null, null);
      }
      let data: session.SessionData | null = null;
      try {
        data = JSON.parse(row.data) as session.SessionData;
      } catch {
        data = null;
      }
      callback(null, data);
    } catch (err) {
      callback(err);
    }
  }

  /** Writes a session (insert or replace). */
  override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    try {
      this.setStmt.run(sid, JSON.stringify(sess), this.encode(this.expiry(sess)));
      this.sweep();
      callback?.();
    } catch (err) {
      callback?.(err);
    }
  }

  /** Deletes a session. */
  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    try {
      this.touched.delete(sid);
      this.destroyStmt.run(sid);
      callback?.();
    } catch (err) {
      callback?.(err);
    }
  }

  /**
   * Extends a session's expiry without rewriting its data, at most once per `TOUCH_EVERY_MS` per
   * session: every write is an fsync (synchronous=FULL), and sessions last hours, not minutes.
   */
  override touch(sid: string, sess: session.SessionData, callback?: () => void): void {
    try {
      const now = this.now();
      if (now - (this.touched.get(sid) ?? -Infinity) >= TOUCH_EVERY_MS) {
        if (this.touched.size >= 10_000) this.touched.clear();
        this.touched.set(sid, now);
        this.touchStmt.run(this.encode(this.expiry(sess)), sid);
      }
    } finally {
      callback?.();
    }
  }

  /** The number of unexpired sessions. */
  override length(callback: (err: unknown, length?: number) => void): void {
    try {
      const row = this.db.prepare("SELECT count(*) AS n FROM sessions WHERE expires_at > ? AND sid NOT LIKE 'secret:%'").get(this.encode(this.now())) as { n: number };
      callback(null, row.n);
    } catch (err) {
      callback(err);
    }
  }

  /** Deletes every session. */
  override clear(callback?: (err?: unknown) => void): void {
    try {
      this.db.prepare("DELETE FROM sessions WHERE sid NOT LIKE 'secret:%'").run();
      callback?.();
    } catch (err) {
      callback?.(err);
    }
  }
}

/** The reserved `sessions` row holding the cookie-signing secret (session ids never contain `:`). */
const SECRET_SID = 'secret:session-signing';

/**
 * The secret that signs session cookies: created once at random and kept in the `sessions` table
 * (in a reserved row that never expires), so sessions survive restarts without configuration.
 */
export function sessionSecret(db: Database): string {
  return db.transaction(() => {
    const row = db.prepare('SELECT data FROM sessions WHERE sid = ?').get(SECRET_SID) as { data: string } | undefined;
    if (row) {
      try {
        const secret = (JSON.parse(row.data) as { secret?: unknown }).secret;
        if (typeof secret === 'string' && secret.length >= 32) return secret;
      } catch {
        // A damaged row is replaced below.
      }
    }
    const secret = randomBytes(32).toString('base64url');
    const type = (db.prepare("SELECT type FROM pragma_table_info('sessions') WHERE name = 'expires_at'").get() as { type: string } | undefined)?.type ?? '';
    const never = /INT|REAL|NUM/i.test(type) ? 253402300799000 : '9999-12-31T23:59:59.000Z';
    db.prepare('INSERT OR REPLACE INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)').run(SECRET_SID, JSON.stringify({ secret }), never);
    return secret;
  }).immediate();
}
