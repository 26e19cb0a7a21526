/**
 * Operations: `/healthz` answers without a login or a cookie, and the server writes one JSON line
 * per request that never contains a password, a session id, a CSRF token or a cookie.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, startServe, type ServerProcess } from './support/server-process.js';
import { WebClient } from './support/web-client.js';

const PASSWORD = 'observable-secret-42';

describe('hardening: health check and request logs', function () {
  this.timeout(60_000);
  let dir: string;
  let server: ServerProcess;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mt-review-observe-'));
    mkdirSync(join(dir, 'corpus'));
    const db = join(dir, 'review.db');
    const add = spawnSync(process.execPath, [CLI, 'user', 'add', 'olga', '--role', 'admin', '--db', db], { input: `${PASSWORD}\n`, encoding: 'utf8' });
    assert.equal(add.status, 0, add.stderr);
    server = await startServe(['--host', '127.0.0.1', '--db', db, '--corpus', join(dir, 'corpus')], dir);
  });
  after(async () => {
    await server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('GET /healthz → 200 {ok: true, db: "ok"}, public, sets no cookie', async () => {
    const res = await fetch(new URL('/healthz', server.url), { redirect: 'manual' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, db: 'ok' });
    assert.deepEqual(res.headers.getSetCookie(), []);
  });

  it('logs one JSON line per request, with no password, session id, token or cookie', async () => {
    const client = new WebClient(server.url);
    await client.refreshToken('/login');
    const login = await client.request('/login?next=%2F', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: client.token!, username: 'olga', password: PASSWORD, next: '/' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(login.status, 303);
    const sid = login.headers.getSetCookie().find((c) => c.startsWith('mt-review.sid='))!.split(';')[0]!.split('=')[1]!;
    await client.refreshToken('/');
    const token = client.token!;
    await client.request('/logout', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: token }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    // Lines are written when each response finishes: wait for the logout's.
    for (let i = 0; i < 200 && !/"path":"\/logout"/.test(server.stdout()); i++) await new Promise((resolve) => setTimeout(resolve, 50));

    const lines = server.stdout().split('\n').filter((l) => l.startsWith('{'));
    const entries = lines.map((l) => JSON.parse(l) as { method: string; path: string; status: number; user: string | null });
    const loginEntry = entries.find((e) => e.method === 'POST' && e.path === '/login');
    assert.ok(loginEntry, 'the login request is logged');
    assert.equal(loginEntry.status, 303);
    assert.ok(entries.some((e) => e.method === 'POST' && e.path === '/logout' && e.status === 303));
    assert.ok(entries.every((e) => typeof e.status === 'number' && e.path.startsWith('/') && !e.path.includes('?')));
    const log = server.stdout() + server.stderr();
    for (const secret of [PASSWORD, sid, decodeURIComponent(sid), token, 'mt-review.sid', 'mt-review.csrf', 'password']) {
      assert.ok(!log.includes(secret), `the log contains ${secret.slice(0, 12)}…`);
    }
  });
});
