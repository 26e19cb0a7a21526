import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffArrays } from 'diff';
import { applyCorrection, isEmptyPatch, makePatch, MAX_EDIT_TOKENS, patchRuns, tokenize, type PatchRun } from '../../src/core/patch.js';

const WHITE = 'White is a close ally of Russia, and Russia will fulfill all its commitments.';
const BELARUS = 'Belarus is a close ally of Russia, and Russia will fulfill all its commitments.';
const LONG = 'Xinhua News Agency, Moscow, September 14 (Reporter Zhang Xiao) Russian President Vladimir Putin and the White President Lukashenko held a meeting in the Russian tourist city of Sochi on the 14th.';

describe('core/patch', () => {
  describe('tokenize', () => {
    const cases: Array<[string, string[]]> = [
      ['', []],
      ['White is', ['White', ' ', 'is']],
      ['Russia, and', ['Russia', ',', ' ', 'and']],
      ['US$1.5 billion', ['US', '$', '1', '.', '5', ' ', 'billion']],
      ['a\n  b', ['a', '\n  ', 'b']],
      ['Lukashenko\u2019s 新冠', ['Lukashenko', '\u2019', 's', ' ', '新冠']],
    ];
    for (const [text, tokens] of cases) {
      it(`splits ${JSON.stringify(text)}`, () => assert.deepEqual(tokenize(text), tokens));
    }
  });

  it('writes a correction of one word as a hunk over that word with token context', () => {
    assert.equal(makePatch(WHITE, BELARUS), '--- sentence\n+++ sentence\n@@ -1,4 +1,4 @@\n-White\n+Belarus\n  \n is\n  \n');
  });

  it('replaces a sentence rewritten beyond MAX_EDIT_TOKENS in one hunk, and keeps small edits minimal', () => {
    const rewritten = makePatch(LONG, 'Belarus is a close ally.');
    assert.match(rewritten, new RegExp(`^--- sentence\\n\\+\\+\\+ sentence\\n@@ -1,${tokenize(LONG).length} \\+1,${tokenize('Belarus is a close ally.').length} @@\\n`));
    assert.equal(rewritten.split('\n').filter((l) => l.startsWith(' ')).length, 0, 'no context lines');
    const small = makePatch(LONG, LONG.replace('Sochi', 'Minsk'));
    assert.match(small, /^--- sentence\n\+\+\+ sentence\n@@ -\d+,7 \+\d+,7 @@\n/);
    assert.ok(tokenize(LONG).length > MAX_EDIT_TOKENS);
  });

  describe('a minimal patch up to MAX_EDIT_TOKENS inserted plus removed tokens, one replacing hunk beyond', () => {
    // Eighty distinct words; replacing k of them (w0, w2, w4 …) is an edit of 2k tokens.
    const WORDS = Array.from({ length: 80 }, (_, i) => `w${i}`);
    const replaced = (k: number): string => WORDS.map((w, i) => (i % 2 === 0 && i / 2 < k ? `x${i}` : w)).join(' ');
    const hunks = (patch: string): number => patch.split('\n').filter((l) => l.startsWith('@@ ')).length;
    const contextLines = (patch: string): number => patch.split('\n').filter((l) => l.startsWith(' ')).length;
    const cases: Array<[number, 'minimal' | 'replacement']> = [
      [1, 'minimal'],
      [MAX_EDIT_TOKENS / 2, 'minimal'],
      [MAX_EDIT_TOKENS / 2 + 1, 'replacement'],
    ];
    for (const [k, kind] of cases) {
      it(`${k} words replaced (${2 * k} tokens): ${kind}`, () => {
        const mt = WORDS.join(' ');
        const patch = makePatch(mt, replaced(k));
        if (kind === 'minimal') assert.ok(contextLines(patch) > 0 && hunks(patch) >= 1, patch);
        else assert.ok(hunks(patch) === 1 && contextLines(patch) === 0, patch);
        assert.deepEqual(applyCorrection(mt, patch), { ok: true, text: replaced(k) });
      });
    }
  });

  it('writes an empty patch (headers only) when nothing changed', () => {
    const patch = makePatch(WHITE, WHITE);
    assert.equal(patch, '--- sentence\n+++ sentence\n');
    assert.ok(isEmptyPatch(patch));
    assert.ok(!isEmptyPatch(makePatch(WHITE, BELARUS)));
  });

  describe('applyCorrection on the MT text the patch was made on', () => {
    const cases: Array<[string, string, string]> = [
      ['one word', WHITE, BELARUS],
      ['a word at the end', 'The new crown epidemic', 'The new crown pandemic'],
      ['a phrase', 'The new crown epidemic has affected Russia.', 'The COVID-19 epidemic has affected Russia.'],
      ['everything', 'abc', 'xyz'],
      ['escaped characters', 'a \\ b', 'a \\n b\r\nc'],
      ['to the empty string', 'abc', ''],
      ['a long sentence rewritten end to end (one replacing hunk)', LONG, 'Belarus is a close ally of Russia (rewritten in full by the reviewer).'],
      ['a long sentence to the empty string', LONG, ''],
      ['a long sentence with one word changed (still a minimal hunk)', LONG, LONG.replace('Sochi', 'Minsk')],
    ];
    for (const [name, mt, corrected] of cases) {
      it(`reproduces ${name}`, () => assert.deepEqual(applyCorrection(mt, makePatch(mt, corrected)), { ok: true, text: corrected }));
    }
  });

  describe('applyCorrection on a re-run MT text', () => {
    const patch = makePatch(WHITE, BELARUS);
    const cases: Array<{ name: string; mt: string; expected: string | null }> = [
      {
        name: 'another word changed away from the correction: applies',
        mt: 'White is a close ally of Russia, and Russia will honour all its commitments.',
        expected: 'Belarus is a close ally of Russia, and Russia will honour all its commitments.',
      },
      {
        name: 'the sentence gained a prefix: applies where the context is found',
        mt: 'Putin said: White is a close ally of Russia.',
        expected: 'Putin said: Belarus is a close ally of Russia.',
      },
      { name: 'the corrected word itself changed: conflict', mt: 'Belarus is a close ally of Russia.', expected: null },
      { name: 'the context next to it changed: conflict', mt: 'White was a close ally of Russia.', expected: null },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const result = applyCorrection(c.mt, patch);
        assert.deepEqual(result, c.expected === null ? { ok: false } : { ok: true, text: c.expected });
      });
    }
  });

  describe('applyCorrection never throws on a bad patch', () => {
    const cases: Array<[string, string]> = [
      ['garbage', 'this is not a patch'],
      ['a hunk with wrong counts', '--- sentence\n+++ sentence\n@@ -1,9 +1,9 @@\n-White\n+Belarus\n'],
      ['an invalid escape in an added token', '--- sentence\n+++ sentence\n@@ -1,1 +1,1 @@\n-White\n+\\q\n'],
    ];
    for (const [name, patch] of cases) {
      it(name, () => assert.deepEqual(applyCorrection(WHITE, patch), { ok: false }));
    }
  });

  it('property: any rendering of any sentence is reproduced exactly by its patch', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\\', '-', '+', '@', ',', 'é', '白', '\u{1F600}'), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), fc.oneof(text, fc.string()), (mt, corrected) => {
        assert.deepEqual(applyCorrection(mt, makePatch(mt, corrected)), { ok: true, text: corrected });
      }),
      { numRuns: 500 },
    );
  });
  describe('patchRuns reads what a patch changes from the patch', () => {
    const runs = (r: PatchRun[] | undefined): string[] | undefined => r?.map((c) => `${c.added ? '+' : c.removed ? '-' : '='}${c.value}`);
    const cases: Array<[string, string, string, string[]]> = [
      ['one word', WHITE, BELARUS, ['-White', '+Belarus', '=' + WHITE.slice('White'.length)]],
      ['a word at the end', 'The new crown epidemic', 'The new crown pandemic', ['=The new crown ', '-epidemic', '+pandemic']],
      ['adjacent tokens (one run each way)', 'The crown epidemic.', 'The COVID-19 epidemic.', ['=The ', '-crown', '+COVID-19', '= epidemic.']],
      ['two words (the space between them kept)', 'the White President met', 'the Belarusian president met', ['=the ', '-White', '+Belarusian', '= ', '-President', '+president', '= met']],
      ['an insertion only', 'a c', 'a b c', ['=a ', '+b ', '=c']],
      ['an insertion at the start', 'b', 'a b', ['+a ', '=b']],
      ['text added to nothing', '', 'Belarus.', ['+Belarus.']],
      ['everything removed', 'abc', '', ['-abc']],
      ['two hunks far apart', LONG, LONG.replace('Moscow', 'Minsk').replace('Sochi', 'Brest'), [
        '=' + LONG.slice(0, LONG.indexOf('Moscow')), '-Moscow', '+Minsk', '=' + LONG.slice(LONG.indexOf('Moscow') + 6, LONG.indexOf('Sochi')), '-Sochi', '+Brest', '=' + LONG.slice(LONG.indexOf('Sochi') + 5),
      ]],
      ['escaped characters', 'a \\ b', 'a \\n b\r\nc', ['=a \\', '+n', '= b', '+\r\nc']],
      ['a rewrite beyond MAX_EDIT_TOKENS (one replacing hunk)', LONG, 'Belarus is an ally.', ['-' + LONG, '+Belarus is an ally.']],
      ['nothing changed', WHITE, WHITE, ['=' + WHITE]],
    ];
    for (const [name, mt, corrected, expected] of cases) {
      it(name, () => assert.deepEqual(runs(patchRuns(mt, makePatch(mt, corrected))), expected));
    }

    // Near misses: the patch does not fit this MT text where it says, or is not a sentence patch.
    const misfits: Array<[string, string, string]> = [
      ['the MT text was re-run with the corrected word changed', 'Belarus is a close ally of Russia.', makePatch(WHITE, BELARUS)],
      ['the MT text gained a prefix (applyCorrection finds it elsewhere; the runs do not guess)', 'Putin said: White is a close ally of Russia.', makePatch(WHITE, BELARUS)],
      ['the context next to the change differs', 'White was a close ally of Russia.', makePatch(WHITE, BELARUS)],
      ['garbage', WHITE, 'this is not a patch'],
      ['another file name', WHITE, makePatch(WHITE, BELARUS).replace(/sentence/g, 'other')],
      ['an invalid escape', WHITE, '--- sentence\n+++ sentence\n@@ -1,1 +1,1 @@\n-White\n+\\q\n'],
      ['a hunk beyond the end of the text', 'White', '--- sentence\n+++ sentence\n@@ -9,1 +9,1 @@\n-White\n+Belarus\n'],
    ];
    for (const [name, mt, patch] of misfits) {
      it(`gives nothing when ${name}`, () => assert.equal(patchRuns(mt, patch), undefined));
    }

    it('property: the runs rebuild both texts, and within MAX_EDIT_TOKENS change as few tokens as jsdiff', () => {
      const text = fc.array(fc.constantFrom('White', 'Belarus', 'the', ' ', ',', '.', '\n', '\\', 'ally'), { maxLength: 50 }).map((t) => t.join(''));
      fc.assert(
        fc.property(text, text, (mt, corrected) => {
          const r = patchRuns(mt, makePatch(mt, corrected));
          assert.ok(r);
          assert.equal(r.filter((c) => !c.added).map((c) => c.value).join(''), mt);
          assert.equal(r.filter((c) => !c.removed).map((c) => c.value).join(''), corrected);
          const changed = r.reduce((n, c) => n + (c.added || c.removed ? tokenize(c.value).length : 0), 0);
          const minimal = diffArrays(tokenize(mt), tokenize(corrected)).reduce((n, c) => n + (c.added || c.removed ? c.count ?? c.value.length : 0), 0);
          if (minimal <= MAX_EDIT_TOKENS) assert.equal(changed, minimal);
        }),
        { numRuns: 300 },
      );
    });
  });
});
