/**
 * Bench child: what `mt-review serve` does at start-up — load the glossary, open (or create) the
 * review database and import the corpus folder — timed, with the import report as JSON.
 * Usage: node store-open.js <db> <glossary> <corpus> [sample-slugs]
 */
import { dirname, join } from 'node:path';
import { loadGlossary } from '../../../src/glossary/load.js';
import { openStore } from '../../../src/store/index.js';

const [dbPath, glossaryPath, corpusDir, sample] = process.argv.slice(2);
if (!dbPath || !glossaryPath || !corpusDir) throw new Error('usage: store-open.js <db> <glossary> <corpus> [sample-slugs]');
const t0 = performance.now();
// As `mt-review serve` does: the validated glossary is cached beside the database.
const glossary = loadGlossary(glossaryPath, { cacheDir: join(dirname(dbPath), 'glossary-cache') });
const t1 = performance.now();
const store = openStore({ dbPath, glossary, corpusDir });
const t2 = performance.now();
// Milliseconds since the process started (module loading included): when `serve` could listen.
const readyMs = performance.now();
const report = store.importReport!;
const out: Record<string, unknown> = {
  readyMs,
  glossaryMs: t1 - t0,
  openImportMs: t2 - t1,
  added: report.added.length,
  updated: report.updated,
  unchanged: report.unchanged.length,
  errors: report.errors,
  reimported: [...report.added, ...report.updated].slice(0, 20),
};
if (sample) {
  const { total, items } = store.listArticles({ limit: Number(sample) });
  out.total = total;
  out.articles = items.map((a) => ({ slug: a.slug, sentences: a.sentenceCount, path: a.path }));
  const long = store.listArticles({ q: 'long', limit: 5 }).items.concat(items).find((a) => a.path?.includes('long'));
  if (long) out.long = { slug: long.slug, sentences: long.sentenceCount };
}
store.close();
process.stdout.write(JSON.stringify(out));
