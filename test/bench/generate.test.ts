/**
 * The bench generator is deterministic and plants what it says it plants. No timing here.
 */
import assert from 'node:assert/strict';
import { generateArticle, inventedWord, syntheticEntries, escapeRegExp } from './generate.js';
import { prhYaml, baselineTerms } from './dataset.js';
import { glossaryYaml } from './glossary-format.js';

describe('bench generator', () => {
  it('writes the same bytes for the same seed, and different bytes for another seed', () => {
    const a = Array.from({ length: 5 }, (_, i) => generateArticle(7, i).text).join('\u0000');
    const b = Array.from({ length: 5 }, (_, i) => generateArticle(7, i).text).join('\u0000');
    const c = Array.from({ length: 5 }, (_, i) => generateArticle(8, i).text).join('\u0000');
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.equal(glossaryYaml(syntheticEntries(7, 50)), glossaryYaml(syntheticEntries(7, 50)));
    assert.equal(prhYaml(baselineTerms([], syntheticEntries(7, 50))), prhYaml(baselineTerms([], syntheticEntries(7, 50))));
  });

  it('generates an article independently of the ones before it', () => {
    assert.equal(generateArticle(7, 3).text, generateArticle(7, 3).text);
    generateArticle(7, 2);
    assert.equal(generateArticle(7, 3).text, generateArticle(7, 3).text);
  });

  it('writes the corpus format: a headline, then indented paragraphs of blank-line-separated blocks', () => {
    const { text } = generateArticle(7, 0);
    const blocks = text.trimEnd().split('\n\n');
    assert.ok(!/^\s/.test(blocks[0]!), 'the headline is not indented');
    assert.ok(blocks[1]!.startsWith('  '), 'the first body block starts a paragraph');
    assert.ok(blocks.length > 40);
  });

  it('gives every synthetic term its own invented words, so no term is part of another', () => {
    const words = new Set(Array.from({ length: 30000 }, (_, i) => inventedWord(i)));
    assert.equal(words.size, 30000);
    const terms = syntheticEntries(7, 2000).flatMap((e) => e.terms.map((t) => t.text.toLowerCase()));
    assert.equal(new Set(terms).size, terms.length);
  });

  it('plants exactly the recorded literal occurrences of the synthetic terms', () => {
    const entries = syntheticEntries(7, 300);
    const texts = entries.flatMap((e) => e.terms.map((t) => t.text));
    const re = new RegExp(`\\b(?:${texts.sort((x, y) => y.length - x.length).map(escapeRegExp).join('|')})\\b`, 'giu');
    for (let i = 0; i < 20; i++) {
      const a = generateArticle(7, i, { entryLimit: 300 });
      assert.equal([...a.text.matchAll(re)].length, a.hits.length, `article ${i}`);
    }
  });
});
