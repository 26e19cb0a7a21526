/**
 * Per-check timings over benchmark articles: a profiling aid, not a test (mocha never loads it).
 *
 *   npm run bench -- --only checker --keep      # once, to generate .bench/data/
 *   node dist/test/bench/checks-profile.js [--data .bench/data] [--glossary glossary-5000]
 *        [--articles articles-100] [--join 7] [--rounds 5] [--only id,id] [--cpu] [--dump findings.json]
 *   node --cpu-prof dist/test/bench/checks-profile.js …   # then open the .cpuprofile
 *
 * For each registered check it prints the mean time per article (each article alone) and per
 * joined document (`--join` articles separated by a blank line, ~300 sentences), after a warm-up.
 * `--cpu` times CPU rather than wall time, which a busy machine disturbs less.
 * `--dump` writes every finding of every check on every article and joined document as JSON, so
 * two builds can be compared finding for finding. The machine may be shared: compare ratios.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CHECKS } from '../../src/checks/index.js';
import { compileOnce } from '../../src/core/checker.js';
import { segment } from '../../src/core/segment.js';
import type { CheckDocument, CheckRunner } from '../../src/core/types.js';
import { loadGlossary } from '../../src/glossary/load.js';

/** Reads `--name value` from the command line. */
function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const dataDir = flag('data', '.bench/data');
const glossary = compileOnce(loadGlossary(join(dataDir, flag('glossary', 'glossary-5000'))));
const articleDir = join(dataDir, flag('articles', 'articles-100'));
const texts = readdirSync(articleDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(articleDir, f), 'utf8'));
const joinCount = Number(flag('join', '7'));
const rounds = Number(flag('rounds', '5'));
const dump = flag('dump', '');

const joined: string[] = [];
for (let i = 0; i + joinCount <= texts.length; i += joinCount) joined.push(texts.slice(i, i + joinCount).join('\n\n'));

/** Fresh document objects, so that nothing memoized per document carries over between runs. */
const docsOf = (list: string[]): CheckDocument[] => list.map((text) => ({ text, segmentation: segment(text) }));

/** Milliseconds now: wall time, or with `--cpu` this process's CPU time (steadier on a busy machine). */
const useCpu = process.argv.includes('--cpu');
const now = (): number => {
  if (!useCpu) return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Mean milliseconds per document of one runner over `list`, best of `rounds` rounds after a warm-up. */
function time(runner: CheckRunner, list: string[]): number {
  for (const doc of docsOf(list)) runner(doc);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const docs = docsOf(list);
    const t0 = now();
    for (const doc of docs) runner(doc);
    best = Math.min(best, (now() - t0) / docs.length);
  }
  return best;
}

const only = flag('only', '').split(',').filter(Boolean);
const runners = CHECKS.filter((c) => !only.length || only.includes(c.meta.id)).map((c) => ({ id: c.meta.id, run: c.create({ glossary, options: {} }) }));

if (dump) {
  const out: Record<string, unknown> = {};
  for (const { id, run } of runners) out[id] = docsOf([...texts, ...joined]).map((d) => run(d));
  writeFileSync(dump, JSON.stringify(out));
  console.error(`findings written to ${dump}`);
}

const segTime = (list: string[]): number => {
  const t0 = now();
  for (let r = 0; r < rounds; r++) for (const t of list) segment(t);
  return (now() - t0) / rounds / list.length;
};

const rows: [string, number, number][] = [];
for (const { id, run } of runners) rows.push([id, time(run, texts), time(run, joined)]);
const pad = (s: string, n: number): string => s.padEnd(n);
const ms = (x: number): string => `${x.toFixed(3)} ms`.padStart(12);
console.log(`${pad('check', 34)}${'article'.padStart(12)}${`${joinCount} joined`.padStart(12)}`);
for (const [id, a, b] of rows) console.log(`${pad(id, 34)}${ms(a)}${ms(b)}`);
const total = (k: 1 | 2): number => rows.reduce((sum, r) => sum + r[k], 0);
console.log(`${pad('total', 34)}${ms(total(1))}${ms(total(2))}`);
console.log(`${pad('segment()', 34)}${ms(segTime(texts))}${ms(segTime(joined))}`);
console.log(`(${texts.length} articles, ${joined.length} joined documents, best of ${rounds} rounds)`);
