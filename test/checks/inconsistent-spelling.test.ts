import assert from 'node:assert/strict';
import { inconsistentSpelling } from '../../src/checks/inconsistent-spelling.js';
import { segment } from '../../src/core/segment.js';
import { compileGlossary } from '../../src/glossary/compile.js';
import { runCheckTests } from '../support/check-tester.js';

runCheckTests(inconsistentSpelling, {
  valid: [
    // One spelling throughout, in different forms and cases.
    'Lukashenko met Putin.\n\nLukashenko’s visit and Lukashenko left.',
    'Cooperation will grow.\n\nThe two sides cooperate and cooperated in cooperative ventures.',
    'Russia will fulfil its commitments.\n\nThe fulfilment of the treaty; it fulfilled them.',
    // "fulfilled" is the same in both spellings.
    'Russia will fulfill its commitments.\n\nIt fulfilled them.',
    // Only one of each pair occurs.
    'Lukashenka met Putin.\n\nCOVID-19 spread.',
    // Hyphenated words whose closed form does not occur, and different words.
    'Lukashenko was re-elected.\n\nLarge-scale protests followed the re-election.',
    'The Russian-Belarusian treaty.\n\nRussian and Belarusian troops.',
    // A hyphen that makes another word.
    'The two sides will re-sign the treaty.\n\nThe minister did not resign.',
    // Case variants of an unlisted word are not spelling variants (datelines in capitals).
    'MINSK, Sept. 14 -- Protests in Minsk.',
  ],
  invalid: [
    {
      text: 'Lukashenko met Putin.\n\nLukashenka left.',
      findings: [
        {
          range: [23, 33],
          match: 'Lukashenka',
          messageId: 'inconsistent',
          suggestions: ['Lukashenko'],
          message: '“Lukashenka” is spelled “Lukashenko” earlier in the article: use one spelling.',
        },
      ],
      output: 'Lukashenko met Putin.\n\nLukashenko left.',
    },
    {
      name: 'case variants of COVID-19',
      text: 'COVID-19 hit Belarus.\n\nCovid-19 and covid-19 cases rose, COVID-19 said.',
      findings: [{ match: 'Covid-19', fixText: 'COVID-19' }, { match: 'covid-19', fixText: 'COVID-19' }],
      output: 'COVID-19 hit Belarus.\n\nCOVID-19 and COVID-19 cases rose, COVID-19 said.',
    },
    {
      name: 'forms of one family map onto each other, keeping a capital',
      text: 'Russia will fulfill its commitments.\n\nFulfilment matters; the two sides co-operate.\n\nCooperation grows.',
      findings: [{ match: 'Fulfilment', fixText: 'Fulfillment' }, { match: 'Cooperation', fixText: 'Co-operation' }],
      output: 'Russia will fulfill its commitments.\n\nFulfillment matters; the two sides co-operate.\n\nCo-operation grows.',
    },
    {
      name: 'a two-word variant',
      text: 'Prices rose 5 percent.\n\nWages rose 3 per cent.',
      findings: [{ match: 'per cent', fixText: 'percent' }],
      output: 'Prices rose 5 percent.\n\nWages rose 3 percent.',
    },
    {
      name: 'hyphenation variants found in the article',
      text: 'Lukashenko was re-elected.\n\nThe reelected president and the Re-elected one.',
      findings: [{ match: 'reelected', fixText: 're-elected' }],
      output: 'Lukashenko was re-elected.\n\nThe re-elected president and the Re-elected one.',
    },
    {
      name: 'closed form first',
      text: 'The reelected president.\n\nHe was re-elected.',
      findings: [{ match: 're-elected', fixText: 'reelected' }],
      output: 'The reelected president.\n\nHe was reelected.',
    },
  ],
});

describe('inconsistent-spelling: sentences remembered by text', () => {
  // One runner checks the documents in turn, so later ones meet sentences it has seen, in other
  // places and orders: it must find exactly what a fresh runner finds in each.
  const documents = [
    'Lukashenko met Putin.\n\nLukashenka left.',
    'Lukashenka left.\n\nLukashenko met Putin.',
    'Lukashenka left.\n\nThe re-election was held.\n\nThe reelection was disputed.',
    'The reelection was disputed.\n\nLukashenko met Putin.\n\nThe re-election was held.',
    'COVID-19 hit Belarus.\n\nCovid-19 and covid-19 cases rose.',
    'Covid-19 and covid-19 cases rose.\n\nCOVID-19 hit Belarus.',
  ];
  const findings = (run: ReturnType<typeof inconsistentSpelling.create>, text: string): string[] =>
    run({ text, segmentation: segment(text) }).map((f) => `${f.sentence}:${f.range[0]}-${f.range[1]} ${f.match} → ${f.suggestions.join('|')}`);
  it('finds in each document what a fresh runner finds', () => {
    const shared = inconsistentSpelling.create({ glossary: compileGlossary({ entries: [], files: [], hash: '' }), options: {} });
    for (const text of [...documents, ...documents.slice().reverse()]) {
      const fresh = inconsistentSpelling.create({ glossary: compileGlossary({ entries: [], files: [], hash: '' }), options: {} });
      assert.deepEqual(findings(shared, text), findings(fresh, text), text);
    }
    assert.ok(findings(shared, documents[1]!).some((f) => f.includes('Lukashenko → Lukashenka')), 'the first spelling in the document sets the norm');
  });
});
