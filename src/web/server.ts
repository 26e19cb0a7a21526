/**
 * Starting the review app for real: open the store, import the corpus, listen; and stopping it
 * gracefully. Used by `mt-review serve` and by the browser tests (on an ephemeral port).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MtReviewError, type Glossary } from '../core/types.js';
import { createAuth, enforceAccessMode, type Auth } from '../auth/index.js';
import { openStore, type OpenedStore } from '../store/index.js';
import { adoptStartupGlossary, type GlossaryFile, type StartupGlossary } from '../store/glossary-versions.js';
import { SqliteReviewStore } from '../store/review-store.js';
import type { ImportReport } from '../store/types.js';
import { createApp } from './app.js';

/** What `startServer` needs. */
export interface ServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Database file, or `:memory:`. */
  dbPath: string;
  /** The glossary read from `glossaryFiles` (validated), or the glossary to use when they are not given. */
  glossary: Glossary;
  /**
   * The glossary files on disk (name and text). When given, the start-up rule of
   * `adoptStartupGlossary` decides between them and an admin's edit recorded in the database.
   */
  glossaryFiles?: GlossaryFile[];
  /** Corpus folder imported on start (none when undefined). */
  corpusDir?: string;
  dev?: boolean;
  secureCookies?: boolean;
  /** Behind a reverse proxy: trust one hop of X-Forwarded-* headers. */
  trustProxy?: boolean;
  /**
   * Apply the access policy of src/auth: loopback without accounts runs as one local user,
   * accounts require a login, any other address without accounts refuses to start. Default false
   * (the name-cookie identity only, as in tests).
   */
  accounts?: boolean;
  log?: (message: string) => void;
  /** Receives one JSON line per request (none by default). */
  requestLog?: (line: string) => void;
}

/** A running review server. */
export interface RunningServer {
  /** `http://host:port/` */
  url: string;
  server: Server;
  store: OpenedStore;
  importReport: ImportReport | undefined;
  /** Which glossary is in force and why (when `glossaryFiles` were given). */
  glossary: StartupGlossary | undefined;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** How long in-flight requests may take after a shutdown began, in milliseconds. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** Opens the store, imports the corpus and listens; rejects with a one-line error when it cannot. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = openStore({
    dbPath: options.dbPath,
    glossary: options.glossary,
    backgroundCheckpoints: true,
    ...(options.corpusDir !== undefined ? { corpusDir: options.corpusDir } : {}),
  });
  let startupGlossary: StartupGlossary | undefined;
  if (options.glossaryFiles) {
    try {
      // Findings are computed lazily, so switching after the corpus import costs nothing.
      startupGlossary = adoptStartupGlossary(store.db, { files: options.glossaryFiles, glossary: options.glossary });
      if (startupGlossary.glossary !== options.glossary) store.setGlossary(startupGlossary.glossary);
    } catch (err) {
      store.close();
      throw err;
    }
  }
  let auth: Auth | undefined;
  if (options.accounts) {
    try {
      if (!(store instanceof SqliteReviewStore)) throw new MtReviewError('serve', 'accounts need the SQLite review store');
      const { localMode } = enforceAccessMode(store.db, options.host);
      auth = createAuth({ db: store.db, secure: options.secureCookies ?? false, trustProxy: options.trustProxy ?? false, localMode });
    } catch (err) {
      store.close();
      throw err;
    }
  }
  const app = createApp({
    store,
    ...(auth ? { auth } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.dev !== undefined ? { dev: options.dev } : {}),
    ...(options.secureCookies !== undefined ? { secureCookies: options.secureCookies } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.requestLog ? { requestLog: options.requestLog } : {}),
    ...(store instanceof SqliteReviewStore ? { probeDatabase: () => { store.db.prepare('SELECT 1').get(); } } : {}),
  });
  const server = createServer(app);
  server.keepAliveTimeout = 5_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    store.close();
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'the address is already in use'
      : code === 'EACCES' ? 'permission denied'
      : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' ? 'no such address on this machine'
      : (err as Error).message;
    throw new MtReviewError('serve', `cannot listen on ${options.host}:${options.port}: ${why}`);
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}/`,
    server,
    store,
    importReport: store.importReport,
    glossary: startupGlossary,
    close: () => (closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        store.close();
        resolve();
      });
      server.closeIdleConnections();
    })),
  };
}

/** The one-line summary of a corpus import. */
export function describeImport(dir: string, report: ImportReport | undefined): string {
  if (!report) return `no corpus imported (${dir} not found)`;
  const n = (list: string[], word: string) => `${list.length} ${word}`;
  return `corpus ${dir}: ${n(report.added, 'added')}, ${n(report.updated, 'updated')}, ${n(report.unchanged, 'unchanged')}, ${n(report.errors, report.errors.length === 1 ? 'error' : 'errors')}`;
}
