/**
 * HTTP tests of the review app: every route, through supertest against `createApp` over an
 * in-memory store holding the seed article.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createApp } from '../../src/web/app.js';
import { csrfFrom, makeApp, reviewerAgent, SEED, sentenceIndex } from './support/app.js';

const ARTICLE = `/articles/${SEED}`;
const WHITE = 'White is a close ally of Russia';

describe('web app: pages', () => {
  it('lists the corpus with sentence count, findings and progress', async () => {
    const { app, store } = makeApp();
    const summary = store.findArticle(SEED)!;
    const res = await request(app).get('/').expect(200).expect('Content-Type', /html/);
    assert.match(res.text, /Putin and Lukashenko meet/);
    assert.match(res.text, new RegExp(`<progress max="${summary.sentenceCount}" value="0"`));
    assert.match(res.text, new RegExp(`0 / ${summary.sentenceCount} reviewed`));
    assert.ok(summary.openFindings >= 3, 'the seed article has White and two new crowns');
    assert.match(res.text, new RegExp(`<span class="pill pill-warn">${summary.openFindings}</span>`));
    assert.match(res.text, /<html lang="en">/);
    assert.match(res.text, /class="skip-link" href="#main"/);
  });

  it('searches titles and says when nothing matches', async () => {
    const { app } = makeApp();
    const hit = await request(app).get('/?q=Lukashenko').expect(200);
    assert.match(hit.text, /href="\/articles\/2020-09-14-putin-lukashenko-sochi-loan"/);
    const miss = await request(app).get('/?q=zebra').expect(200);
    assert.doesNotMatch(miss.text, /href="\/articles\//);
    assert.match(miss.text, /No article title matches “zebra”/);
  });

  it('answers the corpus as JSON when asked', async () => {
    const { app } = makeApp();
    const res = await request(app).get('/?q=Putin').set('Accept', 'application/json').expect(200);
    assert.equal(res.body.total, 1);
    assert.equal(res.body.items[0].slug, SEED);
  });

  it('shows the article with White flagged, its note and the preferred rendering', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const res = await request(app).get(ARTICLE).expect(200);
    const block = res.text.slice(res.text.indexOf(`id="s-${n}"`), res.text.indexOf(`id="s-${n + 1}"`));
    assert.match(block, /<mark class="check-forbidden-term"[^>]*>White<\/mark> is a close ally of Russia/);
    assert.match(block, /Use “Belarus” instead of “White”/);
    assert.match(block, /白俄罗斯 \(Belarus\) rendered word by word/);
    assert.match(block, new RegExp(`<button type="submit" form="e-${n}" formaction="/articles/${SEED}/sentences/${n}/apply" formnovalidate name="apply" value="0:[0-9a-f]+"[^>]*>Belarus</button>`));
    assert.match(block, new RegExp(`<form class="editor" id="e-${n}" method="post" action="/articles/${SEED}/sentences/${n}"`));
    assert.match(block, new RegExp(`<label for="t-${n}"[^>]*>Corrected rendering`));
    assert.match(block, /<input type="hidden" name="base" value="" data-role="base">/);
    assert.match(res.text, /Keyboard shortcuts/);
    assert.match(res.text, /<script type="module" src="\/client\/review.js"><\/script>/);
    assert.ok(res.text.indexOf('id="s-0"') < res.text.indexOf(`id="s-${n}"`), 'the headline comes first');
  });

  it('filters to open findings and to unreviewed sentences without JavaScript', async () => {
    const { app, store } = makeApp();
    const total = store.findArticle(SEED)!.sentenceCount;
    const open = await request(app).get(`${ARTICLE}?filter=open-findings`).expect(200);
    const shown = (open.text.match(/<article class="sentence[^"]*" id="s-\d+"/g) ?? []).length;
    assert.ok(shown >= 3 && shown < total, `${shown} of ${total} sentences have findings`);
    assert.match(open.text, new RegExp(`Showing ${shown} of ${total} sentences`));
    const { agent, csrf } = await reviewerAgent(app);
    await agent.post(`${ARTICLE}/sentences/0`).type('form').send({ _csrf: csrf, base: '', action: 'approve' }).expect(303);
    const unreviewed = await agent.get(`${ARTICLE}?filter=unreviewed`).expect(200);
    assert.doesNotMatch(unreviewed.text, /id="s-0"/);
    assert.match(unreviewed.text, /id="s-1"/);
  });

  it('serves the client script and the stylesheet', async () => {
    const { app } = makeApp();
    await request(app).get('/client/review.js').expect(200).expect('Content-Type', /javascript/);
    await request(app).get('/client/word-diff.js').expect(200);
    await request(app).get('/assets/app.css').expect(200).expect('Content-Type', /css/);
  });

  it('sends a strict Content-Security-Policy and security headers', async () => {
    const { app } = makeApp();
    const res = await request(app).get('/').expect(200);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /style-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-powered-by'], undefined);
  });

  it('has no inline scripts, event handlers or style attributes', async () => {
    const { app } = makeApp();
    for (const path of ['/', ARTICLE, `${ARTICLE}/diff`, `${ARTICLE}/sentences/1/history`, '/reviewer']) {
      const res = await request(app).get(path).expect(200);
      assert.doesNotMatch(res.text, /<script(?![^>]*\bsrc=)[^>]*>/, path);
      assert.doesNotMatch(res.text, /\son[a-z]+="/, path);
      assert.doesNotMatch(res.text, /\sstyle="/, path);
    }
  });

  it('answers 404 for unknown articles, sentences, exports and paths', async () => {
    const { app } = makeApp();
    const page = await request(app).get('/articles/no-such-article').expect(404);
    assert.match(page.text, /There is no article “no-such-article”/);
    await request(app).get(`${ARTICLE}/sentences/9999/history`).expect(404);
    await request(app).get(`${ARTICLE}/sentences/x/history`).expect(404);
    await request(app).get(`${ARTICLE}/export.docx`).expect(404);
    const json = await request(app).get('/nowhere').set('Accept', 'application/json').expect(404);
    assert.match(json.body.error, /nothing at \/nowhere/);
  });
});

describe('web app: saving', () => {
  it('saves a correction without JavaScript: 303 to the sentence, diff shown, finding gone, export updated', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const { agent, csrf } = await reviewerAgent(app);
    const text = 'Belarus is a close ally of Russia, and Russia will fulfill all its commitments.';
    const res = await agent.post(`${ARTICLE}/sentences/${n}`).type('form')
      .send({ _csrf: csrf, base: '', text, action: 'save', return: ARTICLE }).expect(303);
    assert.equal(res.headers.location, `${ARTICLE}#s-${n}`);
    const page = await agent.get(ARTICLE).expect(200);
    const block = page.text.slice(page.text.indexOf(`id="s-${n}"`), page.text.indexOf(`id="s-${n + 1}"`));
    assert.match(block, /<del>White<\/del><ins>Belarus<\/ins>/);
    assert.doesNotMatch(block, /<mark/);
    assert.match(block, /by Ana Reviewer/);
    const rev = store.getSentence(store.findArticle(SEED)!.id, n)!.current!;
    assert.match(block, new RegExp(`name="base" value="${rev.id}"`));
    const txt = await agent.get(`${ARTICLE}/export.txt`).expect(200);
    assert.match(txt.text, /\nBelarus is a close ally of Russia, and Russia will fulfill all its commitments\.\n/);
    assert.doesNotMatch(txt.text, /White is a close ally/);
  });

  it('saves in place with JSON: the sentence is re-checked and a new problem appears', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const { agent, csrf } = await reviewerAgent(app);
    const res = await agent.post(`${ARTICLE}/sentences/${n}`).set('Accept', 'application/json').type('form')
      .send({ _csrf: csrf, base: '', text: 'Belarus is a close ally of Russia in the new crown era.', action: 'save' }).expect(200);
    assert.equal(res.body.sentence.status, 'edited');
    assert.equal(res.body.sentence.reviewer, 'Ana Reviewer');
    assert.deepEqual(res.body.sentence.findings.map((f: { match: string }) => f.match), ['new crown']);
    assert.ok(res.body.sentence.diff.some((c: { added: boolean; value: string }) => c.added && c.value.includes('Belarus')));
    assert.equal(store.findArticle(SEED)!.reviewed, 1);
    assert.equal(typeof res.body.sentence.revisionId, 'number');
  });

  it('accepts a JSON body with the token in a header', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const { agent, csrf } = await reviewerAgent(app);
    const res = await agent.post(`${ARTICLE}/sentences/${n}`).set('x-csrf-token', csrf)
      .send({ base: null, text: 'Belarus is a close ally of Russia.', action: 'save' }).expect(200);
    assert.equal(res.body.sentence.text, 'Belarus is a close ally of Russia.');
  });

  it('refuses a stale save with 409 and shows both versions, never overwriting', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const first = await reviewerAgent(app, 'First');
    const second = await reviewerAgent(app, 'Second');
    await first.agent.post(`${ARTICLE}/sentences/${n}`).type('form')
      .send({ _csrf: first.csrf, base: '', text: 'Belarus is a close ally of Russia (theirs).', action: 'save' }).expect(303);
    const page = await second.agent.post(`${ARTICLE}/sentences/${n}`).type('form')
      .send({ _csrf: second.csrf, base: '', text: 'Belarus is a close ally of Russia (mine).', action: 'save' }).expect(409);
    assert.match(page.text, /Belarus is a close ally of Russia \(theirs\)\./);
    assert.match(page.text, /Belarus is a close ally of Russia \(mine\)\./);
    const theirs = store.getSentence(store.findArticle(SEED)!.id, n)!.current!;
    assert.match(page.text, new RegExp(`name="base" value="${theirs.id}"`));
    assert.match(page.text, /<textarea id="merge-text" name="text" rows="4">Belarus is a close ally of Russia \(theirs\)\.<\/textarea>/);
    assert.equal(theirs.text, 'Belarus is a close ally of Russia (theirs).');
    const json = await second.agent.post(`${ARTICLE}/sentences/${n}`).set('Accept', 'application/json').type('form')
      .send({ _csrf: second.csrf, base: '', text: 'mine again', action: 'save' }).expect(409);
    assert.equal(json.body.conflict.theirText, 'Belarus is a close ally of Russia (theirs).');
    assert.equal(json.body.conflict.yours, 'mine again');
    assert.equal(json.body.conflict.baseRevisionId, theirs.id);
    assert.equal(store.getSentence(store.findArticle(SEED)!.id, n)!.current!.id, theirs.id);
  });

  it('approves a sentence unchanged', async () => {
    const { app, store } = makeApp();
    const { agent, csrf } = await reviewerAgent(app);
    const res = await agent.post(`${ARTICLE}/sentences/1`).set('Accept', 'application/json').type('form')
      .send({ _csrf: csrf, base: '', action: 'approve', text: 'ignored' }).expect(200);
    assert.equal(res.body.sentence.status, 'approved');
    const s = store.getSentence(store.findArticle(SEED)!.id, 1)!;
    assert.equal(s.status, 'approved');
    assert.equal(s.text, s.mtText);
  });

  it('refuses an empty correction with a clear 400', async () => {
    const { app } = makeApp();
    const { agent, csrf } = await reviewerAgent(app);
    const res = await agent.post(`${ARTICLE}/sentences/1`).type('form').send({ _csrf: csrf, base: '', text: '   ', action: 'save' }).expect(400);
    assert.match(res.text, /The corrected rendering is empty/);
  });

  it('applies a suggestion without JavaScript', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const { agent, csrf } = await reviewerAgent(app);
    const page = await agent.get(ARTICLE).expect(200);
    const block = page.text.slice(page.text.indexOf(`id="s-${n}"`), page.text.indexOf(`id="s-${n + 1}"`));
    const fingerprint = /name="fingerprint" value="([0-9a-f]+)"/.exec(block)![1]!;
    await agent.post(`${ARTICLE}/sentences/${n}/apply`).type('form')
      .send({ _csrf: csrf, base: '', fingerprint, suggestion: '0', return: ARTICLE }).expect(303);
    const s = store.getSentence(store.findArticle(SEED)!.id, n)!;
    assert.equal(s.text, 'Belarus is a close ally of Russia, and Russia will fulfill all its commitments.');
    assert.equal(s.findings.length, 0);
  });

  it('applies a suggestion from its button, which submits the editor form to /apply', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const { agent, csrf } = await reviewerAgent(app);
    const page = await agent.get(ARTICLE).expect(200);
    const block = page.text.slice(page.text.indexOf(`id="s-${n}"`), page.text.indexOf(`id="s-${n + 1}"`));
    const apply = /name="apply" value="(0:[0-9a-f]+)"/.exec(block)![1]!;
    const res = await agent.post(`${ARTICLE}/sentences/${n}/apply`).type('form')
      .send({ _csrf: csrf, base: '', text: 'whatever the editor held', return: `${ARTICLE}?filter=open-findings`, apply }).expect(303);
    assert.equal(res.headers.location, `${ARTICLE}?filter=open-findings#s-${n}`);
    assert.equal(store.getSentence(store.findArticle(SEED)!.id, n)!.text, 'Belarus is a close ally of Russia, and Russia will fulfill all its commitments.');
    await agent.post(`${ARTICLE}/sentences/${n}/apply`).type('form').send({ _csrf: csrf, base: '', apply }).expect(409);
  });

  it('asks for a name before saving and keeps the pending edit', async () => {
    const { app, store } = makeApp();
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get(ARTICLE).expect(200)).text);
    const page = await agent.post(`${ARTICLE}/sentences/1`).type('form').send({ _csrf: csrf, base: '', text: 'Kept <edit>', action: 'save' }).expect(401);
    assert.match(page.text, /Enter your name before saving/);
    assert.match(page.text, /<input type="hidden" name="text" value="Kept &lt;edit&gt;">/);
    const json = await agent.post(`${ARTICLE}/sentences/1`).set('Accept', 'application/json').type('form').send({ _csrf: csrf, base: '', text: 'x', action: 'save' }).expect(401);
    assert.equal(json.body.needName, true);
    assert.equal(store.getSentence(store.findArticle(SEED)!.id, 1)!.current, null);
    await agent.post(`${ARTICLE}/sentences/1`).type('form').send({ _csrf: csrf, base: '', text: 'Kept edit', action: 'save', reviewer: 'Late Name' }).expect(303);
    assert.equal(store.getSentence(store.findArticle(SEED)!.id, 1)!.current!.reviewer, 'Late Name');
    const after = await agent.get('/').expect(200);
    assert.match(after.text, /Reviewing as <strong>Late Name<\/strong>/);
  });
});

describe('web app: dismissals, history, diff, export', () => {
  it('dismisses a finding with a reason and undoes it', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const { agent, csrf } = await reviewerAgent(app);
    const article = await agent.get(ARTICLE).expect(200);
    const block = article.text.slice(article.text.indexOf(`id="s-${n}"`), article.text.indexOf(`id="s-${n + 1}"`));
    const fingerprint = /name="fingerprint" value="([0-9a-f]+)"/.exec(block)![1]!;
    const missing = await agent.post(`${ARTICLE}/sentences/${n}/dismiss`).type('form').send({ _csrf: csrf, fingerprint, reason: ' ' }).expect(400);
    assert.match(missing.text, /Give a reason/);
    const res = await agent.post(`${ARTICLE}/sentences/${n}/dismiss`).set('Accept', 'application/json').type('form')
      .send({ _csrf: csrf, fingerprint, reason: 'Here it is the colour' }).expect(200);
    assert.equal(res.body.sentence.findings.length, 0);
    assert.equal(res.body.sentence.dismissed[0].reason, 'Here it is the colour');
    const page = await agent.get(ARTICLE).expect(200);
    assert.match(page.text, /Dismissed “White” \(forbidden-term\/belarus-white\): <em>Here it is the colour<\/em> · Ana Reviewer/);
    const id = res.body.sentence.dismissed[0].id as number;
    await agent.post(`${ARTICLE}/sentences/${n}/undismiss`).type('form').send({ _csrf: csrf, dismissal: String(id), return: ARTICLE }).expect(303);
    const s = store.getSentence(store.findArticle(SEED)!.id, n)!;
    assert.equal(s.dismissed.length, 0);
    assert.equal(s.findings[0]!.match, 'White');
  });

  it('shows the history with reviewer and diff, and restores an earlier revision as a new one', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const id = store.findArticle(SEED)!.id;
    const { agent, csrf } = await reviewerAgent(app);
    await agent.post(`${ARTICLE}/sentences/${n}`).type('form').send({ _csrf: csrf, base: '', text: 'Belarus is a close ally of Russia.', action: 'save' }).expect(303);
    const first = store.getSentence(id, n)!.current!;
    await agent.post(`${ARTICLE}/sentences/${n}`).type('form').send({ _csrf: csrf, base: String(first.id), text: 'Belarus is an ally of Russia.', action: 'save' }).expect(303);
    const second = store.getSentence(id, n)!.current!;
    const page = await agent.get(`${ARTICLE}/sentences/${n}/history`).expect(200);
    assert.match(page.text, /Revisions <span class="count">\(2\)<\/span>/);
    assert.match(page.text, /by Ana Reviewer/);
    assert.match(page.text, /<del>White<\/del><ins>Belarus<\/ins>/);
    assert.match(page.text, new RegExp(`name="revision" value="${first.id}"`));
    assert.doesNotMatch(page.text, new RegExp(`name="revision" value="${second.id}"`), 'the current revision has no restore button');
    await agent.post(`${ARTICLE}/sentences/${n}/restore`).type('form').send({ _csrf: csrf, revision: String(first.id), base: String(second.id) }).expect(303);
    const now = store.getSentence(id, n)!.current!;
    assert.equal(now.text, 'Belarus is a close ally of Russia.');
    assert.equal(now.restoredFrom, first.id);
    assert.equal(store.history(id, n).length, 3);
    await agent.post(`${ARTICLE}/sentences/${n}/restore`).type('form').send({ _csrf: csrf, revision: String(first.id), base: String(second.id) }).expect(409);
  });

  it('shows all corrections as word diffs and the unified patch', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const { agent, csrf } = await reviewerAgent(app);
    const empty = await agent.get(`${ARTICLE}/diff`).expect(200);
    assert.match(empty.text, /No corrections yet/);
    await agent.post(`${ARTICLE}/sentences/${n}`).type('form').send({ _csrf: csrf, base: '', text: 'Belarus is a close ally of Russia.', action: 'save' }).expect(303);
    const page = await agent.get(`${ARTICLE}/diff`).expect(200);
    assert.match(page.text, /<del>White<\/del><ins>Belarus<\/ins>/);
    assert.match(page.text, /@@ -\d+/);
    assert.match(page.text, /\n-White is a close ally of Russia/);
    assert.match(page.text, /\n\+Belarus is a close ally of Russia\./);
  });

  it('exports every format with its content type and file name', async () => {
    const { app, store } = makeApp();
    const n = sentenceIndex(store, WHITE);
    const { agent, csrf } = await reviewerAgent(app);
    await agent.post(`${ARTICLE}/sentences/${n}`).type('form').send({ _csrf: csrf, base: '', text: 'Belarus is a close ally of Russia.', action: 'save' }).expect(303);
    const expected = { txt: /^text\/plain/, md: /^text\/markdown/, json: /^application\/json/, patch: /^text\/x-diff/ };
    for (const [format, type] of Object.entries(expected)) {
      const res = await agent.get(`${ARTICLE}/export.${format}`).buffer(true).parse((r, cb) => {
        let data = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => { data += c; });
        r.on('end', () => cb(null, data));
      }).expect(200);
      assert.match(String(res.headers['content-type']), type, format);
      assert.match(String(res.headers['content-disposition']), new RegExp(`^attachment; filename="?${SEED}\\.${format}"?$`));
      const body = res.body as string;
      if (format === 'patch') assert.match(body, /\+Belarus is a close ally of Russia\./);
      else assert.match(body, /Belarus is a close ally of Russia\./, format);
      if (format === 'json') assert.doesNotThrow(() => JSON.parse(body));
    }
  });
});

describe('web app: import', () => {
  it('imports pasted text and redirects to the new article', async () => {
    const { app, store } = makeApp();
    const { agent, csrf } = await reviewerAgent(app);
    const res = await agent.post('/import').field('_csrf', csrf).field('title', 'Pasted')
      .field('text', 'Minsk talks open\n\nWhite will host the talks in Minsk.\n').expect(303);
    assert.match(res.headers.location!, /^\/articles\/[a-z0-9-]+$/);
    assert.equal(store.listArticles().total, 2);
    const page = await agent.get(res.headers.location!).expect(200);
    assert.match(page.text, /<mark class="check-forbidden-term"[^>]*>White<\/mark> will host the talks in Minsk\./);
  });

  it('imports an uploaded .txt file', async () => {
    const { app, store } = makeApp();
    const { agent, csrf } = await reviewerAgent(app);
    await agent.post('/import').field('_csrf', csrf)
      .attach('file', Buffer.from('Upload headline\n\nThe new crown vaccine arrived.\n'), { filename: 'upload.txt', contentType: 'text/plain' }).expect(303);
    assert.equal(store.listArticles({ q: 'Upload headline' }).total + store.listArticles({ q: 'upload' }).total > 0, true);
    assert.equal(store.listArticles().total, 2);
  });

  const bad: [string, (r: request.Test) => request.Test, number, RegExp][] = [
    ['empty text', (r) => r.field('text', '   \n'), 400, /The article is empty/],
    ['an empty file', (r) => r.attach('file', Buffer.alloc(0), { filename: 'empty.txt', contentType: 'text/plain' }), 400, /is empty/],
    ['a binary file', (r) => r.attach('file', Buffer.from([0x48, 0x00, 0x49, 0x0a]), { filename: 'bin.txt', contentType: 'text/plain' }), 400, /binary file/],
    ['invalid UTF-8', (r) => r.attach('file', Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x0a]), { filename: 'latin.txt', contentType: 'text/plain' }), 400, /invalid UTF-8/],
    ['a file that is not .txt', (r) => r.attach('file', Buffer.from('Hello\n'), { filename: 'doc.pdf', contentType: 'application/pdf' }), 400, /not a \.txt file/],
    ['an oversized file', (r) => r.attach('file', Buffer.alloc(2 * 1024 * 1024 + 10, 0x61), { filename: 'big.txt', contentType: 'text/plain' }), 413, /too large: the limit is 2 MB/],
  ];
  for (const [what, build, status, message] of bad) {
    it(`refuses ${what} with ${status}, a clear message, and no change`, async () => {
      const { app, store } = makeApp();
      const { agent, csrf } = await reviewerAgent(app);
      const before = store.listArticles().total;
      const res = await build(agent.post('/import').field('_csrf', csrf).field('title', 'Bad one')).expect(status);
      assert.match(res.text, message);
      assert.match(res.text, /role="alert"/);
      assert.match(res.text, /value="Bad one"/, 'the form keeps the title');
      assert.equal(store.listArticles().total, before);
    });
  }
});

describe('web app: operations', () => {
  it('answers /healthz without setting a cookie', async () => {
    const { app } = makeApp();
    const res = await request(app).get('/healthz').expect(200);
    assert.deepEqual(res.body, { ok: true, db: 'ok' });
    assert.equal(res.headers['set-cookie'], undefined);
  });

  it('answers 503 when the database does not', async () => {
    const { store } = makeApp();
    const app = createApp({ store, probeDatabase: () => { throw new Error('gone'); } });
    const res = await request(app).get('/healthz').expect(503);
    assert.deepEqual(res.body, { ok: false, db: 'error' });
  });

  it('logs one JSON line per request, without query strings or tokens', async () => {
    const { store } = makeApp();
    const lines: string[] = [];
    const app = createApp({ store, secret: 's', requestLog: (l) => lines.push(l) });
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/?q=secret-search').expect(200)).text);
    await agent.post('/reviewer').type('form').send({ _csrf: csrf, reviewer: 'Logged Lu', next: '/' }).expect(303);
    await agent.get(ARTICLE).expect(200);
    const entries = lines.map((l) => JSON.parse(l) as { method: string; path: string; status: number; user: string | null; ms: number });
    assert.deepEqual(entries.map((e) => [e.method, e.path, e.status]), [['GET', '/', 200], ['POST', '/reviewer', 303], ['GET', ARTICLE, 200]]);
    assert.equal(entries[2]!.user, 'Logged Lu');
    assert.ok(entries.every((e) => e.ms >= 0));
    assert.ok(!lines.join('').includes('secret-search') && !lines.join('').includes(csrf));
  });
});

describe('web app: protection', () => {
  it('refuses a save without a CSRF token, or with a wrong one, with 403 and a clear message', async () => {
    const { app, store } = makeApp();
    const { agent, csrf } = await reviewerAgent(app);
    const missing = await agent.post(`${ARTICLE}/sentences/1`).type('form').send({ base: '', text: 'x', action: 'save' }).expect(403);
    assert.match(missing.text, /missing or wrong CSRF token/);
    // Tokens are hex: "zz" always differs from the real ending (a hex ending such as "00" was the real one one run in 256).
    const wrong = await agent.post(`${ARTICLE}/sentences/1`).type('form').send({ _csrf: `${csrf.slice(0, -2)}zz`, base: '', text: 'x', action: 'save' }).expect(403);
    assert.match(wrong.text, /CSRF/);
    const json = await agent.post(`${ARTICLE}/sentences/1`).set('Accept', 'application/json').send({ text: 'x' }).expect(403);
    assert.match(json.body.error, /CSRF/);
    const otherBrowser = await request(app).post(`${ARTICLE}/sentences/1`).type('form').send({ _csrf: csrf, base: '', text: 'x' }).expect(403);
    assert.match(otherBrowser.text, /CSRF/);
    const upload = await agent.post('/import').field('text', 'Headline\n\nBody.').expect(403);
    assert.match(upload.text, /CSRF/);
    assert.equal(store.getSentence(store.findArticle(SEED)!.id, 1)!.current, null);
    assert.equal(store.listArticles().total, 1);
  });

  it('answers malformed JSON with 400 and a clear message', async () => {
    const { app } = makeApp();
    const { agent, csrf } = await reviewerAgent(app);
    const res = await agent.post(`${ARTICLE}/sentences/1`).set('x-csrf-token', csrf).set('Content-Type', 'application/json').send('{"text": ').expect(400);
    assert.equal(res.body.error, 'The request body is not valid JSON.');
  });

  it('answers an oversized form with 413', async () => {
    const { app } = makeApp();
    const { agent, csrf } = await reviewerAgent(app);
    const res = await agent.post(`${ARTICLE}/sentences/1`).type('form').send({ _csrf: csrf, text: 'a'.repeat(1_100_000) }).expect(413);
    assert.match(res.text, /too large/);
  });

  it('escapes every value it renders', async () => {
    const { app } = makeApp();
    const { agent, csrf } = await reviewerAgent(app, '<b>Eve</b>');
    const res = await agent.post('/import').field('_csrf', csrf).field('title', '<script>alert(1)</script>')
      .field('text', 'Headline <img src=x onerror=alert(1)>\n\nBody & more.').expect(303);
    const page = await agent.get(res.headers.location!).expect(200);
    assert.doesNotMatch(page.text, /<script>alert|<img src=x/);
    assert.match(page.text, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(page.text, /Reviewing as <strong>&lt;b&gt;Eve&lt;\/b&gt;<\/strong>/);
  });

  it('never shows a stack trace: server errors are logged and answered with a plain 500', async () => {
    const { app, store, log } = makeApp();
    store.getArticle = () => { throw new Error('disk on fire'); };
    const res = await request(app).get(ARTICLE).expect(500);
    assert.match(res.text, /Something went wrong/);
    assert.doesNotMatch(res.text, /disk on fire|at .*\.js:\d+/);
    assert.match(log.join('\n'), /disk on fire/);
  });

  it('only returns to local paths after setting the name', async () => {
    const { app } = makeApp();
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/reviewer').expect(200)).text);
    const res = await agent.post('/reviewer').type('form').send({ _csrf: csrf, reviewer: 'Ann', next: '//evil.example/' }).expect(303);
    assert.equal(res.headers.location, '/');
    const bad = await agent.post('/reviewer').type('form').send({ _csrf: csrf, reviewer: '  ', next: '/' }).expect(400);
    assert.match(bad.text, /Enter a name/);
  });
});
