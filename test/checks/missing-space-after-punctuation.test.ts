import { missingSpaceAfterPunctuation } from '../../src/checks/missing-space-after-punctuation.js';
import { runCheckTests } from '../support/check-tester.js';

runCheckTests(missingSpaceAfterPunctuation, {
  valid: [
    'Russia, Belarus and China agreed.',
    // Decimals, thousands, times, abbreviations.
    'A loan of 1.5 billion US dollars, or 1,500 million, was agreed at 3:30 p.m.',
    'The U.S. and the U.K. reacted, e.g. with statements.',
    'He holds a Ph.D. from Minsk.',
    'Lukashenko was re-elected with 80.1% of the vote.',
    // Links, e-mail addresses, domains and code.
    'See https://www.belta.by/politics/view,Lukashenko for details.',
    'Write to desk@xinhua.net or visit news.cn.Today only.',
    'Call std::vector in C++.',
    'Node.js and ASP.NET are frameworks.',
    // Ellipses and quotes.
    'He said..."no".',
  ],
  invalid: [
    {
      text: 'Russia,Belarus and China agreed.',
      findings: [{ range: [6, 7], match: ',', messageId: 'missing', suggestions: [', '] }],
      output: 'Russia, Belarus and China agreed.',
    },
    {
      text: 'The matter has been dealt with.Putin left.',
      findings: [{ range: [30, 31], match: '.' }],
      output: 'The matter has been dealt with. Putin left.',
    },
    {
      text: 'On September 14,Putin said:Russia will help;it is ready.Really?Yes!Good.',
      findings: [
        { range: [15, 16], match: ',' },
        { range: [26, 27], match: ':' },
        { range: [43, 44], match: ';' },
        { range: [55, 56], match: '.' },
        { range: [62, 63], match: '?' },
        { range: [66, 67], match: '!' },
      ],
      output: 'On September 14, Putin said: Russia will help; it is ready. Really? Yes! Good.',
    },
    {
      text: 'He won 80.1%.There were protests.',
      findings: [{ range: [12, 13], message: 'Add a space after “.”.' }],
      output: 'He won 80.1%. There were protests.',
    },
  ],
});
