/**
 * Loading a glossary from disk: a directory of `*.yaml`/`*.yml`/`*.tsv` files, or one such file.
 * The only part of the glossary code that touches the file system.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MtReviewError, type Glossary } from '../core/types.js';
import { buildGlossary, glossaryFormat, type GlossarySource } from './build.js';

/** Reads a file as UTF-8, turning I/O failures into one-line glossary errors. */
function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new MtReviewError('glossary', `cannot read glossary file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
}

/** Loads every glossary file of a directory (YAML or TSV, sorted by name), or one YAML or TSV file. */
export function loadGlossary(path: string): Glossary {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new MtReviewError('glossary', 'glossary not found (expected a directory of .yaml files, or a .yaml or .tsv file)', { file: path });
  }
  const sources: GlossarySource[] = [];
  if (isDirectory) {
    const names = readdirSync(path).filter((n) => glossaryFormat(n) !== undefined).sort();
    if (names.length === 0) throw new MtReviewError('glossary', 'no glossary files (*.yaml, *.yml, *.tsv) in this directory', { file: path });
    for (const name of names) {
      const file = join(path, name);
      sources.push({ file, text: read(file) });
    }
  } else {
    if (!glossaryFormat(path)) throw new MtReviewError('glossary', 'not a glossary file (expected .yaml, .yml or .tsv)', { file: path });
    sources.push({ file: path, text: read(path) });
  }
  return buildGlossary(sources, (canonical) => createHash('sha256').update(canonical).digest('hex'));
}
