import assert from 'node:assert/strict';
import { displayPath, formatSize, parseSize } from '../../src/cli/inputs.js';

describe('inputs', () => {
  it('parses sizes in bytes and powers of 1024, and refuses nonsense', () => {
    assert.equal(parseSize('1000'), 1000);
    assert.equal(parseSize('512k'), 512 * 1024);
    assert.equal(parseSize('50MB'), 50 * 1024 * 1024);
    assert.equal(parseSize('1.5G'), 1.5 * 1024 ** 3);
    assert.equal(parseSize('2 KiB'), 2048);
    assert.throws(() => parseSize('lots'), /invalid size "lots"/);
    assert.throws(() => parseSize('-1MB'));
  });

  it('formats sizes the way they parse back', () => {
    for (const n of [10, 1024, 50 * 1024 * 1024, 3 * 1024 ** 3, 1500]) assert.equal(parseSize(formatSize(n).replace(' bytes', '')), n);
  });

  it('shows paths relative to the working directory with forward slashes', () => {
    assert.equal(displayPath('/repo/corpus/a.txt', '/repo'), 'corpus/a.txt');
    assert.equal(displayPath('/elsewhere/a.txt', '/repo'), '../elsewhere/a.txt');
  });
});
