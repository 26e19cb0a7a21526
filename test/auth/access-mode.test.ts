import assert from 'node:assert/strict';
import { decideAccessMode, enforceAccessMode, isLoopbackHost } from '../../src/auth/access-mode.js';
import { addUser, removeUser } from '../../src/auth/users.js';
import { describeError } from '../../src/cli/main.js';
import { openDatabase } from '../../src/store/connection.js';

describe('auth/access-mode', () => {
  const loopback = ['127.0.0.1', 'localhost', 'LOCALHOST', '::1', '[::1]', '127.0.0.2', '::ffff:127.0.0.1'];
  // Near misses: look local, are not.
  const open = ['0.0.0.0', '::', '', '192.168.1.10', '10.0.0.1', '127.0.0.256', '128.0.0.1', 'localhost.example.com', '127.0.0.1.nip.io', 'example.org'];

  for (const host of loopback) {
    it(`"${host}" with no accounts runs as one local user`, () => {
      assert.ok(isLoopbackHost(host));
      assert.deepEqual(decideAccessMode({ host, userCount: 0 }), { mode: 'local' });
    });
  }

  for (const host of open) {
    it(`"${host}" with no accounts refuses to start`, () => {
      assert.equal(isLoopbackHost(host), false);
      const decision = decideAccessMode({ host, userCount: 0 });
      assert.equal(decision.mode, 'refuse');
      if (decision.mode === 'refuse') {
        assert.ok(decision.message.startsWith('refusing to listen on '));
        assert.ok(decision.message.endsWith(' without accounts; add one with: mt-review user add <name> --role admin'));
        assert.ok(!decision.message.includes('\n'));
      }
    });
  }

  it('names the host in the refusal exactly as the brief words it', () => {
    assert.deepEqual(decideAccessMode({ host: '0.0.0.0', userCount: 0 }), {
      mode: 'refuse',
      message: 'refusing to listen on 0.0.0.0 without accounts; add one with: mt-review user add <name> --role admin',
    });
  });

  it('enforceAccessMode counts active accounts only, and refuses with the one line serve prints', async () => {
    const db = openDatabase(':memory:');
    try {
      assert.deepEqual(enforceAccessMode(db, '127.0.0.1'), { localMode: true });
      assert.throws(() => enforceAccessMode(db, '0.0.0.0'), (err: unknown) =>
        describeError(err, {}) === 'mt-review: refusing to listen on 0.0.0.0 without accounts; add one with: mt-review user add <name> --role admin');
      await addUser(db, { username: 'alice', password: 'alice-secret', scrypt: { N: 1024, r: 8, p: 1 } });
      assert.deepEqual(enforceAccessMode(db, '0.0.0.0'), { localMode: false });
      assert.deepEqual(enforceAccessMode(db, '127.0.0.1'), { localMode: false });
      removeUser(db, 'alice');
      assert.throws(() => enforceAccessMode(db, '0.0.0.0'), /refusing to listen/);
    } finally {
      db.close();
    }
  });

  for (const host of ['127.0.0.1', '0.0.0.0', '192.168.1.10']) {
    it(`"${host}" with accounts requires login`, () => {
      assert.deepEqual(decideAccessMode({ host, userCount: 1 }), { mode: 'accounts' });
      assert.deepEqual(decideAccessMode({ host, userCount: 7 }), { mode: 'accounts' });
    });
  }
});
