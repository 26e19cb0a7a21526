/**
 * `mt-review serve` refuses to start, with one clear line and exit code 2 (never a stack trace),
 * when its database is corrupt or cannot be written, when its glossary is missing, and when it
 * would listen beyond this computer without accounts. With accounts, pages require a login.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, serveFailure, startServe } from './support/server-process.js';

/** Asserts the failure is one `mt-review:` line on stderr with exit code 2 and no stack trace. */
function assertOneLine(res: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(res.code, 2, `exit code ${res.code}; stderr: ${res.stderr}`);
  assert.doesNotMatch(res.stdout, /serving http/);
  assert.match(res.stderr, /^mt-review: [^\n]+\n$/, `not one line: ${JSON.stringify(res.stderr)}`);
  assert.doesNotMatch(res.stderr, /\n\s+at |Error:|node:internal/);
  assert.match(res.stderr, pattern);
}

describe('hardening: serve start-up failures', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mt-review-startup-'));
    mkdirSync(join(dir, 'corpus'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a corrupt database file (random bytes)', async () => {
    const db = join(dir, 'review.db');
    writeFileSync(db, randomBytes(64 * 1024));
    assertOneLine(await serveFailure(['--db', db, '--corpus', join(dir, 'corpus')], dir), /review\.db.*(not a database|corrupt|malformed)/i);
  });

  it('a database path that cannot be written (its folder is a file)', async () => {
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const db = join(dir, 'not-a-folder', 'review.db');
    assertOneLine(await serveFailure(['--db', db, '--corpus', join(dir, 'corpus')], dir), /not-a-folder.*(not a (directory|folder)|cannot create|already exists|file is in the way)/i);
  });

  it('a database path that is a folder', async () => {
    const db = join(dir, 'a-folder.db');
    mkdirSync(db);
    assertOneLine(await serveFailure(['--db', db, '--corpus', join(dir, 'corpus')], dir), /a-folder\.db/);
  });

  it('a missing glossary', async () => {
    const glossary = join(dir, 'no-such-glossary.yaml');
    assertOneLine(await serveFailure(['--db', join(dir, 'review.db'), '--corpus', join(dir, 'corpus'), '--glossary', glossary], dir), /no-such-glossary\.yaml/);
  });

  it('a non-loopback address without accounts', async () => {
    const res = await serveFailure(['--host', '0.0.0.0', '--db', join(dir, 'review.db'), '--corpus', join(dir, 'corpus')], dir);
    assert.equal(res.code, 2);
    assert.equal(res.stderr, 'mt-review: refusing to listen on 0.0.0.0 without accounts; add one with: mt-review user add <name> --role admin\n');
  });

  it('loopback without accounts runs as one local user and says so; with an account, pages need a login', async () => {
    const db = join(dir, 'review.db');
    const args = ['--host', '127.0.0.1', '--db', db, '--corpus', join(dir, 'corpus')];
    const local = await startServe(args, dir);
    try {
      const page = await fetch(local.url, { headers: { accept: 'text/html' }, redirect: 'manual' });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /local mode/i);
    } finally {
      await local.kill('SIGTERM');
    }
    const add = spawnSync(process.execPath, [CLI, 'user', 'add', 'admin', '--role', 'admin', '--db', db], { input: 'admin-secret\n', encoding: 'utf8' });
    assert.equal(add.status, 0, add.stderr);
    const guarded = await startServe(args, dir);
    try {
      const page = await fetch(guarded.url, { headers: { accept: 'text/html' }, redirect: 'manual' });
      assert.equal(page.status, 303);
      assert.equal(page.headers.get('location'), '/login?next=%2F');
      const api = await fetch(guarded.url, { headers: { accept: 'application/json' }, redirect: 'manual' });
      assert.equal(api.status, 401);
      const login = await fetch(new URL('/login', guarded.url), { headers: { accept: 'text/html' } });
      assert.equal(login.status, 200);
      assert.match(await login.text(), /<label for="login-password">Password<\/label>/);
    } finally {
      await guarded.kill('SIGTERM');
    }
  });
});
