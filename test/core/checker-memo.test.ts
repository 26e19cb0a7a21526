/**
 * `Checker.check` with a memo (`createCheckMemo`): the same findings, in the same order, as without
 * one, whatever was checked before; only changed sentences are checked again by sentence-scoped
 * checks; the memo stays within its bound and never mixes two checkers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { CHECKS } from '../../src/checks/index.js';
import { createChecker, createCheckMemo } from '../../src/core/checker.js';
import { segment } from '../../src/core/segment.js';
import { loadGlossary } from '../../src/glossary/load.js';

const root = new URL('../../../', import.meta.url);
const glossary = loadGlossary(fileURLToPath(new URL('glossary/', root)));
const ARTICLE = readFileSync(fileURLToPath(new URL('corpus/2020-09-14-putin-lukashenko-sochi-loan.txt', root)), 'utf8');
const SEED = [
  'Putin and Lukashenko meet, Russia will provide Belarus with a loan of 1.5 billion US dollars',
  '',
  '  White is a close ally of Russia,and Russia will fulfill all its commitments ( the the “red line .',
  '',
  'Putin stated that Russia will provide Belarus with US$1.5 billion in loans，President of Belarus Lukashenko said。',
  '',
  'The new crown epidemic has affected Russia. 俄方将履行所有承诺。 La Russie accordera à la Biélorussie un prêt de 1,5 milliard de dollars.',
].join('\n');
const ARTICLES = [ARTICLE, SEED];
const SENTENCE_CHECKS = CHECKS.filter((c) => c.meta.scope === 'sentence').length;

/** Text an edit may insert: defects of every kind, sentence and block breaks, odd Unicode. */
const SNIPPETS = [
  'the the ', '  ', ' ,', ',Belarus', '.Next', '“', '”', '"', "'", '(', ')', '[', ']', 'US$2 billion ', '3 billion US dollars ',
  'Belarus President Lukashenko ', 'Lukashenka ', 'co-operation ', 'White ', 'new crown ', 'Лукашенко ', '白俄罗斯', '，', '。',
  'La Russie accordera à la Biélorussie un prêt de 1,5 milliard de dollars. ', '\n\n', '\n\n  ', '\n', '. ', 'Cafe\u0301 ', '👍🏽',
];

/** One edit of a text: insert a snippet, delete a stretch, or copy a stretch elsewhere. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...SNIPPETS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), to: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** Applies an edit; positions wrap around the text's length. */
function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.length);
  const piece = text.slice(at, at + e.length);
  const to = e.to % (text.length + 1);
  return text.slice(0, to) + piece + text.slice(to);
}

describe('checker with a memo', () => {
  const checker = createChecker(glossary);

  it('gives what it gives without one, on random edits of real articles after seeing the original', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ARTICLES), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 400 }), (original, edits, bound) => {
        const memo = createCheckMemo(bound);
        checker.check(original, undefined, memo);
        const edited = edits.reduce(apply, original);
        assert.deepEqual(checker.check(edited, undefined, memo), checker.check(edited));
        // A second run, now all from the memo, gives the same again.
        assert.deepEqual(checker.check(edited, undefined, memo), checker.check(edited));
      }),
      { numRuns: 150, seed: 20260101 },
    );
  });

  it('gives what it gives without one when a segmentation is passed in', () => {
    const memo = createCheckMemo();
    const seg = segment(SEED);
    assert.deepEqual(checker.check(SEED, seg, memo), checker.check(SEED, seg));
  });

  it('checks only the changed sentence again with the sentence-scoped checks', () => {
    assert.ok(SENTENCE_CHECKS > 0, 'some checks are sentence-scoped');
    const memo = createCheckMemo();
    const before = checker.check(ARTICLE, undefined, memo);
    const distinct = new Set(before.segmentation.sentences.map((s) => `${s.kind}|${s.text}`)).size;
    assert.equal(memo.size, distinct, 'one entry per distinct sentence, holding every sentence-scoped check');
    const edited = ARTICLE.replace('The matter has been dealt with.', 'The the matter has been dealt with.');
    assert.notEqual(edited, ARTICLE);
    const after = checker.check(edited, undefined, memo);
    assert.equal(memo.size, distinct + 1, 'one new sentence, one new entry');
    assert.ok(after.findings.some((f) => f.check === 'repeated-word'));
  });

  it('keys on the sentence kind: a headline and a body sentence with the same text are separate entries', () => {
    const memo = createCheckMemo();
    checker.check('Russia and Belarus\n\nRussia and Belarus', undefined, memo);
    assert.equal(memo.size, 2);
  });

  it('stays within its bound, and clear() empties it', () => {
    const memo = createCheckMemo(7);
    checker.check(ARTICLE, undefined, memo);
    assert.ok(memo.size <= 7);
    assert.deepEqual(checker.check(ARTICLE, undefined, memo), checker.check(ARTICLE));
    memo.clear();
    assert.equal(memo.size, 0);
  });

  it('refuses a bound that is not a positive integer', () => {
    assert.throws(() => createCheckMemo(0), RangeError);
    assert.throws(() => createCheckMemo(1.5), RangeError);
    assert.doesNotThrow(() => createCheckMemo(1));
  });

  it('never mixes the entries of two checkers sharing it (options differ)', () => {
    const french = 'La Russie accordera à la Biélorussie un prêt de 1,5 milliard de dollars.';
    const text = `Titre\n\n${french}`;
    const memo = createCheckMemo();
    const english = createChecker(glossary);
    const inFrench = createChecker(glossary, { lang: 'fra' });
    const flagged = english.check(text, undefined, memo).findings.filter((f) => f.check === 'wrong-language');
    assert.equal(flagged.length, 1);
    assert.deepEqual(inFrench.check(text, undefined, memo), inFrench.check(text));
    assert.equal(inFrench.check(text, undefined, memo).findings.filter((f) => f.check === 'wrong-language').length, 0);
  });

  it('hands out fresh findings: changing one result does not change the next', () => {
    const memo = createCheckMemo();
    const text = 'Title\n\nThe the end  of it.';
    const first = checker.check(text, undefined, memo);
    for (const f of first.findings) {
      f.suggestions.push('changed');
      if (f.fix) f.fix.text = 'changed';
    }
    assert.deepEqual(checker.check(text, undefined, memo), checker.check(text));
  });
});
