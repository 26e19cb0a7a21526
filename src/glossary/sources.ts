/**
 * A glossary's files as text, read from disk without parsing them: reading a folder (or one file)
 * into sources for `buildGlossary` (which file names count is decided by `format.ts`'s `glossaryFormat`); and
 * the stamp of compiled code that the glossary and result caches are keyed on. Imports no parser,
 * so `check --cache` can fingerprint the glossary (and the build) without loading YAML code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MtReviewError } from '../core/types.js';
import { glossaryFormat, type GlossarySource } from './format.js';

/** Reads a file as UTF-8, turning I/O failures into one-line glossary errors. */
function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new MtReviewError('glossary', `cannot read glossary file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
}

/**
 * Reads the glossary files of a directory (YAML or TSV, sorted by name), or one YAML or TSV file,
 * without parsing them. One-line errors for a missing path, an empty directory, a file of another
 * kind or an unreadable file.
 */
export function readGlossarySources(path: string): GlossarySource[] {
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
  return sources;
}

/**
 * A stamp of the compiled modules in `dir` (with `recursive`, in its subfolders too): their names,
 * sizes and modification times, so a rebuild invalidates what was cached by older code even when
 * the version number did not change. Empty when the folder cannot be read.
 */
export function codeStamp(dir: string, recursive = false): string {
  try {
    const files = (readdirSync(dir, { recursive }) as string[]).filter((f) => f.endsWith('.js')).sort();
    return files.map((f) => {
      const st = statSync(join(dir, f));
      return `${f}:${st.size}:${Math.trunc(st.mtimeMs)}`;
    }).join('\n');
  } catch {
    return '';
  }
}
