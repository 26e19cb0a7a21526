/**
 * The scope contract (`CheckMeta.scope`): a sentence-scoped check finds on a whole document exactly
 * what it finds on each sentence alone, as a one-sentence document, with sentence indexes mapped
 * back, in the same order. That is what lets a memo reuse a sentence's findings. Each
 * document-scoped check gets a witness: a document where the two differ, so the declaration is
 * needed and not merely cautious.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { CHECKS } from '../../src/checks/index.js';
import { compileOnce, sentenceAlone } from '../../src/core/checker.js';
import { segment } from '../../src/core/segment.js';
import type { CheckDefinition, CheckRunner, SentenceFinding } from '../../src/core/types.js';
import { loadGlossary } from '../../src/glossary/load.js';

const root = new URL('../../../', import.meta.url);
const glossary = compileOnce(loadGlossary(fileURLToPath(new URL('glossary/', root))));
const ARTICLE = readFileSync(fileURLToPath(new URL('corpus/2020-09-14-putin-lukashenko-sochi-loan.txt', root)), 'utf8');

/** Documents with something for every check to find, and odd text. */
const DOCUMENTS = [
  ARTICLE,
  'Putin and Lukashenko meet\n\n  White is a close ally of Russia,and Russia will fulfill all its commitments ( the the “red line .',
  'Headline with the the repeat\n\nBody  text ,with marks，and “quotes” and (brackets.\n\nThe new crown epidemic. 俄方将履行所有承诺。',
  'La Russie accordera à la Biélorussie un prêt de 1,5 milliard de dollars.\n\nLukashenko (Лукашенко) met Putin in 白俄罗斯.',
  'Lukashenko shrugged: “La Russie accordera à la Biélorussie un prêt de dollars.” Then he left.',
  'Cafe\u0301 au lait, 👍🏽 and 🇧🇾 flag.\n\nA lone surrogate \uD800 here, (unbalanced \uD83D',
  'He said:Russia will help.The talks end.Next week, more.\n\nIt rose 5 % .NET and .5 and 2 : 1 and ;-) and :)',
];

/** The check on each sentence alone, findings mapped back to the document's sentence indexes. */
function perSentence(run: CheckRunner, text: string): SentenceFinding[] {
  return segment(text).sentences.flatMap((s) => run(sentenceAlone(s)).map((f) => ({ ...f, sentence: s.index })));
}

/** The check on the whole document. */
function whole(run: CheckRunner, text: string): SentenceFinding[] {
  return run({ text, segmentation: segment(text) });
}

describe('check scope', () => {
  it('is declared by every registered check', () => {
    for (const c of CHECKS) assert.ok(c.meta.scope === 'sentence' || c.meta.scope === 'document', c.meta.id);
  });

  const sentenceScoped = CHECKS.filter((c) => c.meta.scope === 'sentence');
  it('covers the checks that read one sentence only', () => {
    assert.deepEqual(
      sentenceScoped.map((c) => c.meta.id),
      ['wrong-language', 'repeated-word', 'fullwidth-punctuation', 'double-space', 'space-before-punctuation'],
    );
  });

  for (const check of sentenceScoped) {
    describe(`${check.meta.id} (sentence scope)`, () => {
      const run = check.create({ glossary, options: {} });

      for (const [i, text] of DOCUMENTS.entries()) {
        it(`finds on document ${i} what it finds on each sentence alone`, () => {
          assert.deepEqual(whole(run, text), perSentence(run, text));
        });
      }

      it('finds on random documents what it finds on each sentence alone', () => {
        const piece = fc.constantFrom(
          ...'ab Z.,;:!?()"\'“”‘’«»，。（）\u3000１白Бé\u0301 \n\n\t0%$-'.split(''),
          ' the the ', ' Russia ,', ' 白俄罗斯 ', ' Лукашенко ', '  ', '\n\n  ', '. ',
          ' La Russie accordera à la Biélorussie un prêt de 1,5 milliard de dollars. ',
        );
        fc.assert(
          fc.property(fc.array(piece, { maxLength: 60 }).map((a) => a.join('')), (text) => {
            assert.deepEqual(whole(run, text), perSentence(run, text));
          }),
          { numRuns: 100, seed: 20200914 },
        );
      });
    });
  }

  /** For each document-scoped check, a document where its findings depend on other sentences. */
  const WITNESSES: Record<string, string> = {
    'forbidden-term': 'Minsk is in Belarus.\n\nWhite is a close ally of Russia.',
    'inconsistent-currency': 'Russia lent US$1.5 billion.\n\nIt added 2 billion US dollars.',
    'inconsistent-title': 'Belarusian President Lukashenko spoke.\n\nPresident of Belarus Lukashenko left.',
    'inconsistent-spelling': 'Lukashenko met Putin.\n\nLukashenka left.',
    'duplicate-sentence': 'Title\n\nThe two sides signed a new trade agreement. The two sides signed a new trade agreement.',
    'missing-space-after-punctuation': 'Title\n\nThe talks were over.Then they left.',
    // News style reopens the quotation in the next block and closes it only at the end.
    'unbalanced-quotes': 'Title\n\n  “He spoke at length.\n\n  “Then he left.”',
    // A list item starts a sentence of its own inside the bracket.
    'unbalanced-brackets': 'Title\n\nThe plan (see below:\n- one item)\n- two',
  };

  for (const check of CHECKS.filter((c: CheckDefinition) => c.meta.scope === 'document')) {
    it(`${check.meta.id} (document scope) has a witness that it reads beyond one sentence`, () => {
      const text = WITNESSES[check.meta.id];
      assert.ok(text, `a witness for ${check.meta.id}`);
      const run = check.create({ glossary, options: {} });
      assert.ok(segment(text).sentences.length >= 2, 'the witness has several sentences');
      assert.notDeepEqual(whole(run, text), perSentence(run, text));
    });
  }
});
