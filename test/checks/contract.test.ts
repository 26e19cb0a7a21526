/**
 * One contract for every registered check, run with the shipped glossary: empty input gives
 * nothing, ranges and fixes lie inside the sentence, `match` is the sentence slice, a second run
 * gives the same result, and odd Unicode never throws.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { CHECKS } from '../../src/checks/index.js';
import { compileOnce } from '../../src/core/checker.js';
import { segment } from '../../src/core/segment.js';
import type { CheckDefinition, CompiledGlossary, Glossary, SentenceFinding } from '../../src/core/types.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { EMPTY_GLOSSARY } from '../support/check-tester.js';

const glossaryDir = fileURLToPath(new URL('../../../glossary/', import.meta.url));

/** The shipped glossary, or an empty one while it cannot be loaded. */
function shippedGlossary(): Glossary {
  try {
    return loadGlossary(glossaryDir);
  } catch {
    return EMPTY_GLOSSARY;
  }
}

const SEED = [
  'Putin and Lukashenko meet, Russia will provide Belarus with a loan of 1.5 billion US dollars',
  '',
  '  Xinhua News Agency, Moscow, September 14 (Reporter Zhang Xiao) Russian President Vladimir Putin and Belarusian President Lukashenko held a meeting.',
  '',
  'White is a close ally of Russia,and Russia will fulfill all its commitments ( the the “red line .',
  '',
  'Putin stated that Russia will provide Belarus with US$1.5 billion in loans，President of Belarus Lukashenko said。',
  '',
  'The new crown epidemic has affected Russia. 俄方将履行所有承诺。 La Russie accordera à la Biélorussie un prêt de 1,5 milliard de dollars.',
].join('\n');

/** Texts that have broken naive string code before. */
const ODD = [
  '\u{1F1E7}\u{1F1FE} Belarus 🇧🇾 flag, 👍🏽 and 👨‍👩‍👧 emoji.',
  'Cafe\u0301 au lait, Lukas\u030Cenko, combining marks.',
  'Hebrew שלום and Arabic مرحبا, RTL \u202Eoverride\u202C text.',
  'A lone surrogate \uD800 here and \uDC00 there, (unbalanced \uD83D',
  'NUL\u0000in the middle\u0000 of “text”.',
  `${'Russia will provide Belarus with a loan. '.repeat(400)}`,
  `${'白'.repeat(5000)}`,
  '\u3000\u3000\uff08\uff09\uff0c\u3002',
  '"\'‘’“”«»„"\'',
  '  ,  .  :  ;  ?  !  ',
  '(((([[[[{{{{',
];

describe('check contract', () => {
  const glossary: CompiledGlossary = compileOnce(shippedGlossary());

  for (const check of CHECKS) {
    describe(check.meta.id, () => {
      const run = (text: string, c: CheckDefinition = check): SentenceFinding[] => {
        const runner = c.create({ glossary, options: {} });
        return runner({ text, segmentation: segment(text) });
      };

      /** Asserts the placement rules for every finding of one text. */
      const assertPlaced = (text: string): SentenceFinding[] => {
        const seg = segment(text);
        const found = check.create({ glossary, options: {} })({ text, segmentation: seg });
        for (const f of found) {
          const s = seg.sentences[f.sentence];
          assert.ok(s, `sentence ${f.sentence} exists`);
          const [a, b] = f.range;
          assert.ok(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b <= s.text.length, `range ${a}-${b} inside ${s.text.length}`);
          assert.equal(f.match, s.text.slice(a, b));
          assert.equal(f.check, check.meta.id);
          assert.ok(f.messageId in check.meta.messages, f.messageId);
          if (f.fix) {
            const [fa, fb] = f.fix.range;
            assert.ok(0 <= fa && fa <= fb && fb <= s.text.length, `fix ${fa}-${fb} inside ${s.text.length}`);
          }
        }
        return found;
      };

      it('finds nothing in empty or blank input', () => {
        assert.deepEqual(run(''), []);
        assert.deepEqual(run('   \n\n\t  '), []);
      });

      it('places every finding inside its sentence on the seed text', () => {
        assertPlaced(SEED);
      });

      it('gives the same result when run twice, with one runner or two', () => {
        const runner = check.create({ glossary, options: {} });
        const seg = segment(SEED);
        const first = runner({ text: SEED, segmentation: seg });
        assert.deepEqual(runner({ text: SEED, segmentation: seg }), first);
        assert.deepEqual(run(SEED), first);
      });

      it('never throws on odd Unicode, and still places findings inside sentences', () => {
        for (const text of ODD) assertPlaced(text);
      });

      it('never throws on random text, and places findings inside sentences', () => {
        const chars = fc.constantFrom(...'ab Z.,;:!?()[]{}"\'“”‘’«»，。（）\u3000１白Бé\u0301 \n\n\t0123456789%$-'.split(''), fc.string({ maxLength: 2 }));
        fc.assert(
          fc.property(fc.array(chars, { maxLength: 80 }).map((a) => a.join('')), (text) => {
            assertPlaced(text);
          }),
          { numRuns: 150, seed: 20200914 },
        );
      });
    });
  }
});
