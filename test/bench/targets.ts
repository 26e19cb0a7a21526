/**
 * The issue's performance targets, each evaluated from this run's measurements and printed with
 * ✔ (met), ✖ (missed) or · (not measured in this run).
 */
import type { BenchOptions } from './context.js';
import type { Report } from './report.js';
import { fmtMs, fmtRatio } from './report.js';
import type { CheckerResults } from './sections/checker.js';
import type { ImportResults } from './sections/import.js';
import type { RecheckResults } from './sections/recheck.js';
import type { SegmenterResults } from './sections/segmenter.js';
import { SAVE_ONE_WORD, SAVE_REWRITE, type WebResults } from './sections/web.js';

/** Everything the sections measured (absent: not run or skipped). */
export interface AllResults {
  checker?: CheckerResults;
  recheck?: RecheckResults | undefined;
  segmenter?: SegmenterResults | undefined;
  web?: WebResults | undefined;
  import?: ImportResults | undefined;
}

/** Adds every target to the report. */
export function evaluateTargets(report: Report, r: AllResults, options: BenchOptions): void {
  const size = (n: number, k: number) => r.checker?.bySize.get(`${n}x${k}`);
  const tool = (n: number, k: number, id: string) => size(n, k)?.tools.get(id);
  const missing = (what: string) => `not measured in this run (needs ${what}${options.quick ? '; --quick uses small sizes' : ''})`;

  {
    const name = 'checker ≥ 1/5 of the combined-RegExp throughput at (1,000, 10,000), every check on';
    const mt = tool(1000, 10000, 'mt-review');
    const re = tool(1000, 10000, 'combined');
    if (mt && re && Number.isFinite(mt.ms) && Number.isFinite(re.ms)) {
      const ratio = re.ms / mt.ms;
      report.target(name, ratio >= 0.2, `mt-review runs at ${fmtRatio(ratio)} the combined RegExp's throughput (${fmtMs(mt.ms)} vs ${fmtMs(re.ms)})`);
    } else report.target(name, null, missing('--sizes 1000x10000'));
  }
  {
    const name = '≥ 300× faster than textlint+prh at (100, 5,000)';
    const mt = tool(100, 5000, 'mt-review');
    const tl = tool(100, 5000, 'textlint');
    if (mt && tl && Number.isFinite(tl.ms)) {
      const ratio = tl.ms / mt.ms;
      report.target(name, ratio >= 300, `${fmtRatio(ratio)} faster (${fmtMs(mt.ms)} vs ${fmtMs(tl.ms)}${tl.estimatedFrom ? `, textlint scaled from ${tl.estimatedFrom} files` : ''})`);
    } else report.target(name, null, missing('--sizes 100x5000 and textlint'));
  }
  {
    const name = 'glossary 100 → 10,000 entries costs ≤ 2× in throughput (1,000 articles)';
    const a = tool(1000, 100, 'mt-review');
    const b = tool(1000, 10000, 'mt-review');
    if (a && b) {
      const ratio = b.ms / a.ms;
      report.target(name, ratio <= 2, `time ${fmtRatio(ratio)} (${fmtMs(a.ms)} → ${fmtMs(b.ms)})`);
    } else report.target(name, null, missing('--sizes 1000x100,1000x10000'));
  }
  {
    const name = 'corpus 1,000 → 10,000 articles: time grows linearly (≤ 10× × 1.2) and peak memory stays flat (≤ 1.5×)';
    const a = tool(1000, 10000, 'mt-review');
    const b = tool(10000, 10000, 'mt-review');
    if (a && b) {
      const t = b.ms / a.ms;
      const m = a.rss && b.rss ? b.rss / a.rss : NaN;
      report.target(name, t <= 12 && (Number.isNaN(m) || m <= 1.5), `time ${fmtRatio(t)} for 10× the articles; peak RSS ${Number.isNaN(m) ? 'n/a' : fmtRatio(m)}`);
    } else report.target(name, null, missing('--sizes 1000x10000,10000x10000'));
  }
  {
    const name = 'cached re-check < 1/10 of the first run';
    if (r.recheck) {
      const ratio = r.recheck.secondMs / r.recheck.firstMs;
      report.target(name, ratio < 0.1 && r.recheck.sameFindings, `second/first = ${ratio.toFixed(3)} (${fmtMs(r.recheck.secondMs)} vs ${fmtMs(r.recheck.firstMs)})${r.recheck.sameFindings ? '' : '; findings differ'}`);
    } else report.target(name, null, missing('the recheck section'));
  }
  const web = r.web?.results;
  {
    const name = 'article page of 300 sentences server-side < 50 ms';
    const page = web?.find((x) => x.name.startsWith('article page') && x.connections === 1);
    if (page && page.requests) report.target(name, page.p50 < 50, `p50 ${fmtMs(page.p50)} at 1 connection (${r.web?.longSentences ?? '?'} sentences)`);
    else report.target(name, null, missing('the web section'));
  }
  {
    const name = 'save p99 < 25 ms at 50 connections and ≥ 30% of bare-Express throughput';
    // Judged on the usual correction (one word); the rewrite, the costliest save, is quoted beside it.
    const save = web?.find((x) => x.name.startsWith(SAVE_ONE_WORD) && x.connections === 50);
    const rewrite = web?.find((x) => x.name.startsWith(SAVE_REWRITE) && x.connections === 50);
    const bare = web?.find((x) => x.name.startsWith('bare Express POST') && x.connections === 50);
    if (save && bare && save.requests) {
      const share = save.rps / bare.rps;
      const connected = save.p99Connected === undefined ? '' : ` (${fmtMs(save.p99Connected)} once all connected; bare Express ${fmtMs(bare.p99Connected ?? bare.p99)})`;
      const rewritten = rewrite?.requests ? `; a sentence rewritten: ${(100 * rewrite.rps / bare.rps).toFixed(1)}%` : '';
      report.target(name, save.p99 < 25 && share >= 0.3 && save.non2xx === 0, `one word changed: p99 ${fmtMs(save.p99)}${connected}, ${(share * 100).toFixed(1)}% of bare Express (${Math.round(save.rps)} vs ${Math.round(bare.rps)} req/s)${save.non2xx ? `, ${save.non2xx} non-2xx` : ''}${rewritten}`);
    } else if (save) report.target(name, false, 'no save was answered within the measuring time');
    else report.target(name, null, missing('the web section'));
  }
  {
    const name = 'restart < 1 s, re-importing nothing';
    const imp = r.import;
    if (imp) {
      const re = imp.restart;
      const n = re.out.reimported.length;
      report.target(name, re.out.readyMs < 1000 && n === 0, `ready after ${fmtMs(re.out.readyMs)} (process start-up included; glossary load ${fmtMs(re.out.glossaryMs)}, open + importCorpus ${fmtMs(re.out.openImportMs)}), ${n === 0 ? 'nothing re-imported' : `${n} files re-imported`}`);
    } else report.target(name, null, missing('the import section'));
  }
}
