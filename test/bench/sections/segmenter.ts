/**
 * Section 3, "Segmenter": sentences per second of mt-review's `segment()` against a plain
 * `Intl.Segmenter('en', { granularity: 'sentence' })` on the same articles, in process.
 */
import { readFileSync } from 'node:fs';
import type { BenchContext } from '../context.js';
import { median, timeSync } from '../measure.js';
import { fmtInt, fmtMs, fmtRatio } from '../report.js';

/** The measured rates. */
export interface SegmenterResults {
  mtRate: number;
  intlRate: number;
}

/** Runs the segmenter section and adds its table. */
export async function runSegmenter(ctx: BenchContext): Promise<SegmenterResults | undefined> {
  const mod = await ctx.importBuilt<{ segment(text: string): { sentences: unknown[] } }>('core/segment.js');
  if (typeof mod === 'string') {
    ctx.report.skip('segmenter', mod);
    return undefined;
  }
  const n = ctx.options.quick ? 200 : 1000;
  const runs = ctx.options.runs ?? 5;
  const texts = ctx.articles(n).files.map((f) => readFileSync(f, 'utf8'));
  ctx.log(`segmenter on ${n} articles, ${runs} runs`);
  let mtSentences = 0;
  let intlSentences = 0;
  const intl = new Intl.Segmenter('en', { granularity: 'sentence' });
  // One warm-up pass each, so neither side pays for JIT compilation in the timed runs.
  for (const t of texts.slice(0, 20)) { mod.segment(t); for (const _ of intl.segment(t)) { /* warm up */ } }
  const mtTimes = timeSync(runs, () => {
    mtSentences = 0;
    for (const t of texts) mtSentences += mod.segment(t).sentences.length;
  });
  const intlTimes = timeSync(runs, () => {
    intlSentences = 0;
    for (const t of texts) for (const s of intl.segment(t)) if (s.segment.trim() !== '') intlSentences++;
  });
  const mtMs = median(mtTimes);
  const intlMs = median(intlTimes);
  const mtRate = mtSentences / (mtMs / 1000);
  const intlRate = intlSentences / (intlMs / 1000);
  const table = ctx.report.table('Segmenter: `segment()` vs plain `Intl.Segmenter` (in process)', ['articles', 'segmenter', 'runs', 'time (median)', 'sentences', 'sentences/s', 'vs Intl.Segmenter']);
  table.rows.push([fmtInt(n), 'Intl.Segmenter (baseline)', String(runs), fmtMs(intlMs), fmtInt(intlSentences), fmtInt(intlRate), '×1 (baseline)']);
  table.rows.push([fmtInt(n), 'mt-review segment()', String(runs), fmtMs(mtMs), fmtInt(mtSentences), fmtInt(mtRate), `${fmtRatio(mtRate / intlRate)} the rate`]);
  table.notes.push('`segment()` also finds the headline and paragraphs and keeps exact offsets; Intl.Segmenter only splits. Their sentence counts differ where `segment()` knows news abbreviations and block structure.');
  return { mtRate, intlRate };
}
