/**
 * How the baseline children find their inputs: a folder of `*.txt` files (sorted) or a list file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaselineTerm } from '../dataset.js';

/** Arguments every baseline child takes: `<terms.json> <folder> [max-files]`. */
export interface BaselineInput {
  terms: BaselineTerm[];
  files: string[];
}

/** Parses the baseline child's argv: the term list, the folder, and an optional limit on files. */
export function readInput(argv: string[]): BaselineInput {
  const [termsFile, dir, limit] = argv;
  if (!termsFile || !dir) throw new Error('usage: <terms.json> <folder> [max-files]');
  const terms = JSON.parse(readFileSync(termsFile, 'utf8')) as BaselineTerm[];
  let files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
  if (limit) files = files.slice(0, Number(limit));
  return { terms, files };
}
