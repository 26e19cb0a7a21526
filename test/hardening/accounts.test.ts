/**
 * Accounts end to end, through the real `mt-review serve` once it is wired to `src/auth`: login
 * required, CSRF on the login form, the reviewer is the signed-in user (never a name from the
 * request), roles, logout, and login slow-down.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { CLI, startServe, type ServerProcess } from './support/server-process.js';
import { WebClient } from './support/web-client.js';

const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));

describe('hardening: accounts through the real server', function () {
  this.timeout(60_000);
  let dir: string;
  let db: string;
  let server: ServerProcess;
  let slug: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mt-review-accounts-'));
    mkdirSync(join(dir, 'corpus'));
    for (const f of readdirSync(CORPUS).filter((n) => n.endsWith('.txt'))) copyFileSync(join(CORPUS, f), join(dir, 'corpus', f));
    db = join(dir, 'review.db');
    for (const [name, role, password] of [['ada', 'admin', 'ada-secret-1'], ['rex', 'reviewer', 'rex-secret-1']] as const) {
      const res = spawnSync(process.execPath, [CLI, 'user', 'add', name, '--role', role, '--db', db], { input: `${password}\n`, encoding: 'utf8' });
      assert.equal(res.status, 0, res.stderr);
    }
    server = await startServe(['--host', '127.0.0.1', '--db', db, '--corpus', join(dir, 'corpus')], dir);
    const handle = new Database(db, { readonly: true });
    slug = (handle.prepare('SELECT slug FROM articles ORDER BY id LIMIT 1').get() as { slug: string }).slug;
    handle.close();
  });
  after(async () => {
    await server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  /** A client signed in as `username`. */
  async function signIn(username: string, password: string): Promise<WebClient> {
    const client = new WebClient(server.url);
    await client.refreshToken('/login');
    const res = await client.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: client.token!, username, password, next: '/' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    assert.equal(res.status, 303, `login as ${username}: HTTP ${res.status}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mt-review.sid='));
    assert.ok(cookie && /HttpOnly/i.test(cookie) && /SameSite=Lax/i.test(cookie), `session cookie flags: ${cookie}`);
    await client.refreshToken(`/articles/${slug}`);
    return client;
  }

  it('sends anonymous visitors to the login page and answers API clients 401', async () => {
    const anon = new WebClient(server.url);
    const page = await anon.request(`/articles/${slug}`, { headers: { accept: 'text/html' } });
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), `/login?next=${encodeURIComponent(`/articles/${slug}`)}`);
    assert.equal((await anon.getJson('/')).status, 401);
    const health = await anon.request('/assets/app.css');
    assert.equal(health.status, 200, 'static assets stay public (the login page needs them)');
  });

  it('refuses a login form without its CSRF token', async () => {
    const client = new WebClient(server.url);
    await client.refreshToken('/login');
    const res = await client.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ username: 'rex', password: 'rex-secret-1' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.status, 403);
  });

  it('records the signed-in user as the reviewer, whatever name the request carries', async () => {
    const rex = await signIn('rex', 'rex-secret-1');
    const saved = await rex.postJson<{ sentence: { revisionId: number; reviewer: string } }>(`/articles/${slug}/sentences/1`, {
      text: 'A correction by rex.',
      base: null,
      reviewer: 'ada',
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.sentence.reviewer, 'rex');
    const named = await rex.request('/reviewer', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: rex.token!, reviewer: 'ada' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
    assert.ok(named.status >= 400, `setting a reviewer name while signed in: HTTP ${named.status}`);
  });

  it('lets admins import and refuses reviewers with 403', async () => {
    const form = (client: WebClient) => {
      const data = new FormData();
      data.set('_csrf', client.token!);
      data.set('title', 'Imported by role test');
      data.set('text', 'Imported headline\n\nImported body sentence.\n');
      return client.request('/import', { method: 'POST', body: data, headers: { accept: 'application/json' } });
    };
    assert.equal((await form(await signIn('rex', 'rex-secret-1'))).status, 403);
    assert.equal((await form(await signIn('ada', 'ada-secret-1'))).status, 201);
  });

  it('logs out: the session no longer works', async () => {
    const rex = await signIn('rex', 'rex-secret-1');
    const out = await rex.request('/logout', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: rex.token! }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(out.status, 303);
    assert.equal((await rex.getJson('/')).status, 401);
  });

  it('slows down password guessing: 429 with Retry-After after five failures', async () => {
    const client = new WebClient(server.url);
    await client.refreshToken('/login');
    const attempt = (password: string) => client.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: client.token!, username: 'ada', password }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
    for (let i = 0; i < 5; i++) assert.equal((await attempt(`wrong-${i}-pass`)).status, 401);
    const blocked = await attempt('ada-secret-1');
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
  });
});
