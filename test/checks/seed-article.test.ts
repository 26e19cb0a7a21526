/**
 * Every check except the glossary's on the seed article: the clean article raises only the real
 * currency inconsistency; the same article with typical MT defects injected raises each of them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../../src/checks/index.js';
import type { Finding } from '../../src/core/types.js';
import { runCheck } from '../support/check-tester.js';

const seedPath = fileURLToPath(new URL('../../../corpus/2020-09-14-putin-lukashenko-sochi-loan.txt', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');
const mine = CHECKS.filter((c) => c.meta.id !== 'forbidden-term');

/** All findings of the non-glossary checks, as `check: match` lines in document order. */
function summary(text: string): string[] {
  const all: Finding[] = mine.flatMap((c) => runCheck(c, text));
  return all.sort((a, b) => a.start - b.start).map((f) => `${f.check}: ${f.match}`);
}

/** Replaces one exact passage of the seed article, failing loudly if the article has changed. */
function inject(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the seed article no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

describe('checks on the seed article', () => {
  it('raise only the US$ style inconsistency on the article as published', () => {
    assert.deepEqual(summary(seed), ['inconsistent-currency: US$1.5 billion']);
  });

  it('catch typical MT defects injected into it', () => {
    let text = seed;
    text = inject(text, 'Putin congratulated Lukashenko on', 'Putin congratulated Lukashenka on');
    text = inject(text, 'solve problems and reach', 'solve problems，and  reach');
    text = inject(text, 'White is a close ally of Russia,', 'White is a close ally of of Russia ,');
    text = inject(text, 'The two countries should strengthen cooperation in the field of national defense.', '两国应加强国防领域合作。');
    text = inject(text, 'do not "cross the red line."', 'do not "cross the red line.');
    text = inject(text, 'He said that Russia and Belarus', 'President of Belarus Lukashenko said that Russia and Belarus');
    text = inject(text, 'the Belarusian election during the meeting.', 'the Belarusian election (during the meeting.Both');
    assert.deepEqual(summary(text), [
      'inconsistent-spelling: Lukashenka',
      'fullwidth-punctuation: ，',
      'double-space:   ',
      'repeated-word: of of',
      'space-before-punctuation:  ,',
      'wrong-language: 两国应加强国防领域合作。',
      'inconsistent-currency: US$1.5 billion',
      'unbalanced-brackets: (',
      'missing-space-after-punctuation: .',
      'inconsistent-title: President of Belarus Lukashenko',
      'unbalanced-quotes: "',
    ]);
  });
});
