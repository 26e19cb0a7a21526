import assert from 'node:assert/strict';
import { tokenize } from '../../src/glossary/tokenize.js';

/** `[text, [key, poss, gap, matched text][]]`. */
const CASES: Array<[string, Array<[string, string, string, string]>]> = [
  ['new crown', [['new', '', ' ', 'new'], ['crown', '', ' ', 'crown']]],
  ['new-crown', [['new', '', ' ', 'new'], ['crown', '', ' ', 'crown']]],
  ['new  \t crown', [['new', '', ' ', 'new'], ['crown', '', ' ', 'crown']]],
  ['White\'s ally', [['white', '\'s', ' ', 'White\'s'], ['ally', '', ' ', 'ally']]],
  ['White’s ally', [['white', '’s', ' ', 'White’s'], ['ally', '', ' ', 'ally']]],
  ['vaccines\' price', [['vaccines', '\'', ' ', 'vaccines\''], ['price', '', ' ', 'price']]],
  ['don\'t stop', [['don\'t', '', ' ', 'don\'t'], ['stop', '', ' ', 'stop']]],
  ['O\'Neill', [['o\'neill', '', ' ', 'O\'Neill']]],
  ['Mr. White', [['mr', '', ' ', 'Mr'], ['white', '', '.', 'White']]],
  ['White, Russia', [['white', '', ' ', 'White'], ['russia', '', ',', 'Russia']]],
  ['new\n\ncrown', [['new', '', ' ', 'new'], ['crown', '', '\n', 'crown']]],
  ['COVID-19', [['covid', '', ' ', 'COVID'], ['19', '', ' ', '19']]],
  ['Minsk—Moscow', [['minsk', '', ' ', 'Minsk'], ['moscow', '', '—', 'Moscow']]],
  ['Łukaszenka Café', [['łukaszenka', '', ' ', 'Łukaszenka'], ['café', '', ' ', 'Café']]],
  ['白俄罗斯 is', [['白俄罗斯', '', ' ', '白俄罗斯'], ['is', '', ' ', 'is']]],
  ['\'quoted\'', [['quoted', '', ' ', 'quoted']]],
  // Every final 's is read as a possessive, so "it's" is "it" + "'s" (harmless: no term is "it").
  ['it\'s', [['it', '\'s', ' ', 'it\'s']]],
  ['', []],
  ['— , .', []],
];

describe('tokenize', () => {
  for (const [text, expected] of CASES) {
    it(JSON.stringify(text), () => {
      const t = tokenize(text);
      assert.equal(t.length, expected.length);
      const actual = t.key.map((k, i) => [k, t.poss[i], t.gap[i], text.slice(t.start[i], t.end[i])]);
      assert.deepEqual(actual, expected);
    });
  }
});
