import { spaceBeforePunctuation } from '../../src/checks/space-before-punctuation.js';
import { runCheckTests } from '../support/check-tester.js';

runCheckTests(spaceBeforePunctuation, {
  valid: [
    'Putin and Lukashenko met in Sochi, Russia.',
    '(Participating reporter: Wei Zhongjie)',
    // Opening brackets, dashes and ellipses take spaces.
    'The loan ( see above ) was agreed.',
    'Russia - and Belarus - agreed.',
    'He paused ... and went on.',
    'He paused … and went on.',
    // Numbers and names that start with a mark.
    'Inflation rose by .5 percent, a .NET developer said.',
    'The score was 2 : 1 at half-time.',
    'Thanks :) and see you ;-) soon',
  ],
  invalid: [
    {
      text: 'Putin met Lukashenko in Sochi , Russia .',
      findings: [
        { range: [29, 31], match: ' ,', messageId: 'space', suggestions: [','] },
        { range: [38, 40], match: ' .', message: 'Remove the space before “.”.' },
      ],
      output: 'Putin met Lukashenko in Sochi, Russia.',
    },
    {
      text: 'Is this the red line ?  Yes !',
      findings: [{ range: [20, 22] }, { range: [27, 29] }],
      output: 'Is this the red line?  Yes!',
    },
    {
      text: 'The reporter : Wei Zhongjie ; the editor : Li.',
      findings: [{ range: [12, 14] }, { range: [27, 29] }, { range: [40, 42] }],
      output: 'The reporter: Wei Zhongjie; the editor: Li.',
    },
    {
      text: 'A loan of 80.1% , he said “yes” .',
      findings: [{ range: [15, 17] }, { range: [31, 33] }],
      output: 'A loan of 80.1%, he said “yes”.',
    },
  ],
});
