import assert from 'node:assert/strict';
import { MtReviewError } from '../../src/core/types.js';
import { buildGlossary } from '../../src/glossary/build.js';
import { compileGlossary } from '../../src/glossary/compile.js';
import { parseGlossaryTsv, slugOf } from '../../src/glossary/parse-tsv.js';

describe('TSV glossaries', () => {
  it('turns each row into an error-level, case-insensitive entry, skipping a header, comments and blank lines', () => {
    const parsed = parseGlossaryTsv('g.tsv', 'term\tpreferred\n# comment\n\nnew crown epidemic\tCOVID-19 epidemic\r\n  White President \t Belarusian president\n');
    assert.deepEqual(
      parsed.map((p) => [p.entry.id, p.entry.terms, p.entry.preferred, p.entry.severity, p.entry.source]),
      [
        ['tsv-new-crown-epidemic', [{ text: 'new crown epidemic', replacement: 'COVID-19 epidemic', caseSensitive: false }], ['COVID-19 epidemic'], 'error', { file: 'g.tsv', line: 4, column: 1 }],
        ['tsv-white-president', [{ text: 'White President', replacement: 'Belarusian president', caseSensitive: false }], ['Belarusian president'], 'error', { file: 'g.tsv', line: 5, column: 1 }],
      ],
    );
  });

  it('keeps a first row that only looks like a header', () => {
    assert.deepEqual(parseGlossaryTsv('g.tsv', 'term\tCOVID-19\n').map((p) => p.entry.id), ['tsv-term']);
  });

  it('derives a line id for a term without ASCII letters', () => {
    assert.deepEqual(parseGlossaryTsv('g.tsv', '# zh\n白俄\tBelarusian\n').map((p) => p.entry.id), ['tsv-line-2']);
  });

  it('matches like YAML entries: inflected, hyphenated, any case', () => {
    const g = compileGlossary(buildGlossary([{ file: 'g.tsv', text: 'new crown vaccine\tCOVID-19 vaccine\n' }], () => 'h'));
    assert.deepEqual(g.match('New-Crown Vaccines arrived.').map((m) => [m.text, m.replacement]), [['New-Crown Vaccines', 'COVID-19 vaccines']]);
  });

  const ERRORS: Array<[string, string]> = [
    ['a\tb\tc\n', 'g.tsv:1:5: expected two tab-separated columns, found 3'],
    ['new crown\n', 'g.tsv:1:1: expected two tab-separated columns (wrong rendering, preferred rendering), found one'],
    ['\tCOVID-19\n', 'g.tsv:1:1: the wrong rendering (first column) is empty'],
    ['# c\nnew crown\t \n', 'g.tsv:2:11: the preferred rendering (second column) of "new crown" is empty'],
    ['of\tCOVID-19\n', 'g.tsv:1:1: term "of" is only stop words and would flag too much'],
    ['?!\tCOVID-19\n', 'g.tsv:1:1: term "?!" has no letters or digits (punctuation only)'],
    ['new crown\tCOVID-19\nnew  crown\tCOVID-19\n', 'g.tsv:2:1: duplicate term "new  crown" (first at line 1)'],
  ];
  for (const [text, expected] of ERRORS) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      assert.throws(() => parseGlossaryTsv('g.tsv', text), (err: unknown) => err instanceof MtReviewError && err.kind === 'glossary' && err.toString() === expected);
    });
  }

  it('slugs terms into kebab-case', () => {
    assert.equal(slugOf('New-Crown  Epidemic!'), 'new-crown-epidemic');
    assert.equal(slugOf('Café'), 'cafe');
  });
});
