/**
 * Loading a glossary from disk: a directory of `*.yaml`/`*.yml`/`*.tsv` files, or one such file.
 * The only part of the glossary code that touches the file system.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MtReviewError, type Glossary } from '../core/types.js';
import { buildGlossary, glossaryFormat, type GlossarySource } from './build.js';

/** Reads a file as UTF-8 (through `readText` when it has the file), turning I/O failures into one-line glossary errors. */
function read(file: string, readText: LoadGlossaryOptions['readText']): string {
  try {
    return readText?.(file) ?? readFileSync(file, 'utf8');
  } catch (err) {
    throw new MtReviewError('glossary', `cannot read glossary file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
}

/** Options of `loadGlossary`. */
export interface LoadGlossaryOptions {
  /**
   * A folder where the validated glossary is kept, keyed by the files' names and contents and by
   * the glossary code: an unchanged glossary is then read back instead of parsed and validated
   * again (its examples already passed). Absent: no cache.
   */
  cacheDir?: string;
  /**
   * The text of a glossary file the caller already read, or undefined to read it from disk. The
   * CLI passes the bytes its result cache is keyed on, so the glossary validated is the one the
   * key names even if a file changes while the run starts.
   */
  readText?: (file: string) => string | undefined;
}

/** SHA-256 in hex. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Size and time of every compiled glossary module, so a rebuilt loader never trusts an old cache. */
function codeStamp(): string {
  const dir = dirname(fileURLToPath(import.meta.url));
  try {
    return readdirSync(dir).filter((n) => n.endsWith('.js')).sort().map((n) => {
      const st = statSync(join(dir, n));
      return `${n}:${st.size}:${Math.trunc(st.mtimeMs)}`;
    }).join('\n');
  } catch {
    return '';
  }
}

/** Reads a cached glossary, or undefined when there is none (or it cannot be read). */
function readCached(file: string): Glossary | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Glossary;
  } catch {
    return undefined;
  }
}

/** Writes a cache file atomically; the cache is an optimisation, so failures are ignored. */
function writeCached(file: string, glossary: Glossary): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(glossary));
    renameSync(tmp, file);
  } catch {
    // an unwritable cache only costs the next run the validation
  }
}

/**
 * Reads the glossary files of a directory (YAML or TSV, sorted by name), or one YAML or TSV file,
 * without parsing them; `readText` may supply texts already read. One-line errors for a missing
 * path, an empty directory, a file of another kind or an unreadable file.
 */
export function readGlossarySources(path: string, readText?: LoadGlossaryOptions['readText']): GlossarySource[] {
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
      sources.push({ file, text: read(file, readText) });
    }
  } else {
    if (!glossaryFormat(path)) throw new MtReviewError('glossary', 'not a glossary file (expected .yaml, .yml or .tsv)', { file: path });
    sources.push({ file: path, text: read(path, readText) });
  }
  return sources;
}

/** Loads every glossary file of a directory (YAML or TSV, sorted by name), or one YAML or TSV file. */
export function loadGlossary(path: string, options: LoadGlossaryOptions = {}): Glossary {
  const sources = readGlossarySources(path, options.readText);
  if (!options.cacheDir) return buildGlossary(sources, sha256);
  const key = sha256(JSON.stringify([codeStamp(), sources.map((s) => [s.file, s.text])]));
  const file = join(options.cacheDir, `glossary-${key}.json`);
  const cached = readCached(file);
  if (cached) return cached;
  const glossary = buildGlossary(sources, sha256);
  writeCached(file, glossary);
  return glossary;
}
