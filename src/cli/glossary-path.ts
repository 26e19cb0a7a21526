/**
 * Which glossary a command uses: the same rule for `check`, `export` and `serve`.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MtReviewError } from '../core/types.js';

/** The glossary shipped with mt-review, relative to this module in `dist/src/cli/`. */
export const SHIPPED_GLOSSARY = fileURLToPath(new URL('../../../glossary/', import.meta.url));

/** The glossary path: the flag (which must exist), else `./glossary` in `cwd`, else the shipped one. */
export function resolveGlossaryPath(flag: string | undefined, cwd: string): string {
  if (flag !== undefined) {
    const p = path.resolve(cwd, flag);
    if (!existsSync(p)) throw new MtReviewError('glossary', 'no such file or directory', { file: flag });
    return p;
  }
  const local = path.resolve(cwd, 'glossary');
  try {
    if (statSync(local).isDirectory()) return local;
  } catch {
    // no ./glossary: fall through to the shipped glossary
  }
  return SHIPPED_GLOSSARY;
}
