/**
 * The real review app in-process, over a fresh in-memory store: for HTTP-level hardening tests.
 */
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import request from 'supertest';
import { loadGlossary } from '../../../src/glossary/load.js';
import { openStore, type OpenedStore } from '../../../src/store/index.js';
import { createApp } from '../../../src/web/app.js';

/** The shipped glossary folder. */
export const SHIPPED_GLOSSARY = fileURLToPath(new URL('../../../../glossary/', import.meta.url));

/** An app over a new in-memory store holding one article made of `text`. */
export function appWithArticle(text: string, name = 'hardening-article.txt'): { app: Express; store: OpenedStore; slug: string; log: string[] } {
  const store = openStore({ dbPath: ':memory:', glossary: loadGlossary(SHIPPED_GLOSSARY) });
  const summary = store.importText(name, text, 'test');
  const log: string[] = [];
  const app = createApp({ store, secret: 'hardening-test-secret', log: (m) => log.push(m) });
  return { app, store, slug: summary.slug, log };
}

/** The first `_csrf` hidden field of a page. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1]!;
}

/** A cookie-keeping agent with a CSRF token read from the article page. */
export async function agentFor(app: Express, slug: string): Promise<{ agent: ReturnType<typeof request.agent>; csrf: string }> {
  const agent = request.agent(app);
  const page = await agent.get(`/articles/${slug}`).set('Accept', 'text/html');
  if (page.status !== 200) throw new Error(`article page: HTTP ${page.status}`);
  return { agent, csrf: csrfFrom(page.text) };
}
