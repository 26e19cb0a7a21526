/**
 * Times on the pages: one helper (`when`, on app.locals) shows every stored timestamp of the
 * article, glossary and users pages to the minute in UTC, with the full value in `datetime`.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { when } from '../../src/web/present.js';
import { reviewerAgent, SEED, sentenceIndex } from './support/app.js';
import { makeAdminApp } from './support/admin.js';

/** Every `<time datetime="…">…</time>` of a page, as [datetime, text]. */
function times(html: string): [string, string][] {
  return [...html.matchAll(/<time datetime="([^"]+)">([^<]*)<\/time>/g)].map((m) => [m[1]!, m[2]!]);
}

describe('web app: times', () => {
  it('formats a stored timestamp to the minute in UTC', () => {
    assert.equal(when('2024-05-01T09:30:59.123Z'), '2024-05-01 09:30 UTC');
    assert.equal(when('2020-01-01T00:00:00Z'), '2020-01-01 00:00 UTC');
  });

  it('shows saves, archiving, glossary versions and accounts with it', async () => {
    const { app, store } = await makeAdminApp();
    const { agent, csrf } = await reviewerAgent(app, 'Ana');
    const article = `/articles/${SEED}`;
    const white = sentenceIndex(store, 'White is a close ally');
    await agent.post(`${article}/sentences/${white}`).set('accept', 'application/json').send({ _csrf: csrf, text: 'Belarus is a close ally of Russia.' }).expect(200);
    await agent.post(`${article}/archive`).type('form').send({ _csrf: csrf }).expect(303);
    await agent.post('/users').type('form').send({ _csrf: csrf, username: 'carol', role: 'admin', password: 'carol-secret', password2: 'carol-secret' }).expect(303);
    const pages = {
      article: (await agent.get(article).expect(200)).text,
      glossary: (await agent.get('/glossary').expect(200)).text,
      users: (await request(app).get('/users').expect(200)).text,
    };
    // The article: the save and the archived note; the glossary: in force and its history row; users: carol's creation.
    const expected = { article: 2, glossary: 2, users: 1 };
    for (const [page, html] of Object.entries(pages)) {
      const found = times(html);
      assert.equal(found.length, expected[page as keyof typeof expected], `${page}: times shown`);
      for (const [datetime, text] of found) assert.equal(text, when(datetime), `${page}: ${datetime}`);
    }
    assert.match(pages.article, /<strong>Archived<\/strong> by Ana on <time datetime="[^"]+">\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/time>/);
    store.close();
  });
});
