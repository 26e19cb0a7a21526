/**
 * Hostile fixtures shared by the HTTP and browser tests: a script payload, an article and a
 * glossary (shipped YAML format, in a temporary folder) that carry it everywhere it can go.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Express } from 'express';
import { createAuth, type Auth } from '../../../src/auth/index.js';
import { addUser } from '../../../src/auth/users.js';
import { loadGlossary } from '../../../src/glossary/load.js';
import { openStore, type OpenedStore } from '../../../src/store/index.js';
import { createApp } from '../../../src/web/app.js';

/** Script and markup that would set `window.__pwned` if it ever ran. */
export const PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';

/** An article whose headline and body carry the payload, with a glossary term ("loan offer") next to it. */
export const HOSTILE_ARTICLE = [
  `Hostile headline ${PAYLOAD}`,
  '',
  `Russia made a loan offer ${PAYLOAD} to its neighbour. The talks lasted four hours.`,
  '',
].join('\n');

/** A YAML glossary whose note carries the payload (written to a fresh temporary folder). */
export function hostileGlossaryFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mt-review-hostile-'));
  const file = join(dir, 'hostile.yaml');
  writeFileSync(file, [
    '- id: hostile-note',
    '  terms:',
    '    - loan offer: credit offer',
    `  note: ${JSON.stringify(`Say credit. ${PAYLOAD}`)}`,
    '  severity: warning',
    '',
  ].join('\n'));
  return file;
}

/** The admin account of `hostileApp({ accounts: true })`. */
export const ADMIN = { username: 'ada', password: 'ada-secret-1' };

/**
 * An app over a fresh in-memory store with the hostile glossary and article; with `accounts`, the
 * accounts layer is mounted (login required) and one admin account exists.
 */
export async function hostileApp(options: { accounts?: boolean } = {}): Promise<{ app: Express; store: OpenedStore; slug: string }> {
  const file = hostileGlossaryFile();
  const glossary = loadGlossary(file);
  rmSync(dirname(file), { recursive: true, force: true });
  const store = openStore({ dbPath: ':memory:', glossary });
  const summary = store.importText(`Hostile ${PAYLOAD}`, HOSTILE_ARTICLE, PAYLOAD.slice(0, 60));
  let auth: Auth | undefined;
  if (options.accounts) {
    await addUser(store.db, { ...ADMIN, role: 'admin', scrypt: { N: 1024, r: 8, p: 1 } });
    auth = createAuth({ db: store.db, secure: false, trustProxy: false, localMode: false });
  }
  const app = createApp({ store, secret: 'hostile-test-secret', log: () => {}, ...(auth ? { auth } : {}) });
  return { app, store, slug: summary.slug };
}
