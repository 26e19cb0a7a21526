/**
 * The product YAML parser (js-yaml first, `yaml` when something must be located) against the
 * `yaml`-only reference it replaced: for every text, the same entries with the same locations,
 * or the same one-line error at the same file:line:column. Valid cases are near misses of the
 * invalid ones (quoted numbers, `yes` as text, an anchor without an alias, …).
 */
import assert from 'node:assert/strict';
import { MtReviewError, type SourceLocation } from '../../src/core/types.js';
import { parseGlossaryYaml } from '../../src/glossary/parse-yaml.js';
import { EVERY_FIELD_ENTRY } from './paths.js';
import { referenceParseGlossaryYaml } from './reference-parse-yaml.js';

/** A valid entry body to vary (two spaces of indentation after `- `). */
const OK = '  terms: [new crown: COVID-19]\n';

const VALID: Array<[string, string]> = [
  ['block style, every field', EVERY_FIELD_ENTRY],
  ['flow style entries', '- {id: a, terms: [new crown: COVID-19], examples: {flag: [The new crown spread.]}}\n- {id: b, terms: ["White President"], preferred: Belarusian president}\n'],
  ['quoted and unquoted scalars', `- id: "quoted"\n  terms: ['new crown': "COVID-19", "it's over": 'it''s done']\n  note: 'single'\n`],
  ['yes, no and on are strings in YAML 1.2', '- id: a\n  terms: [yes man: flatterer, on air: broadcasting]\n  note: no\n  preferred: [off]\n'],
  ['a quoted number is a string', '- id: a\n  terms: ["12": twelve, "1984 regime": x]\n  note: "7"\n'],
  ['a quoted true is a string key', '- id: a\n  terms: ["true": real]\n'],
  ['a quoted null is a string key', '- id: a\n  terms: ["null": nothing, "null and void": x]\n'],
  ['__proto__ and constructor as terms', '- id: a\n  terms: [__proto__: x, constructor: y, {term: toString, use: z}]\n'],
  ['fields in an unusual order', '- terms: [new crown: COVID-19]\n  examples: {pass: [A crown.], flag: [The new crown spread.]}\n  id: a\n'],
  ['an anchor without an alias', '- id: &first a\n  terms: [&t new crown: COVID-19]\n'],
  ['an anchor on the first key', '- &k id: a\n' + OK + '- id: b\n' + OK],
  ['an anchored and tagged entry', '- &e !!map\n  id: a\n' + OK + '- !!map {id: b, terms: [x y: z]}\n'],
  ['explicit tags on strings', '- id: !!str a\n  terms: [!!str 12 monkeys: twelve]\n  note: ! 5\n'],
  ['multi-line scalars before later entries', `- id: a
  terms: [new crown: COVID-19]
  note: |
    line one
      indented

- id: b
  terms: [x y: z]
  note: "a
    folded

    string"
- id: c
  terms:
    - plain
      multi line
  preferred: z
  note: >-
    folded
    block
- id: d
${OK}`],
  ['a byte-order mark before a comment', '\uFEFF# glossary\n- id: a\n' + OK],
  ['an unknown tag (yaml only warns)', '- id: !foo a\n' + OK],
  ['CRLF line ends', '- id: a\r\n  terms:\r\n    - new crown: COVID-19\r\n  examples:\r\n    flag: [The new crown spread.]\r\n- id: b\r\n  terms: [x y: z]\r\n'],
  ['tabs inside values', '- id: a\n  terms: ["new\tcrown": COVID-19, new crown\tvirus: x]\n  note: a\ttab\n'],
  ['comments everywhere', '# head\n- id: a # the id\n  # between\n  terms: [new crown: COVID-19] # trailing\n# tail\n'],
  ['document markers', '---\n- id: a\n' + OK + '...\n'],
  ['indented root sequence', '  - id: a\n    terms: [new crown: COVID-19]\n  - id: b\n    terms: [x y: z]\n'],
  ['explicit keys', '- ? id\n  : a\n  ? terms\n  : [new crown: COVID-19]\n'],
  ['non-ASCII text and columns', '- id: minsk\n  terms: ["Мінск-сіці": Minsk City, "😀 smile": grin]\n  examples: {flag: ["Мінск-сіці is big."], pass: ["😀 ok"]}\n'],
  ['examples as one string and as lists', '- id: a\n  terms: [new crown: COVID-19]\n  examples:\n    flag: The new crown spread.\n    pass:\n      - A crown.\n      - "Another: crown."\n'],
  ['a derived preferred list', '- id: a\n  terms: [new crown: COVID-19, new crown virus: SARS-CoV-2, old crown]\n  preferred: []\n'],
  ['empty preferred list and lists of one', '- id: a\n  terms: [x y: z]\n  preferred: []\n  exceptions: [x y z]\n  context: [Minsk]\n'],
];

const INVALID: Array<[string, string]> = [
  ['numbers where strings are expected', '- id: a\n' + OK + '  note: 12\n'],
  ['a number as an id', '- id: 7\n' + OK],
  ['a float as a preferred rendering', '- id: a\n' + OK + '  preferred: 1.5\n'],
  ['a number as a term key', '- id: a\n  terms: [12: twelve]\n'],
  ['a boolean as a term key', '- id: a\n  terms: [true: real]\n'],
  ['a null term key', '- id: a\n  terms: [~: nothing]\n'],
  ['a hexadecimal term key', '- id: a\n  terms: [0x1A: twenty-six]\n'],
  ['a not-a-number term key', '- id: a\n  terms: [.nan: nothing]\n'],
  ['a float term key', '- id: a\n  terms: [1.5: one and a half]\n'],
  ['a complex key in an entry', '- id: a\n' + OK + '  ? {x: y}\n  : z\n'],
  ['__proto__ as a field of an entry', '- id: a\n' + OK + '  __proto__: x\n'],
  ['__proto__ as a field of a term', '- id: a\n  terms: [{term: new crown, use: COVID-19, __proto__: x}]\n'],
  ['constructor and toString as fields', '- id: a\n' + OK + '  constructor: x\n  toString: y\n'],
  ['a quoted integer-like field after others', '- id: a\n' + OK + '  note: n\n  "0": x\n'],
  ['an integer-like field in examples', '- id: a\n' + OK + '  examples: {flag: [x y], "1": [z]}\n'],
  ['a numeric and a quoted numeric key in a term', '- id: a\n  terms: [{term: x y, 1: a, "1": b}]\n'],
  ['a number as a term', '- id: a\n  terms: [1984]\n'],
  ['a sequence as a term key', '- id: a\n  terms:\n    - [a, b]: c\n'],
  ['yes is not a boolean', '- id: a\n' + OK + '  fix: yes\n'],
  ['on is not a boolean', '- id: a\n' + OK + '  case-sensitive: on\n'],
  ['a null id', '- id:\n' + OK],
  ['a null id in flow style', '- {id: , terms: [new crown: COVID-19]}\n'],
  ['an id key without a value', '- {id, terms: [new crown: COVID-19]}\n'],
  ['null terms', '- id: a\n  terms: ~\n'],
  ['a null note', '- id: a\n' + OK + '  note:\n'],
  ['a null note without a value node', '- {id: a, terms: [new crown: COVID-19], note}\n'],
  ['a null replacement', '- id: a\n  terms:\n    - new crown:\n'],
  ['a null item in a list', '- id: a\n' + OK + '  exceptions:\n    - crown prince\n    -\n'],
  ['a null fix', '- id: a\n' + OK + '  fix: null\n'],
  ['a missing id', '- terms: [new crown: COVID-19]\n'],
  ['duplicate keys in an entry', '- id: a\n  id: b\n' + OK],
  ['duplicate keys in a term', '- id: a\n  terms: [{term: x y, term: y z}]\n'],
  ['duplicate keys in examples', '- id: a\n' + OK + '  examples: {flag: [a], flag: [b]}\n'],
  ['a quoted and a plain duplicate key', '- id: a\n  "id": b\n' + OK],
  ['tab indentation', '- id: a\n\tterms: [new crown: COVID-19]\n'],
  ['a tab-only line after a block scalar', '- id: a\n' + OK + '  note: >-\n    x\n    y\n\t\n'],
  ['a space-and-tab line after a block scalar', '- id: a\n' + OK + '  note: |\n    x\n  \t\n- id: b\n' + OK],
  ['a tab before a sequence item', '- id: a\n  terms:\n\t- new crown: COVID-19\n'],
  ['a byte-order mark', '\uFEFF- id: a\n' + OK],
  ['CRLF with an error on the third line', '- id: a\r\n  terms: [new crown: COVID-19]\r\n  category: grammar\r\n'],
  ['a lone CR inside a value', '- id: a\r  terms: [new crown: COVID-19]\n'],
  ['an unknown field in an entry', '- id: a\n' + OK + '  colour: red\n'],
  ['an unknown field before the id', '- colour: red\n  id: a\n' + OK],
  ['an unknown numeric field', '- id: a\n' + OK + '  1: x\n'],
  ['an unknown field in a term', '- id: a\n  terms: [{term: new crown, use: COVID-19, colour: red}]\n'],
  ['an unknown field in examples', '- id: a\n' + OK + '  examples: {flag: [x], fail: [y]}\n'],
  ['a merge key', '- &base {id: a, terms: [x y: z]}\n- <<: *base\n  id: b\n'],
  ['an alias as a term', '- id: a\n  terms: [&t new crown, *t]\n  preferred: COVID-19\n'],
  ['an alias as a replacement', '- id: a\n  terms: [new crown: &r COVID-19, old crown: *r]\n'],
  ['an alias as an entry', '- &e {id: a, terms: [x y: z]}\n- *e\n'],
  ['an alias as a key', '- id: a\n  terms:\n    - &k new crown: COVID-19\n    - *k : SARS\n'],
  ['an unclosed flow sequence', '- id: a\n  terms: [new crown: COVID-19\n'],
  ['an unclosed quote', '- id: "a\n' + OK],
  ['bad indentation', '- id: a\n   terms: [new crown: COVID-19]\n'],
  ['text after a quoted scalar', "- id: a\n  terms:\n  - 'it's': z\n"],
  ['a stray closing bracket', '- id: a\n' + OK + '  note: ]\n'],
  ['two documents', '- id: a\n' + OK + '---\n- id: b\n' + OK],
  ['a multi-line implicit key', '- id: a\n  terms:\n    - plain\n      multi line: z\n'],
  ['a YAML 1.1 directive: yes becomes a boolean', '%YAML 1.1\n---\n- id: a\n' + OK + '  note: yes\n'],
  ['the empty file', ''],
  ['only a comment', '# nothing yet\n'],
  ['a mapping at the root', 'id: a\n'],
  ['a string as an entry', '- just a string\n'],
  ['an empty entry', '-\n'],
  ['an empty terms list', '- id: a\n  terms: []\n'],
  ['a term of stop words', '- id: a\n  terms: [of the: x]\n'],
  ['a term without a replacement', '- id: a\n  terms: [new crown]\n'],
  ['an empty replacement', '- id: a\n  terms: [new crown: ""]\n'],
  ['an empty preferred rendering', '- id: a\n' + OK + '  preferred: [x, " "]\n'],
  ['a bad severity', '- id: a\n' + OK + '  severity: fatal\n'],
  ['a bad id', '- id: Not_Kebab\n' + OK],
  ['an exception of punctuation', '- id: a\n' + OK + '  exceptions: [crown prince, "..."]\n'],
  ['a list as a note', '- id: a\n' + OK + '  note: [a, b]\n'],
  ['a scalar as examples', '- id: a\n' + OK + '  examples: The new crown spread.\n'],
  ['a mapping as a term with several pairs', '- id: a\n  terms: [{a: b, c: d}]\n'],
  ['a deeply nested value', `- id: a\n${OK}  note: ${'['.repeat(120)}${']'.repeat(120)}\n`],
  ['an error in the second of many entries', '- id: a\n' + OK + '- id: b\n  terms: [new crown: COVID-19]\n  plural: maybe\n'],
];

/** What a parse gives, comparable across the two parsers: entries with locations, or the error. */
type Outcome = { entries: unknown[] } | { error: string };

const copy = (l: SourceLocation | undefined) => (l ? { file: l.file, line: l.line, column: l.column } : undefined);

function product(text: string): Outcome {
  try {
    return {
      entries: parseGlossaryYaml('g.yaml', text).map(({ entry, locate }) => {
        const { source: _source, ...fields } = entry;
        return {
          fields,
          source: copy(entry.source),
          id: copy(locate('id')),
          flag: entry.examples.flag.map((_, index) => copy(locate({ example: 'flag', index }))),
          pass: entry.examples.pass.map((_, index) => copy(locate({ example: 'pass', index }))),
        };
      }),
    };
  } catch (err) {
    if (err instanceof MtReviewError) return { error: err.toString() };
    throw err;
  }
}

function reference(text: string): Outcome {
  try {
    return {
      entries: referenceParseGlossaryYaml('g.yaml', text).map(({ entry, idLocation, examples }) => {
        const { source, ...fields } = entry;
        return { fields, source: copy(source), id: copy(idLocation), flag: examples.flag.map(copy), pass: examples.pass.map(copy) };
      }),
    };
  } catch (err) {
    if (err instanceof MtReviewError) return { error: err.toString() };
    throw err;
  }
}

describe('parseGlossaryYaml against the yaml-only reference', () => {
  for (const [name, text] of VALID) {
    it(`reads alike: ${name}`, () => {
      const expected = reference(text);
      assert.ok('entries' in expected, `the reference accepts it: ${JSON.stringify(expected)}`);
      assert.deepEqual(product(text), expected);
    });
  }
  for (const [name, text] of INVALID) {
    it(`refuses alike: ${name}`, () => {
      const expected = reference(text);
      assert.ok('error' in expected, `the reference refuses it: ${JSON.stringify(expected)}`);
      assert.deepEqual(product(text), expected);
    });
  }

  it('keeps where an entry begins out of its enumerable fields (hashing, caching and copying skip it)', () => {
    const [parsed] = parseGlossaryYaml('g.yaml', '\n- id: a\n' + OK);
    assert.deepEqual({ ...parsed!.entry.source }, { file: 'g.yaml', line: 2, column: 3 });
    assert.ok(!Object.keys(parsed!.entry).includes('source'));
    assert.ok(!JSON.stringify(parsed!.entry).includes('g.yaml'));
  });
});
