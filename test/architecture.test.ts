/**
 * The architecture rule "pure core, thin adapters": core, checks and glossary compilation import no
 * file system, process or web framework, so the CLI, the web app and the library share them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PURE_DIRS = ['src/core', 'src/checks', 'src/glossary'];
/** Adapters allowed inside pure folders: they exist to touch the disk. */
const ADAPTERS = new Set(['src/glossary/load.ts', 'src/glossary/sources.ts']);
const FORBIDDEN = /from\s+['"](?:node:)?(?:fs|fs\/promises|child_process|http|https|net|express|better-sqlite3|process)['"]|\bprocess\.(?:env|argv|exit|cwd|stdout|stderr)\b/;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

describe('architecture', () => {
  const files = PURE_DIRS.flatMap((d) => tsFiles(join(root, d))).map((f) => relative(root, f).split('\\').join('/'));

  it('finds the pure modules it guards', () => {
    assert.ok(files.includes('src/core/checker.ts'));
    assert.ok(files.some((f) => f.startsWith('src/checks/')));
  });

  for (const file of files.filter((f) => !ADAPTERS.has(f))) {
    it(`${file} imports no I/O, process or web framework`, () => {
      const text = readFileSync(join(root, file), 'utf8');
      const hit = FORBIDDEN.exec(text);
      assert.equal(hit, null, `${file} uses ${hit?.[0]}`);
    });
  }
});
