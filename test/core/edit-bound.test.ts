import assert from 'node:assert/strict';
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { minEditTokens } from '../../src/core/edit-bound.js';

const words = (s: string): string[] => (s === '' ? [] : s.split(' '));

describe('core/edit-bound', () => {
  // [name, a, b, bound]: near misses sit next to each other (one token more, one repeat fewer).
  const cases: Array<[string, string, string, number]> = [
    ['two empty lists', '', '', 0],
    ['identical lists', 'White is an ally', 'White is an ally', 0],
    ['one word replaced', 'White is an ally', 'Belarus is an ally', 2],
    ['one word added', 'White is an ally', 'White is a close ally', 3],
    ['nothing in common', 'White is', 'Belarus was', 4],
    ['everything removed', 'White is an ally', '', 4],
    ['everything added', '', 'Belarus', 1],
    ['a repeated word counted once per repeat', 'the the the', 'the', 2],
    ['the same repeats on both sides', 'the the', 'the the', 0],
    // Only a bound: reordering keeps every token in the multiset, yet no edit keeps them all.
    ['the same words in another order (the bound says 0, the edit needs 2)', 'ally White', 'White ally', 0],
  ];
  for (const [name, a, b, bound] of cases) {
    it(name, () => assert.equal(minEditTokens(words(a), words(b)), bound));
  }

  it('property: never more than the tokens a minimal diff inserts and deletes, and symmetric', () => {
    const list = fc.array(fc.constantFrom('the', 'White', 'Belarus', ',', ' ', 'ally'), { maxLength: 30 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        const edits = diffArrays(a, b).reduce((n, c) => n + (c.added || c.removed ? c.count : 0), 0);
        const bound = minEditTokens(a, b);
        assert.ok(bound <= edits, `bound ${bound} > edit ${edits}`);
        assert.equal(minEditTokens(b, a), bound);
        assert.equal(bound % 2, (a.length + b.length) % 2);
      }),
      { numRuns: 500 },
    );
  });
});
