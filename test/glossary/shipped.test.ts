import assert from 'node:assert/strict';
import type { CompiledGlossary, Glossary } from '../../src/core/types.js';
import { compileGlossary } from '../../src/glossary/compile.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { SHIPPED } from './paths.js';

let glossary: Glossary;
let compiled: CompiledGlossary;
before(() => {
  glossary = loadGlossary(SHIPPED);
  compiled = compileGlossary(glossary);
});

// A document that switches every context-dependent entry on: it mentions Belarus and the pandemic.
const CONTEXT = 'Lukashenko said in Minsk that the pandemic and the vaccine mattered.';

/** `entry id: matched text → replacement` for a sentence inside the context document. */
function flagged(sentence: string, doc = `${CONTEXT}\n${sentence}`): string[] {
  return compiled.match(sentence, doc).map((m) => `${m.entry.id}: ${m.text} → ${m.replacement}`);
}

describe('the shipped glossary', () => {
  it('loads, and every entry has a note and examples to flag and to pass', () => {
    assert.ok(glossary.entries.length >= 10);
    for (const e of glossary.entries) {
      assert.ok(e.note.length > 20, `${e.id} has a note`);
      assert.ok(e.examples.flag.length >= 1, `${e.id} has flag examples`);
      assert.ok(e.examples.pass.length >= 1, `${e.id} has pass examples`);
    }
  });

  // Held-out MT renderings (not in the seed or the examples): each must be flagged as shown.
  const REAL: Array<[string, string[]]> = [
    ['White and Russia signed a deal.', ['belarus-white: White → Belarus']],
    ['In White, protests continued.', ['belarus-white: White → Belarus']],
    ['The leaders of China and White met.', ['belarus-white: White → Belarus']],
    ['White authorities detained protesters.', ['belarus-white: White authorities → Belarusian authorities']],
    ['The White-Russian joint exercise began.', ['belarus-white: White-Russian → Belarusian']],
    ['White-Russian trade grew.', ['belarus-white: White-Russian trade → Belarusian-Russian trade']],
    ['The White Russian President met Putin.', ['belarus-white-compound: White Russian President → Belarusian president']],
    ['The White Foreign Minister Makei arrived.', ['belarus-white-compound: White Foreign Minister → Belarusian Foreign Minister']],
    ['There were 200 new crown confirmed cases.', ['covid-new-crown-bare: new crown → COVID-19']],
    ['WHITE PRESIDENT MEETS PUTIN', ['belarus-white-compound: WHITE PRESIDENT → BELARUSIAN PRESIDENT']],
    ['Russia-White trade grew.', ['belarus-white-compound: Russia-White → Russia-Belarus']],
    ['The White President Alexander Lukashenko said so.', ['belarus-white-compound: White President Alexander Lukashenko → Belarusian President Alexander Lukashenko']],
    ['The New Crown Pneumonia epidemic is over.', ['covid-new-crown: New Crown Pneumonia epidemic → COVID-19 epidemic']],
    ['New crown vaccines arrived in Minsk.', ['covid-new-crown: New crown vaccines → COVID-19 vaccines']],
    ['new-crown patients recovered.', ['covid-new-crown: new-crown patients → COVID-19 patients']],
    ['The new crown\'s impact was severe.', ['covid-new-crown-bare: new crown\'s → COVID-19\'s']],
    ['The Belarusian side\'s position is clear.', ['side-calque: The Belarusian side\'s → Belarus\'s']],
  ];
  describe('flags held-out MT renderings', () => {
    for (const [sentence, expected] of REAL) it(sentence, () => assert.deepEqual(flagged(sentence), expected));
  });

  // Other senses, inside a document about Belarus and the pandemic: nothing may fire.
  const OTHER: string[] = [
    'The White House said it was concerned.',
    'White smoke rose from the chimney.',
    'White supremacists rallied in the capital.',
    'Mr. White said nothing.',
    'Ms White said nothing either.',
    'Snow White is a fairy tale.',
    'Whitehall officials disagreed.',
    'The white-collar workers went on strike.',
    'The White Sea is cold.',
    'He raised the white flag.',
    'They published white papers.',
    'White Russians fled to Paris after 1917.',
    'The crown prince visited Minsk.',
    'The Crown Court heard the case.',
    'The crown jewels are in London.',
    'A royal crown was displayed.',
    'The king wore a new crown.',
    'The new crown of the empress was unveiled.',
    'Both sides agreed.',
    'He won the Triple Crown.',
  ];
  describe('never flags other senses', () => {
    for (const sentence of OTHER) it(sentence, () => assert.deepEqual(flagged(sentence), []));
  });

  describe('needs context for the ambiguous renderings', () => {
    const cases: Array<[string, string]> = [
      ['White is a close ally of Russia.', 'The article is about trade with Russia.'],
      ['The new crown was displayed.', 'The article is about the coronation.'],
    ];
    for (const [sentence, doc] of cases) {
      it(`${sentence} in “${doc}”`, () => {
        assert.deepEqual(flagged(sentence, `${doc}\n${sentence}`), []);
        assert.equal(flagged(sentence).length, 1);
      });
    }
  });
});

describe('the compiled shipped glossary on arbitrary text', () => {
  it('never throws, and returns sorted, non-overlapping matches whose ranges give their text', async () => {
    const fc = await import('fast-check');
    const pieces = fc.constantFrom('White', 'white', 'new', 'crown', 'New-Crown', 'vaccine', 's', "'s", '’', '(', 'Reporter', ' ', '-', '.', '\n', 'Minsk', 'pandemic', 'É', '\u0301', '\ud83d\ude00', '\ud800', '白俄');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const ms = compiled.match(text, text);
        let last = 0;
        for (const m of ms) {
          assert.ok(m.start >= last && m.start < m.end && m.end <= text.length);
          assert.equal(text.slice(m.start, m.end), m.text);
          last = m.end;
        }
        assert.deepEqual(compiled.match(text, text), ms);
      }),
      { numRuns: 500 },
    );
  });
});
