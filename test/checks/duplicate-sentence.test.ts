import assert from 'node:assert/strict';
import { duplicateSentence } from '../../src/checks/duplicate-sentence.js';
import { segment } from '../../src/core/segment.js';
import { compileGlossary } from '../../src/glossary/compile.js';
import { runCheckTests } from '../support/check-tester.js';

const HEAD = 'Putin and Lukashenko meet in Sochi\n\n';

runCheckTests(duplicateSentence, {
  valid: [
    // Short sentences repeat legitimately.
    `${HEAD}He said so. The talks went on for hours in Sochi. He said so.`,
    // One word differs.
    `${HEAD}Russia will provide Belarus with a loan of 1.5 billion US dollars.\n\nRussia will provide Belarus with a loan of 1.6 billion US dollars.`,
    // The headline restated as the lead is normal.
    'Putin and Lukashenko meet in the Russian city of Sochi\n\nPutin and Lukashenko meet in the Russian city of Sochi.',
  ],
  invalid: [
    {
      text: `${HEAD}Russia will provide Belarus with a loan.\n\nThe talks ended.\n\nRussia will provide Belarus with a loan.`,
      findings: [
        {
          range: [96, 136],
          match: 'Russia will provide Belarus with a loan.',
          messageId: 'duplicate',
          message: 'This sentence repeats an earlier one word for word (“Russia will provide Belarus…”).',
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'case, spacing and final punctuation do not hide a copy',
      text: `${HEAD}Russia will provide Belarus with a loan.\n\nRUSSIA will provide  Belarus with a loan!`,
      findings: [{ match: 'RUSSIA will provide  Belarus with a loan!' }],
    },
  ],
});

describe('duplicate-sentence: sentences remembered by text', () => {
  // One runner checks the documents in turn, so later ones meet sentences it has seen, in other
  // places, orders and kinds: it must find exactly what a fresh runner finds in each.
  const LONG = 'Russia will provide Belarus with a loan of 1.5 billion US dollars.';
  const documents = [
    `${HEAD}${LONG}\n\n${LONG}`,
    `${LONG}\n\nThe talks went on for hours in Sochi.\n\n${LONG}`,
    `${LONG}\n\n${LONG.replace('1.5', '1.6')}`,
    `He said so. He said so. ${LONG}`,
    `${HEAD}${LONG}`,
  ];
  const fresh = () => duplicateSentence.create({ glossary: compileGlossary({ entries: [], files: [], hash: '' }), options: {} });
  const findings = (run: ReturnType<typeof fresh>, text: string): string[] => run({ text, segmentation: segment(text) }).map((f) => `${f.sentence}:${f.message}`);
  it('finds in each document what a fresh runner finds', () => {
    const shared = fresh();
    for (const text of [...documents, ...documents.slice().reverse(), ...documents]) assert.deepEqual(findings(shared, text), findings(fresh(), text), text);
    assert.equal(findings(shared, documents[0]!).length, 1, 'the second copy is flagged');
  });
});
