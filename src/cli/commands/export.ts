/**
 * `mt-review export`: writes one reviewed article from the review database as corrected text,
 * Markdown, JSON or a unified patch of its corpus file.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadGlossary } from '../../glossary/load.js';
import { resolveGlossaryPath } from '../glossary-path.js';
import { MtReviewError, type Glossary } from '../../core/types.js';
import { openReadOnlyStore } from '../../store/index.js';
import type { ExportFormat } from '../../store/types.js';
import type { CliIO } from '../io.js';

const FORMATS: readonly ExportFormat[] = ['txt', 'md', 'json', 'patch'];

/** The full `mt-review export --help` text. */
export const HELP = `Usage: mt-review export <article> [options]

Write one reviewed article from the review database: the MT text with every saved correction
applied. <article> is the article's slug or its corpus file name.

Options:
  -f, --format FORMAT   txt    the corrected article in the corpus file's layout (default)
                        md     Markdown: "# headline", then the article's paragraphs
                        json   every sentence: MT, correction, status, reviewer, time, patch, findings
                        patch  a unified diff of the corpus file (for \`git apply\` or \`patch -p1\`)
  -o, --out FILE        write to FILE (atomically) instead of standard output
      --db PATH         review database (default: $MT_REVIEW_DB, else data/mt-review.db)
      --glossary PATH   glossary for the findings in json (default: the glossary in force in
                        the database, e.g. edited in the app; else ./glossary if it exists,
                        else the glossary shipped with mt-review)
  -h, --help            show this help

Exit codes:
  0  exported
  2  usage error, unknown article, or the database or output could not be used
`;

/** Parsed flags of `mt-review export`. */
interface ExportFlags {
  article: string | undefined;
  format: ExportFormat;
  out: string | undefined;
  db: string | undefined;
  glossary: string | undefined;
  help: boolean;
}

/** A one-line usage error pointing at `--help`. */
function usageError(message: string): MtReviewError {
  return new MtReviewError('usage', `export: ${message}; see \`mt-review export --help\``);
}

/** Parses `args` (after `export`) into validated flags; bad flags throw a usage error. */
export function parseExportArgs(args: string[]): ExportFlags {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        db: { type: 'string' },
        glossary: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    const msg = (err as Error).message.split(/\.\s/)[0]!.replace(/\.$/, '');
    throw usageError(msg.charAt(0).toLowerCase() + msg.slice(1));
  }
  const v = parsed.values;
  const help = v.help ?? false;
  if (help) return { article: undefined, format: 'txt', out: undefined, db: undefined, glossary: undefined, help };
  const format = (v.format ?? 'txt') as ExportFormat;
  if (!FORMATS.includes(format)) throw usageError(`unknown format "${v.format}" (expected ${FORMATS.join(', ')})`);
  if (parsed.positionals.length === 0) throw usageError('name the article to export (its slug or corpus file name)');
  if (parsed.positionals.length > 1) throw usageError(`export one article at a time, not ${parsed.positionals.length}`);
  if (v.out === '') throw usageError('--out needs a file name');
  return { article: parsed.positionals[0], format, out: v.out, db: v.db, glossary: v.glossary, help };
}

/**
 * The glossary for json findings when the database has none in force, or when `--glossary` names
 * one (which then wins): the flag, else `./glossary`, else the shipped one. A thunk, called by the
 * store only then, so a database with a glossary recorded, or an export without findings, never
 * loads (or fails on) the files.
 */
function glossaryFor(flags: ExportFlags, cwd: string): () => Glossary {
  return () => loadGlossary(resolveGlossaryPath(flags.glossary, cwd));
}

/** Writes `text` to `file` through a temporary file in the same folder and a rename, so readers never see half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new MtReviewError('io', `cannot write the export: ${code ?? (err as Error).message}`, { file });
  }
}

/** Runs `mt-review export`. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const flags = parseExportArgs(args);
  if (flags.help) {
    io.stdout.write(HELP);
    return 0;
  }
  // Only json carries findings; there an explicit --glossary wins over the glossary in force in
  // the database (an admin's edit in the app).
  const withoutFindings = flags.format !== 'json';
  const store = openReadOnlyStore({
    ...(flags.db !== undefined ? { dbPath: flags.db } : {}),
    glossary: glossaryFor(flags, io.cwd),
    glossaryWins: flags.glossary !== undefined,
    withoutFindings,
    env: io.env,
    cwd: io.cwd,
  });
  let text: string;
  try {
    text = store.exportArticle(store.resolveArticle(flags.article!), flags.format);
  } finally {
    store.close();
  }
  if (flags.out !== undefined) writeFileAtomic(path.resolve(io.cwd, flags.out), text);
  else io.stdout.write(text);
  return 0;
}
