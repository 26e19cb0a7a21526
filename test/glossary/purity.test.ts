import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

describe('glossary core purity', () => {
  const dir = join(ROOT, 'src', 'glossary');
  // The two modules that read the glossary from disk (sources.ts: the files, load.ts: the cache).
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'load.ts' && f !== 'sources.ts');

  it('has pure modules besides load.ts and sources.ts', () => assert.ok(files.length >= 5));

  for (const file of files) {
    it(`${file} imports no fs, process, crypto or express`, () => {
      const source = readFileSync(join(dir, file), 'utf8');
      const imports = [...source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      // node:module only to load the exact YAML reader on first use (parse-yaml.ts).
      for (const spec of imports) assert.match(spec!, /^(\.\.?\/|yaml$|js-yaml$|node:module$)/, `${file} imports ${spec}`);
      assert.doesNotMatch(source, /\bprocess\./, `${file} uses process`);
    });
  }
});
