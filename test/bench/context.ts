/**
 * What every bench section gets: where things are, the options, the report, and the generated
 * data (written on first use and shared between sections).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeArticles, writeGlossary, type ArticleSet, type GlossarySet } from './dataset.js';
import type { ShippedGlossary } from './glossary-format.js';
import type { Report } from './report.js';

/** A checker size: N articles against a glossary of K entries. */
export interface Size {
  n: number;
  k: number;
}

/** The bench's options, from its command line. */
export interface BenchOptions {
  quick: boolean;
  only: Set<string>;
  sizes: Size[] | undefined;
  runs: number | undefined;
  keep: boolean;
  seed: number;
}

/** Shared state of one bench run. */
export interface BenchContext {
  options: BenchOptions;
  /** The repository root (the folder holding package.json). */
  repoRoot: string;
  /** The build output of the repository (`dist/`). */
  distRoot: string;
  /** Where generated data goes (`.bench/data` with --keep, else `.bench/run-<pid>`). */
  dataRoot: string;
  report: Report;
  /** Prints a progress line on stderr. */
  log(message: string): void;
  /** The N-article folder (generated on first use). */
  articles(n: number): ArticleSet;
  /** The K-entry glossary (generated on first use). */
  glossary(k: number): Promise<GlossarySet>;
  /** Imports a module of the build by its path under `dist/src`, or returns the reason it cannot. */
  importBuilt<T>(path: string): Promise<T | string>;
}

/** Creates the context; data is generated lazily. */
export function createContext(options: BenchOptions, repoRoot: string, report: Report): BenchContext {
  const distRoot = join(repoRoot, 'dist');
  // --keep shares .bench/data between runs; otherwise each run has its own folder, deleted at the
  // end, so two bench runs at the same time never delete each other's data.
  const dataRoot = join(repoRoot, '.bench', options.keep ? 'data' : `run-${process.pid}`);
  const articleSets = new Map<number, ArticleSet>();
  const glossaries = new Map<number, GlossarySet>();
  let shipped: ShippedGlossary | undefined;
  const started = Date.now();
  const ctx: BenchContext = {
    options,
    repoRoot,
    distRoot,
    dataRoot,
    report,
    log(message) {
      process.stderr.write(`[bench +${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
    },
    articles(n) {
      let set = articleSets.get(n);
      if (!set) {
        ctx.log(`generating ${n} articles`);
        set = writeArticles(dataRoot, options.seed, n);
        articleSets.set(n, set);
      }
      return set;
    },
    async glossary(k) {
      let set = glossaries.get(k);
      if (!set) {
        shipped ??= await loadShipped(ctx);
        ctx.log(`generating a glossary of ${k} entries`);
        set = writeGlossary(dataRoot, options.seed, k, shipped);
        glossaries.set(k, set);
      }
      return set;
    },
    async importBuilt<T>(path: string): Promise<T | string> {
      const file = join(distRoot, 'src', path);
      if (!existsSync(file)) return `${path.replace(/\.js$/, '.ts')} has not landed yet`;
      try {
        return (await import(pathToFileURL(file).href)) as T;
      } catch (err) {
        return `cannot load src/${path.replace(/\.js$/, '.ts')}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
      }
    },
  };
  return ctx;
}

/** The shipped glossary's files and entries, via the real loader when it has landed. */
async function loadShipped(ctx: BenchContext): Promise<ShippedGlossary> {
  const dir = join(ctx.repoRoot, 'glossary');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(ya?ml|tsv)$/.test(f)).sort().map((f) => join(dir, f)) : [];
  if (files.length === 0) return { files: [], entries: [] };
  const mod = await ctx.importBuilt<{ loadGlossary(path: string): { entries: ShippedGlossary['entries'] } }>('glossary/load.js');
  if (typeof mod === 'string') {
    ctx.report.skip('shipped glossary', mod);
    return { files: [], entries: [] };
  }
  try {
    const g = mod.loadGlossary(dir);
    return { files, entries: g.entries.map((e) => ({ id: e.id, terms: e.terms.map((t) => ({ text: t.text, replacement: t.replacement, caseSensitive: t.caseSensitive })) })) };
  } catch (err) {
    ctx.report.skip('shipped glossary', `the shipped glossary does not load (${String(err)}); using synthetic entries only`);
    return { files: [], entries: [] };
  }
}
