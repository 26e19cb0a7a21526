/**
 * `npm run bench`: generates a synthetic newsroom archive and termbase, measures mt-review against
 * baselines run side by side in the same run, and prints a Markdown table with the targets met or
 * missed. See test/bench/README.md for every flag.
 */
import { rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createContext, type BenchOptions, type Size } from './context.js';
import { RSS_METHOD } from './measure.js';
import { Report } from './report.js';
import { runChecker } from './sections/checker.js';
import { runImport } from './sections/import.js';
import { runRecheck } from './sections/recheck.js';
import { runSegmenter } from './sections/segmenter.js';
import { runWeb } from './sections/web.js';
import { evaluateTargets, type AllResults } from './targets.js';

/** The sections, in the order they run. */
export const SECTIONS = ['checker', 'recheck', 'segmenter', 'import', 'web'] as const;

const USAGE = `Usage: npm run bench -- [options]

  --quick              small sizes for a smoke run (a minute or two)
  --only LIST          run only these sections: ${SECTIONS.join(',')}
  --sizes LIST         checker sizes as NxK (articles x glossary entries), e.g. 100x100,1000x1000
  --runs N             runs per measurement (median); default 5 / 3 / 1 by size
  --seed N             generator seed (default 20260101)
  --keep               keep the generated data in .bench/data (and reuse it next time)
  -h, --help           this text
`;

/** Parses the bench's command line; throws with a one-line message on a bad flag. */
export function parseBenchArgs(argv: string[]): BenchOptions & { help: boolean } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      sizes: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const only = new Set((values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim()).filter(Boolean));
  for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`--only: unknown section "${s}" (sections: ${SECTIONS.join(', ')})`);
  let sizes: Size[] | undefined;
  if (values.sizes) {
    sizes = values.sizes.split(',').map((s) => {
      const m = /^(\d+)x(\d+)$/i.exec(s.trim());
      if (!m) throw new Error(`--sizes: "${s}" is not NxK (e.g. 1000x10000)`);
      return { n: Number(m[1]), k: Number(m[2]) };
    });
  }
  let runs: number | undefined;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: expected a positive integer');
  }
  const seed = values.seed === undefined ? 20260101 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed: expected an integer');
  return { quick: values.quick ?? false, only, sizes, runs, keep: values.keep ?? false, seed, help: values.help ?? false };
}

/** Describes the machine the figures were taken on. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} logical CPUs (nproc), ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}; peak RSS via ${RSS_METHOD === 'gnu-time' ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS'}`;
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const report = new Report();
  const ctx = createContext(options, repoRoot, report);
  const started = Date.now();
  ctx.log(`mt-review bench: ${[...options.only].join(', ')}${options.quick ? ' (quick)' : ''}; expected duration ${options.quick ? 'about 3 minutes on an idle 2-core machine' : 'about 20 minutes on an idle 2-core machine'}; much longer when other work shares the CPUs`);
  ctx.log(`machine: ${machineLine()}`);

  const results: AllResults = {};
  process.stdout.write(`## mt-review bench (seed ${options.seed}${options.quick ? ', --quick' : ''})\n\nMachine: ${machineLine()}.\n\n`);
  const guard = async (name: string, fn: () => Promise<void>): Promise<void> => {
    if (!options.only.has(name)) return;
    try {
      await fn();
    } catch (err) {
      report.skip(name, `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      if (process.env.MT_REVIEW_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    }
    // Each section's table is printed as soon as it ends, so a long run shows results early.
    process.stdout.write(report.takeNewTables());
  };
  await guard('checker', async () => { results.checker = await runChecker(ctx); });
  await guard('recheck', async () => { results.recheck = await runRecheck(ctx); });
  await guard('segmenter', async () => { results.segmenter = await runSegmenter(ctx); });
  // Import runs before web: the web section serves the database the import section built.
  await guard('import', async () => { results.import = await runImport(ctx); });
  await guard('web', async () => { results.web = await runWeb(ctx); });
  evaluateTargets(report, results, options);
  process.stdout.write(report.toMarkdown());
  process.stdout.write(`\nTook ${((Date.now() - started) / 60000).toFixed(1)} min.\n`);
  if (!options.keep) rmSync(ctx.dataRoot, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (process.env.MT_REVIEW_DEBUG ? err.stack : err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
