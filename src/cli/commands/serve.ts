/**
 * `mt-review serve`: the review web app. Opens the store, imports the corpus folder, listens on
 * 127.0.0.1:3000 unless told otherwise, and shuts down gracefully on SIGTERM/SIGINT.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MtReviewError } from '../../core/types.js';
import { glossaryFromSources } from '../../glossary/load.js';
import { readGlossarySources } from '../../glossary/sources.js';
import { resolveGlossaryPath } from '../glossary-path.js';
import { DEFAULT_DB_PATH } from '../../store/index.js';
import { describeStartupGlossary, glossaryFilesOf } from '../../store/glossary-versions.js';
import { describeImport, startServer } from '../../web/server.js';
import type { CliIO } from '../io.js';

const HELP = `Usage: mt-review serve [options]

Serve the review web app.

Options:
  --host HOST        address to listen on (default: $HOST, else 127.0.0.1)
  --port PORT        port to listen on, 0 for any free port (default: $PORT, else 3000)
  --db PATH          review database (default: $MT_REVIEW_DB, else ${DEFAULT_DB_PATH}; its folder is created)
  --corpus DIR       corpus folder imported on start (default: $MT_REVIEW_CORPUS, else ./corpus)
  --glossary PATH    glossary folder or file (default: ./glossary if it exists, else the shipped glossary)
  -h, --help         show this help

Glossary: the files are recorded in the database whenever they differ from the last recorded
files, and are then in force; while they stay unchanged, a glossary an admin edited in the app
(/glossary) stays in force. The start-up summary says which one is.

Environment:
  MT_REVIEW_DEV=1             re-read templates on every request (development)
  MT_REVIEW_SECURE_COOKIES=1  mark cookies Secure and send HSTS (behind HTTPS)
  MT_REVIEW_TRUST_PROXY=1     trust one reverse-proxy hop (X-Forwarded-For/-Proto)

Access: on a loopback address without accounts the app runs as one local user (no login);
once an account exists (mt-review user add NAME --role admin) every page needs a login;
any other address without accounts is refused.

Output: a start-up summary, the URL, then one JSON line per request on stdout
({time, method, path, status, ms, user}; never a query string, cookie, token or body).
GET /healthz answers {"ok":true,"db":"ok"} without a login.

Exit codes: 0 after a clean shutdown (SIGTERM/SIGINT), 2 when the server cannot start.
`;

/** Parses a port number (0–65535). */
function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new MtReviewError('usage', `--port must be a number from 0 to 65535, not "${value}"`);
  return Number(value);
}

/** Creates the database's folder and checks it is writable, or says plainly why not. */
function prepareDatabaseFolder(dbPath: string): void {
  const folder = dirname(dbPath);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'not writable'
      : code ?? (err as Error).message;
    throw new MtReviewError('serve', `cannot create the database folder: ${why}`, { file: folder });
  }
}

/** Runs `mt-review serve`; resolves with the exit code once the server has shut down. */
export async function run(args: string[], io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        db: { type: 'string' },
        corpus: { type: 'string' },
        glossary: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new MtReviewError('usage', `serve: ${(err as Error).message}`);
  }
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const env = io.env;
  // An empty variable counts as unset: HOST= must never mean "every address".
  const host = values.host || env.HOST || '127.0.0.1';
  const port = parsePort(values.port || env.PORT || '3000');
  const dbPath = resolve(io.cwd, values.db || env.MT_REVIEW_DB || DEFAULT_DB_PATH);
  const corpusName = values.corpus || env.MT_REVIEW_CORPUS || 'corpus';
  const corpusDir = resolve(io.cwd, corpusName);
  const explicitCorpus = corpusName !== 'corpus';
  const corpusExists = existsSync(corpusDir) && statSync(corpusDir).isDirectory();
  if (!corpusExists && explicitCorpus) throw new MtReviewError('usage', `corpus folder not found: ${corpusDir}`);
  const glossaryPath = resolveGlossaryPath(values.glossary, io.cwd);
  // The files are read once: their texts are both validated and recorded (the start-up rule
  // between the files and an edit made in the app), so the two can never differ.
  const sources = readGlossarySources(glossaryPath);
  // The validated glossary is cached beside the database, so a restart with an unchanged glossary
  // skips parsing and re-running its examples.
  const glossary = glossaryFromSources(sources, dbPath.endsWith(':memory:') ? {} : { cacheDir: join(dirname(dbPath), 'glossary-cache') });
  const glossaryFiles = glossaryFilesOf(sources);
  prepareDatabaseFolder(dbPath);

  const running = await startServer({
    host,
    port,
    dbPath,
    glossary,
    glossaryFiles,
    ...(corpusExists ? { corpusDir } : {}),
    dev: env.MT_REVIEW_DEV === '1',
    secureCookies: env.MT_REVIEW_SECURE_COOKIES === '1',
    trustProxy: env.MT_REVIEW_TRUST_PROXY === '1',
    accounts: true,
    log: (message) => io.stderr.write(`${message}\n`),
    requestLog: (line) => io.stdout.write(line),
  });
  io.stdout.write(`mt-review: ${describeImport(corpusName, running.importReport)}\n`);
  for (const error of running.importReport?.errors ?? []) io.stderr.write(`mt-review: ${error}\n`);
  if (running.glossary) io.stdout.write(`mt-review: ${describeStartupGlossary(running.glossary)}\n`);
  io.stdout.write(`mt-review: serving ${running.url} (database ${running.store.dbPath}); press Ctrl+C to stop\n`);

  return new Promise<number>((done) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      io.stdout.write(`mt-review: ${signal}: finishing requests, closing the database\n`);
      running.close().then(() => done(0), (err: unknown) => {
        io.stderr.write(`mt-review: shutdown failed: ${(err as Error).message}\n`);
        done(2);
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
