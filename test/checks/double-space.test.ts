import { doubleSpace } from '../../src/checks/double-space.js';
import { runCheckTests } from '../support/check-tester.js';

runCheckTests(doubleSpace, {
  valid: [
    'Putin and Lukashenko met in Sochi.',
    'Russia will provide Belarus with a loan of 1.5 billion US dollars.',
    // A tab is layout, not a doubled space.
    'Column\tvalue',
    // Spaces between sentences are not inside a sentence.
    'The matter has been dealt with.  It ended.',
    // One no-break space is a deliberate glue, not a typo.
    'A loan of 1.5\u00a0billion dollars.',
  ],
  invalid: [
    {
      text: 'Putin  and Lukashenko met.',
      findings: [{ range: [5, 7], match: '  ', messageId: 'double', suggestions: [' '] }],
      output: 'Putin and Lukashenko met.',
    },
    {
      text: 'The matter has been    dealt with.',
      findings: [{ range: [19, 23], messageId: 'double', message: 'Use one space instead of 4.' }],
      output: 'The matter has been dealt with.',
    },
    {
      text: 'a \u00a0b  c',
      findings: [{ range: [1, 3] }, { range: [4, 6] }],
      output: 'a b c',
    },
  ],
});
