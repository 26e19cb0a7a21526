/**
 * `compileOnce` and `checkText` compile a glossary through `compileGlossary`, with its rule: the
 * same object reuses its matcher, unless its entry list was replaced or resized.
 */
import assert from 'node:assert/strict';
import { checkText, compileOnce } from '../../src/core/checker.js';
import { buildGlossary } from '../../src/glossary/build.js';
import { compileGlossary } from '../../src/glossary/compile.js';

const build = (yaml: string) => buildGlossary([{ file: 'inline.yaml', text: yaml }], () => 'test');
const A = '- id: a\n  terms: [new crown: COVID-19]\n';
const B = '- id: b\n  terms: [old crown: x]\n';
const ruleIds = (text: string, glossary: Parameters<typeof checkText>[1]) =>
  checkText(text, glossary, { enable: ['forbidden-term'] }).findings.map((f) => f.ruleId);

describe('compileOnce', () => {
  it('hands back a compiled glossary as it is, and the compileGlossary matcher of a glossary', () => {
    const glossary = build(A);
    const compiled = compileGlossary(glossary);
    assert.equal(compileOnce(compiled), compiled);
    assert.equal(compileOnce(glossary), compiled, 'the matcher compileGlossary made for this very object');
  });

  it('compiles afresh a glossary whose entry list was resized or replaced, as compileGlossary does', () => {
    const glossary = build(A);
    const first = compileOnce(glossary);
    assert.equal(compileOnce(glossary), first);
    glossary.entries.push(...build(B).entries);
    const grown = compileOnce(glossary);
    assert.notEqual(grown, first, 'a grown entry list is compiled again');
    assert.deepEqual(grown.match('The old crown.').map((m) => m.entry.id), ['b']);
    glossary.entries = build(A).entries;
    assert.deepEqual(compileOnce(glossary).match('The old crown.'), [], 'a replaced entry list is compiled again');
  });

  it('lets checkText see a grown entry list', () => {
    const glossary = build(A);
    assert.deepEqual(ruleIds('The old crown spread.', glossary), []);
    glossary.entries.push(...build(B).entries);
    assert.deepEqual(ruleIds('The old crown spread.', glossary), ['forbidden-term/b']);
  });
});
