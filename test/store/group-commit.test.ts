import assert from 'node:assert/strict';
import { openStore, type OpenedStore } from '../../src/store/index.js';
import { loadStates } from '../../src/store/review-store.js';
import { GLOSSARY, WHITE_ARTICLE } from './support.js';

const ARTICLE = WHITE_ARTICLE;

describe('store/groupCommit', () => {
  let store: OpenedStore;
  let id: number;
  beforeEach(() => {
    store = openStore({ dbPath: ':memory:', glossary: GLOSSARY });
    id = store.importText('sample', ARTICLE, 'ann').id;
  });
  afterEach(() => store.close());

  const save = (sentence: number, text: string, base: number | null = null) => () =>
    store.saveRevision({ articleId: id, sentence, baseRevisionId: base, text, status: 'edited', reviewer: 'ann' });

  it('commits concurrent writes together; a conflicting one rejects alone and changes nothing', async () => {
    const before = store.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    const results = await Promise.allSettled([
      store.groupCommit(save(1, 'Belarus is a close ally of Russia.')),
      store.groupCommit(save(1, 'Minsk is a close ally of Russia.')), // same base: the second is stale
      store.groupCommit(save(2, 'The White House said nothing at all.')),
      store.groupCommit(save(7, 'No such sentence.')),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    assert.equal((results[1] as PromiseRejectedResult).reason.name, 'ConflictError');
    assert.match(String((results[3] as PromiseRejectedResult).reason), /has no sentence 7/);
    assert.deepEqual([1, 2].map((i) => store.getSentence(id, i)!.text), ['Belarus is a close ally of Russia.', 'The White House said nothing at all.']);
    assert.equal(store.history(id, 1).length, 1);
    assert.equal((store.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number) - before, 2);
  });

  it('what it remembers of an article moves forward with a batch exactly as a fresh read would', async () => {
    const before = store.getArticle(id)!; // remembered now
    const r1 = await Promise.allSettled([
      store.groupCommit(save(1, 'Belarus is a close ally of Russia.')),
      store.groupCommit(save(1, 'Minsk is a close ally of Russia.')), // stale: rejected, remembers nothing
      store.groupCommit(save(2, 'The White House said nothing at all.')),
    ]);
    assert.deepEqual(r1.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
    const rev1 = (r1[0] as PromiseFulfilledResult<{ id: number }>).value.id;
    await store.groupCommit(() => store.restoreRevision(id, 1, rev1, rev1, 'bob'));
    const after = store.getArticle(id)!;
    // A read that bypasses every memory: the states straight from the database.
    const row = store.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as Parameters<typeof loadStates>[1];
    const truth = loadStates(store.db, row);
    assert.deepEqual(after.sentences.map((s) => [s.text, s.current?.id ?? null, s.status]), truth.map((s) => [s.text, s.current?.id ?? null, s.current ? s.current.status : 'open']));
    assert.notDeepEqual(after.sentences.map((s) => s.text), before.sentences.map((s) => s.text));
    assert.equal(after.summary.updatedAt, row.updated_at);
    assert.equal(after.summary.reviewed, 2);
  });

  it('a failure that rolls back the whole transaction (disk full) rejects every write of the batch and stores none', async () => {
    const results = await Promise.allSettled([
      store.groupCommit(save(1, 'Belarus is a close ally of Russia.')),
      // What SQLite does on SQLITE_FULL or an I/O error inside a savepoint: the outer transaction is gone too.
      store.groupCommit(() => {
        store.db.exec('ROLLBACK');
        throw new Error('database or disk is full');
      }),
      store.groupCommit(save(2, 'The White House said nothing at all.')),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected', 'rejected']);
    assert.deepEqual([store.history(id, 1).length, store.history(id, 2).length], [0, 0], 'no write acknowledged as failed is on disk');
    assert.equal(store.db.inTransaction, false);
  });

  it('close() commits writes still waiting for their batch', async () => {
    const pending = store.groupCommit(save(1, 'Belarus is a close ally of Russia.'));
    const dbPath = store.dbPath;
    assert.equal(dbPath, ':memory:');
    store.db.pragma('user_version'); // the batch has not run yet
    assert.equal(store.history(id, 1).length, 0);
    store.close();
    const revision = await pending;
    assert.equal(revision.text, 'Belarus is a close ally of Russia.');
  });

  it('a write after close is refused, not lost silently', async () => {
    store.close();
    await assert.rejects(store.groupCommit(save(1, 'Belarus is a close ally of Russia.')), /database is closed/);
  });
});
