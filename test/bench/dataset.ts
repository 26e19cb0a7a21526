/**
 * Writing the bench data to disk: article folders, glossaries in mt-review's YAML format, the same
 * terms as a prh rule file for textlint, and the term list the RegExp baselines read.
 */
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle, syntheticEntries, escapeRegExp, type SyntheticEntry } from './generate.js';
import { glossaryYaml, type ShippedGlossary, type ShippedEntry } from './glossary-format.js';

/** What is on disk for one article folder. */
export interface ArticleSet {
  dir: string;
  files: string[];
  bytes: number;
  words: number;
  sentences: number;
  /** Flattened planted hits: entry index and flaggable flag per occurrence. */
  hits: Array<[entry: number, flaggable: 0 | 1]>;
}

/** A term as the RegExp baselines and textlint see it. */
export interface BaselineTerm {
  text: string;
  replacement: string;
  /** `synthetic` for generated entries, `shipped` for the shipped glossary's. */
  origin: 'synthetic' | 'shipped';
  caseSensitive: boolean;
}

/** What is on disk for one glossary size. */
export interface GlossarySet {
  dir: string;
  /** Total entries: shipped plus synthetic. */
  entries: number;
  shipped: number;
  synthetic: number;
  terms: number;
  termsFile: string;
  prhFile: string;
}

const MANIFEST = 'manifest.json';

/** Writes `n` articles (or reuses a complete folder written with the same seed) and returns its manifest. */
export function writeArticles(root: string, seed: number, n: number, options: { sentences?: number; name?: string } = {}): ArticleSet {
  const dir = join(root, options.name ?? `articles-${n}`);
  const manifestPath = join(root, `${options.name ?? `articles-${n}`}.${MANIFEST}`);
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as ArticleSet & { seed: number; sentencesOption?: number };
    // Reused only when every file is still there with its size (a file changed since is regenerated).
    const intact = (): boolean => m.files.reduce((n, f) => n + (existsSync(f) ? statSync(f).size : -Infinity), 0) === m.bytes;
    if (m.seed === seed && m.sentencesOption === options.sentences && existsSync(dir) && readdirSync(dir).length === m.files.length && intact()) return m;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const set: ArticleSet = { dir, files: [], bytes: 0, words: 0, sentences: 0, hits: [] };
  for (let i = 0; i < n; i++) {
    const a = generateArticle(seed, i, options.sentences === undefined ? {} : { sentences: options.sentences });
    const path = join(dir, a.name);
    writeFileSync(path, a.text);
    set.files.push(path);
    set.bytes += Buffer.byteLength(a.text);
    set.words += a.words;
    set.sentences += a.text.split('\n\n').length;
    for (const h of a.hits) set.hits.push([h.entry, h.flaggable ? 1 : 0]);
  }
  writeFileSync(manifestPath, JSON.stringify({ ...set, seed, sentencesOption: options.sentences }));
  return set;
}

/**
 * A folder holding every file of `sets` (hard links where possible), for tools that take one
 * folder; `rename` gives a file another name in it. Two files of one name are an error: copying
 * over the first would write through its hard link into the generated set it came from.
 */
export function mergeFolders(dir: string, sets: ArticleSet[], rename: ReadonlyMap<string, string> = new Map()): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const s of sets) {
    for (const f of s.files) {
      const target = join(dir, rename.get(f) ?? f.slice(s.dir.length + 1));
      if (existsSync(target)) throw new Error(`mergeFolders: two files named ${target}`);
      try {
        linkSync(f, target);
      } catch {
        copyFileSync(f, target, constants.COPYFILE_EXCL);
      }
      out.push(target);
    }
  }
  return out;
}

/** Expected counts for a glossary with `synthetic` synthetic entries: literal occurrences and flaggable ones. */
export function expectedHits(set: ArticleSet, synthetic: number): { literal: number; flaggable: number } {
  let literal = 0;
  let flaggable = 0;
  for (const [entry, ok] of set.hits) {
    if (entry < synthetic) {
      literal++;
      flaggable += ok;
    }
  }
  return { literal, flaggable };
}

/**
 * Writes a glossary of `k` entries — every shipped entry plus synthetic ones — in the shipped YAML
 * format, the same terms as a prh rule file, and the baselines' term list.
 */
export function writeGlossary(root: string, seed: number, k: number, shipped: ShippedGlossary): GlossarySet {
  const dir = join(root, `glossary-${k}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of shipped.files) copyFileSync(f, join(dir, f.slice(f.lastIndexOf('/') + 1)));
  const syntheticCount = Math.max(0, k - shipped.entries.length);
  const synthetic = syntheticEntries(seed, syntheticCount);
  writeFileSync(join(dir, 'zz-bench-synthetic.yaml'), glossaryYaml(synthetic));
  const terms = baselineTerms(shipped.entries, synthetic);
  const termsFile = join(root, `glossary-${k}.terms.json`);
  writeFileSync(termsFile, JSON.stringify(terms));
  const prhFile = join(root, `glossary-${k}.prh.yml`);
  writeFileSync(prhFile, prhYaml(terms));
  return { dir, entries: shipped.entries.length + syntheticCount, shipped: shipped.entries.length, synthetic: syntheticCount, terms: terms.length, termsFile, prhFile };
}

/** The flat term list of shipped and synthetic entries. */
export function baselineTerms(shipped: ShippedEntry[], synthetic: SyntheticEntry[]): BaselineTerm[] {
  const out: BaselineTerm[] = [];
  for (const e of shipped) for (const t of e.terms) out.push({ text: t.text, replacement: t.replacement, origin: 'shipped', caseSensitive: t.caseSensitive });
  for (const e of synthetic) for (const t of e.terms) out.push({ text: t.text, replacement: t.replacement, origin: 'synthetic', caseSensitive: false });
  return out;
}

/** The terms as a prh rule file: one rule per term, word-bounded, case-insensitive unless the term is not. */
export function prhYaml(terms: BaselineTerm[]): string {
  const q = (s: string): string => JSON.stringify(s);
  const lines = ['version: 1', 'rules:'];
  for (const t of terms) {
    lines.push(`  - expected: ${q(t.replacement)}`);
    lines.push(`    patterns: ${q(`/\\b${escapeRegExp(t.text)}\\b/${t.caseSensitive ? '' : 'i'}`)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Total size in bytes of the files. */
export function totalBytes(files: string[]): number {
  return files.reduce((sum, f) => sum + statSync(f).size, 0);
}
