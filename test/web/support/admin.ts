/**
 * Test support for the admin pages: an app over an in-memory store holding the seed corpus, with
 * the web tests' glossary recorded as the version in force (as `serve` records it at start-up),
 * optionally with accounts (alice: admin, bob: reviewer), and signing in through the login form.
 */
import type Database from 'better-sqlite3';
import type { Express } from 'express';
import request from 'supertest';
import { createAuth } from '../../../src/auth/index.js';
import { addUser } from '../../../src/auth/users.js';
import { loadGlossary } from '../../../src/glossary/load.js';
import { adoptStartupGlossary, readGlossaryFiles } from '../../../src/store/glossary-versions.js';
import { openStore, type OpenedStore } from '../../../src/store/index.js';
import { createApp } from '../../../src/web/app.js';
import { CORPUS, csrfFrom, TEST_GLOSSARY } from './app.js';

/** Cheap scrypt parameters for test accounts. */
export const FAST = { N: 1024, r: 8, p: 1 };

/** The test accounts: name → [password, role]. */
export const ACCOUNTS = { alice: ['alice-secret', 'admin'], bob: ['bob-secret1', 'reviewer'] } as const;

/** The web tests' glossary file as the version in force holds it. */
export const GLOSSARY_FILE = readGlossaryFiles(TEST_GLOSSARY)[0]!;

/** An app over a new in-memory store with the seed corpus and the test glossary recorded as version 1. */
export async function makeAdminApp(options: { accounts?: boolean } = {}): Promise<{ app: Express; store: OpenedStore; db: Database.Database; log: string[] }> {
  const glossary = loadGlossary(TEST_GLOSSARY);
  const store = openStore({ dbPath: ':memory:', glossary, corpusDir: CORPUS });
  adoptStartupGlossary(store.db, { files: readGlossaryFiles(TEST_GLOSSARY), glossary });
  const log: string[] = [];
  let auth;
  if (options.accounts) {
    for (const [username, [password, role]] of Object.entries(ACCOUNTS)) await addUser(store.db, { username, password, role, scrypt: FAST });
    auth = createAuth({ db: store.db, secure: false, trustProxy: false, localMode: false });
  }
  const app = createApp({ store, secret: 'test-secret', log: (m) => log.push(m), ...(auth ? { auth } : {}) });
  return { app, store, db: store.db, log };
}

/** A cookie-keeping agent signed in as one of `ACCOUNTS`, with a CSRF token. */
export async function signIn(app: Express, username: keyof typeof ACCOUNTS): Promise<{ agent: ReturnType<typeof request.agent>; csrf: string }> {
  const agent = request.agent(app);
  const login = await agent.get('/login').expect(200);
  await agent.post('/login').type('form').send({ _csrf: csrfFrom(login.text), username, password: ACCOUNTS[username][0], next: '/' }).expect(303);
  const page = await agent.get('/glossary').expect(200);
  return { agent, csrf: csrfFrom(page.text) };
}

/** Counts of the rows an admin action may add. */
export function counts(db: Database.Database): { versions: number; events: number; users: number } {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    versions: n('SELECT count(*) AS n FROM glossary_versions'),
    events: n('SELECT count(*) AS n FROM events'),
    users: n('SELECT count(*) AS n FROM users'),
  };
}

/** The text of a page's textarea `id`, as the browser would show it (entities decoded, the leading newline dropped). */
export function textareaValue(html: string, id: string): string | undefined {
  const m = new RegExp(`<textarea id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (!m) return undefined;
  return decodeEntities(m[1]!.replace(/^\n/, ''));
}

/** Decodes the HTML entities EJS escapes with. */
export function decodeEntities(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The text of a page's one-line alert with `id`, decoded, or undefined. */
export function alertText(html: string, id: string): string | undefined {
  const m = new RegExp(`<p class="alert[^"]*" role="alert" id="${id}">([^<\\n]*)</p>`).exec(html);
  return m ? decodeEntities(m[1]!) : undefined;
}
