/**
 * The glossary as bytes on disk, read without parsing it: what `check --cache` keys its results
 * on, so a re-check of unchanged files can be answered before (and without) loading the glossary.
 */
import { hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Names the glossary loader reads in a folder (`glossaryFormat` in `src/glossary/build.ts`; a test
 * keeps the two in step). Restated here so that fingerprinting never imports the YAML parser.
 */
const GLOSSARY_FILE = /\.(?:ya?ml|tsv)$/i;

/** A glossary's files as read once: their fingerprint, and their bytes for the loader. */
export interface GlossarySource {
  /**
   * SHA-256 over the kind of path (file or folder) and each glossary file's name and bytes: any
   * edit, rename, added or removed file changes it (a comment too, which is harmless).
   */
  key: string;
  /** The bytes read, by absolute file name, so the glossary validated is the one `key` names. */
  files: Map<string, Buffer>;
}

/** Whether `name` is a file name the glossary loader reads in a folder. */
export function isGlossaryFileName(name: string): boolean {
  return GLOSSARY_FILE.test(name);
}

/**
 * Reads the glossary at `glossaryPath` (a folder or one file) as bytes and fingerprints it. Never
 * throws: a path that cannot be read gets a key of its own, and the loader reports the problem.
 */
export function readGlossarySource(glossaryPath: string): GlossarySource {
  const files = new Map<string, Buffer>();
  const parts: (string | Buffer)[] = [];
  const add = (file: string, name: string): void => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      parts.push(`unreadable\0${name}\0${(err as NodeJS.ErrnoException).code ?? ''}\n`);
      return;
    }
    files.set(file, bytes);
    parts.push(`file\0${name}\0${bytes.length}\n`, bytes);
  };
  try {
    if (statSync(glossaryPath).isDirectory()) {
      parts.push('folder\n');
      const names = readdirSync(glossaryPath).filter(isGlossaryFileName).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const name of names) add(path.join(glossaryPath, name), name);
    } else {
      add(glossaryPath, path.basename(glossaryPath));
    }
  } catch {
    parts.push('missing\n');
  }
  return { key: hash('sha256', Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))), 'hex'), files };
}
