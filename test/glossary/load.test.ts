import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MtReviewError } from '../../src/core/types.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { FIXTURES } from './paths.js';

const ENTRY_FIELDS = 'id, terms, preferred, note, severity, category, case-sensitive, plural, fix, exceptions, context, examples';

/** Each broken glossary and the exact one-line error it must give, after `path:`. */
const ERRORS: Array<[file: string, expected: string]> = [
  ['unknown-field.yaml', `4:3: unknown field "colour" in an entry (allowed: ${ENTRY_FIELDS})`],
  ['wrong-type-severity.yaml', '4:13: "severity" of entry "belarus-white" must be one of error, warning, info, not "fatal"'],
  ['wrong-type-terms.yaml', '4:7: a term of entry "belarus-white" must be a string'],
  ['wrong-type-case.yaml', '4:19: "case-sensitive" of entry "belarus-white" must be true or false'],
  ['empty-terms.yaml', '2:10: "terms" of entry "belarus-white" is empty'],
  ['empty-term.yaml', '4:7: term "  " of entry "belarus-white" is empty'],
  ['missing-id.yaml', '1:3: entry is missing "id"'],
  ['bad-id.yaml', '1:7: id "Belarus_White" must be kebab-case (a-z, 0-9, single hyphens)'],
  ['broad-stop-word.yaml', '4:7: term "the" of entry "covid-new-crown" is only stop words and would flag too much'],
  ['broad-one-char.yaml', '4:14: term "c" of entry "covid-new-crown" is a single character and would flag too much'],
  ['broad-punctuation.yaml', '4:7: term "--" of entry "covid-new-crown" has no letters or digits (punctuation only)'],
  ['no-replacement.yaml', '3:7: term "new crown epidemic" of entry "covid-new-crown" has no replacement: give it one ("new crown epidemic: …") or give the entry "preferred"'],
  ['bad-yaml.yaml', '3:3: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ['not-a-list.yaml', '1:1: a glossary file must be a YAML list of entries (`- id: …`)'],
  ['failing-flag-example.yaml', '9:9: entry "belarus-white": example should be flagged but is not: “White is a close ally of Russia.”'],
  ['failing-pass-example.yaml', '9:9: entry "belarus-white": example should pass but “White” is flagged: “The White House in Minsk is closed.”'],
  ['tsv-one-column.tsv', '2:1: expected two tab-separated columns (wrong rendering, preferred rendering), found one'],
  ['tsv-three-columns.tsv', '1:38: expected two tab-separated columns, found 3'],
  ['tsv-empty-cell.tsv', '1:20: the preferred rendering (second column) of "new crown epidemic" is empty'],
  ['tsv-stop-word.tsv', '2:1: term "the" is only stop words and would flag too much'],
  ['tsv-duplicate.tsv', '2:1: duplicate term "New-Crown" (first at line 1)'],
];

/** Runs `fn` and returns the `MtReviewError` it throws (failing the test when it throws nothing else). */
function errorOf(fn: () => unknown): MtReviewError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof MtReviewError, `expected an MtReviewError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected an error');
}

describe('loadGlossary errors', () => {
  for (const [name, expected] of ERRORS) {
    it(`${name} → ${expected.split(':').slice(0, 2).join(':')}`, () => {
      const file = join(FIXTURES, name);
      const err = errorOf(() => loadGlossary(file));
      assert.equal(err.kind, 'glossary');
      assert.equal(err.toString(), `${file}:${expected}`);
      assert.ok(!err.toString().includes('\n'), 'one line');
    });
  }

  it('names both places of a duplicate id across files', () => {
    const dir = join(FIXTURES, 'duplicate-id');
    const err = errorOf(() => loadGlossary(dir));
    assert.equal(err.toString(), `${join(dir, 'b.yaml')}:5:7: duplicate id "covid-new-crown" (first defined at ${join(dir, 'a.yaml')}:1:7)`);
  });

  it('refuses a directory without glossary files', () => {
    const dir = join(FIXTURES, 'no-glossary-files');
    assert.equal(errorOf(() => loadGlossary(dir)).toString(), `${dir}: no glossary files (*.yaml, *.yml, *.tsv) in this directory`);
  });

  it('refuses a missing path', () => {
    const missing = join(FIXTURES, 'no-such-glossary.yaml');
    assert.equal(errorOf(() => loadGlossary(missing)).toString(), `${missing}: glossary not found (expected a directory of .yaml files, or a .yaml or .tsv file)`);
  });

  it('refuses a file that is not YAML or TSV', () => {
    const file = join(FIXTURES, 'no-glossary-files', 'README.md');
    assert.equal(errorOf(() => loadGlossary(file)).toString(), `${file}: not a glossary file (expected .yaml, .yml or .tsv)`);
  });
});

describe('loadGlossary', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mt-review-glossary-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const yaml = (id: string, term: string) => `- id: ${id}\n  terms: ["${term}"]\n  preferred: COVID-19\n`;

  it('loads every .yaml, .yml and .tsv file of a directory, sorted by name, and ignores other files', () => {
    writeFileSync(join(dir, 'b.yml'), yaml('second', 'new crown pneumonia'));
    writeFileSync(join(dir, 'a.yaml'), yaml('first', 'new crown epidemic'));
    copyFileSync(join(FIXTURES, 'valid.tsv'), join(dir, 'c.tsv'));
    writeFileSync(join(dir, 'notes.txt'), 'not a glossary');
    const g = loadGlossary(dir);
    assert.deepEqual(g.files, [join(dir, 'a.yaml'), join(dir, 'b.yml'), join(dir, 'c.tsv')]);
    assert.deepEqual(g.entries.map((e) => e.id), ['first', 'second', 'tsv-new-crown-epidemic', 'tsv-white-president']);
    assert.deepEqual(g.entries[0]!.source, { file: join(dir, 'a.yaml'), line: 1, column: 3 });
  });

  it('ignores a byte-order mark at the start of a file (YAML and TSV), and reports positions as without it', () => {
    writeFileSync(join(dir, 'a.yaml'), `\uFEFF${yaml('first', 'new crown epidemic')}`);
    writeFileSync(join(dir, 'b.tsv'), '\uFEFFnew crown pneumonia\tCOVID-19\n');
    const g = loadGlossary(dir);
    assert.deepEqual(g.entries.map((e) => e.id), ['first', 'tsv-new-crown-pneumonia']);
    assert.equal(g.hash, loadGlossary(dir).hash);
    writeFileSync(join(dir, 'a.yaml'), `\uFEFF${yaml('first', 'new crown epidemic')}  colour: red\n`);
    assert.match(errorOf(() => loadGlossary(dir)).toString(), /a\.yaml:4:3: unknown field "colour"/);
  });

  it('hashes the content: same entries, same hash; any change, another hash', () => {
    writeFileSync(join(dir, 'a.yaml'), yaml('first', 'new crown epidemic'));
    const h1 = loadGlossary(dir).hash;
    assert.match(h1, /^[0-9a-f]{64}$/);
    writeFileSync(join(dir, 'a.yaml'), `# a comment changes nothing\n${yaml('first', 'new crown epidemic')}`);
    assert.equal(loadGlossary(dir).hash, h1);
    writeFileSync(join(dir, 'a.yaml'), yaml('first', 'new crown epidemics'));
    assert.notEqual(loadGlossary(dir).hash, h1);
  });

  it('fills in the defaults', () => {
    writeFileSync(join(dir, 'a.yaml'), '- id: covid\n  terms:\n    - new crown vaccine: COVID-19 vaccine\n    - {term: new crown, use: COVID-19, plural: false}\n');
    const [e] = loadGlossary(dir).entries;
    assert.deepEqual({ ...e, source: undefined }, {
      id: 'covid',
      terms: [
        { text: 'new crown vaccine', replacement: 'COVID-19 vaccine', caseSensitive: false },
        { text: 'new crown', replacement: 'COVID-19', caseSensitive: false, plural: false },
      ],
      preferred: ['COVID-19 vaccine', 'COVID-19'],
      note: '',
      severity: 'error',
      category: 'terminology',
      exceptions: [],
      context: [],
      examples: { flag: [], pass: [] },
      source: undefined,
    });
  });
});
