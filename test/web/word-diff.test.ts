import assert from 'node:assert/strict';
import { diffWordsWithSpace, wordsWithSpaceDiff } from 'diff';
import fc from 'fast-check';
import { MAX_WORD_EDIT_TOKENS, wordDiff, type WordChange } from '../../src/web/word-diff.js';

const LONG = 'Xinhua News Agency, Moscow, September 14 (Reporter Zhang Xiao) Russian President Vladimir Putin and the White President Lukashenko held a meeting in Sochi.';

/** The runs of a diff as compact strings: `=same`, `-removed`, `+added`. */
/** jsdiff's minimal word diff, as `wordDiff` shapes its runs. */
const exactly = (before: string, after: string): WordChange[] => diffWordsWithSpace(before, after).map((c) => ({ value: c.value, added: c.added, removed: c.removed }));

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

  describe('an edit beyond MAX_WORD_EDIT_TOKENS is shown as a rewrite between the words kept at both ends', () => {
    // Eighty distinct words joined by spaces; replacing k of them (w1, w3, w5 …) is an edit of 2k tokens.
    const WORDS = Array.from({ length: 80 }, (_, i) => `w${i}`);
    const mt = WORDS.join(' ');
    const replaced = (k: number): string => WORDS.map((w, i) => (i % 2 === 1 && i < 2 * k ? `x${i}` : w)).join(' ');
    const half = MAX_WORD_EDIT_TOKENS / 2;
    for (const k of [1, half]) {
      it(`${k} words replaced (${2 * k} tokens): jsdiff's minimal diff`, () => {
        const changes = wordDiff(mt, replaced(k));
        assert.deepEqual(changes, exactly(mt, replaced(k)));
        assert.equal(changes.filter((c) => c.added).length, k);
      });
    }
    it(`${half + 1} words replaced (${2 * half + 2} tokens): one removal and one addition between the kept ends`, () => {
      const after = replaced(half + 1);
      const keptTail = mt.slice(mt.indexOf(` w${2 * half + 2} `));
      assert.deepEqual(runs(wordDiff(mt, after)), [
        '=w0 ',
        '-' + mt.slice('w0 '.length, mt.length - keptTail.length),
        '+' + after.slice('w0 '.length, after.length - keptTail.length),
        '=' + keptTail,
      ]);
    });
  });

  it("property: the runs rebuild both texts; an edit within the limit is jsdiff's, a bigger one a rewrite", () => {
    const text = fc.array(fc.constantFrom('White', 'Belarus', 'the', ' ', ', ', '.', '\n', 'ally'), { maxLength: 60 }).map((t) => t.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const changes = wordDiff(before, after);
        assert.equal(changes.filter((c) => !c.added).map((c) => c.value).join(''), before);
        assert.equal(changes.filter((c) => !c.removed).map((c) => c.value).join(''), after);
        const minimal = exactly(before, after);
        const edits = minimal.reduce((n, c) => n + (c.added || c.removed ? wordsWithSpaceDiff.tokenize(c.value).length : 0), 0);
        if (edits <= MAX_WORD_EDIT_TOKENS) assert.deepEqual(changes, minimal);
        else assert.deepEqual(changes.filter((c) => c.added || c.removed).map((c) => (c.added ? '+' : '-')), ['-', '+']);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the unchanged words of a merged sentence: only the replaced word and the added sentence are new', () => {
    const changes = wordDiff('The new crown epidemic has affected Russia.', 'The COVID-19 epidemic has affected Russia. Both sides agree.');
    assert.equal(changes.find((c) => c.added)?.value, 'COVID-19');
  });
});
