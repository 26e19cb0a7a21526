import assert from 'node:assert/strict';
import { MtReviewError } from '../../src/core/types.js';
import { parseGlossaryYaml } from '../../src/glossary/parse-yaml.js';
import { EVERY_FIELD_ENTRY } from './paths.js';

const parse = (text: string) => parseGlossaryYaml('g.yaml', text).map((p) => p.entry);

describe('parseGlossaryYaml', () => {
  it('reads the three term forms, per-term overrides and entry options', () => {
    const [e] = parse(`\n${EVERY_FIELD_ENTRY}`);
    assert.deepEqual(e!.terms, [
      { text: 'White President', replacement: 'Belarusian president', caseSensitive: true, alternatives: ['Belarus'] },
      { text: 'White side', replacement: 'Belarusian side', caseSensitive: true },
      { text: 'White', replacement: 'Belarus', caseSensitive: false, plural: false, alternatives: ['Belarusian president'] },
    ]);
    assert.deepEqual([e!.fix, e!.severity, e!.category, e!.note, e!.exceptions, e!.context, e!.examples], [false, 'warning', 'style', 'why', ['White House'], ['Minsk'], { flag: ['White President'], pass: ['a', 'b'] }]);
    assert.deepEqual(e!.source, { file: 'g.yaml', line: 2, column: 3 });
  });

  const ERRORS: Array<[string, string]> = [
    ['- id: a\n  id: b\n  terms: [new crown]\n', 'g.yaml:2:3: invalid YAML: Map keys must be unique'],
    ['- id: a\n  terms: [new crown: COVID-19]\n  category: grammar\n', 'g.yaml:3:13: "category" of entry "a" must be one of terminology, language, consistency, typography, accuracy, fluency, style, locale, not "grammar"'],
    ['- id: a\n  terms: [new crown: COVID-19]\n  exceptions: [crown prince, "..."]\n', 'g.yaml:3:30: exception "..." of entry "a" has no letters or digits (punctuation only)'],
    ['- id: a\n  terms: [new crown: COVID-19]\n  context: [""]\n', 'g.yaml:3:13: context "" of entry "a" is empty'],
    ['- id: a\n  terms: [{term: new crown, use: COVID-19, colour: red}]\n', 'g.yaml:2:44: unknown field "colour" in a term of entry "a" (allowed: term, use, case-sensitive, plural)'],
    ['- id: a\n  terms: [new crown: COVID-19]\n  examples: {flag: [x], fail: [y]}\n', 'g.yaml:3:25: unknown field "fail" in "examples" of entry "a" (allowed: flag, pass)'],
    ['- id: a\n  terms: [new crown: COVID-19]\n  note: [a, b]\n', 'g.yaml:3:9: "note" of entry "a" must be a string'],
    ['- id: 7\n  terms: [new crown]\n', 'g.yaml:1:7: "id" must be a string'],
    ['- id: a\n  terms: [new crown: ""]\n', 'g.yaml:2:11: the replacement of "new crown" in entry "a" is empty'],
    ['- id: a\n  terms: [of the: x]\n', 'g.yaml:2:11: term "of the" of entry "a" is only stop words and would flag too much'],
    ['- id: a\n  terms: [{a: b, c: d}]\n', 'g.yaml:2:11: a term of entry "a" must be a string, "wrong: right", or {term, use, case-sensitive, plural}'],
    ['- just a string\n', 'g.yaml:1:3: an entry must be a mapping'],
    ['', 'g.yaml:1:1: a glossary file must be a YAML list of entries (`- id: …`)'],
  ];
  for (const [text, expected] of ERRORS) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      assert.throws(
        () => parse(text),
        (err: unknown) => {
          assert.ok(err instanceof MtReviewError);
          assert.equal(err.toString(), expected);
          return true;
        },
      );
    });
  }
});
