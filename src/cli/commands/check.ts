/**
 * `mt-review check`: checks articles (files, directories, globs or stdin, or the corrected
 * renderings of the review database) against the glossary and the registered checks, for CI.
 *
 * Findings are results (exit 1 when any reaches `--fail-on`); a bad flag, an unreadable input or a
 * broken glossary is a tool error (one line on stderr, exit 2). An unreadable file does not abort
 * the run: it is reported, every other file is still checked and reported, and the exit code is 2.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Checker } from '../../core/checker.js';
import { decodeUtf8 } from '../../core/decode.js';
import { MtReviewError, SEVERITIES, type CheckDefinition, type CheckOptions, type Glossary, type Severity } from '../../core/types.js';
import { resolveGlossaryPath } from '../glossary-path.js';
import { codeStamp } from '../../glossary/sources.js';
import { readGlossarySource, type GlossarySource } from '../glossary-source.js';
import { baselinePath, buildBaseline, createBaselineFilter, DEFAULT_IGNORE_FILE, loadBaseline, writeBaseline, type Baseline } from '../baseline.js';
import { cacheConfigKey, DEFAULT_CACHE_LOCATION, ResultCache } from '../cache.js';
import { addToSummary, FORMAT_NAMES, FORMATS, summarise, type FormatName, type RuleInfo, type Summary } from '../formatters/index.js';
import { describeFileError, parseSize, readInputFile, readStdin, resolveInputs, STDIN_NAME, type InputFile } from '../inputs.js';
import type { CliIO } from '../io.js';
import { checkSequentially, loadFileTaskSync, toFileReport, type FileOutcome, type FileReport, type FileTask, type LoadedFile } from '../report.js';

/** The registered checks, imported only when a run needs them (checking, --list-checks, --enable/--disable). */
async function registeredChecks(): Promise<readonly CheckDefinition[]> {
  return (await import('../../checks/index.js')).CHECKS;
}

/** Where the package's own files are, relative to this module in `dist/src/cli/commands/`. */
const PACKAGE_ROOT = new URL('../../../../', import.meta.url);

/** The URI SARIF names as the tool's home. */
const INFORMATION_URI = 'https://www.npmjs.com/package/mt-review';

/** Default `--max-file-size`. */
const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

/**
 * At most this many bytes of changed files are kept from the cache's pre-pass, to be checked on the
 * main thread without being read again; the rest are read again when checked.
 */
const PRELOAD_BUDGET = 64 * 1024 * 1024;

/** With an explicit `--jobs`, use worker threads only when there are more files than this. */
export const POOL_THRESHOLD = 8;

/** The `--fail-on` values. */
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

/** The full `mt-review check --help` text. */
export function checkUsage(): string {
  return `Usage: mt-review check [options] <path | glob | ->...
       mt-review check --corrected [options] [article...]

Check machine-translated articles against the glossary and the registered checks.
Directories are walked for *.txt files; globs are expanded; - reads standard input.

Options:
  --glossary PATH         glossary folder (YAML) or a .yaml/.tsv file
                          (default: ./glossary if it exists, else the glossary shipped with mt-review)
  -f, --format NAME       stylish | json | sarif | github | junit (default: stylish)
  --fail-on LEVEL         exit 1 when a finding is at least: error | warning | info | never (default: error)
  --fix                   write the preferred renderings into the files (stdin: print the fixed text)
  --list-checks           list the checks (id, category, severity, description) and exit
  --enable IDS            run only these checks (comma-separated, repeatable)
  --disable IDS           do not run these checks (comma-separated, repeatable)
  --ext EXTS              extensions collected when walking a directory (comma-separated; default: txt)
  --ignore-file PATH      baseline of accepted findings (default: ${DEFAULT_IGNORE_FILE} if it exists)
  --write-baseline        write every current finding to the ignore file and exit 0
  --cache                 skip files whose content is unchanged since the last --cache run
  --cache-location DIR    cache folder (default: ${DEFAULT_CACHE_LOCATION})
  -j, --jobs N            worker threads (default: automatic, up to the number of CPUs: workers
                          only when the text to check outweighs starting them and compiling the
                          glossary in each, e.g. not for 100 articles with 5,000 entries); with
                          -j N, used for more than ${POOL_THRESHOLD} files; 1 checks on the main thread
  --max-file-size SIZE    refuse larger files, e.g. 50MB, 512KB (default: 50MB)
  -q, --quiet             report errors only (warnings and infos neither shown nor failing)
  --color, --no-color     force or disable colours (default: colours on a terminal unless NO_COLOR is set)
  --corrected             check the corrected renderings in the review database, not files;
                          positional arguments are article slugs or corpus file names (none: all)
  --db PATH               review database for --corrected (default: $MT_REVIEW_DB or data/mt-review.db)
  --debug                 show stack traces and run statistics on stderr
  -h, --help              show this help

Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, unreadable input, or broken glossary
`;
}

/** Parsed and validated command line. */
interface CheckFlags {
  positionals: string[];
  glossary: string | undefined;
  format: FormatName;
  failOn: (typeof FAIL_ON)[number];
  fix: boolean;
  listChecks: boolean;
  options: CheckOptions;
  extensions: string[];
  ignoreFile: string | undefined;
  writeBaseline: boolean;
  cache: boolean;
  cacheLocation: string;
  /** `--jobs`, when given; otherwise the count comes from `autoWorkerCount`. */
  jobs: number | undefined;
  maxFileSize: number;
  quiet: boolean;
  color: boolean | undefined;
  corrected: boolean;
  db: string | undefined;
  debug: boolean;
  help: boolean;
}

function usageError(message: string): MtReviewError {
  return new MtReviewError('usage', `check: ${message}; see \`mt-review check --help\``);
}

/** Splits repeatable, comma-separated list options. */
function list(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** Parses `args` (after `check`) into validated flags; bad flags throw a usage error. */
async function parseFlags(args: string[]): Promise<CheckFlags> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        glossary: { type: 'string' },
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string' },
        fix: { type: 'boolean' },
        'list-checks': { type: 'boolean' },
        enable: { type: 'string', multiple: true },
        disable: { type: 'string', multiple: true },
        ext: { type: 'string', multiple: true },
        'ignore-file': { type: 'string' },
        'write-baseline': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'max-file-size': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        corrected: { type: 'boolean' },
        db: { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    // parseArgs messages are one line but mention internals ("To specify a positional argument…"): keep the first sentence.
    const msg = err instanceof Error ? err.message.split('. ')[0]!.replace(/\.$/, '') : String(err);
    throw usageError(msg.charAt(0).toLowerCase() + msg.slice(1));
  }
  const v = parsed.values;
  const format = (v.format ?? 'stylish') as FormatName;
  if (!FORMAT_NAMES.includes(format)) throw usageError(`unknown format "${v.format}" (expected ${FORMAT_NAMES.join(', ')})`);
  const failOn = (v['fail-on'] ?? 'error') as CheckFlags['failOn'];
  if (!FAIL_ON.includes(failOn)) throw usageError(`unknown --fail-on "${v['fail-on']}" (expected ${FAIL_ON.join(', ')})`);
  let jobs: number | undefined;
  if (v.jobs !== undefined) {
    if (!/^\d+$/.test(v.jobs) || Number(v.jobs) < 1) throw usageError(`--jobs must be a positive integer, not "${v.jobs}"`);
    jobs = Number(v.jobs);
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (v['max-file-size'] !== undefined) {
    try {
      maxFileSize = parseSize(v['max-file-size']);
    } catch {
      throw usageError(`invalid --max-file-size "${v['max-file-size']}" (e.g. 50MB, 512KB, 1000)`);
    }
  }
  const enable = list(v.enable);
  const disable = list(v.disable);
  if (enable.length + disable.length > 0) {
    const known = new Set((await registeredChecks()).map((c) => c.meta.id));
    for (const id of [...enable, ...disable]) {
      if (!known.has(id)) throw usageError(`unknown check "${id}" (see --list-checks)`);
    }
  }
  const options: CheckOptions = {};
  if (enable.length > 0) options.enable = enable;
  if (disable.length > 0) options.disable = disable;
  const extensions = list(v.ext).map((e) => e.replace(/^\./, ''));
  if (v.fix && v['write-baseline']) throw usageError('--fix and --write-baseline cannot be combined');
  if (v.corrected && v.fix) throw usageError('--fix cannot change the review database; drop --fix or --corrected');
  return {
    positionals: parsed.positionals,
    glossary: v.glossary,
    format,
    failOn,
    fix: v.fix ?? false,
    listChecks: v['list-checks'] ?? false,
    options,
    extensions: extensions.length > 0 ? extensions : ['txt'],
    ignoreFile: v['ignore-file'],
    writeBaseline: v['write-baseline'] ?? false,
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'] ?? DEFAULT_CACHE_LOCATION,
    jobs,
    maxFileSize,
    quiet: v.quiet ?? false,
    color: v['no-color'] ? false : v.color ? true : undefined,
    corrected: v.corrected ?? false,
    db: v.db,
    debug: v.debug ?? false,
    help: v.help ?? false,
  };
}

let cachedVersion: string | undefined;

/** The package version, read once per process. */
async function toolVersion(): Promise<string> {
  if (cachedVersion === undefined) {
    const pkg = JSON.parse(await readFile(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string };
    cachedVersion = pkg.version;
  }
  return cachedVersion;
}

/** The compiled modules of this build (`dist/src/`): a rebuild invalidates the caches. */
const BUILD_DIR = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Worker threads for checking `pending`: with `--jobs N`, N (at most one per file) when there are
 * more than `POOL_THRESHOLD` files; otherwise the count with the lowest estimated time for these
 * bytes and this glossary (`autoWorkerCount`). 0 or 1: check on the main thread.
 */
async function workerCount(jobs: number | undefined, pending: readonly (FileTask | LoadedFile)[], glossary: Glossary): Promise<number> {
  if (jobs !== undefined) return pending.length > POOL_THRESHOLD && jobs > 1 ? Math.min(jobs, pending.length) : 0;
  const cpus = availableParallelism();
  if (cpus < 2 || pending.length < 2) return 0;
  const { autoWorkerCount } = await import('../jobs.js');
  let bytes = 0;
  for (const t of pending) {
    if ('task' in t) {
      if ('bytes' in t) bytes += t.bytes.length;
      continue;
    }
    try {
      bytes += statSync(t.absPath).size;
    } catch {
      // reported when the file is read
    }
  }
  return autoWorkerCount({ bytes, files: pending.length, entries: glossary.entries.length, cpus }, cpus);
}

/** The rules SARIF describes: every selected check, and one rule per glossary entry for `forbidden-term`. */
function rulesFor(checker: { checks: readonly { id: string; description: string; category: RuleInfo['category']; defaultSeverity: Severity }[] }, glossary: Glossary): RuleInfo[] {
  const rules: RuleInfo[] = checker.checks.map((c) => ({ id: c.id, description: c.description, category: c.category, severity: c.defaultSeverity }));
  if (checker.checks.some((c) => c.id === 'forbidden-term')) {
    for (const e of glossary.entries) {
      const rule: RuleInfo = {
        id: `forbidden-term/${e.id}`,
        description: `Use “${e.preferred[0] ?? ''}” instead of ${e.terms.map((t) => `“${t.text}”`).join(', ')}.`,
        category: e.category,
        severity: e.severity,
      };
      if (e.note) rule.note = e.note;
      rules.push(rule);
    }
  }
  return rules;
}

/** A checked input, with the key the baseline knows it by. */
interface Checked {
  report: FileReport;
  /** Computed only when a baseline is read or written. */
  baselineKey: () => string;
}

/** Runs `mt-review check`. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const debug = args.includes('--debug');
  try {
    return await runCheck(args, io);
  } catch (err) {
    if (!debug) throw err;
    // The one line a user would see, then the stack.
    const line = err instanceof MtReviewError ? err.toString() : err instanceof Error ? err.message : String(err);
    io.stderr.write(`mt-review: ${line}\n${err instanceof Error && err.stack ? err.stack : ''}\n`);
    return 2;
  }
}

async function runCheck(args: string[], io: CliIO): Promise<number> {
  const flags = await parseFlags(args);
  if (flags.help) {
    io.stdout.write(checkUsage());
    return 0;
  }
  if (flags.listChecks) {
    io.stdout.write(listChecks(await registeredChecks(), flags.format));
    return 0;
  }
  if (!flags.corrected && flags.positionals.length === 0) throw usageError('no input; give files, directories, globs, or - for standard input');

  const cwd = io.cwd;
  const glossaryPath = resolveGlossaryPath(flags.glossary, cwd);
  const cacheDir = flags.cache ? path.resolve(cwd, flags.cacheLocation) : undefined;
  const version = await toolVersion();
  const stats = { checked: 0, cached: 0, workers: 0, glossary: 'skipped' as 'skipped' | 'loaded' };

  // With --cache, the glossary's files are read first, unparsed: the result cache is keyed on them,
  // so a re-check of unchanged files is answered without parsing, validating or compiling it.
  const source: GlossarySource | undefined = flags.cache ? readGlossarySource(glossaryPath) : undefined;
  // One stamp of the whole build keys both the results and the validated glossary.
  const stamp = flags.cache ? codeStamp(BUILD_DIR, true) : undefined;
  const cache = flags.cache && !flags.fix && !flags.corrected
    ? await ResultCache.open(cacheDir!, cacheConfigKey([version, stamp, source!.key, flags.options]))
    : undefined;

  let loadedGlossary: Glossary | undefined;
  /** Loads (and validates) the glossary once, the first time something needs it. */
  const glossary = async (): Promise<Glossary> => {
    if (loadedGlossary) return loadedGlossary;
    const { glossaryFromSources, loadGlossary } = await import('../../glossary/load.js');
    // With --cache, the validated glossary is cached too (by its files' texts), so an unchanged
    // 10,000-entry glossary is read back instead of parsed and validated again. The files are the
    // ones the result cache is keyed on, never read a second time.
    if (source && 'error' in source) throw source.error;
    loadedGlossary = source ? glossaryFromSources(source.sources, { cacheDir: cacheDir!, codeStamp: stamp! }) : loadGlossary(glossaryPath);
    stats.glossary = 'loaded';
    cache?.markGlossaryValidated();
    return loadedGlossary;
  };
  // A broken glossary fails the run even when every file is cached: the glossary is loaded now
  // unless the cache records that these exact glossary bytes were validated by this exact build.
  if (!cache?.glossaryValidated) await glossary();

  let mainChecker: Checker | undefined;
  const checker = async (): Promise<Checker> => {
    if (mainChecker) return mainChecker;
    const g = await glossary();
    const { createChecker } = await import('../../core/checker.js');
    return (mainChecker ??= createChecker(g, flags.options));
  };

  const errors: string[] = [];
  const reportError = (message: string, stack?: string): void => {
    errors.push(message);
    io.stderr.write(`mt-review: ${flags.debug && stack ? `${message}\n${stack}` : message}\n`);
  };

  // Ignore file: explicit path must exist unless we are about to write it.
  const ignoreFile = path.resolve(cwd, flags.ignoreFile ?? DEFAULT_IGNORE_FILE);
  const ignoreName = flags.ignoreFile ?? DEFAULT_IGNORE_FILE;
  let baseline: Baseline | undefined;
  if (existsSync(ignoreFile)) baseline = await loadBaseline(ignoreFile, ignoreName);
  else if (flags.ignoreFile !== undefined && !flags.writeBaseline) throw new MtReviewError('input', 'no such file or directory', { file: ignoreName });

  const checked: Checked[] = [];
  let fixedStdin: string | undefined;

  // Per file, in input order: the ignore file, then --quiet. A format that can be written file by
  // file (json) is written as each file is done, so an archive's reports are never all held at once.
  const format = FORMATS[flags.format];
  const filterBaseline = baseline ? createBaselineFilter(baseline) : undefined;
  let suppressed = 0;
  const finish = (c: Checked): FileReport => {
    let r = c.report;
    if (filterBaseline) {
      const out = filterBaseline(c.baselineKey(), r.findings);
      suppressed += out.suppressed;
      if (out.suppressed > 0) r = { path: r.path, findings: out.findings };
    }
    if (flags.quiet) r = { path: r.path, findings: r.findings.filter((f) => f.severity === 'error') };
    return r;
  };
  const stream = format.stream && !flags.fix && !flags.writeBaseline ? await format.stream() : undefined;
  const totals: Summary = { files: 0, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0 };
  /** Takes one file's result, in input order. */
  const accept = (c: Checked): void => {
    if (!stream) {
      checked.push(c);
      return;
    }
    const r = finish(c);
    addToSummary(totals, r);
    io.stdout.write(stream.file(r));
  };

  if (flags.corrected) {
    const db = path.resolve(cwd, flags.db ?? io.env.MT_REVIEW_DB ?? path.join('data', 'mt-review.db'));
    const store = await importCorrected();
    const docs = await store.loadCorrectedDocuments(db, flags.positionals);
    for (const doc of docs) {
      const result = (await checker()).check(doc.text, doc.segmentation);
      accept({ report: toFileReport(doc.path, doc.text, result), baselineKey: () => doc.path });
      stats.checked++;
    }
  } else {
    const inputs = await resolveInputs(flags.positionals, { cwd, extensions: flags.extensions });
    for (const e of inputs.errors) reportError(`${e.path}: ${e.message}`);
    const keyOf = (f: InputFile): string => (f.absPath === null ? STDIN_NAME : baselinePath(f.absPath, ignoreFile));
    // Results arrive in any order (workers); each is passed on once every earlier file is settled.
    const slots: (Checked | undefined)[] = new Array(inputs.files.length);
    const settled = new Uint8Array(inputs.files.length);
    let next = 0;
    const settle = (index: number, c: Checked | undefined): void => {
      slots[index] = c;
      settled[index] = 1;
      for (; next < settled.length && settled[next]; next++) {
        const ready = slots[next];
        slots[next] = undefined;
        if (ready) accept(ready);
      }
    };

    if (flags.fix) {
      for (const [i, f] of inputs.files.entries()) {
        const out = await fixOne(f, flags, await checker(), io).catch((err: unknown) => {
          reportError(describeFileError(err, f.displayPath), err instanceof Error ? err.stack : undefined);
          return undefined;
        });
        if (!out) {
          settle(i, undefined);
          continue;
        }
        stats.checked++;
        if (out.stdinText !== undefined) fixedStdin = out.stdinText;
        settle(i, { report: out.report, baselineKey: () => keyOf(f) });
      }
    } else {
      const tasks: FileTask[] = [];
      for (const [i, f] of inputs.files.entries()) {
        if (f.absPath === null) {
          try {
            const bytes = await readStdin(io.stdin, flags.maxFileSize);
            const { text } = decodeUtf8(bytes, STDIN_NAME);
            settle(i, { report: toFileReport(STDIN_NAME, text, (await checker()).check(text)), baselineKey: () => STDIN_NAME });
            stats.checked++;
          } catch (err) {
            reportError(describeFileError(err, STDIN_NAME), err instanceof Error ? err.stack : undefined);
            settle(i, undefined);
          }
          continue;
        }
        const task: FileTask = { index: i, absPath: f.absPath, displayPath: f.displayPath };
        if (cache) task.hash = true;
        tasks.push(task);
      }
      const onOutcome = (o: FileOutcome): void => {
        const f = inputs.files[o.index]!;
        const abs = f.absPath!;
        if (o.kind === 'error') {
          cache?.delete(abs);
          reportError(o.message, o.stack);
          settle(o.index, undefined);
          return;
        }
        let report: FileReport | undefined;
        if (o.kind === 'cached') {
          report = cache?.get(abs, o.hash, f.displayPath);
          stats.cached++;
        } else {
          report = o.report;
          cache?.set(abs, o.hash, report);
          stats.checked++;
        }
        settle(o.index, report && { report, baselineKey: () => keyOf(f) });
      };
      // Unchanged files are answered from the cache here, so no worker starts and the glossary is
      // not even loaded for them: a re-check of an unchanged archive only reads and hashes. The
      // files are small and read one after another without yielding, which costs a fraction of
      // promise-based reads. A changed file (or one that cannot be read) is passed on as loaded,
      // so the main thread checks (or reports) it without reading and hashing it again.
      const pending: (FileTask | LoadedFile)[] = [];
      let preloaded = 0;
      for (const t of tasks) {
        const known = cache?.knownHash(t.absPath);
        if (known === undefined) {
          pending.push(t);
          continue;
        }
        const loaded = loadFileTaskSync(t, flags.maxFileSize);
        if ('error' in loaded) {
          pending.push(loaded);
        } else if (loaded.hash === known) {
          onOutcome({ index: t.index, kind: 'cached', hash: loaded.hash });
        } else if (preloaded + loaded.bytes.length <= PRELOAD_BUDGET) {
          preloaded += loaded.bytes.length;
          pending.push(loaded);
        } else {
          pending.push(t);
        }
      }
      const workers = pending.length === 0 ? 0 : await workerCount(flags.jobs, pending, await glossary());
      if (workers > 1) {
        stats.workers = workers;
        // Workers read their files themselves: the bytes loaded above are let go, and the files
        // that could not be read are reported now.
        const toRead: FileTask[] = [];
        for (const p of pending) {
          if (!('task' in p)) toRead.push(p);
          else if ('error' in p) onOutcome(p.error);
          else toRead.push(p.task);
        }
        pending.length = 0;
        const { runInPool } = await import('../pool.js');
        await runInPool({ glossary: await glossary(), options: flags.options, maxFileSize: flags.maxFileSize }, toRead, workers, onOutcome);
      } else if (pending.length > 0) {
        await checkSequentially(await checker(), flags.maxFileSize, pending, onOutcome);
      }
    }
  }

  // SARIF describes every rule, glossary entries included: the one output that needs the glossary.
  let rules: RuleInfo[] = [];
  if (format.usesRules) {
    const { selectChecks } = await import('../../core/checker.js');
    rules = rulesFor({ checks: selectChecks(flags.options).map((c) => c.meta) }, await glossary());
  }

  if (cache) {
    await cache.save().catch((err: unknown) => {
      io.stderr.write(`mt-review: warning: ${describeFileError(err, flags.cacheLocation)} (cache not saved)\n`);
    });
  }

  if (flags.debug) {
    io.stderr.write(`mt-review: debug: files=${stream ? totals.files : checked.length} checked=${stats.checked} cached=${stats.cached} workers=${stats.workers} errors=${errors.length} glossary=${stats.glossary}\n`);
  }

  if (flags.writeBaseline) {
    const next = buildBaseline(checked.map((c) => ({ file: c.baselineKey(), findings: c.report.findings })), baseline);
    await writeBaseline(ignoreFile, next).catch((err: unknown) => {
      throw new MtReviewError('io', `cannot write the ignore file (${describeFileError(err, '').replace(/^: /, '')})`, { file: ignoreName });
    });
    io.stderr.write(`mt-review: wrote ${next.suppressions.length} suppression${next.suppressions.length === 1 ? '' : 's'} to ${ignoreName}\n`);
    return errors.length > 0 ? 2 : 0;
  }

  // Format (what was not written file by file) and decide the exit code.
  let summary: Summary;
  let output: string;
  if (stream) {
    summary = { ...totals, suppressed };
    output = stream.end(summary);
  } else {
    const reports = checked.map(finish);
    summary = summarise(reports, suppressed);
    // Colour on a terminal or with --color, but never with --no-color or NO_COLOR (https://no-color.org).
    const color = flags.color !== false && !io.env.NO_COLOR && (flags.color === true || Boolean(io.stdout.isTTY));
    const formatter = await format.load();
    output = formatter({ reports, summary, rules, tool: { name: 'mt-review', version, informationUri: INFORMATION_URI }, color });
  }
  if (fixedStdin !== undefined) {
    // The fixed text is the output; the report of what remains goes to stderr.
    io.stdout.write(fixedStdin);
    io.stderr.write(output);
  } else {
    io.stdout.write(output);
  }

  if (errors.length > 0) return 2;
  if (flags.failOn === 'never') return 0;
  // The summary counts the reports as printed (after the ignore file and --quiet), by severity.
  const threshold = SEVERITIES.indexOf(flags.failOn);
  return [summary.errors, summary.warnings, summary.infos].some((n, i) => n > 0 && i <= threshold) ? 1 : 0;
}

/** Fixes one input: rewrites the file (keeping a BOM), or returns the fixed stdin text. */
async function fixOne(f: InputFile, flags: CheckFlags, checker: Checker, io: CliIO): Promise<{ report: FileReport; stdinText?: string }> {
  const bytes = f.absPath === null ? await readStdin(io.stdin, flags.maxFileSize) : await readInputFile(f.absPath, f.displayPath, flags.maxFileSize);
  const { text, hadBom } = decodeUtf8(bytes, f.displayPath);
  const { fixText } = await import('../fix.js');
  const fixed = fixText(text, (t) => checker.check(t));
  const report = toFileReport(f.displayPath, fixed.text, fixed.result);
  if (f.absPath === null) return { report, stdinText: fixed.text };
  if (fixed.text !== text) await writeFile(f.absPath, (hadBom ? '\ufeff' : '') + fixed.text, 'utf8');
  return { report };
}

/** The store's corrected-document loader, imported only for `--corrected`. */
async function importCorrected(): Promise<{
  loadCorrectedDocuments(dbPath: string, articles: string[]): Array<{ path: string; text: string; segmentation: import('../../core/types.js').Segmentation }> | Promise<Array<{ path: string; text: string; segmentation: import('../../core/types.js').Segmentation }>>;
}> {
  const specifier = '../../store/corrected.js';
  try {
    return (await import(specifier)) as Awaited<ReturnType<typeof importCorrected>>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes('corrected')) {
      throw new MtReviewError('usage', 'check: --corrected needs the review store, which this build does not include');
    }
    throw err;
  }
}

/** `--list-checks`: a table, or a JSON array with `--format json`. */
function listChecks(checks: readonly CheckDefinition[], format: FormatName): string {
  const rows = checks.map((c) => ({ id: c.meta.id, category: c.meta.category, severity: c.meta.defaultSeverity, description: c.meta.description }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const w = (k: 'id' | 'category' | 'severity'): number => Math.max(k.length, ...rows.map((r) => r[k].length));
  const line = (r: { id: string; category: string; severity: string; description: string }): string =>
    `${r.id.padEnd(w('id'))}  ${r.category.padEnd(w('category'))}  ${r.severity.padEnd(w('severity'))}  ${r.description}`.trimEnd();
  return `${[line({ id: 'id', category: 'category', severity: 'severity', description: 'description' }), ...rows.map(line)].join('\n')}\n`;
}
