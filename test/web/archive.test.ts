import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom, makeApp, reviewerAgent, SEED, sentenceIndex } from './support/app.js';
import { makeAdminApp, signIn } from './support/admin.js';

const ARTICLE = `/articles/${SEED}`;

describe('web/archiving an article', () => {
  it('local mode: archive hides it from the corpus, lists it under Archived, makes it read-only; restore undoes it', async () => {
    const { app, store } = makeApp();
    const { agent, csrf } = await reviewerAgent(app, 'Ana');
    const page = await agent.get(ARTICLE).expect(200);
    assert.match(page.text, /action="\/articles\/[^"]+\/archive"/, 'the local user (the admin) sees the archive form');

    await agent.post(`${ARTICLE}/archive`).type('form').send({ _csrf: csrf, reason: 'published elsewhere' }).expect(303).expect('location', ARTICLE);
    const corpus = await agent.get('/').expect(200);
    assert.doesNotMatch(corpus.text, new RegExp(`href="${ARTICLE}"`));
    assert.match(corpus.text, /href="\/\?archived=1">Archived articles \(1\)/);
    assert.match(corpus.text, /No articles to review: every article is archived\./);
    const archived = await agent.get('/?archived=1').expect(200);
    assert.match(archived.text, new RegExp(`href="${ARTICLE}"`));
    assert.doesNotMatch(archived.text, /Import an MT article/);

    const shown = await agent.get(ARTICLE).expect(200);
    assert.match(shown.text, /<strong>Archived<\/strong> by Ana/);
    assert.doesNotMatch(shown.text, /class="editor"/, 'no editors on a read-only article');
    const white = sentenceIndex(store, 'White is a close ally');
    const save = await agent.post(`${ARTICLE}/sentences/${white}`).set('accept', 'application/json').send({ _csrf: csrf, text: 'Belarus is a close ally of Russia.' }).expect(409);
    assert.match(save.body.error as string, /is archived \(by Ana\); an admin must restore it/);
    await agent.get(`${ARTICLE}/export.txt`).expect(200);

    await agent.post(`${ARTICLE}/unarchive`).type('form').send({ _csrf: csrfFrom(shown.text) }).expect(303);
    assert.match((await agent.get('/').expect(200)).text, new RegExp(`href="${ARTICLE}"`));
    await agent.post(`${ARTICLE}/sentences/${white}`).set('accept', 'application/json').send({ _csrf: csrf, text: 'Belarus is a close ally of Russia.' }).expect(200);
    const events = store.db.prepare("SELECT actor, action, detail FROM events WHERE action IN ('archive', 'unarchive') ORDER BY id").all();
    assert.deepEqual(events.map((e) => Object.values(e as object).slice(0, 2)), [['Ana', 'archive'], ['Ana', 'unarchive']]);
    assert.match((events[0] as { detail: string }).detail, /"reason":"published elsewhere"/);
    store.close();
  });

  it('counts the archived articles for the corpus page only: the archived list makes one listing', async () => {
    const { app, store } = makeApp();
    const { agent, csrf } = await reviewerAgent(app, 'Ana');
    await agent.post(`${ARTICLE}/archive`).type('form').send({ _csrf: csrf }).expect(303);
    const listed: boolean[] = [];
    const listArticles = store.listArticles.bind(store);
    store.listArticles = (query) => {
      listed.push(Boolean(query?.archived));
      return listArticles(query);
    };
    assert.match((await agent.get('/').expect(200)).text, /href="\/\?archived=1">Archived articles \(1\)/);
    assert.deepEqual(listed, [false, true], 'the corpus page lists its articles and counts the archived ones');
    listed.length = 0;
    assert.match((await agent.get('/?archived=1').expect(200)).text, new RegExp(`href="${ARTICLE}"`));
    assert.deepEqual(listed, [true], 'the archived page lists only the archived articles');
    store.close();
  });

  // Near misses of an allowed archive: wrong role, no token, a reason too long, an unknown article.
  const refusals: Array<[string, 'alice' | 'bob', (csrf: string) => Record<string, string>, string, number, RegExp]> = [
    ['a reviewer', 'bob', (csrf) => ({ _csrf: csrf }), ARTICLE, 403, /admin/i],
    ['no CSRF token', 'alice', () => ({}), ARTICLE, 403, /missing or wrong CSRF token/],
    ['a reason over 500 characters', 'alice', (csrf) => ({ _csrf: csrf, reason: 'x'.repeat(501) }), ARTICLE, 400, /longer than 500/],
    ['an unknown article', 'alice', (csrf) => ({ _csrf: csrf }), '/articles/no-such-article', 404, /no article/i],
  ];
  for (const [name, who, body, path, status, message] of refusals) {
    it(`with accounts, refuses ${name} (${status}) and archives nothing`, async () => {
      const { app, store } = await makeAdminApp({ accounts: true });
      const { agent, csrf } = await signIn(app, who);
      const res = await agent.post(`${path}/archive`).set('accept', 'application/json').send(body(csrf)).expect(status);
      assert.match(JSON.stringify(res.body), message);
      assert.equal(store.listArticles({ archived: true }).total, 0);
      store.close();
    });
  }

  it('with accounts, an admin archives and the event names the signed-in admin', async () => {
    const { app, store } = await makeAdminApp({ accounts: true });
    const { agent, csrf } = await signIn(app, 'alice');
    await agent.post(`${ARTICLE}/archive`).set('accept', 'application/json').send({ _csrf: csrf, reviewer: 'mallory' }).expect(200);
    assert.equal(store.findArticle(SEED)!.archivedBy, 'alice');
    const bob = await signIn(app, 'bob');
    const page = await bob.agent.get(ARTICLE).expect(200);
    assert.doesNotMatch(page.text, /Restore to the corpus/, 'a reviewer sees the note, not the restore button');
    assert.match(page.text, /<strong>Archived<\/strong> by alice/);
    await request(app).get('/?archived=1').expect(303).expect('location', /^\/login/);
    store.close();
  });
});
