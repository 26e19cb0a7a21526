import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import request from 'supertest';
import { createAuth, LOGIN_FAILED, safeNext, SESSION_COOKIE, type AuthOptions } from '../../src/auth/index.js';
import { addUser, removeUser } from '../../src/auth/users.js';
import { openDatabase } from '../../src/store/connection.js';

const FAST = { N: 1024, r: 8, p: 1 };

/** A minimal app mounting the auth module exactly as the integration steps say. */
function appWith(db: Database.Database, options: Partial<AuthOptions> = {}): Express {
  const auth = createAuth({ db, secure: false, trustProxy: false, localMode: false, ...options });
  const app = express();
  if (options.trustProxy) app.set('trust proxy', 1);
  app.use(cookieParser());
  app.use(auth.session);
  app.use(auth.identify);
  app.use(auth.router);
  app.get('/public', (_req, res) => { res.json({ user: res.locals.user ?? null }); });
  app.use(auth.requireLogin);
  app.get('/private', (_req, res) => {
    res.json({ user: res.locals.user, reviewer: res.locals.reviewer, localMode: res.locals.localMode, accounts: res.locals.accounts });
  });
  app.post('/admin-only', auth.requireRole('admin'), (_req, res) => { res.json({ ok: true }); });
  return app;
}

function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
}

function events(db: Database.Database): { actor: string; action: string; detail: Record<string, unknown> }[] {
  return (db.prepare('SELECT actor, action, detail FROM events ORDER BY id').all() as { actor: string; action: string; detail: string }[])
    .map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }));
}

describe('auth/login', () => {
  let db: Database.Database;
  beforeEach(async () => {
    db = openDatabase(':memory:');
    await addUser(db, { username: 'alice', password: 'alice-secret', role: 'admin', scrypt: FAST });
    await addUser(db, { username: 'bob', password: 'bob-secret1', role: 'reviewer', scrypt: FAST });
  });
  afterEach(() => db.close());

  it('sends anonymous page requests to the login page, with where they were going', async () => {
    const res = await request(appWith(db)).get('/private?x=1').set('Accept', 'text/html');
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `/login?next=${encodeURIComponent('/private?x=1')}`);
  });

  it('sends an anonymous form post to the login page with the start page as next', async () => {
    const res = await request(appWith(db)).post('/admin-only').type('form').send({ x: '1' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/login?next=%2F');
  });

  it('answers anonymous JSON requests with 401', async () => {
    const res = await request(appWith(db)).get('/private').set('Accept', 'application/json');
    assert.equal(res.status, 401);
    assert.equal(res.body.error, 'login required');
  });

  it('serves a login page whose every control is labelled', async () => {
    const res = await request(appWith(db)).get('/login?next=%2Farticles%2Fx');
    assert.equal(res.status, 200);
    const ids = [...res.text.matchAll(/<input[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['login-username', 'login-password']);
    for (const id of ids) assert.match(res.text, new RegExp(`<label for="${id}">`));
    assert.match(res.text, /type="password"/);
    assert.match(res.text, /name="next" value="\/articles\/x"/);
    assert.match(res.text, /<button type="submit"[^>]*>Sign in<\/button>/);
    assert.match(res.text, /<title>Sign in · mt-review<\/title>/);
  });

  it('signs in, regenerates the session id, and identifies the user on later requests', async () => {
    const agent = request.agent(appWith(db));
    const first = await agent.post('/login').type('form').send({ username: 'bob', password: 'bob-secret1', next: '/private' });
    assert.equal(first.status, 303);
    assert.equal(first.headers.location, '/private');
    const cookie = sessionCookie(first)!;
    assert.ok(cookie, 'a session cookie is set');
    assert.match(cookie, /; HttpOnly/i);
    assert.match(cookie, /; SameSite=Lax/i);
    assert.doesNotMatch(cookie, /; Secure/i);
    const me = await agent.get('/private').set('Accept', 'application/json');
    assert.equal(me.status, 200);
    assert.deepEqual(me.body, { user: { username: 'bob', role: 'reviewer' }, reviewer: 'bob', localMode: false, accounts: true });

    // Signing in again from a session yields a new id; the old one is gone from the table.
    const oldSid = decodeURIComponent(cookie.split(';')[0]!.split('=')[1]!).slice(2).split('.')[0]!;
    const second = await agent.post('/login').type('form').send({ username: 'bob', password: 'bob-secret1' });
    const newSid = decodeURIComponent(sessionCookie(second)!.split(';')[0]!.split('=')[1]!).slice(2).split('.')[0]!;
    assert.notEqual(newSid, oldSid);
    const sids = (db.prepare("SELECT sid FROM sessions WHERE sid NOT LIKE 'secret:%'").all() as { sid: string }[]).map((r) => r.sid);
    assert.deepEqual(sids, [newSid]);
  });

  it('does not tell unknown accounts from wrong passwords', async () => {
    const app = appWith(db);
    const wrong = await request(app).post('/login').set('Accept', 'application/json').send({ username: 'alice', password: 'not-her-password' });
    const unknown = await request(app).post('/login').set('Accept', 'application/json').send({ username: 'mallory', password: 'not-her-password' });
    removeUser(db, 'bob');
    const removed = await request(app).post('/login').set('Accept', 'application/json').send({ username: 'bob', password: 'bob-secret1' });
    for (const res of [wrong, unknown, removed]) {
      assert.equal(res.status, 401);
      assert.deepEqual(res.body, { error: LOGIN_FAILED });
      assert.equal(sessionCookie(res), undefined);
    }
    const page = await request(app).post('/login').type('form').send({ username: 'mallory', password: 'x' });
    assert.equal(page.status, 401);
    assert.ok(page.text.includes(LOGIN_FAILED));
  });

  it('slows down guessing per account: the sixth try is refused even with the right password', async () => {
    const app = appWith(db, { trustProxy: true });
    for (let i = 0; i < 5; i++) {
      // Each guess from a different address: the account counter still adds up.
      const res = await request(app).post('/login').set('X-Forwarded-For', `203.0.113.${i}`).set('Accept', 'application/json').send({ username: 'alice', password: `guess-${i}-xx` });
      assert.equal(res.status, 401, `guess ${i}`);
    }
    const blocked = await request(app).post('/login').set('X-Forwarded-For', '203.0.113.99').set('Accept', 'application/json').send({ username: 'alice', password: 'alice-secret' });
    assert.equal(blocked.status, 429);
    assert.equal(blocked.headers['retry-after'], String(15 * 60));
    assert.equal(sessionCookie(blocked), undefined);
    // Another account from another address is not affected.
    const other = await request(app).post('/login').set('X-Forwarded-For', '203.0.113.100').set('Accept', 'application/json').send({ username: 'bob', password: 'bob-secret1' });
    assert.equal(other.status, 200);
  });

  it('a burst of parallel guesses cannot outrun the limit', async () => {
    const app = appWith(db, { trustProxy: true });
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      request(app).post('/login').set('X-Forwarded-For', `198.51.100.${i}`).set('Accept', 'application/json').send({ username: 'alice', password: `parallel-guess-${i}` })));
    const statuses = burst.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(' '));
    assert.equal(statuses.filter((s) => s === 429).length, 7, statuses.join(' '));
  });

  it('a correct login from an address does not count against it', async () => {
    const app = appWith(db, { trustProxy: true });
    const tryAs = (username: string, password: string) => request(app).post('/login').set('X-Forwarded-For', '192.0.2.77').set('Accept', 'application/json').send({ username, password });
    for (let i = 0; i < 6; i++) assert.equal((await tryAs('bob', 'bob-secret1')).status, 200);
    for (let i = 0; i < 4; i++) assert.equal((await tryAs('nobody', 'wrong-pass')).status, 401);
    assert.equal((await tryAs('bob', 'bob-secret1')).status, 200);
  });

  it('slows down guessing per address across accounts', async () => {
    const app = appWith(db, { trustProxy: true });
    for (let i = 0; i < 5; i++) {
      const res = await request(app).post('/login').set('X-Forwarded-For', '198.51.100.7').set('Accept', 'application/json').send({ username: `user${i}`, password: 'whatever-pw' });
      assert.equal(res.status, 401);
    }
    const blocked = await request(app).post('/login').set('X-Forwarded-For', '198.51.100.7').type('form').send({ username: 'bob', password: 'bob-secret1' });
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.match(blocked.text, /Too many failed sign-ins/);
    const elsewhere = await request(app).post('/login').set('X-Forwarded-For', '198.51.100.8').set('Accept', 'application/json').send({ username: 'bob', password: 'bob-secret1' });
    assert.equal(elsewhere.status, 200);
  });

  it('counts IPv6 clients per /56, so rotating addresses does not evade the count', async () => {
    const app = appWith(db, { trustProxy: true });
    for (let i = 0; i < 5; i++) {
      const res = await request(app).post('/login').set('X-Forwarded-For', `2001:db8:7:${i}::${i + 1}`).set('Accept', 'application/json').send({ username: `user${i}`, password: 'whatever-pw' });
      assert.equal(res.status, 401);
    }
    const blocked = await request(app).post('/login').set('X-Forwarded-For', '2001:db8:7:ff::99').set('Accept', 'application/json').send({ username: 'bob', password: 'bob-secret1' });
    assert.equal(blocked.status, 429);
    const otherNetwork = await request(app).post('/login').set('X-Forwarded-For', '2001:db8:8::1').set('Accept', 'application/json').send({ username: 'bob', password: 'bob-secret1' });
    assert.equal(otherNetwork.status, 200);
  });

  it('a success clears the account counter (four failures, success, four more failures still allowed)', async () => {
    const app = appWith(db, { trustProxy: true });
    const tryAs = (ip: string, password: string) => request(app).post('/login').set('X-Forwarded-For', ip).set('Accept', 'application/json').send({ username: 'bob', password });
    for (let i = 0; i < 4; i++) assert.equal((await tryAs(`192.0.2.${i}`, 'wrong-pass')).status, 401);
    assert.equal((await tryAs('192.0.2.50', 'bob-secret1')).status, 200);
    for (let i = 0; i < 4; i++) assert.equal((await tryAs(`192.0.2.${10 + i}`, 'wrong-pass')).status, 401);
    assert.equal((await tryAs('192.0.2.51', 'bob-secret1')).status, 200);
  });

  it('marks the cookie Secure when serving over HTTPS behind a proxy', async () => {
    const res = await request(appWith(db, { secure: true, trustProxy: true }))
      .post('/login').set('X-Forwarded-Proto', 'https').type('form').send({ username: 'bob', password: 'bob-secret1' });
    assert.equal(res.status, 303);
    assert.match(sessionCookie(res)!, /; Secure/i);
  });

  it('never redirects to another site after login', async () => {
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/login']) {
      assert.equal(safeNext(next), '/', next);
    }
    assert.equal(safeNext('/articles/a?b=1#c'), '/articles/a?b=1#c');
    const res = await request(appWith(db)).post('/login').type('form').send({ username: 'bob', password: 'bob-secret1', next: '//evil.example/' });
    assert.equal(res.headers.location, '/');
  });

  it('enforces roles: 403 for a reviewer, through for an admin', async () => {
    const app = appWith(db);
    const reviewer = request.agent(app);
    await reviewer.post('/login').type('form').send({ username: 'bob', password: 'bob-secret1' });
    const denied = await reviewer.post('/admin-only').set('Accept', 'application/json');
    assert.equal(denied.status, 403);
    assert.match(denied.body.error, /admin role/);
    const admin = request.agent(app);
    await admin.post('/login').type('form').send({ username: 'alice', password: 'alice-secret' });
    assert.equal((await admin.post('/admin-only').set('Accept', 'application/json')).status, 200);
    assert.equal((await request(app).post('/admin-only').set('Accept', 'application/json')).status, 401);
  });

  it('logs out: the session row is destroyed and the cookie no longer works', async () => {
    const app = appWith(db);
    const agent = request.agent(app);
    const login = await agent.post('/login').type('form').send({ username: 'bob', password: 'bob-secret1' });
    const cookie = sessionCookie(login)!.split(';')[0]!;
    const out = await agent.post('/logout');
    assert.equal(out.status, 303);
    assert.equal(out.headers.location, '/login');
    assert.equal((db.prepare("SELECT count(*) AS n FROM sessions WHERE sid NOT LIKE 'secret:%'").get() as { n: number }).n, 0);
    // Replaying the old cookie does not bring the session back.
    const replay = await request(app).get('/private').set('Cookie', cookie).set('Accept', 'application/json');
    assert.equal(replay.status, 401);
  });

  it('a removed account is signed out on its next request; a role change applies at once', async () => {
    const app = appWith(db);
    const agent = request.agent(app);
    await agent.post('/login').type('form').send({ username: 'alice', password: 'alice-secret' });
    assert.equal((await agent.post('/admin-only').set('Accept', 'application/json')).status, 200);
    db.prepare("UPDATE users SET role = 'reviewer' WHERE username = 'alice'").run();
    assert.equal((await agent.post('/admin-only').set('Accept', 'application/json')).status, 403);
    removeUser(db, 'alice');
    assert.equal((await agent.get('/private').set('Accept', 'application/json')).status, 401);
  });

  it('sessions survive a restart of the app over the same database', async () => {
    const agent = request.agent(appWith(db));
    const login = await agent.post('/login').type('form').send({ username: 'bob', password: 'bob-secret1' });
    const cookie = sessionCookie(login)!.split(';')[0]!;
    const again = await request(appWith(db)).get('/private').set('Cookie', cookie).set('Accept', 'application/json');
    assert.equal(again.status, 200);
    assert.equal(again.body.user.username, 'bob');
  });

  it('records logins, failures and logouts in the events table, without passwords', async () => {
    const app = appWith(db);
    const agent = request.agent(app);
    await agent.post('/login').type('form').send({ username: 'bob', password: 'wrong-password' });
    await agent.post('/login').type('form').send({ username: 'bob', password: 'bob-secret1' });
    await agent.post('/logout');
    const log = events(db).filter((e) => !e.action.startsWith('user-'));
    assert.deepEqual(log.map((e) => [e.actor, e.action]), [['', 'login-failed'], ['bob', 'login'], ['bob', 'logout']]);
    assert.equal(log[0]!.detail.subject, 'bob');
    assert.ok(log.every((e) => typeof e.detail.address === 'string'));
    const raw = JSON.stringify(db.prepare('SELECT * FROM events').all());
    assert.ok(!raw.includes('bob-secret1') && !raw.includes('wrong-password'));
  });

  describe('local mode (loopback, no accounts)', () => {
    it('lets every request through as the local user and says so', async () => {
      const app = appWith(db, { localMode: true });
      const res = await request(app).get('/private').set('Accept', 'application/json');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { user: { username: 'local', role: 'admin' }, localMode: true, accounts: false });
      assert.equal((await request(app).post('/admin-only').set('Accept', 'application/json')).status, 200);
      const login = await request(app).get('/login');
      assert.equal(login.status, 303);
      assert.equal(sessionCookie(res), undefined);
    });

    it('keeps a reviewer name set before it (the name cookie)', async () => {
      const auth = createAuth({ db, secure: false, trustProxy: false, localMode: true });
      const app = express();
      app.use((_req, res, next) => { res.locals.reviewer = 'Wang Fang'; next(); });
      app.use(auth.session, auth.identify, auth.requireLogin);
      app.get('/', (_req, res) => { res.json({ user: res.locals.user, reviewer: res.locals.reviewer }); });
      const res = await request(app).get('/');
      assert.deepEqual(res.body, { user: { username: 'Wang Fang', role: 'admin' }, reviewer: 'Wang Fang' });
    });
  });
});
