import { fullwidthPunctuation } from '../../src/checks/fullwidth-punctuation.js';
import { runCheckTests } from '../support/check-tester.js';

runCheckTests(fullwidthPunctuation, {
  valid: [
    'Russia, Belarus and China agreed.',
    // Curly quotes are English typography too: the same code points as Chinese quotes.
    'Lukashenko said the protesters must not “cross the red line”.',
    // A Chinese sentence or run is untranslated text, for wrong-language.
    '俄罗斯将向白俄罗斯提供15亿美元贷款。',
    'Putin said “俄白是盟友，” in Sochi.',
    'The name 白俄罗斯（Bai Eluosi） is Chinese for Belarus.',
  ],
  invalid: [
    {
      text: 'Russia，Belarus and China agreed。',
      findings: [
        { range: [6, 7], match: '，', messageId: 'fullwidth', suggestions: [', '], message: 'Use “,” instead of the full-width “，”.' },
        { range: [31, 32], match: '。', suggestions: ['.'] },
      ],
      output: 'Russia, Belarus and China agreed.',
    },
    {
      text: 'Putin（Russia） met Lukashenko：Belarus is an ally！',
      findings: [{ range: [5, 6], fixText: ' (' }, { range: [12, 13], fixText: ')' }, { range: [28, 29], fixText: ': ' }, { range: [47, 48], fixText: '!' }],
      output: 'Putin (Russia) met Lukashenko: Belarus is an ally!',
    },
    {
      text: 'A loan of １.５\u3000billion dollars、or ８０％？',
      findings: [
        { range: [10, 11], fixText: '1' },
        { range: [12, 13], fixText: '5' },
        { range: [13, 14], fixText: ' ' },
        { range: [29, 30], fixText: ', ' },
        { range: [33, 34], fixText: '8' },
        { range: [34, 35], fixText: '0' },
        { range: [35, 36], fixText: '%' },
        { range: [36, 37], fixText: '?' },
      ],
      output: 'A loan of 1.5 billion dollars, or 80%?',
    },
    {
      text: 'He read 《People’s Daily》today.',
      findings: [{ range: [8, 9], fixText: '“' }, { range: [23, 24], fixText: '” ' }],
      output: 'He read “People’s Daily” today.',
    },
  ],
});
