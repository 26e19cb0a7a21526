import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import type { SessionData } from 'express-session';
import { SqliteSessionStore, sessionSecret, TOUCH_EVERY_MS } from '../../src/auth/session-store.js';
import { openDatabase } from '../../src/store/connection.js';

const call = <T>(fn: (cb: (err: unknown, value?: T) => void) => void): Promise<T | undefined> =>
  new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

const sess = (expires: number, extra: Record<string, unknown> = {}): SessionData =>
  ({ cookie: { originalMaxAge: 1000, expires: new Date(expires) }, ...extra }) as unknown as SessionData;

describe('auth/session-store', () => {
  let db: Database.Database;
  let now: number;
  let store: SqliteSessionStore;
  beforeEach(() => {
    db = openDatabase(':memory:');
    now = Date.parse('2026-01-01T00:00:00Z');
    store = new SqliteSessionStore(db, () => now);
  });
  afterEach(() => db.close());

  it('writes, reads back, replaces and destroys a session', async () => {
    await call((cb) => store.set('a', sess(now + 60_000, { user: { username: 'alice', role: 'admin' } }), cb));
    const got = await call<SessionData | null>((cb) => store.get('a', cb));
    assert.deepEqual((got as unknown as { user: unknown }).user, { username: 'alice', role: 'admin' });
    await call((cb) => store.set('a', sess(now + 60_000, { user: { username: 'bob', role: 'reviewer' } }), cb));
    assert.equal(((await call<SessionData | null>((cb) => store.get('a', cb))) as unknown as { user: { username: string } }).user.username, 'bob');
    assert.equal(await call<number>((cb) => store.length(cb)), 1);
    await call((cb) => store.destroy('a', cb));
    assert.equal(await call((cb) => store.get('a', cb)), null);
  });

  it('stores the expiry as epoch milliseconds in the INTEGER column', async () => {
    await call((cb) => store.set('a', sess(now + 60_000), cb));
    const row = db.prepare('SELECT expires_at AS e, typeof(expires_at) AS t FROM sessions WHERE sid = ?').get('a') as { e: number; t: string };
    assert.deepEqual(row, { e: now + 60_000, t: 'integer' });
  });

  it('reads an expired session as missing and deletes it', async () => {
    await call((cb) => store.set('a', sess(now + 60_000), cb));
    now += 60_000;
    assert.equal(await call((cb) => store.get('a', cb)), null);
    assert.equal((db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n, 0);
  });

  it('touch extends the expiry, writing at most once per interval', async () => {
    const expiry = () => (db.prepare('SELECT expires_at AS e FROM sessions WHERE sid = ?').get('a') as { e: number }).e;
    await call((cb) => store.set('a', sess(now + 60_000), cb));
    await new Promise<void>((resolve) => store.touch('a', sess(now + 120_000), resolve));
    assert.equal(expiry(), now + 120_000);
    // A second touch within the interval writes nothing.
    await new Promise<void>((resolve) => store.touch('a', sess(now + 130_000), resolve));
    assert.equal(expiry(), now + 120_000);
    now += 90_000;
    assert.notEqual(await call((cb) => store.get('a', cb)), null);
    now += TOUCH_EVERY_MS;
    await new Promise<void>((resolve) => store.touch('a', sess(now + 60_000), resolve));
    assert.equal(expiry(), now + 60_000);
  });

  it('sweeps expired rows on a later write', async () => {
    await call((cb) => store.set('old', sess(now + 1000), cb));
    now += 11 * 60_000;
    await call((cb) => store.set('new', sess(now + 60_000), cb));
    assert.deepEqual((db.prepare('SELECT sid FROM sessions ORDER BY sid').all() as { sid: string }[]).map((r) => r.sid), ['new']);
  });

  it('reads a damaged row as an empty session rather than failing', async () => {
    db.prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)').run('bad', '{not json', now + 60_000);
    assert.equal(await call((cb) => store.get('bad', cb)), null);
  });

  it('keeps one signing secret across restarts, invisible to length and clear', async () => {
    const first = sessionSecret(db);
    assert.ok(first.length >= 32);
    assert.equal(sessionSecret(db), first);
    assert.equal(await call<number>((cb) => store.length(cb)), 0);
    await call((cb) => store.set('a', sess(now + 60_000), cb));
    await call((cb) => store.clear(cb));
    assert.equal(await call<number>((cb) => store.length(cb)), 0);
    assert.equal(sessionSecret(db), first);
  });
});
