/**
 * The validated-glossary cache of `loadGlossary(path, { cacheDir })`: an unchanged glossary is read
 * back, a changed one is validated again, and a damaged cache is never trusted.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MtReviewError } from '../../src/core/types.js';
import { loadGlossary } from '../../src/glossary/load.js';

const ENTRY = (use: string) => `- id: covid
  terms:
    - new crown epidemic: ${use}
  examples:
    flag: [The new crown epidemic spread.]
`;

describe('loadGlossary with a cache folder', () => {
  let dir: string;
  let glossaryDir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mt-review-glossary-cache-'));
    glossaryDir = join(dir, 'glossary');
    cacheDir = join(dir, 'cache');
    mkdirSync(glossaryDir, { recursive: true });
    writeFileSync(join(glossaryDir, 'covid.yaml'), ENTRY('COVID-19 epidemic'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the validated glossary once and reads the same glossary back', () => {
    const first = loadGlossary(glossaryDir, { cacheDir });
    assert.equal(readdirSync(cacheDir).filter((n) => n.endsWith('.json')).length, 1);
    const second = loadGlossary(glossaryDir, { cacheDir });
    assert.deepEqual(second, first);
    assert.deepEqual(loadGlossary(glossaryDir), first, 'the same as without a cache');
  });

  it('validates a changed glossary again instead of reading the old one', () => {
    loadGlossary(glossaryDir, { cacheDir });
    writeFileSync(join(glossaryDir, 'covid.yaml'), ENTRY('COVID-19 pandemic'));
    const changed = loadGlossary(glossaryDir, { cacheDir });
    assert.equal(changed.entries[0]!.terms[0]!.replacement, 'COVID-19 pandemic');
    writeFileSync(join(glossaryDir, 'covid.yaml'), '- id: covid\n  terms: [new crown: x]\n  examples: {flag: [no match here]}\n');
    assert.throws(() => loadGlossary(glossaryDir, { cacheDir }), MtReviewError, 'a broken glossary is refused, cache or not');
  });

  it('ignores a damaged cache file and rebuilds it', () => {
    const good = loadGlossary(glossaryDir, { cacheDir });
    const [name] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, name!), '{ not json');
    assert.deepEqual(loadGlossary(glossaryDir, { cacheDir }), good);
    assert.deepEqual(JSON.parse(readFileSync(join(cacheDir, name!), 'utf8')), JSON.parse(JSON.stringify(good)), 'the cache file is written again');
    assert.deepEqual(loadGlossary(glossaryDir, { cacheDir }), good);
  });

  it('still loads when the cache folder cannot be written', () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const g = loadGlossary(glossaryDir, { cacheDir: join(blocked, 'cache') });
    assert.equal(g.entries.length, 1);
  });
});
