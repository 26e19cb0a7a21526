import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { recordAuthEvent } from '../../src/auth/audit.js';
import { addUser, changePassword, countActiveUsers, findActiveUser, listUsers, removeUser, roleAllows, usernameProblem, verifyUser } from '../../src/auth/users.js';
import { openDatabase } from '../../src/store/connection.js';

const FAST = { N: 1024, r: 8, p: 1 };

function events(db: Database.Database): { actor: string; action: string; detail: Record<string, unknown> }[] {
  return (db.prepare('SELECT actor, action, detail FROM events ORDER BY id').all() as { actor: string; action: string; detail: string }[])
    .map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }));
}

describe('auth/users', () => {
  let db: Database.Database;
  beforeEach(() => { db = openDatabase(':memory:'); });
  afterEach(() => db.close());

  it('adds an account that verifies with its password only', async () => {
    const info = await addUser(db, { username: 'alice', password: 'alice-secret', role: 'admin', scrypt: FAST }, 'cli:root');
    assert.equal(info.username, 'alice');
    assert.equal(info.role, 'admin');
    assert.equal(info.disabledAt, null);
    assert.deepEqual(await verifyUser(db, 'alice', 'alice-secret'), { username: 'alice', role: 'admin' });
    assert.equal(await verifyUser(db, 'alice', 'alice-secreT'), null);
    assert.equal(await verifyUser(db, 'Alice', 'alice-secret'), null);
    assert.equal(await verifyUser(db, 'nobody', 'alice-secret'), null);
    const stored = (db.prepare('SELECT password_hash FROM users').get() as { password_hash: string }).password_hash;
    assert.match(stored, /^scrypt\$1024\$8\$1\$/);
  });

  it('defaults to the reviewer role', async () => {
    assert.equal((await addUser(db, { username: 'bob', password: 'bob-secret', scrypt: FAST })).role, 'reviewer');
  });

  it('refuses an active duplicate, a bad name and a short password', async () => {
    await addUser(db, { username: 'alice', password: 'alice-secret', scrypt: FAST });
    await assert.rejects(addUser(db, { username: 'alice', password: 'other-secret', scrypt: FAST }), /already exists/);
    await assert.rejects(addUser(db, { username: '<script>', password: 'other-secret', scrypt: FAST }), /invalid username/);
    await assert.rejects(addUser(db, { username: 'carol', password: 'short', scrypt: FAST }), /at least 8/);
    assert.equal(listUsers(db).length, 1);
  });

  it('validates usernames, with near misses', () => {
    for (const ok of ['alice', 'a', 'Alice.Smith', 'bob_2', 'x-y', 'a'.repeat(64)]) assert.equal(usernameProblem(ok), null, ok);
    for (const bad of ['', '.alice', '-bob', 'a b', 'a'.repeat(65), 'al/ice', 'ünï', 'a\nb', 'a:b']) assert.ok(usernameProblem(bad), bad);
  });

  it('changes a password: the old one stops working, the new one works, sessions end', async () => {
    await addUser(db, { username: 'alice', password: 'old-secret', scrypt: FAST });
    db.prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)').run('s1', JSON.stringify({ user: { username: 'alice', role: 'reviewer' } }), Date.now() + 60_000);
    db.prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)').run('s2', JSON.stringify({ user: { username: 'bob', role: 'reviewer' } }), Date.now() + 60_000);
    await changePassword(db, 'alice', 'new-secret', 'cli:root', { role: 'admin', scrypt: FAST });
    assert.equal(await verifyUser(db, 'alice', 'old-secret'), null);
    assert.deepEqual(await verifyUser(db, 'alice', 'new-secret'), { username: 'alice', role: 'admin' });
    assert.deepEqual((db.prepare('SELECT sid FROM sessions').all() as { sid: string }[]).map((r) => r.sid), ['s2']);
    await assert.rejects(changePassword(db, 'nobody', 'new-secret'), /no such user/);
  });

  it('removes by disabling: the row stays, login fails, it is not counted, sessions end', async () => {
    await addUser(db, { username: 'alice', password: 'alice-secret', scrypt: FAST });
    await addUser(db, { username: 'bob', password: 'bob-secret1', scrypt: FAST });
    db.prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)').run('s1', JSON.stringify({ user: { username: 'alice', role: 'reviewer' } }), Date.now() + 60_000);
    assert.equal(countActiveUsers(db), 2);
    const info = removeUser(db, 'alice', 'cli:root');
    assert.ok(info.disabledAt);
    assert.equal(countActiveUsers(db), 1);
    assert.equal(listUsers(db).length, 2);
    assert.equal(await verifyUser(db, 'alice', 'alice-secret'), null);
    assert.equal(findActiveUser(db, 'alice'), undefined);
    assert.equal((db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n, 0);
    assert.throws(() => removeUser(db, 'alice'), /already removed/);
    await assert.rejects(changePassword(db, 'alice', 'new-secret1'), /was removed/);
  });

  it('re-enables a removed account when it is added again', async () => {
    await addUser(db, { username: 'alice', password: 'alice-secret', scrypt: FAST });
    removeUser(db, 'alice');
    const info = await addUser(db, { username: 'alice', password: 'fresh-secret', role: 'admin', scrypt: FAST });
    assert.equal(info.disabledAt, null);
    assert.equal(info.role, 'admin');
    assert.deepEqual(await verifyUser(db, 'alice', 'fresh-secret'), { username: 'alice', role: 'admin' });
  });

  describe('never leaves no active admin, on the command line as in the app', () => {
    // [name, the accounts before (name: role), the change, refused?]
    const cases: Array<[string, Array<[string, 'admin' | 'reviewer']>, (db: Database.Database) => Promise<unknown>, RegExp | null]> = [
      ['removing the only admin', [['alice', 'admin'], ['bob', 'reviewer']], async (d) => removeUser(d, 'alice'), /cannot remove "alice": it is the last active admin/],
      ['removing one of two admins', [['alice', 'admin'], ['bob', 'admin']], async (d) => removeUser(d, 'alice'), null],
      ['removing a reviewer beside the only admin', [['alice', 'admin'], ['bob', 'reviewer']], async (d) => removeUser(d, 'bob'), null],
      ['demoting the only admin with a new password', [['alice', 'admin']], (d) => changePassword(d, 'alice', 'new-secret1', null, { role: 'reviewer', scrypt: FAST }), /cannot demote "alice": it is the last active admin/],
      ['a new password for the only admin, role kept', [['alice', 'admin']], (d) => changePassword(d, 'alice', 'new-secret1', null, { scrypt: FAST }), null],
      ['demoting one of two admins', [['alice', 'admin'], ['bob', 'admin']], (d) => changePassword(d, 'alice', 'new-secret1', null, { role: 'reviewer', scrypt: FAST }), null],
    ];
    for (const [name, accounts, change, refused] of cases) {
      it(`${name}: ${refused ? 'refused, nothing changes' : 'allowed'}`, async () => {
        for (const [username, role] of accounts) await addUser(db, { username, password: `${username}-secret`, role, scrypt: FAST });
        const before = JSON.stringify(listUsers(db));
        if (refused) {
          await assert.rejects(change(db), refused);
          assert.equal(JSON.stringify(listUsers(db)), before);
        } else {
          await change(db);
          // Allowed means done: the accounts changed, or (a password only) the new password works.
          const changed = JSON.stringify(listUsers(db)) !== before || (await verifyUser(db, 'alice', 'new-secret1')) !== null;
          assert.ok(changed, 'the change took effect');
        }
      });
    }
  });

  it('records every user change in the events table, never a password', async () => {
    await addUser(db, { username: 'alice', password: 'alice-secret', role: 'reviewer', scrypt: FAST }, 'cli:root');
    await changePassword(db, 'alice', 'other-secret', 'cli:root', { scrypt: FAST });
    removeUser(db, 'alice', 'cli:root');
    await addUser(db, { username: 'alice', password: 'third-secret', scrypt: FAST }, 'cli:root');
    const log = events(db);
    assert.deepEqual(log.map((e) => [e.actor, e.action, e.detail.subject]), [
      ['cli:root', 'user-add', 'alice'],
      ['cli:root', 'user-passwd', 'alice'],
      ['cli:root', 'user-remove', 'alice'],
      ['cli:root', 'user-enable', 'alice'],
    ]);
    const raw = JSON.stringify(db.prepare('SELECT * FROM events').all());
    for (const secret of ['alice-secret', 'other-secret', 'third-secret', 'scrypt$']) assert.ok(!raw.includes(secret), secret);
    const at = (db.prepare('SELECT at FROM events LIMIT 1').get() as { at: string }).at;
    assert.ok(!Number.isNaN(Date.parse(at)));
  });

  it('records nothing (and does not fail) where there is no events table', () => {
    const fresh = openDatabase(':memory:');
    fresh.exec('DROP TABLE events');
    try {
      assert.equal(recordAuthEvent(fresh, { action: 'login', actor: 'alice' }), false);
    } finally {
      fresh.close();
    }
  });

  it('admin holds every role, reviewer only its own', () => {
    assert.ok(roleAllows('admin', 'reviewer'));
    assert.ok(roleAllows('admin', 'admin'));
    assert.ok(roleAllows('reviewer', 'reviewer'));
    assert.equal(roleAllows('reviewer', 'admin'), false);
  });
});
