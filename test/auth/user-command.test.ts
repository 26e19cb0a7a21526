import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { verifyUser } from '../../src/auth/users.js';
import { main } from '../../src/cli/main.js';

const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

/** Runs `mt-review` in-process with `input` on a piped (non-TTY) stdin. */
async function cli(args: string[], input = '', env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => { stdout += s; } },
    stderr: { write: (s: string) => { stderr += s; } },
    stdin: Readable.from([input]),
    env,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('mt-review user', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mt-review-user-'));
    db = join(dir, 'review.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const withDb = async <T>(fn: (handle: Database.Database) => T | Promise<T>): Promise<T> => {
    const handle = new Database(db);
    try {
      return await fn(handle);
    } finally {
      handle.close();
    }
  };

  it('adds an account with the password from stdin, then lists it', async () => {
    const add = await cli(['user', 'add', 'alice', '--role', 'admin', '--db', db], 'alice-secret\n');
    assert.deepEqual(add, { code: 0, stdout: 'added alice (admin)\n', stderr: '' });
    assert.deepEqual(await withDb((h) => verifyUser(h, 'alice', 'alice-secret')), { username: 'alice', role: 'admin' });
    const list = await cli(['user', 'list', '--db', db]);
    assert.equal(list.code, 0);
    assert.match(list.stdout, /^USERNAME +ROLE +CREATED +STATUS\nalice +admin +\d{4}-\d\d-\d\d +active\n$/);
    const json = await cli(['user', 'list', '--json', '--db', db]);
    const parsed = JSON.parse(json.stdout) as { username: string; role: string; disabledAt: null }[];
    assert.deepEqual(parsed.map((u) => [u.username, u.role, u.disabledAt]), [['alice', 'admin', null]]);
    assert.ok(!json.stdout.includes('scrypt'));
  });

  it('reads only the first line of stdin, accepting CRLF', async () => {
    await cli(['user', 'add', 'bob', '--db', db], 'bob-secret1\r\nignored\n');
    assert.deepEqual(await withDb((h) => verifyUser(h, 'bob', 'bob-secret1')), { username: 'bob', role: 'reviewer' });
  });

  it('takes the database from MT_REVIEW_DB when --db is absent', async () => {
    assert.equal((await cli(['user', 'add', 'carol', '--role=reviewer'], 'carol-secret\n', { MT_REVIEW_DB: db })).code, 0);
    assert.deepEqual(await withDb((h) => verifyUser(h, 'carol', 'carol-secret')), { username: 'carol', role: 'reviewer' });
  });

  it('changes a password and role, removes an account, and lists it as removed', async () => {
    // Another admin first: the last active admin cannot be removed (see the next test).
    await cli(['user', 'add', 'root', '--role', 'admin', '--db', db], 'root-secret\n');
    await cli(['user', 'add', 'alice', '--db', db], 'alice-secret\n');
    const passwd = await cli(['user', 'passwd', 'alice', '--role', 'admin', '--db', db], 'newer-secret\n');
    assert.deepEqual(passwd, { code: 0, stdout: 'changed the password of alice (admin)\n', stderr: '' });
    assert.equal(await withDb((h) => verifyUser(h, 'alice', 'alice-secret')), null);
    assert.deepEqual(await withDb((h) => verifyUser(h, 'alice', 'newer-secret')), { username: 'alice', role: 'admin' });
    const remove = await cli(['user', 'remove', 'alice', '--db', db]);
    assert.equal(remove.code, 0);
    assert.match((await cli(['user', 'list', '--db', db])).stdout, /alice +admin +\S+ +removed \d{4}-\d\d-\d\d/);
    assert.equal(await withDb((h) => verifyUser(h, 'alice', 'newer-secret')), null);
    const actions = await withDb((h) => (h.prepare('SELECT action FROM events ORDER BY id').all() as { action: string }[]).map((r) => r.action));
    assert.deepEqual(actions, ['user-add', 'user-add', 'user-passwd', 'user-remove']);
  });

  it('exits 2 with one line when removing or demoting the last active admin, and changes nothing', async () => {
    await cli(['user', 'add', 'alice', '--role', 'admin', '--db', db], 'alice-secret\n');
    const remove = await cli(['user', 'remove', 'alice', '--db', db]);
    assert.equal(remove.code, 2);
    assert.match(remove.stderr, /^mt-review: .*cannot remove "alice": it is the last active admin; make another account admin first\n$/);
    const demote = await cli(['user', 'passwd', 'alice', '--role', 'reviewer', '--db', db], 'newer-secret\n');
    assert.equal(demote.code, 2);
    assert.match(demote.stderr, /cannot demote "alice": it is the last active admin/);
    assert.deepEqual(await withDb((h) => verifyUser(h, 'alice', 'alice-secret')), { username: 'alice', role: 'admin' });
  });

  const failures: [string, string[], string, RegExp][] = [
    ['a password on the command line', ['user', 'add', 'alice', '--password', 'x'], 'alice-secret\n', /never taken as arguments/],
    ['an empty stdin', ['user', 'add', 'alice'], '', /no password on standard input/],
    ['a short password', ['user', 'add', 'alice'], 'short\n', /at least 8 characters/],
    ['an unknown role', ['user', 'add', 'alice', '--role', 'root'], 'alice-secret\n', /unknown role "root"/],
    ['a bad username', ['user', 'add', '../alice'], 'alice-secret\n', /invalid username/],
    ['a missing name', ['user', 'add'], 'alice-secret\n', /which user\?/],
    ['an unknown action', ['user', 'delete', 'alice'], '', /unknown action "delete"/],
    ['an unknown option', ['user', 'list', '--all'], '', /unknown option --all/],
    ['an unknown user', ['user', 'remove', 'nobody'], '', /no such user "nobody"/],
    ['--db without a value', ['user', 'list', '--db'], '', /--db needs a value/],
  ];
  for (const [what, args, input, message] of failures) {
    it(`exits 2 with one line for ${what}`, async () => {
      const res = await cli([...args, ...(args.includes('--db') ? [] : ['--db', db])], input);
      assert.equal(res.code, 2);
      assert.equal(res.stdout, '');
      assert.match(res.stderr, message);
      assert.match(res.stderr, /^mt-review: [^\n]+\n$/);
    });
  }

  it('exits 2 for an active duplicate and leaves the first password in place', async () => {
    await cli(['user', 'add', 'alice', '--db', db], 'alice-secret\n');
    const res = await cli(['user', 'add', 'alice', '--db', db], 'other-secret\n');
    assert.equal(res.code, 2);
    assert.equal(res.stderr, 'mt-review: user "alice" already exists\n');
    assert.deepEqual(await withDb((h) => verifyUser(h, 'alice', 'alice-secret')), { username: 'alice', role: 'reviewer' });
  });

  it('prints help with exit 0, and usage with exit 2 when no action is given', async () => {
    const help = await cli(['user', '--help']);
    assert.equal(help.code, 0);
    for (const word of ['add <name>', 'passwd <name>', 'remove <name>', 'list', '--role', '--db']) assert.ok(help.stdout.includes(word), word);
    const bare = await cli(['user']);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /^Usage: mt-review user/);
  });

  describe('on a terminal', () => {
    /** Runs `mt-review` with a fake terminal on stdin that receives `typed` once reading starts. */
    async function tty(args: string[], typed: string[]): Promise<{ code: number; stdout: string; stderr: string; raw: boolean[] }> {
      const stdin = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode(on: boolean): void };
      const raw: boolean[] = [];
      stdin.isTTY = true;
      stdin.setRawMode = (on: boolean) => { raw.push(on); if (on) setImmediate(() => { for (const t of typed.splice(0)) stdin.write(t); }); };
      let stdout = '';
      let stderr = '';
      const code = await main(args, {
        stdout: { write: (x: string) => { stdout += x; } },
        stderr: { write: (x: string) => { stderr += x; } },
        stdin,
        env: {},
        cwd: process.cwd(),
      });
      return { code, stdout, stderr, raw };
    }

    it('prompts twice without echo and accepts matching passwords, even typed ahead in one chunk', async () => {
      const res = await tty(['user', 'add', 'tina', '--db', db], ['tina-secret\rtina-secret\r']);
      assert.equal(res.code, 0, res.stderr);
      assert.equal(res.stderr, 'Password: \nRepeat password: \n');
      assert.ok(!res.stdout.includes('tina-secret') && !res.stderr.includes('tina-secret'));
      assert.deepEqual(res.raw, [true, false]);
      assert.deepEqual(await withDb((h) => verifyUser(h, 'tina', 'tina-secret')), { username: 'tina', role: 'reviewer' });
    });

    it('honours backspace', async () => {
      const res = await tty(['user', 'add', 'tina', '--db', db], ['tina-secreX\u007ft\r', 'tina-secret\r']);
      assert.equal(res.code, 0, res.stderr);
      assert.deepEqual(await withDb((h) => verifyUser(h, 'tina', 'tina-secret')), { username: 'tina', role: 'reviewer' });
    });

    it('refuses passwords that do not match, and stops on Ctrl+C', async () => {
      const mismatch = await tty(['user', 'add', 'tina', '--db', db], ['tina-secret\r', 'tina-secreT\r']);
      assert.equal(mismatch.code, 2);
      assert.match(mismatch.stderr, /mt-review: user: the passwords do not match\n$/);
      const cancelled = await tty(['user', 'add', 'tina', '--db', db], ['tina-sec\u0003']);
      assert.equal(cancelled.code, 2);
      assert.match(cancelled.stderr, /mt-review: user: cancelled\n$/);
      assert.deepEqual(cancelled.raw, [true, false]);
    });
  });

  it('works as a real process: printf secret | mt-review user add', () => {
    const res = spawnSync(process.execPath, [CLI, 'user', 'add', 'dora', '--role', 'admin', '--db', db], { input: 'dora-secret\n', encoding: 'utf8' });
    assert.equal(res.stderr, '');
    assert.equal(res.status, 0);
    assert.equal(res.stdout, 'added dora (admin)\n');
    const list = spawnSync(process.execPath, [CLI, 'user', 'list', '--db', db], { encoding: 'utf8' });
    assert.match(list.stdout, /dora +admin/);
  });
});
