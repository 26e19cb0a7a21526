/**
 * Loading a glossary from disk: a directory of `*.yaml`/`*.yml`/`*.tsv` files, or one such file,
 * read by `readGlossarySources` (`sources.ts`), then built and validated, through a cache folder
 * when asked. With `sources.ts`, the only part of the glossary code that touches the file system.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Glossary } from '../core/types.js';
import { buildGlossary } from './build.js';
import type { GlossarySource } from './format.js';
import { codeStamp, readGlossarySources } from './sources.js';


/** Options of `loadGlossary` and `glossaryFromSources`. */
export interface LoadGlossaryOptions {
  /**
   * A folder where the validated glossary is kept, keyed by the files' names and contents and by
   * the glossary code: an unchanged glossary is then read back instead of parsed and validated
   * again (its examples already passed). Absent: no cache.
   */
  cacheDir?: string;
  /**
   * The stamp of the code the cache key names (`codeStamp`). Default: the compiled glossary
   * modules; a caller that already stamped a build containing them (`check --cache`) passes that.
   */
  codeStamp?: string;
}

/** SHA-256 in hex. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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

/** Loads every glossary file of a directory (YAML or TSV, sorted by name), or one YAML or TSV file. */
export function loadGlossary(path: string, options: LoadGlossaryOptions = {}): Glossary {
  return glossaryFromSources(readGlossarySources(path), options);
}

/**
 * Builds and validates a glossary from files the caller already read (`readGlossarySources`), so
 * the glossary validated is exactly the text the caller fingerprinted or recorded.
 */
export function glossaryFromSources(sources: readonly GlossarySource[], options: LoadGlossaryOptions = {}): Glossary {
  if (!options.cacheDir) return buildGlossary(sources, sha256);
  const key = sha256(JSON.stringify([options.codeStamp ?? codeStamp(dirname(fileURLToPath(import.meta.url))), sources.map((s) => [s.file, s.text])]));
  const file = join(options.cacheDir, `glossary-${key}.json`);
  const cached = readCached(file);
  if (cached) return cached;
  const glossary = buildGlossary(sources, sha256);
  writeCached(file, glossary);
  return glossary;
}
