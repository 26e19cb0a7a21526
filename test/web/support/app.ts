/**
 * Test support for the web app: an app over a fresh in-memory store with the seed corpus and a
 * small glossary, and helpers to read CSRF tokens and sentence state from pages.
 */
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import request from 'supertest';
import { loadGlossary } from '../../../src/glossary/load.js';
import { openStore, type OpenedStore } from '../../../src/store/index.js';
import { createApp } from '../../../src/web/app.js';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The shipped corpus folder. */
export const CORPUS = `${ROOT}corpus`;
/** The web tests' glossary (the seed article's two MT errors). */
export const TEST_GLOSSARY = `${ROOT}test/web/fixtures/glossary.yaml`;
/** The seed article's slug. */
export const SEED = '2020-09-14-putin-lukashenko-sochi-loan';

/** An app over a new in-memory store holding the seed corpus. */
export function makeApp(): { app: Express; store: OpenedStore; log: string[] } {
  const store = openStore({ dbPath: ':memory:', glossary: loadGlossary(TEST_GLOSSARY), corpusDir: CORPUS });
  const log: string[] = [];
  const app = createApp({ store, secret: 'test-secret', log: (m) => log.push(m) });
  return { app, store, log };
}

/** The first `_csrf` hidden field value of a page. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1]!;
}

/** A cookie-keeping agent that has a reviewer name and a CSRF token. */
export async function reviewerAgent(app: Express, name = 'Ana Reviewer'): Promise<{ agent: ReturnType<typeof request.agent>; csrf: string }> {
  const agent = request.agent(app);
  const page = await agent.get('/reviewer').expect(200);
  const csrf = csrfFrom(page.text);
  await agent.post('/reviewer').type('form').send({ _csrf: csrf, reviewer: name, next: '/' }).expect(303);
  return { agent, csrf };
}

/** The index of the seed sentence that contains `needle`. */
export function sentenceIndex(store: OpenedStore, needle: string): number {
  const article = store.getArticle(store.findArticle(SEED)!.id)!;
  const s = article.sentences.find((x) => x.mtText.includes(needle));
  if (!s) throw new Error(`no sentence contains ${needle}`);
  return s.index;
}
