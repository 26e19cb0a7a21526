import assert from 'node:assert/strict';
import { LoginThrottle } from '../../src/auth/throttle.js';

describe('auth/throttle', () => {
  const make = () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle({ limit: 5, windowMs: 15 * 60_000, now: () => now });
    return { throttle, advance: (ms: number) => { now += ms; } };
  };

  it('allows four failures, refuses after the fifth', () => {
    const { throttle } = make();
    for (let i = 0; i < 4; i++) {
      throttle.fail('account:alice');
      assert.equal(throttle.retryAfter('account:alice'), 0, `after ${i + 1} failures`);
    }
    throttle.fail('account:alice');
    assert.equal(throttle.retryAfter('account:alice'), 15 * 60);
  });

  it('counts keys separately', () => {
    const { throttle } = make();
    for (let i = 0; i < 5; i++) throttle.fail('account:alice');
    assert.ok(throttle.retryAfter('account:alice') > 0);
    assert.equal(throttle.retryAfter('account:bob'), 0);
  });

  it('lets a key try again once its oldest failure leaves the window (sliding)', () => {
    const { throttle, advance } = make();
    throttle.fail('k');
    advance(5 * 60_000);
    for (let i = 0; i < 4; i++) throttle.fail('k');
    assert.equal(throttle.retryAfter('k'), 10 * 60);
    advance(10 * 60_000 - 1000);
    assert.equal(throttle.retryAfter('k'), 1);
    advance(1000);
    assert.equal(throttle.retryAfter('k'), 0);
    throttle.fail('k');
    assert.equal(throttle.retryAfter('k'), 5 * 60);
  });

  it('forgets a key on reset', () => {
    const { throttle } = make();
    for (let i = 0; i < 5; i++) throttle.fail('k');
    throttle.reset('k');
    assert.equal(throttle.retryAfter('k'), 0);
  });

  it('forgive takes back only the latest failure', () => {
    const { throttle } = make();
    for (let i = 0; i < 5; i++) throttle.fail('k');
    throttle.forgive('k');
    assert.equal(throttle.retryAfter('k'), 0);
    throttle.fail('k');
    assert.ok(throttle.retryAfter('k') > 0);
    throttle.forgive('nothing-here');
    assert.equal(throttle.retryAfter('nothing-here'), 0);
  });

  it('bounds the number of keys it remembers', () => {
    const throttle = new LoginThrottle({ limit: 1, maxKeys: 3 });
    for (const k of ['a', 'b', 'c', 'd']) throttle.fail(k);
    assert.equal(throttle.retryAfter('a'), 0);
    assert.ok(throttle.retryAfter('d') > 0);
  });
});
