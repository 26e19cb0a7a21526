/**
 * Loading a glossary from disk (placeholder until the YAML/TSV loader lands).
 */
import type { Glossary } from '../core/types.js';

/** Loads every glossary file of a directory (YAML), or one YAML or TSV file. */
export function loadGlossary(path: string): Glossary {
  return { entries: [], files: [path], hash: '' };
}
