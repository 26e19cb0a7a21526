import { repeatedWord } from '../../src/checks/repeated-word.js';
import { runCheckTests } from '../support/check-tester.js';

runCheckTests(repeatedWord, {
  valid: [
    'Putin and Lukashenko held a meeting in Sochi.',
    // Grammatical doublings.
    'He had had enough of the protests.',
    'He said that that agreement still stands.',
    'What it is is a loan.',
    // A prefix of the next word, not a repetition.
    'the theory of the case',
    'The anti-anti-missile treaty.',
    // Separated by punctuation: a deliberate repetition.
    'Never, never again.',
    'Bora Bora is far from Minsk.',
    // Line breaks are not inside a sentence.
    'Russia will',
  ],
  invalid: [
    {
      text: 'Putin met the the Belarusian leader.',
      findings: [{ range: [10, 17], match: 'the the', messageId: 'repeated', suggestions: ['the'] }],
      output: 'Putin met the Belarusian leader.',
    },
    {
      text: 'The the loan is large.',
      findings: [{ range: [0, 7], message: 'The word “The” is repeated.' }],
      output: 'The loan is large.',
    },
    {
      text: 'Russia will will will provide a loan in  in Sochi.',
      findings: [{ range: [7, 21], match: 'will will will' }, { range: [37, 43], match: 'in  in' }],
      output: 'Russia will provide a loan in Sochi.',
    },
    {
      text: 'Лукашенко сказал сказал.',
      findings: [{ range: [10, 23] }],
      output: 'Лукашенко сказал.',
    },
  ],
});
