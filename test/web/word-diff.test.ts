import assert from 'node:assert/strict';
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { makePatch, MAX_EDIT_TOKENS, tokenize } from '../../src/core/patch.js';
import { revisionDiff, wordDiff, type WordChange } from '../../src/web/word-diff.js';

const LONG = 'Xinhua News Agency, Moscow, September 14 (Reporter Zhang Xiao) Russian President Vladimir Putin and the White President Lukashenko held a meeting in Sochi.';

/** The runs of a diff as compact strings: `=same`, `-removed`, `+added`. */
const runs = (changes: WordChange[]): string[] => changes.map((c) => `${c.added ? '+' : c.removed ? '-' : '='}${c.value}`);

/** Both texts rebuilt from a diff's runs. */
function assertRebuilds(changes: WordChange[], before: string, after: string): void {
  assert.equal(changes.filter((c) => !c.added).map((c) => c.value).join(''), before, 'the old text is the unchanged and removed runs');
  assert.equal(changes.filter((c) => !c.removed).map((c) => c.value).join(''), after, 'the new text is the unchanged and added runs');
}

describe('web/word-diff', () => {
  // Expected runs, or null where only the invariants are checked (a rewrite's runs are jsdiff's choice).
  const cases: Array<[string, string, string, string[] | null]> = [
    ['identical texts', 'White is an ally.', 'White is an ally.', ['=White is an ally.']],
    ['two empty texts', '', '', []],
    ['one word replaced', 'White is an ally.', 'Belarus is an ally.', ['-White', '+Belarus', '= is an ally.']],
    ['two adjacent words replaced: one replacement, not two around a kept space', LONG, LONG.replace('White President', 'Belarusian president'), ['=' + LONG.slice(0, LONG.indexOf('White')), '-White President', '+Belarusian president', '=' + LONG.slice(LONG.indexOf(' Lukashenko'))]],
    ['a phrase replaced by a hyphenated word', 'The new crown epidemic.', 'The COVID-19 epidemic.', ['=The ', '-new crown', '+COVID-19', '= epidemic.']],
    ['two words far apart: the words between stay', 'White is an ally of Moscow.', 'Belarus is an ally of Russia.', ['-White', '+Belarus', '= is an ally of ', '-Moscow', '+Russia', '=.']],
    ['a sentence merged with the next (a minimal diff, not a rewrite)', 'The new crown epidemic has affected Russia.', 'The COVID-19 epidemic has affected Russia. Both sides should take measures to restore trade to the level before the epidemic and create conditions for future development.', null],
    ['a long sentence rewritten end to end', LONG, 'Belarus is a close ally of Russia.', null],
    ['a long sentence emptied', LONG, '', ['-' + LONG]],
    ['text added to nothing', '', 'Belarus.', ['+Belarus.']],
  ];
  for (const [name, before, after, expected] of cases) {
    it(name, () => {
      const changes = wordDiff(before, after);
      if (expected) assert.deepEqual(runs(changes), expected);
      assertRebuilds(changes, before, after);
    });
  }

  describe('an edit beyond MAX_EDIT_TOKENS (as for the stored patch) is shown as a rewrite between the words kept at both ends', () => {
    // Eighty distinct words joined by spaces; replacing k of them (w1, w3, w5 …) is an edit of 2k tokens.
    const WORDS = Array.from({ length: 80 }, (_, i) => `w${i}`);
    const mt = WORDS.join(' ');
    const replaced = (k: number): string => WORDS.map((w, i) => (i % 2 === 1 && i < 2 * k ? `x${i}` : w)).join(' ');
    const half = MAX_EDIT_TOKENS / 2;
    for (const k of [1, half]) {
      it(`${k} words replaced (${2 * k} tokens): each replaced word on its own`, () => {
        const changes = wordDiff(mt, replaced(k));
        assertRebuilds(changes, mt, replaced(k));
        assert.equal(changes.filter((c) => c.added).length, k);
        assert.ok(changes.filter((c) => c.added).every((c) => /^x\d+$/.test(c.value)));
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

  it('property: the runs rebuild both texts, never keep a bare space between two changes, and show an edit beyond the limit as a rewrite', () => {
    const text = fc.array(fc.constantFrom('White', 'Belarus', 'the', ' ', ', ', '.', '\n', 'ally'), { maxLength: 60 }).map((t) => t.join(''));
    const kind = (c: WordChange): string => (c.added ? '+' : c.removed ? '-' : '=');
    fc.assert(
      fc.property(text, text, (before, after) => {
        const changes = wordDiff(before, after);
        assertRebuilds(changes, before, after);
        changes.forEach((c, i) => {
          assert.notEqual(c.value, '', 'no empty run');
          if (i > 0) assert.ok(kind(c) !== kind(changes[i - 1]!) || kind(c) === '=', 'changes of a kind are one run');
          if (kind(c) === '=' && i > 0 && i < changes.length - 1) assert.doesNotMatch(c.value, /^\s+$/, 'a kept space between changes joins them');
        });
        const minimal = diffArrays(tokenize(before), tokenize(after)).reduce((n, c) => n + (c.added || c.removed ? c.value.length : 0), 0);
        // Beyond the limit: a rewrite, at most one removal and one addition (an emptied or a new text has only one).
        if (minimal > MAX_EDIT_TOKENS) {
          assert.ok(changes.filter((c) => c.removed).length <= 1 && changes.filter((c) => c.added).length <= 1, JSON.stringify(changes.map(kind)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the unchanged words of a merged sentence: only the replaced words and the added sentence are new', () => {
    const changes = wordDiff('The new crown epidemic has affected Russia.', 'The COVID-19 epidemic has affected Russia. Both sides agree.');
    assert.deepEqual(runs(changes), ['=The ', '-new crown', '+COVID-19', '= epidemic has affected Russia.', '+ Both sides agree.']);
  });

  describe('revisionDiff reads a saved revision’s diff from its patch', () => {
    const mt = 'White is a close ally of Russia.';
    const text = 'Belarus is a close ally of Russia.';
    it('gives the same runs as diffing the texts', () => {
      assert.deepEqual(revisionDiff(mt, { patch: makePatch(mt, text), text }), wordDiff(mt, text));
    });
    it('gives nothing for a revision that keeps the MT text (an approval)', () => {
      assert.deepEqual(revisionDiff(mt, { patch: makePatch(mt, mt), text: mt }), []);
    });
    // Near misses: the patch was made on another MT text, or does not give the revision's text.
    const misfits: Array<[string, string, string]> = [
      ['made on an MT text re-run since (with a prefix)', 'Putin said: White is a close ally of Russia.', 'Putin said: Belarus is a close ally of Russia.'],
      ['made on an MT text whose corrected word changed', 'Belarus is a close friend of Russia.', text],
    ];
    for (const [name, shownOn, revisionText] of misfits) {
      it(`diffs the texts when the patch was ${name}`, () => {
        const changes = revisionDiff(shownOn, { patch: makePatch(mt, text), text: revisionText });
        assertRebuilds(changes, shownOn, revisionText);
        assert.deepEqual(changes, wordDiff(shownOn, revisionText));
      });
    }
    it('diffs the texts when the stored text is not what the patch gives', () => {
      const changes = revisionDiff(mt, { patch: makePatch(mt, text), text: 'Belarus is an ally.' });
      assertRebuilds(changes, mt, 'Belarus is an ally.');
    });
  });
});
