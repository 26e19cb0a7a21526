import assert from 'node:assert/strict';
import { adaptReplacement, isSentenceInitial, pluralOf, pluralizeLastWord, type MatchShape } from '../../src/glossary/inflect.js';

describe('pluralOf', () => {
  const cases: Array<[string, string | undefined]> = [
    ['vaccine', 'vaccines'],
    ['virus', 'viruses'],
    ['patch', 'patches'],
    ['antibody', 'antibodies'],
    ['day', 'days'],
    ['VACCINE', 'VACCINES'],
    ['COVID-19', undefined],
    ['x', undefined],
  ];
  for (const [word, plural] of cases) it(`${word} → ${plural}`, () => assert.equal(pluralOf(word)?.word, plural));
});

describe('pluralizeLastWord', () => {
  const cases: Array<[string, string]> = [
    ['COVID-19 vaccine', 'COVID-19 vaccines'],
    ['novel coronavirus', 'novel coronaviruses'],
    ['COVID-19', 'COVID-19'],
    ['Belarusian-Russian relations', 'Belarusian-Russian relations'],
    ['foreign forces', 'foreign forces'],
    ['economic class', 'economic classes'],
  ];
  for (const [phrase, plural] of cases) it(`${phrase} → ${plural}`, () => assert.equal(pluralizeLastWord(phrase), plural));
});

describe('adaptReplacement', () => {
  const base: MatchShape = { match: '', term: '', plural: '', possessive: '', sentenceInitial: false };
  const cases: Array<[string, Partial<MatchShape>, string]> = [
    ['COVID-19 vaccine', { match: 'new crown vaccines', term: 'new crown vaccine', plural: 's' }, 'COVID-19 vaccines'],
    ['Belarus', { match: 'White\'s', term: 'White', possessive: '\'s' }, 'Belarus\'s'],
    ['Belarus', { match: 'White’s', term: 'White', possessive: '’s' }, 'Belarus’s'],
    ['COVID-19 vaccine', { match: 'new crown vaccines\'', term: 'new crown vaccine', plural: 's', possessive: '\'' }, 'COVID-19 vaccines\''],
    ['presidential press service', { match: 'Presidential Press Bureau', term: 'Presidential Press Bureau' }, 'presidential press service'],
    ['presidential press service', { match: 'Presidential Press Bureau', term: 'Presidential Press Bureau', sentenceInitial: true }, 'Presidential press service'],
    ['novel coronavirus', { match: 'new crown virus', term: 'new crown virus', sentenceInitial: true }, 'novel coronavirus'],
    ['COVID-19 epidemic', { match: 'NEW CROWN EPIDEMIC', term: 'new crown epidemic' }, 'COVID-19 EPIDEMIC'],
    ['Union State Treaty', { match: 'US', term: 'US' }, 'Union State Treaty'],
    ['(By', { match: '(Reporter', term: '(Reporter', sentenceInitial: true }, '(By'],
  ];
  for (const [replacement, shape, expected] of cases) {
    it(`${replacement} for ${JSON.stringify(shape.match)}${shape.sentenceInitial ? ' (sentence start)' : ''} → ${expected}`, () => {
      assert.equal(adaptReplacement(replacement, { ...base, ...shape }), expected);
    });
  }
});

describe('isSentenceInitial', () => {
  const cases: Array<[string, boolean]> = [
    ['|White', true],
    ['  |White', true],
    ['"|White', true],
    ['He left. |White', true],
    ['He left? “|White', true],
    ['He said “no.” |White', true],
    ['the |White', false],
    ['Mr. Smith, |White', false],
  ];
  for (const [marked, expected] of cases) {
    it(`${JSON.stringify(marked)} → ${expected}`, () => {
      const at = marked.indexOf('|');
      assert.equal(isSentenceInitial(marked.replace('|', ''), at), expected);
    });
  }
});
