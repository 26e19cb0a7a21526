import assert from 'node:assert/strict';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem, verifyAgainstDummy, verifyPassword } from '../../src/auth/passwords.js';

const FAST = { N: 1024, r: 8, p: 1 };

describe('auth/passwords', () => {
  it('stores the scrypt parameters, a salt and a hash in the hash string', async () => {
    const hash = await hashPassword('correct horse', FAST);
    const parts = hash.split('$');
    assert.equal(parts.length, 6);
    assert.deepEqual(parts.slice(0, 4), ['scrypt', '1024', '8', '1']);
    assert.equal(Buffer.from(parts[4]!, 'base64').length, 16);
    assert.equal(Buffer.from(parts[5]!, 'base64').length, 32);
    assert.ok(!hash.includes('correct horse'));
  });

  it('uses the default cost when none is given', async () => {
    const hash = await hashPassword('correct horse');
    assert.match(hash, /^scrypt\$32768\$8\$1\$/);
    assert.equal(await verifyPassword('correct horse', hash), true);
  });

  it('salts every hash: the same password hashes differently each time', async () => {
    const a = await hashPassword('correct horse', FAST);
    const b = await hashPassword('correct horse', FAST);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('correct horse', a), true);
    assert.equal(await verifyPassword('correct horse', b), true);
  });

  it('rejects a wrong password, a near miss and a different case', async () => {
    const hash = await hashPassword('correct horse', FAST);
    for (const wrong of ['correct hors', 'correct horse ', 'Correct horse', '']) {
      assert.equal(await verifyPassword(wrong, hash), false, wrong);
    }
  });

  it('treats a password in NFC and NFD as the same password', async () => {
    const hash = await hashPassword('caf\u00e9 au lait', FAST);
    assert.equal(await verifyPassword('cafe\u0301 au lait', hash), true);
  });

  it('returns false (never throws) for malformed or tampered hashes', async () => {
    const good = await hashPassword('correct horse', FAST);
    const parts = good.split('$');
    const bad = [
      '',
      'plain',
      'bcrypt$1024$8$1$aaaa$bbbb',
      ['scrypt', '1000', ...parts.slice(2)].join('$'), // N not a power of two
      ['scrypt', String(1 << 24), ...parts.slice(2)].join('$'), // N beyond the bound
      ['scrypt', '1024', '8', '1', parts[4], 'c2hvcnQ='].join('$'), // short key
      `${good}$extra`,
    ];
    for (const stored of bad) assert.equal(await verifyPassword('correct horse', stored), false, stored);
  });

  it('refuses to hash passwords that are too short or too long', async () => {
    assert.ok(passwordProblem('short'));
    assert.equal(passwordProblem('long enough'), null);
    await assert.rejects(hashPassword('short', FAST), /at least 8/);
    await assert.rejects(hashPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1), FAST), /at most/);
    assert.equal(await verifyPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1), await hashPassword('correct horse', FAST)), false);
  });

  it('the dummy verification always fails', async () => {
    assert.equal(await verifyAgainstDummy('anything at all'), false);
  });
});
