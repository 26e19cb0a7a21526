import assert from 'node:assert/strict';
import { wrongLanguage } from '../../src/checks/wrong-language.js';
import { runCheck, runCheckTests } from '../support/check-tester.js';
import { ENGLISH_LINES, FOREIGN_LINES } from './tables/wrong-language-lines.js';

runCheckTests(wrongLanguage, {
  valid: [
    ...ENGLISH_LINES,
    // Too short for any verdict: a French phrase inside English is left alone.
    'Lukashenko shrugged: c’est la vie.',
    // An English quotation is not foreign.
    'Lukashenko said the protesters must not “cross the red line” during the meeting in Sochi.',
    // A Greek letter or a lone Cyrillic homoglyph is a symbol, not a run.
    'The α variant and the Δ symbol appear in the report.',
    // Names in Latin script, however foreign they look.
    'Tikhanovskaya, Tsikhanouskaya, Lukashenka, Lukashenko, Kalesnikava, Babaryka, Tsepkalo',
    { text: 'Россия окажет Беларуси помощь в размере полутора миллиардов долларов.', name: 'Cyrillic is fine when the expected language is Russian', options: { lang: 'rus' } },
    { text: 'La Russie accordera à la Biélorussie un prêt de 1,5 milliard de dollars.', name: 'French is fine when the expected language is French', options: { lang: 'fra' } },
  ],
  invalid: [
    ...FOREIGN_LINES.map(({ text, lang, flagged }) => {
      const at = text.indexOf(flagged);
      const whole = flagged === text;
      return {
        text,
        findings: [{ range: [at, at + flagged.length] as const, match: flagged, lang, messageId: whole ? 'sentence' : 'run' }],
        output: null,
      };
    }),
    {
      name: 'a glossed original name is untranslated text too',
      text: 'Lukashenko (Лукашенко) met Putin.',
      findings: [{ range: [12, 21], lang: 'rus', message: 'Untranslated Russian text inside a sentence in English.' }],
    },
    {
      name: 'two runs in one sentence',
      text: 'The 新冠 epidemic hit 白俄罗斯 hard.',
      findings: [{ range: [4, 6], lang: 'cmn' }, { range: [20, 24], lang: 'cmn' }],
    },
    {
      name: 'a script run is flagged whatever the expected Latin-script language',
      text: 'La Russie accordera à la 白俄罗斯 un prêt.',
      options: { lang: 'fra' },
      findings: [{ range: [25, 29], lang: 'cmn', message: 'Untranslated Chinese text inside a sentence in French.' }],
    },
    {
      name: 'the seed article with a Chinese sentence left in',
      text: 'Putin and Lukashenko meet\n\nWhite is a close ally of Russia.\n\n俄方将履行所有承诺。',
      findings: [{ match: '俄方将履行所有承诺。', messageId: 'sentence', message: 'This sentence is in Chinese, not English: it was left untranslated.' }],
    },
  ],
});

describe('wrong-language on the held-out table', () => {
  it('has at least 40 English and 15 foreign lines', () => {
    assert.ok(ENGLISH_LINES.length >= 40);
    assert.ok(FOREIGN_LINES.length >= 15);
  });

  it('needs its guards: without them franc alone calls some of the English lines foreign', async () => {
    const { franc } = await import('franc');
    const misread = ENGLISH_LINES.filter((l) => !['eng', 'und'].includes(franc(l)));
    assert.ok(misread.length > 0, 'franc with default settings is expected to misread short English lines');
    for (const line of misread) assert.deepEqual(runCheck(wrongLanguage, line), [], line);
  });
});
