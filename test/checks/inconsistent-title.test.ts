import { inconsistentTitle } from '../../src/checks/inconsistent-title.js';
import { runCheckTests } from '../support/check-tester.js';

runCheckTests(inconsistentTitle, {
  valid: [
    // The seed article: one pattern per person.
    'Russian President Vladimir Putin and Belarusian President Lukashenko held a meeting.\n\nPutin congratulated Lukashenko.',
    // The same pattern with a longer or shorter name.
    'Belarusian President Alexander Lukashenko arrived.\n\nBelarusian President Lukashenko left.',
    // Different people, different patterns: each person is consistent.
    'Belarusian President Lukashenko met.\n\nPresident of Russia Putin spoke.',
    // Not a title before a name.
    'The Belarusian Presidential Press Bureau said.\n\nThe President of Belarus said the protests were over.',
    'President of Belarus Lukashenko arrived.\n\nThe president of Belarus, Lukashenko, left.',
    // Different titles of one surname are different roles.
    'Russian President Putin arrived.\n\nPrime Minister of Russia Putin was then in office.',
    // The glossary's business, not a known country.
    'White President Lukashenko arrived.\n\nBelarusian President Lukashenko left.',
  ],
  invalid: [
    {
      text: 'Belarusian President Lukashenko arrived.\n\nPresident of Belarus Lukashenko left.',
      findings: [
        {
          range: [42, 73],
          match: 'President of Belarus Lukashenko',
          messageId: 'inconsistent',
          suggestions: ['Belarusian President Lukashenko'],
          message: '“President of Belarus Lukashenko” writes the title differently from its first use in the article (“Belarusian President Lukashenko”).',
        },
      ],
      output: 'Belarusian President Lukashenko arrived.\n\nBelarusian President Lukashenko left.',
    },
    {
      name: 'noun and adjective are two patterns; the full name is kept',
      text: 'Belarusian President Lukashenko arrived.\n\nBelarus President Alexander Lukashenko left.',
      findings: [{ match: 'Belarus President Alexander Lukashenko', fixText: 'Belarusian President Alexander Lukashenko' }],
      output: 'Belarusian President Lukashenko arrived.\n\nBelarusian President Alexander Lukashenko left.',
    },
    {
      name: 'the first pattern wins, even the "of" pattern with "the"',
      text: 'President of the United States Trump called.\n\nUS President Trump and American President Trump.',
      findings: [
        { match: 'US President Trump', fixText: 'President of the United States Trump' },
        { match: 'American President Trump', fixText: 'President of the United States Trump' },
      ],
      output: 'President of the United States Trump called.\n\nPresident of the United States Trump and President of the United States Trump.',
    },
    {
      name: 'a possessive is the same person',
      text: "Belarusian President Lukashenko’s visit.\n\nIt was President of Belarus Lukashenko's first trip.",
      findings: [{ match: "President of Belarus Lukashenko's", fixText: "Belarusian President Lukashenko's" }],
      output: "Belarusian President Lukashenko’s visit.\n\nIt was Belarusian President Lukashenko's first trip.",
    },
    {
      text: 'Russian Foreign Minister Sergei Lavrov met Foreign Minister of Belarus Vladimir Makei.\n\nForeign Minister of Russia Lavrov left.',
      findings: [{ match: 'Foreign Minister of Russia Lavrov', fixText: 'Russian Foreign Minister Lavrov' }],
      output: 'Russian Foreign Minister Sergei Lavrov met Foreign Minister of Belarus Vladimir Makei.\n\nRussian Foreign Minister Lavrov left.',
    },
  ],
});
