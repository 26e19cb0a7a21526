import { unbalancedBrackets } from '../../src/checks/unbalanced-brackets.js';
import { runCheckTests } from '../support/check-tester.js';

runCheckTests(unbalancedBrackets, {
  valid: [
    '(Participating reporter: Wei Zhongjie)',
    'Xinhua News Agency, Moscow, September 14 (Reporter Zhang Xiao) Russian President Vladimir Putin met.',
    'The treaty [signed in 1999] still stands {see annex (2)}.',
    // Enumeration markers and emoticons are not brackets.
    'Two demands: 1) dialogue and 2) calm.',
    'Options a) and b) remain.',
    'Thanks :)',
    // A bracket may span sentences within one paragraph.
    'He said (in Sochi. On Monday) that Russia will help.',
  ],
  invalid: [
    {
      text: 'Putin (Russian President met Lukashenko.',
      findings: [{ range: [6, 7], match: '(', messageId: 'unclosed' }],
      output: null,
    },
    {
      text: 'Putin met Lukashenko) in Sochi.',
      findings: [{ range: [20, 21], match: ')', messageId: 'unopened' }],
    },
    {
      text: 'The loan [of 1.5 billion) was agreed.',
      findings: [{ range: [24, 25], messageId: 'mismatched', message: 'The bracket “)” closes “[”; expected “]”.' }],
    },
    {
      text: 'Putin (and [Lukashenko) met.',
      findings: [{ range: [11, 12], match: '[', messageId: 'unclosed' }],
    },
    {
      name: 'a bracket does not span paragraphs',
      text: 'Putin (met\n\nLukashenko) in Sochi.',
      findings: [{ range: [6, 7], messageId: 'unclosed' }, { range: [22, 23], messageId: 'unopened' }],
    },
  ],
});
