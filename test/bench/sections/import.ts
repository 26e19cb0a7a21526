/**
 * Section 5, "Import and restart": the first start importing the corpus into a new review
 * database, then a restart over the built database that must re-import nothing.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from '../context.js';
import { mergeFolders, writeArticles } from '../dataset.js';
import { runNode, type ChildRun } from '../measure.js';
import { fmtInt, fmtMB, fmtMs } from '../report.js';

/** What `store-open.js` prints. */
interface OpenOutput {
  /** Milliseconds from process start to the end of the import (when `serve` could listen). */
  readyMs: number;
  glossaryMs: number;
  openImportMs: number;
  added: number;
  updated: string[];
  unchanged: number;
  errors: string[];
  reimported: string[];
  total?: number;
  articles?: Array<{ slug: string; sentences: number; path: string | null }>;
  long?: { slug: string; sentences: number };
}

/** A built review database and what the web section needs from it. */
export interface BenchDatabase {
  dbPath: string;
  glossaryDir: string;
  corpusDir: string;
  articles: number;
  /** Slugs and sentence counts of the first articles (for saves). */
  sample: Array<{ slug: string; sentences: number }>;
  /** The 300-sentence article. */
  long: { slug: string; sentences: number } | undefined;
}

/** Measurements of the first start and the restart. */
export interface ImportResults {
  articles: number;
  first: ChildRun & { out: OpenOutput };
  restart: ChildRun & { out: OpenOutput };
}

let built: { db: BenchDatabase; results?: ImportResults } | undefined;

/** Article count of the web/import corpus: 10,000 (500 with --quick), plus one 300-sentence article. */
function corpusSize(ctx: BenchContext): number {
  return ctx.options.quick ? 500 : 10000;
}

/** Glossary size of the store: an organisation's termbase of 1,000 entries (shipped included). */
export const STORE_GLOSSARY_ENTRIES = 1000;

async function openChild(ctx: BenchContext, db: string, glossaryDir: string, corpusDir: string, sample?: number): Promise<ChildRun & { out: OpenOutput }> {
  const js = join(ctx.distRoot, 'test', 'bench', 'children', 'store-open.js');
  const r = await runNode([js, db, glossaryDir, corpusDir, ...(sample ? [String(sample)] : [])]);
  if (r.code !== 0) throw new Error(`store-open exited ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return { ...r, out: JSON.parse(r.stdout) as OpenOutput };
}

/** Builds (first start) and re-opens (restart) the database; memoised for the web section. */
export async function ensureDatabase(ctx: BenchContext): Promise<{ db: BenchDatabase; results?: ImportResults } | string> {
  if (built) return built;
  for (const mod of ['store/index.js', 'glossary/load.js']) {
    const m = await ctx.importBuilt(mod);
    if (typeof m === 'string') return m;
  }
  const n = corpusSize(ctx);
  const articles = ctx.articles(n);
  const long = writeArticles(ctx.dataRoot, ctx.options.seed + 1, 1, { sentences: 300, name: 'long-300' });
  const corpusDir = join(ctx.dataRoot, `web-corpus-${n}`);
  ctx.log(`linking ${n} + 1 articles into the web corpus`);
  // The long article's file name says what it is, so the bench can find it in the corpus list
  // (its generated name can be the same as an article's of the other set).
  mergeFolders(corpusDir, [articles, long], new Map([[long.files[0]!, '2021-12-31-long-article-300-sentences.txt']]));
  const glossary = await ctx.glossary(STORE_GLOSSARY_ENTRIES);
  const dbDir = join(ctx.dataRoot, 'db');
  rmSync(dbDir, { recursive: true, force: true });
  mkdirSync(dbDir, { recursive: true });
  const dbPath = join(dbDir, 'bench.db');
  ctx.log(`first start: importing ${n + 1} articles into a new database (the slow part of this section)`);
  const first = await openChild(ctx, dbPath, glossary.dir, corpusDir);
  ctx.log(`restart over the built database`);
  const restart = await openChild(ctx, dbPath, glossary.dir, corpusDir, 2000);
  const sample = (restart.out.articles ?? []).filter((a) => !a.path?.includes('long'));
  built = {
    db: { dbPath, glossaryDir: glossary.dir, corpusDir, articles: restart.out.total ?? n + 1, sample, long: restart.out.long },
    results: { articles: n + 1, first, restart },
  };
  return built;
}

/** Runs the import section and adds its table. */
export async function runImport(ctx: BenchContext): Promise<ImportResults | undefined> {
  const b = await ensureDatabase(ctx);
  if (typeof b === 'string') {
    ctx.report.skip('import', b);
    return undefined;
  }
  const r = b.results!;
  const table = ctx.report.table('Import and restart: loading the glossary, opening the review database and importing the corpus', [
    'articles', 'start', 'ready after', 'glossary load', 'open + importCorpus', 'added', 'updated', 'unchanged', 're-imported files', 'peak RSS',
  ]);
  for (const [label, run] of [['first (new database)', r.first], ['restart (database built)', r.restart]] as const) {
    const o = run.out;
    table.rows.push([
      fmtInt(r.articles), label, fmtMs(o.readyMs), fmtMs(o.glossaryMs), fmtMs(o.openImportMs), fmtInt(o.added), fmtInt(o.updated.length), fmtInt(o.unchanged),
      label.startsWith('restart') ? (o.reimported.length ? o.reimported.slice(0, 3).join(', ') : 'none') : '(all: new)', fmtMB(run.rss),
    ]);
  }
  table.notes.push(
    `Each start is a child process doing what \`mt-review serve\` does before listening, with a glossary of ${STORE_GLOSSARY_ENTRIES} entries; importing checks every sentence once and stores its findings.`,
    '"Ready after" is the time from the process start (Node start-up and module loading included) to the end of the import, i.e. when the server could start listening; "re-imported files" lists files added or updated by the restart.',
  );
  if (existsSync(b.db.dbPath)) table.notes.push('The database is kept for the web section.');
  return r;
}
