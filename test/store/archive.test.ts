import assert from 'node:assert/strict';
import { fingerprintFinding } from '../../src/core/fingerprint.js';
import type { Glossary } from '../../src/core/types.js';
import { ArchivedError, openStore, type ArticleSummary, type OpenedStore } from '../../src/store/index.js';
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

  describe('an archived article refuses every review write in the store itself', () => {
    const save = (): unknown => store.saveRevision({ articleId: id, sentence: 1, baseRevisionId: null, text: 'Belarus is a close ally of Russia.', status: 'edited', reviewer: 'ann' });
    const fingerprint = (): string => fingerprintFinding(store.getSentence(id, 1)!.findings[0]!, 'White is a close ally of Russia.');
    const dismiss = (): { id: number } => store.dismiss({ articleId: id, sentence: 1, fingerprint: fingerprint(), ruleId: 'belarus-white', match: 'White', reason: 'the colour', reviewer: 'ann' });
    // [name, what runs before archiving, the write]
    const cases: Array<[string, () => unknown, (before: unknown) => unknown]> = [
      ['a save', () => undefined, save],
      ['a restore', () => save(), (rev) => store.restoreRevision(id, 1, (rev as { id: number }).id, (rev as { id: number }).id, 'ann')],
      ['a dismissal', () => undefined, dismiss],
      ['undoing a dismissal', () => dismiss(), (d) => store.undismiss((d as { id: number }).id, 'ann')],
    ];
    for (const [name, prepare, write] of cases) {
      it(`${name}: refused while archived, allowed once restored`, () => {
        const before = prepare();
        store.archiveArticle(id, 'admin');
        const events = store.db.prepare('SELECT count(*) FROM events').pluck().get();
        assert.throws(() => write(before), (err: Error) => err instanceof ArchivedError && /“Putin meets Lukashenko” is archived \(by admin\)/.test(err.message));
        assert.equal(store.db.prepare('SELECT count(*) FROM events').pluck().get(), events, 'nothing recorded');
        store.unarchiveArticle(id, 'admin');
        write(before);
      });
    }

    it('a save queued behind an archive in the same group commit is refused', async () => {
      const results = await Promise.allSettled([store.groupCommit(() => store.archiveArticle(id, 'admin')), store.groupCommit(save)]);
      assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected']);
      assert.ok((results[1] as PromiseRejectedResult).reason instanceof ArchivedError);
      assert.equal(store.history(id, 1).length, 0);
    });
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
