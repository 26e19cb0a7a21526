/**
 * Two reviewers editing the same sentence at the same time never lose an edit: through HTTP, the
 * second save on a stale base is refused with 409 and both versions, and succeeds once re-based.
 */
import assert from 'node:assert/strict';
import { agentFor, appWithArticle } from './support/app.js';

const ARTICLE = [
  'Putin and Lukashenko meet in Sochi',
  '',
  'Russia will provide the White side with a loan of 1.5 billion US dollars. The two leaders met for four hours.',
  '',
].join('\n');

interface SentenceJson { text: string; revisionId: number | null; mtText: string }
interface ConflictJson { error: string; conflict: { theirText: string; yours: string; baseRevisionId: number | null } }

describe('hardening: concurrent edits of one sentence', () => {
  it('first save wins, second gets 409 with both versions, re-based second save succeeds, history has both', async () => {
    const { app, slug } = appWithArticle(ARTICLE);
    const ana = await agentFor(app, slug);
    const ben = await agentFor(app, slug);
    const path = `/articles/${slug}/sentences/1`;

    // Both load the sentence: no revision yet.
    const seenByAna = (await ana.agent.get(`${path}/history`).set('Accept', 'application/json')).body as { currentRevisionId: number | null };
    const seenByBen = (await ben.agent.get(`${path}/history`).set('Accept', 'application/json')).body as { currentRevisionId: number | null };
    assert.equal(seenByAna.currentRevisionId, null);
    assert.equal(seenByBen.currentRevisionId, null);

    const anaText = 'Russia will provide Belarus with a loan of 1.5 billion US dollars.';
    const benText = 'Russia will lend Belarus 1.5 billion US dollars.';
    const first = await ana.agent.post(path).set('Accept', 'application/json').set('x-csrf-token', ana.csrf)
      .send({ text: anaText, base: seenByAna.currentRevisionId, reviewer: 'Ana' });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const anaRevision = (first.body as { sentence: SentenceJson }).sentence.revisionId!;

    const second = await ben.agent.post(path).set('Accept', 'application/json').set('x-csrf-token', ben.csrf)
      .send({ text: benText, base: seenByBen.currentRevisionId, reviewer: 'Ben' });
    assert.equal(second.status, 409);
    const c = (second.body as ConflictJson).conflict;
    assert.equal(c.theirText, anaText);
    assert.equal(c.yours, benText);
    assert.equal(c.baseRevisionId, anaRevision);

    // Ben merges and saves on top of Ana's revision.
    const merged = 'Russia will lend Belarus 1.5 billion US dollars, Putin said.';
    const third = await ben.agent.post(path).set('Accept', 'application/json').set('x-csrf-token', ben.csrf)
      .send({ text: merged, base: c.baseRevisionId, reviewer: 'Ben' });
    assert.equal(third.status, 200, JSON.stringify(third.body));

    const history = (await ana.agent.get(`${path}/history`).set('Accept', 'application/json')).body as { revisions: { id: number; text: string; reviewer: string }[]; currentRevisionId: number };
    assert.deepEqual(history.revisions.map((r) => [r.reviewer, r.text]), [['Ana', anaText], ['Ben', merged]]);
    assert.equal(history.currentRevisionId, history.revisions[1]!.id);
  });

  it('two saves sent at the same moment on the same base: exactly one is stored, the other gets 409', async () => {
    const { app, slug, store } = appWithArticle(ARTICLE);
    const agents = await Promise.all([agentFor(app, slug), agentFor(app, slug), agentFor(app, slug)]);
    const path = `/articles/${slug}/sentences/2`;
    const results = await Promise.all(agents.map((a, i) =>
      a.agent.post(path).set('Accept', 'application/json').set('x-csrf-token', a.csrf)
        .send({ text: `The two leaders met for ${i + 3} hours.`, base: null, reviewer: `R${i}` })));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 409, 409]);
    const summary = store.findArticle(slug)!;
    assert.equal(store.history(summary.id, 2).length, 1);
    const winner = results.find((r) => r.status === 200)!;
    assert.equal(store.history(summary.id, 2)[0]!.text, (winner.body as { sentence: SentenceJson }).sentence.text);
  });
});
