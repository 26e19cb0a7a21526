import assert from 'node:assert/strict';
import { diffWords, tokenize } from '../../../src/web/client/word-diff.js';

describe('web/client/word-diff', () => {
  it('tokenizes words, spaces and punctuation', () => {
    assert.deepEqual(tokenize('White, is.'), ['White', ',', ' ', 'is', '.']);
  });

  it('marks the replaced word only', () => {
    assert.deepEqual(diffWords('White is a close ally', 'Belarus is a close ally'), [
      { value: 'White', added: false, removed: true },
      { value: 'Belarus', added: true, removed: false },
      { value: ' is a close ally', added: false, removed: false },
    ]);
  });

  it('gives back both texts from its runs', () => {
    const before = 'The new crown epidemic has affected trade.';
    const after = 'The COVID-19 epidemic has hit trade hard.';
    const changes = diffWords(before, after);
    assert.equal(changes.filter((c) => !c.added).map((c) => c.value).join(''), before);
    assert.equal(changes.filter((c) => !c.removed).map((c) => c.value).join(''), after);
  });

  it('returns one unchanged run for equal texts and nothing for two empty ones', () => {
    assert.deepEqual(diffWords('same text', 'same text'), [{ value: 'same text', added: false, removed: false }]);
    assert.deepEqual(diffWords('', ''), []);
  });
});
