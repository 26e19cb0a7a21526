/**
 * Section 2, "Re-check": the checker command twice with `--cache` (keyed by content, glossary and
 * tool version); the second run must not re-check unchanged files.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, Size } from '../context.js';
import { maxOrNull, median, runNode } from '../measure.js';
import { fmtInt, fmtMB, fmtMs, fmtRatio } from '../report.js';
import { checkArgs, countMtReview } from './checker.js';

/** The measured first and cached runs. */
export interface RecheckResults {
  size: Size;
  firstMs: number;
  secondMs: number;
  sameFindings: boolean;
}

/** Runs the re-check section and adds its table. */
export async function runRecheck(ctx: BenchContext): Promise<RecheckResults | undefined> {
  const size: Size = ctx.options.quick ? { n: 300, k: 1000 } : { n: 1000, k: 10000 };
  const runs = ctx.options.runs ?? 3;
  const articles = ctx.articles(size.n);
  const glossary = await ctx.glossary(size.k);
  const cli = join(ctx.distRoot, 'src', 'cli', 'main.js');
  const cwd = mkdtempSync(join(tmpdir(), 'mtr-bench-cache-'));
  const cacheDir = join(cwd, 'cache');
  const args = checkArgs(cli, glossary.dir, articles.dir, ['--cache', '--cache-location', cacheDir]);
  ctx.log(`re-check ${size.n} × ${glossary.entries} with --cache, ${runs} pair(s)`);
  const first = [];
  const second = [];
  let same = true;
  for (let i = 0; i < runs; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    const a = await runNode(args, { cwd });
    const b = await runNode(args, { cwd });
    if (a.code !== 0 || b.code !== 0) {
      rmSync(cwd, { recursive: true, force: true });
      ctx.report.skip('recheck', `mt-review check --cache exited ${a.code}/${b.code}: ${(a.stderr || b.stderr).trim().split('\n')[0]}`);
      return undefined;
    }
    first.push(a);
    second.push(b);
    same &&= JSON.stringify(countMtReview(a.stdout)) === JSON.stringify(countMtReview(b.stdout));
  }
  // The fixed cost every run pays whatever the cache holds: start-up, glossary loading and compiling.
  const oneDir = join(cwd, 'one-file');
  mkdirSync(oneDir);
  copyFileSync(articles.files[0]!, join(oneDir, 'article.txt'));
  const fixed = [];
  for (let i = 0; i < runs; i++) fixed.push(await runNode(checkArgs(cli, glossary.dir, oneDir), { cwd }));
  rmSync(cwd, { recursive: true, force: true });
  const firstMs = median(first.map((r) => r.ms));
  const secondMs = median(second.map((r) => r.ms));
  const counts = countMtReview(second[0]!.stdout);
  const total = typeof counts === 'string' ? counts : fmtInt(counts.synthetic + counts.shipped + (counts.other ?? 0));
  const table = ctx.report.table('Re-check: the same command again with `--cache`', ['N × K', 'run', 'runs', 'time (median)', 'ratio to first', 'findings', 'peak RSS']);
  const label = `${fmtInt(size.n)} × ${fmtInt(glossary.entries)}`;
  table.rows.push([label, 'first (empty cache)', String(runs), fmtMs(firstMs), '×1 (baseline)', total, fmtMB(maxOrNull(first.map((r) => r.rss)))]);
  table.rows.push([label, 'second (nothing changed)', String(runs), fmtMs(secondMs), fmtRatio(secondMs / firstMs), `${total}${same ? ' (same)' : ' (DIFFERENT)'}`, fmtMB(maxOrNull(second.map((r) => r.rss)))]);
  const fixedMs = median(fixed.map((r) => r.ms));
  table.rows.push([`1 × ${fmtInt(glossary.entries)}`, 'one file, no cache (fixed cost)', String(runs), fmtMs(fixedMs), fmtRatio(fixedMs / firstMs), '', fmtMB(maxOrNull(fixed.map((r) => r.rss)))]);
  table.notes.push('The last row checks a single article with the same glossary: the cost every run pays whatever the cache holds (Node start-up, loading, validating and compiling the glossary), a floor for the cached run.');
  table.notes.push('Both runs are whole `mt-review check` processes (start-up included); the cache is emptied before each pair.');
  return { size, firstMs, secondMs, sameFindings: same };
}
