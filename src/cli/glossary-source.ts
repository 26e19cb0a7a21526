/**
 * The glossary as read from disk, without parsing it: what `check --cache` keys its results on, so
 * a re-check of unchanged files can be answered before (and without) loading the glossary.
 */
import { hash } from 'node:crypto';
import path from 'node:path';
import type { GlossarySource as GlossaryFile } from '../glossary/format.js';
import { readGlossarySources } from '../glossary/sources.js';

/** A glossary's files as read once: their fingerprint, and their texts for the loader. */
export type GlossarySource =
  | {
    /**
     * SHA-256 over the kind of path (file or folder) and each glossary file's name and text: any
     * edit, rename, added or removed file changes it (a comment too, which is harmless).
     */
    key: string;
    /** The files read (`readGlossarySources`), so the glossary validated is the one `key` names. */
    sources: GlossaryFile[];
  }
  | {
    /** SHA-256 over the error, a key no readable glossary has. */
    key: string;
    /** Why the glossary could not be read, thrown when the glossary is loaded. */
    error: unknown;
  };

/**
 * Reads the glossary at `glossaryPath` (a folder or one file) and fingerprints it. Never throws: a
 * path that cannot be read gets a key of its own, and its error is thrown when the glossary is loaded.
 */
export function readGlossarySource(glossaryPath: string): GlossarySource {
  let sources: GlossaryFile[];
  try {
    sources = readGlossarySources(glossaryPath);
  } catch (error) {
    return { key: hash('sha256', `error\n${String(error)}`, 'hex'), error };
  }
  // `readGlossarySources` names one file by the path it was given, a folder's files by folder and name.
  const oneFile = sources.length === 1 && sources[0]!.file === glossaryPath;
  const parts: string[] = [oneFile ? 'file\n' : 'folder\n'];
  for (const s of sources) {
    parts.push(`${path.basename(s.file)}\0${s.text.length}\n`, s.text);
  }
  return { key: hash('sha256', parts.join(''), 'hex'), sources };
}
