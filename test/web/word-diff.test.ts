import assert from 'node:assert/strict';
import { wordDiff, type WordChange } from '../../src/web/word-diff.js';

const LONG = 'Xinhua News Agency, Moscow, September 14 (Reporter Zhang Xiao) Russian President Vladimir Putin and the White President Lukashenko held a meeting in Sochi.';

/** The runs of a diff as compact strings: `=same`, `-removed`, `+added`. */
const runs = (changes: WordChange[]): string[] => changes.map((c) => `${c.added ? '+' : c.removed ? '-' : '='}${c.value}`);

describe('web/word-diff', () => {
  // Expected runs, or null where only the invariants are checked (a rewrite's runs are jsdiff's choice).
  const cases: Array<[string, string, string, string[] | null]> = [
    ['identical texts', 'White is an ally.', 'White is an ally.', ['=White is an ally.']],
    ['two empty texts', '', '', []],
    ['one word replaced', 'White is an ally.', 'Belarus is an ally.', ['-White', '+Belarus', '= is an ally.']],
    ['a long sentence with two words replaced', LONG, LONG.replace('White President', 'Belarusian president'), ['=' + LONG.slice(0, LONG.indexOf('White')), '-White', '+Belarusian', '= ', '-President', '+president', '=' + LONG.slice(LONG.indexOf(' Lukashenko'))]],
    ['a sentence merged with the next (a minimal diff, not a rewrite)', 'The new crown epidemic has affected Russia.', 'The COVID-19 epidemic has affected Russia. Both sides should take measures to restore trade to the level before the epidemic and create conditions for future development.', null],
    ['a long sentence rewritten end to end', LONG, 'Belarus is a close ally of Russia.', null],
    ['a long sentence emptied', LONG, '', ['-' + LONG]],
    ['text added to nothing', '', 'Belarus.', ['+Belarus.']],
  ];
  for (const [name, before, after, expected] of cases) {
    it(name, () => {
      const changes = wordDiff(before, after);
      if (expected) assert.deepEqual(runs(changes), expected);
      assert.equal(changes.filter((c) => !c.added).map((c) => c.value).join(''), before, 'the old text is the unchanged and removed runs');
      assert.equal(changes.filter((c) => !c.removed).map((c) => c.value).join(''), after, 'the new text is the unchanged and added runs');
    });
  }

  it('keeps the unchanged words of a merged sentence: only the replaced word and the added sentence are new', () => {
    const changes = wordDiff('The new crown epidemic has affected Russia.', 'The COVID-19 epidemic has affected Russia. Both sides agree.');
    assert.equal(changes.find((c) => c.added)?.value, 'COVID-19');
  });
});
