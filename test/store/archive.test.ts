import assert from 'node:assert/strict';
import { fingerprintFinding } from '../../src/core/fingerprint.js';
import type { Glossary } from '../../src/core/types.js';
import { openStore, type ArticleSummary, type OpenedStore } from '../../src/store/index.js';
import { loadStates } from '../../src/store/review-store.js';
import { GLOSSARY, NO_GLOSSARY, WHITE_ARTICLE } from './support.js';

const ARTICLE = WHITE_ARTICLE;

/** The counts of a corpus-page row. */
function counts(s: ArticleSummary): [number, number, number] {
  return [s.sentenceCount, s.openFindings, s.reviewed];
}

describe('store/archive and corpus-page rows', () => {
  let store: OpenedStore;
  let id: number;
  beforeEach(() => {
    store = openStore({ dbPath: ':memory:', glossary: GLOSSARY });
    id = store.importText('sample', ARTICLE, 'ann').id;
    store.importText('other', 'Another headline\n\nA plain sentence.', 'ann');
  });
  afterEach(() => store.close());

  const row = (): ArticleSummary => store.listArticles().items.find((a) => a.id === id)!;

  it('archiving hides the article from the corpus page, lists it under archived, and records who', () => {
    const archived = store.archiveArticle(id, 'admin', 'duplicate of another story');
    assert.equal(archived.archivedBy, 'admin');
    assert.match(archived.archivedAt ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(store.listArticles().items.map((a) => a.slug), ['other']);
    assert.equal(store.listArticles().total, 1);
    assert.deepEqual(store.listArticles({ archived: true }).items.map((a) => [a.slug, a.archivedBy]), [['sample', 'admin']]);
    // Still reachable by slug, with its reviews: nothing is deleted.
    assert.equal(store.findArticle('sample')?.archivedBy, 'admin');
    assert.equal(store.getArticle(id)!.sentences.length, 3);
    const events = store.db.prepare("SELECT actor, action, detail FROM events WHERE action IN ('archive', 'unarchive')").all();
    assert.deepEqual(events, [{ actor: 'admin', action: 'archive', detail: JSON.stringify({ slug: 'sample', reason: 'duplicate of another story' }) }]);
  });

  it('archiving twice records one event; unarchiving brings the row back with its counts', () => {
    store.saveRevision({ articleId: id, sentence: 1, baseRevisionId: null, text: 'Belarus is a close ally of Russia.', status: 'edited', reviewer: 'ann' });
    const before = counts(row());
    store.archiveArticle(id, 'admin');
    store.archiveArticle(id, 'admin');
    const back = store.unarchiveArticle(id, 'root');
    assert.equal(back.archivedAt, null);
    assert.deepEqual(counts(row()), before);
    const actions = store.db.prepare("SELECT actor || ':' || action AS a FROM events WHERE action IN ('archive', 'unarchive') ORDER BY id").pluck().all();
    assert.deepEqual(actions, ['admin:archive', 'root:unarchive']);
  });

  it('refuses unknown articles and nameless actors (near misses of a valid call)', () => {
    const cases: Array<[() => unknown, RegExp]> = [
      [() => store.archiveArticle(9999, 'admin'), /no article with id 9999/],
      [() => store.archiveArticle(id, '  '), /must name its reviewer/],
      [() => store.unarchiveArticle(9999, 'admin'), /no article with id 9999/],
    ];
    for (const [call, message] of cases) assert.throws(call, message);
    assert.equal(row().archivedAt, null);
  });

  // The corpus page answers from remembered rows; every kind of write must show on the next listing.
  const writes: Array<[string, (s: OpenedStore) => void, [number, number, number]]> = [
    ['nothing', () => {}, [3, 1, 0]],
    ['a save that fixes the finding', (s) => {
      s.saveRevision({ articleId: id, sentence: 1, baseRevisionId: null, text: 'Belarus is a close ally of Russia.', status: 'edited', reviewer: 'ann' });
    }, [3, 0, 1]],
    ['an approval that keeps it', (s) => {
      s.saveRevision({ articleId: id, sentence: 1, baseRevisionId: null, text: 'White is a close ally of Russia.', status: 'approved', reviewer: 'ann' });
    }, [3, 1, 1]],
    ['a dismissal', (s) => {
      const f = s.getSentence(id, 1)!.findings.find((x) => x.check === 'forbidden-term')!;
      s.dismiss({ articleId: id, sentence: 1, fingerprint: fingerprintFinding(f, 'White is a close ally of Russia.'), ruleId: f.ruleId, match: f.match, reason: 'colour', reviewer: 'ann' });
    }, [3, 0, 0]],
    ['a dismissal undone in the same millisecond', (s) => {
      const f = s.getSentence(id, 1)!.findings.find((x) => x.check === 'forbidden-term')!;
      const d = s.dismiss({ articleId: id, sentence: 1, fingerprint: fingerprintFinding(f, 'White is a close ally of Russia.'), ruleId: f.ruleId, match: f.match, reason: 'colour', reviewer: 'ann' });
      s.listArticles();
      s.undismiss(d.id, 'ann');
    }, [3, 1, 0]],
    ['a glossary switch', (s) => s.setGlossary(NO_GLOSSARY), [3, 0, 0]],
    ['a glossary switch back', (s) => {
      s.setGlossary(NO_GLOSSARY);
      s.listArticles();
      s.setGlossary({ ...GLOSSARY } satisfies Glossary);
    }, [3, 1, 0]],
  ];
  for (const [name, write, expected] of writes) {
    it(`the corpus row is current after ${name}`, () => {
      row(); // remember the row first
      write(store);
      assert.deepEqual(counts(row()), expected);
      assert.deepEqual(counts(store.getArticle(id)!.summary), expected);
    });
  }
});

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
