import { unbalancedQuotes } from '../../src/checks/unbalanced-quotes.js';
import { runCheckTests } from '../support/check-tester.js';

runCheckTests(unbalancedQuotes, {
  valid: [
    'Lukashenko said that it is important that the protesters do not "cross the red line."',
    'Lukashenko said the protesters must not “cross the red line”.',
    'He called it ‘a red line’ and left.',
    // Apostrophes in every position.
    "Russia's loan doesn't cover the '90s debts.",
    'Russia’s loan doesn’t cover the ’90s debts.',
    "The protesters' demands were not met.",
    'The protesters’ demands were not met.',
    "Rock 'n' roll, 'em and 'tis are elisions.",
    // Inch marks.
    'A 17" screen and a man of 5\'10" height.',
    // Nested quotations.
    '“He said ‘no’ to the loan,” the minister said.',
    // A quotation continued in the next paragraph reopens without closing.
    '“Russia will fulfil its commitments.\n\n“We are allies,” Putin said.',
    // …also where the segmenter joins an unindented block to the indented paragraph before it.
    '  "We must not," Lukashenko said. "As they say, a friend in need.\n\n"I am grateful," he added.',
  ],
  invalid: [
    {
      text: 'Lukashenko said the protesters must not “cross the red line.',
      findings: [{ range: [40, 41], match: '“', messageId: 'unclosed' }],
      output: null,
    },
    {
      text: 'Lukashenko said the protesters must not cross the red line”.',
      findings: [{ range: [58, 59], match: '”', messageId: 'unopened' }],
    },
    {
      text: 'He said "we will help and left.',
      findings: [{ range: [8, 9], match: '"', messageId: 'unclosed' }],
    },
    {
      text: 'He said we will help" and left.',
      findings: [{ range: [20, 21], messageId: 'unopened' }],
    },
    {
      text: "He called it 'a red line and left.",
      findings: [{ range: [13, 14], match: "'", messageId: 'unclosed' }],
    },
    {
      text: 'He called it ‘a red line and left.',
      findings: [{ range: [13, 14], match: '‘', messageId: 'unclosed' }],
    },
    {
      name: 'mixed curly open, straight close',
      text: 'Putin said “we are allies" in Sochi.',
      findings: [{ range: [11, 12], match: '“', messageId: 'unclosed' }, { range: [25, 26], match: '"', messageId: 'unopened' }],
    },
    {
      name: 'a quotation does not run on into an unrelated paragraph',
      text: '“Russia will help.\n\nThe talks ended.',
      findings: [{ range: [0, 1], messageId: 'unclosed' }],
    },
  ],
});
