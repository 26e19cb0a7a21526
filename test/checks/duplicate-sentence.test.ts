import { duplicateSentence } from '../../src/checks/duplicate-sentence.js';
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
