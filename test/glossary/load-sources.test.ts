/**
 * Reading a glossary without parsing it (`sources.ts`), and building it from files already read
 * (`glossaryFromSources`): the same glossary as `loadGlossary`, and no parser loaded for the reading.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glossaryFromSources, loadGlossary } from '../../src/glossary/load.js';
import { readGlossarySources } from '../../src/glossary/sources.js';
import { SHIPPED } from './paths.js';

/** The compiled `src/` beside this compiled test. */
const DIST_SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every module `entry` (a compiled file) imports, statically or dynamically, followed through relative imports. */
function importsOf(entry: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (modules.has(file)) return;
    modules.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { modules: [...modules].map((f) => f.slice(DIST_SRC.length)), packages: [...packages] };
}

describe('glossary sources', () => {
  it('glossaryFromSources builds from files already read what loadGlossary builds', () => {
    assert.deepEqual(glossaryFromSources(readGlossarySources(SHIPPED)), loadGlossary(SHIPPED));
  });

  it('builds the texts it is given, not what is on disk now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mt-review-sources-'));
    try {
      const file = join(dir, 'a.tsv');
      writeFileSync(file, 'new crown\tCOVID-19\n');
      const sources = readGlossarySources(file);
      writeFileSync(file, 'new crown\tcoronavirus\n');
      assert.equal(glossaryFromSources(sources).entries[0]!.preferred[0], 'COVID-19');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const entry of ['glossary/sources.js', 'cli/glossary-source.js']) {
    it(`${entry} loads no glossary parser`, () => {
      const { modules, packages } = importsOf(join(DIST_SRC, entry));
      assert.deepEqual(packages.filter((p) => !p.startsWith('node:')), [], 'only Node built-ins');
      assert.deepEqual(modules.filter((m) => /(?:^|\/)(?:build|parse-[a-z]+|load)\.js$/.test(m)), []);
    });
  }
});
