/**
 * The registry, the check files and the test files agree, and every check describes itself.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../../src/checks/index.js';
import { SEVERITIES } from '../../src/core/types.js';

// This file runs from dist/test/checks/; the sources live three levels up.
const root = new URL('../../../', import.meta.url);
const srcDir = fileURLToPath(new URL('src/checks/', root));
const testDir = fileURLToPath(new URL('test/checks/', root));
const CATEGORIES = ['terminology', 'language', 'consistency', 'typography', 'accuracy', 'fluency', 'style', 'locale'];

/** The check ids named by the `.ts` files of a directory, given the suffix to strip. */
function idsIn(dir: string, suffix: string, skip: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix) && !e.name.endsWith('.d.ts'))
    .map((e) => e.name.slice(0, -suffix.length))
    .filter((id) => !skip.includes(id))
    .sort();
}

describe('check registry', () => {
  const ids = CHECKS.map((c) => c.meta.id);

  it('lists forbidden-term first', () => {
    assert.equal(ids[0], 'forbidden-term');
  });

  it('has unique kebab-case ids', () => {
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/, id);
  });

  it('registers exactly the check files of src/checks (index and support excepted)', () => {
    assert.deepEqual([...ids].sort(), idsIn(srcDir, '.ts', ['index']));
  });

  it('has one test file per registered check in test/checks', () => {
    assert.deepEqual(idsIn(testDir, '.test.ts', ['registry', 'contract', 'scope', 'seed-article']), [...ids].sort());
  });

  it('exports each check from the file named by its id', () => {
    for (const id of ids) {
      const source = readFileSync(`${srcDir}${id}.ts`, 'utf8');
      assert.match(source, new RegExp(`id: '${id}'`), `${id}.ts must declare id '${id}'`);
    }
  });

  for (const check of CHECKS) {
    describe(check.meta.id, () => {
      const m = check.meta;
      it('has a one-sentence description', () => {
        assert.match(m.description, /^[A-Z“"].*[.]$/s);
        assert.ok(!/[.!?]\s+[A-Z]/.test(m.description.slice(0, -1)), `one sentence: ${m.description}`);
      });
      it('has a known category and severity', () => {
        assert.ok(CATEGORIES.includes(m.category), m.category);
        assert.ok(SEVERITIES.includes(m.defaultSeverity), m.defaultSeverity);
      });
      it('has at least one non-empty message, each with well-formed placeholders', () => {
        const entries = Object.entries(m.messages);
        assert.ok(entries.length > 0);
        for (const [key, text] of entries) {
          assert.match(key, /^[a-z][a-zA-Z-]*$/, key);
          assert.ok(text.trim().length > 0, key);
          assert.equal(text.split('{{').length, text.split('}}').length, `unbalanced placeholders in ${key}`);
        }
      });
    });
  }
});
