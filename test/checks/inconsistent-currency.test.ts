import { inconsistentCurrency } from '../../src/checks/inconsistent-currency.js';
import { runCheckTests } from '../support/check-tester.js';

runCheckTests(inconsistentCurrency, {
  valid: [
    // One style throughout, with different amounts and plural agreement.
    'Russia will provide a loan of 1.5 billion US dollars.\n\nA further 500 million US dollars and 1 US dollar coins.',
    'Russia will lend US$1.5 billion.\n\nThe first US$500 million arrives in October.',
    // Different currencies may use different styles.
    'The loan is 1.5 billion US dollars.\n\nTrade reached €3 billion and 20 billion yuan.',
    // Other dollars are other currencies, not another style of the US dollar.
    'The loan is 1.5 billion US dollars.\n\nHong Kong pledged HK$2 billion and 3 billion Hong Kong dollars.',
    'The loan is 1.5 billion US dollars.\n\nCanada gave C$1 billion.',
    // Amounts without a currency, and percentages.
    'The loan is 1.5 billion US dollars.\n\nHe won 80.1% of 5.8 million votes.',
  ],
  invalid: [
    {
      name: 'the seed article: headline style, then US$ in the body',
      text: 'Putin and Lukashenko meet, Russia will provide Belarus with a loan of 1.5 billion US dollars\n\nPutin stated that Russia will provide Belarus with US$1.5 billion in loans.',
      findings: [
        {
          match: 'US$1.5 billion',
          range: [145, 159],
          messageId: 'inconsistent',
          suggestions: ['1.5 billion US dollars'],
          fixText: null,
          message: '“US$1.5 billion” is written differently from the first US dollar amount in the article (“1.5 billion US dollars”): use one style.',
        },
      ],
      output: null,
    },
    {
      name: 'every other USD style after a US$ start is rewritten to US$',
      text: 'Russia lends US$1.5 billion.\n\nThen US $7 million, $500 million, 200 million dollars, USD 300 million, 1 US dollar, 2bn USD and 4 million U.S. dollars.',
      findings: [
        { match: 'US $7 million', suggestions: ['US$7 million'] },
        { match: '$500 million', suggestions: ['US$500 million'] },
        { match: '200 million dollars', suggestions: ['US$200 million'] },
        { match: 'USD 300 million', suggestions: ['US$300 million'] },
        { match: '1 US dollar', suggestions: ['US$1'] },
        { match: '2bn USD', suggestions: ['US$2bn'] },
        { match: '4 million U.S. dollars', suggestions: ['US$4 million'] },
      ],
      output: 'Russia lends US$1.5 billion.\n\nThen US$7 million, US$500 million, US$200 million, US$300 million, US$1, US$2bn and US$4 million.',
    },
    {
      name: 'suffix to suffix keeps number agreement',
      text: 'A loan of 1,500 million dollars.\n\nOne more: 1 US dollar and 2 US dollars.',
      findings: [
        { match: '1 US dollar', suggestions: ['1 dollar'] },
        { match: '2 US dollars', suggestions: ['2 dollars'] },
      ],
      output: 'A loan of 1,500 million dollars.\n\nOne more: 1 dollar and 2 dollars.',
    },
    {
      name: 'a code prefix keeps its space',
      text: 'Trade reached EUR 3 billion.\n\nThen €2 billion and 5 euros.',
      findings: [{ match: '€2 billion', fixText: 'EUR 2 billion' }, { match: '5 euros', fixText: 'EUR 5' }],
      output: 'Trade reached EUR 3 billion.\n\nThen EUR 2 billion and EUR 5.',
    },
  ],
});
