import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CompiledGlossary } from '../../src/core/types.js';
import { buildGlossary } from '../../src/glossary/build.js';
import { compileGlossary } from '../../src/glossary/compile.js';

/** Compiles a glossary written inline in YAML (examples run as they would from a file). */
function compile(yaml: string): CompiledGlossary {
  return compileGlossary(buildGlossary([{ file: 'inline.yaml', text: yaml }], () => 'test'));
}

/** `[entry id, matched text, adapted replacement, start]` for each match. */
function matches(g: CompiledGlossary, text: string, doc?: string): Array<[string, string, string, number]> {
  return g.match(text, doc).map((m) => {
    assert.equal(text.slice(m.start, m.end), m.text, 'range and text agree');
    return [m.entry.id, m.text, m.replacement, m.start];
  });
}

const COVID_YAML = `
- id: covid
  terms:
    - new crown epidemic: COVID-19 epidemic
    - new crown vaccine: COVID-19 vaccine
    - new crown antibody: COVID-19 antibody
    - {term: new crown, use: COVID-19, plural: false}
  exceptions: [crown prince]
- id: side
  terms: [the Russian side: Russia]
  plural: false
  exceptions: [side of]
- id: white
  terms: [{term: White, use: Belarus, plural: false}, White President: Belarusian president]
  case-sensitive: true
  context: [Minsk, Belarusian]
  exceptions: [White House, Snow White, Mr. White]
- id: byline
  terms: ['(Reporter': '(By']
  plural: false
- id: dealt
  terms: [matter has been dealt with.: matter has been agreed.]
`;
const COVID = compile(COVID_YAML);

type Case = [text: string, expected: Array<[string, string, string, number]>, doc?: string];

describe('compiled glossary: matching', () => {
  const cases: Array<[string, Case[]]> = [
    ['inflection: plural, possessive, capitals, hyphens', [
      ['the new crown epidemic spread', [['covid', 'new crown epidemic', 'COVID-19 epidemic', 4]]],
      ['two new crown vaccines arrived', [['covid', 'new crown vaccines', 'COVID-19 vaccines', 4]]],
      ['new crown antibodies were found', [['covid', 'new crown antibodies', 'COVID-19 antibodies', 0]]],
      ['the new crown vaccine\'s price', [['covid', 'new crown vaccine\'s', 'COVID-19 vaccine\'s', 4]]],
      ['the new crown vaccines\' price', [['covid', 'new crown vaccines\'', 'COVID-19 vaccines\'', 4]]],
      ['the new crown vaccine’s price', [['covid', 'new crown vaccine’s', 'COVID-19 vaccine’s', 4]]],
      ['New crown vaccines arrived.', [['covid', 'New crown vaccines', 'COVID-19 vaccines', 0]]],
      ['a new-crown vaccine', [['covid', 'new-crown vaccine', 'COVID-19 vaccine', 2]]],
      ['a new – crown vaccine', [['covid', 'new – crown vaccine', 'COVID-19 vaccine', 2]]],
      ['NEW CROWN VACCINE APPROVED', [['covid', 'NEW CROWN VACCINE', 'COVID-19 VACCINE', 0]]],
      ['The Russian side agreed.', [['side', 'The Russian side', 'Russia', 0]]],
      ['He said the Russian side agreed.', [['side', 'the Russian side', 'Russia', 8]]],
      ['It angered the Russian side\'s envoy.', [['side', 'the Russian side\'s', 'Russia\'s', 11]]],
    ]],
    ['near misses', [
      ['the new crowns of the kings', []],
      ['the new crowned king', []],
      ['renew crown epidemic', []],
      ['the new, crown epidemic', []],
      ['the new\n\ncrown epidemic', []],
      ['the Russian sides', []],
      ['the Russian-side', [['side', 'the Russian-side', 'Russia', 0]]],
    ]],
    ['longest match wins, matches never overlap', [
      ['the new crown epidemic and the new crown', [['covid', 'new crown epidemic', 'COVID-19 epidemic', 4], ['covid', 'new crown', 'COVID-19', 31]]],
      ['the White President said', [['white', 'White President', 'Belarusian president', 4]], 'Minsk'],
    ]],
    ['exceptions suppress overlapping matches of their own entry only', [
      ['the new crown prince', []],
      ['the Russian side of the border', []],
      ['The White House and Minsk', []],
      ['Snow White in Minsk', []],
      ['Mr. White in Minsk', []],
      ['Mr White in Minsk', [['white', 'White', 'Belarus', 3]]],
      ['White House talks and White in Minsk', [['white', 'White', 'Belarus', 22]]],
    ]],
    ['case-sensitive terms: as written, or all capitals', [
      ['White is an ally of Minsk', [['white', 'White', 'Belarus', 0]]],
      ['white is an ally of Minsk', []],
      ['WHITE IS AN ALLY OF MINSK', [['white', 'WHITE', 'BELARUS', 0]]],
      ['WHite is an ally of Minsk', []],
    ]],
    ['context: the document decides, or the text when no document is given', [
      ['White is an ally.', [], 'A text about paint.'],
      ['White is an ally.', [['white', 'White', 'Belarus', 0]], 'Belarusian officials said: White is an ally.'],
      ['White is an ally.', [['white', 'White', 'Belarus', 0]], 'Minsk\'s view. White is an ally.'],
      ['White is an ally of Minsk.', [['white', 'White', 'Belarus', 0]]],
      ['White is an ally.', []],
    ]],
    ['lead and trail punctuation', [
      ['Moscow (Reporter Zhang Xiao) Putin', [['byline', '(Reporter', '(By', 7]]],
      ['Moscow ( Reporter Zhang Xiao) Putin', [['byline', '( Reporter', '(By', 7]]],
      ['The Reporter Zhang Xiao', []],
      ['the matter has been dealt with.', [['dealt', 'matter has been dealt with.', 'matter has been agreed.', 4]]],
      ['the matter has been dealt with by him.', []],
    ]],
  ];
  for (const [group, rows] of cases) {
    describe(group, () => {
      for (const [text, expected, doc] of rows) {
        it(`${JSON.stringify(text)}${doc !== undefined ? ` in ${JSON.stringify(doc)}` : ''}`, () => {
          assert.deepEqual(matches(COVID, text, doc), expected);
        });
      }
    });
  }

  it('gives nothing for empty or word-less text', () => {
    assert.deepEqual(COVID.match(''), []);
    assert.deepEqual(COVID.match(' —,. '), []);
  });

  it('evaluates context per document: switching documents switches the result', () => {
    const sentence = 'White is an ally.';
    assert.equal(COVID.match(sentence, 'in Minsk').length, 1);
    assert.equal(COVID.match(sentence, 'in Paris').length, 0);
    assert.equal(COVID.match(sentence, 'in Minsk').length, 1);
  });

  describe('remembers a sentence’s matches by its text and the context its document activates', () => {
    const sentences = ['White is an ally.', 'The White President met the Russian side.', 'the new crown epidemic', 'Snow White and the White House.', 'White'];
    const documents = ['in Minsk', 'in Paris', 'Belarusian media', '', 'White is an ally. In Minsk.'];
    it('property: any sequence of sentences and documents gets what a glossary compiled afresh for each call gets', () => {
      const call = fc.tuple(fc.constantFrom(...sentences), fc.constantFrom(...documents));
      fc.assert(
        fc.property(fc.array(call, { minLength: 1, maxLength: 12 }), (calls) => {
          for (const [sentence, doc] of calls) assert.deepEqual(matches(COVID, sentence, doc), matches(compile(COVID_YAML), sentence, doc));
        }),
        { numRuns: 60 },
      );
    });
    it('hands out frozen results, so a remembered one cannot be changed', () => {
      const found = COVID.match('White is an ally.', 'in Minsk');
      assert.ok(Object.isFrozen(found) && found.length === 1 && Object.isFrozen(found[0]));
      assert.equal(COVID.match('White is an ally.', 'in Minsk'), found, 'the same sentence in the same context: remembered');
      assert.deepEqual(COVID.match('White is an ally.', 'in Paris'), [], 'another context: not');
    });
  });

  it('keeps the entry and term that matched', () => {
    const [m] = COVID.match('a new crown vaccine');
    assert.equal(m!.entry.id, 'covid');
    assert.equal(m!.term.text, 'new crown vaccine');
  });

  it('treats terms as text, never as patterns', () => {
    const g = compile(`
- id: dots
  terms: [{term: 'a.b.c (x+)*', use: abc}]
`);
    assert.deepEqual(matches(g, 'see a.b.c (x+)* here'), [['dots', 'a.b.c (x+)*', 'abc', 4]]);
    assert.deepEqual(matches(g, 'see aXbXc (xx) here'), []);
  });

  it('a later, shorter term wins where the longer one is excepted', () => {
    const g = compile(`
- id: long
  terms: [White President: Belarusian president]
  exceptions: [White President Hotel]
- id: short
  terms: [White: Belarus]
  case-sensitive: true
`);
    assert.deepEqual(matches(g, 'at the White President Hotel'), [['short', 'White', 'Belarus', 7]]);
  });

  it('compiles a glossary object once, and again only when its entry list is replaced or resized', () => {
    const glossary = buildGlossary([{ file: 'inline.yaml', text: '- id: a\n  terms: [new crown: COVID-19]\n' }], () => 'test');
    const first = compileGlossary(glossary);
    assert.equal(compileGlossary(glossary), first, 'the same object: the same matcher');
    assert.notEqual(compileGlossary({ ...glossary }), first, 'a copy is compiled afresh');
    const [entry] = glossary.entries;
    glossary.entries.push({ ...entry!, id: 'b', terms: [{ text: 'old crown', replacement: 'x', caseSensitive: false }] });
    assert.deepEqual(matches(compileGlossary(glossary), 'The old crown.'), [['b', 'old crown', 'x', 4]], 'a grown entry list is compiled again');
    glossary.entries = [entry!];
    assert.deepEqual(matches(compileGlossary(glossary), 'The old crown.'), [], 'a replaced entry list is compiled again');
  });

  it('reads context from the document, which defaults to the text itself', () => {
    const g = compile('- id: a\n  terms: [White President: Belarusian president]\n  context: [Minsk]\n');
    const CASES: Array<[string, string | undefined, number]> = [
      ['White President in Minsk.', undefined, 1],
      ['White President in Minsk.', 'White President in Minsk.', 1],
      ['White President.', undefined, 0],
      ['White President.', 'White President.', 0],
      ['White President.', 'White President. In Minsk.', 1],
      ['White President in Minsk.', 'Elsewhere.', 0],
      ['White President in Minsk.', undefined, 1],
    ];
    for (const [text, doc, count] of CASES) assert.equal(matches(g, text, doc).length, count, `${text} in ${doc}`);
  });
});
