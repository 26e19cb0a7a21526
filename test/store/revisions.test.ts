import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyCorrection } from '../../src/core/patch.js';
import { ConflictError, openStore, type OpenedStore } from '../../src/store/index.js';
import { NO_GLOSSARY } from './support.js';

const ARTICLE = 'Putin meets the White President\n\n  White is a close ally of Russia.\n\nThe new crown epidemic has affected trade.';

describe('store/revisions', () => {
  let store: OpenedStore;
  let id: number;
  beforeEach(() => {
    store = openStore({ dbPath: ':memory:', glossary: NO_GLOSSARY });
    id = store.importText('sample', ARTICLE, 'ann').id;
  });
  afterEach(() => store.close());

  /** Saves `text` on sentence 1 on top of `base`. */
  function save(text: string, base: number | null, reviewer = 'ann', status: 'edited' | 'approved' = 'edited') {
    return store.saveRevision({ articleId: id, sentence: 1, baseRevisionId: base, text, status, reviewer });
  }

  it('a save stores the patch against the MT sentence and the reviewer, and becomes current', () => {
    const r = save('Belarus is a close ally of Russia.', null);
    assert.deepEqual([r.sentence, r.status, r.reviewer, r.baseRevisionId, r.restoredFrom], [1, 'edited', 'ann', null, null]);
    assert.deepEqual(applyCorrection('White is a close ally of Russia.', r.patch), { ok: true, text: r.text });
    const s = store.getSentence(id, 1)!;
    assert.deepEqual([s.text, s.status, s.current?.id], ['Belarus is a close ally of Russia.', 'edited', r.id]);
    assert.equal(store.getArticle(id)!.summary.reviewed, 1);
  });

  it('a save on a stale base is refused with both versions, and nothing is stored', () => {
    const first = save('Belarus is a close ally of Russia.', null, 'ann');
    assert.throws(
      () => save('Belarus is an ally of Russia.', null, 'bob'),
      (e: unknown) => e instanceof ConflictError && e.current?.id === first.id && e.current.text === 'Belarus is a close ally of Russia.' && e.yours === 'Belarus is an ally of Russia.',
    );
    const second = save('Belarus is a firm ally of Russia.', first.id, 'bob');
    assert.throws(() => save('x', first.id, 'ann'), (e: unknown) => e instanceof ConflictError && e.current?.id === second.id);
    assert.deepEqual(store.history(id, 1).map((r) => [r.id, r.baseRevisionId, r.reviewer]), [[first.id, null, 'ann'], [second.id, first.id, 'bob']]);
  });

  it('approving an untouched sentence stores an empty patch of the MT text', () => {
    const r = save('White is a close ally of Russia.', null, 'ann', 'approved');
    assert.equal(r.status, 'approved');
    assert.equal(r.patch, '--- sentence\n+++ sentence\n');
    assert.equal(store.getSentence(id, 1)!.status, 'approved');
  });

  it('a restore is a new revision pointing at the one it restores', () => {
    const a = save('Belarus is a close ally of Russia.', null);
    const b = save('Belarus is an ally.', a.id);
    const c = store.restoreRevision(id, 1, a.id, b.id, 'carol');
    assert.deepEqual([c.text, c.restoredFrom, c.baseRevisionId, c.reviewer], [a.text, a.id, b.id, 'carol']);
    assert.deepEqual(store.history(id, 1).map((r) => r.id), [a.id, b.id, c.id]);
    assert.equal(store.getSentence(id, 1)!.text, a.text);
    assert.throws(() => store.restoreRevision(id, 1, b.id, b.id, 'dave'), ConflictError);
  });

  const invalid: Array<[string, () => unknown, RegExp]> = [
    ['an empty rendering', () => save('   ', null), /empty/],
    ['a rendering with a blank line', () => save('Belarus.\n\nRussia.', null), /blank line/],
    ['no reviewer', () => save('Belarus.', null, ' '), /reviewer/],
    ['a replacement character (invalid UTF-8 decoded leniently)', () => save('Bad \uFFFD( bytes.', null), /U\+FFFD/],
    ['a sentence that does not exist', () => store.saveRevision({ articleId: id, sentence: 99, baseRevisionId: null, text: 'x', status: 'edited', reviewer: 'ann' }), /no sentence 99/],
    ['an article that does not exist', () => store.saveRevision({ articleId: 999, sentence: 0, baseRevisionId: null, text: 'x', status: 'edited', reviewer: 'ann' }), /no article/],
    ['restoring a revision of another sentence', () => store.restoreRevision(id, 2, save('Belarus.', null).id, null, 'ann'), /not a revision of sentence 2/],
  ];
  for (const [name, act, message] of invalid) {
    it(`refuses ${name}`, () => assert.throws(act, (e: Error) => e.name === 'MtReviewError' && message.test(e.message)));
  }

  it('trims white space around a rendering (a sentence has none)', () => {
    assert.equal(save('  Belarus is an ally.\n', null).text, 'Belarus is an ally.');
  });

  it('records every save in the audit trail with its reviewer', () => {
    const a = save('Belarus is an ally.', null, 'ann');
    store.restoreRevision(id, 1, a.id, a.id, 'bob');
    const rows = store.db.prepare("SELECT actor, action, sentence FROM events WHERE action IN ('save', 'restore') ORDER BY id").all();
    assert.deepEqual(rows.map((r) => ({ ...(r as object) })), [{ actor: 'ann', action: 'save', sentence: 1 }, { actor: 'bob', action: 'restore', sentence: 1 }]);
  });

  it('property: after any sequence of edits, export shows the last one and every stored patch rebuilds its revision', () => {
    const piece = fc.constantFrom('Belarus', 'White', ' ', ',', 'COVID-19', 'is', 'a', 'close', 'ally', '.', '"', '\\', '\n', '-', '新冠', 'é');
    const rendering = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join('')).filter((t) => t.trim() !== '' && !/\n[ \t\r]*\n/.test(t));
    fc.assert(
      fc.property(fc.array(rendering, { minLength: 1, maxLength: 6 }), (edits) => {
        const s = openStore({ dbPath: ':memory:', glossary: NO_GLOSSARY });
        try {
          const a = s.importText('p', ARTICLE, 'ann').id;
          let base: number | null = null;
          for (const text of edits) base = s.saveRevision({ articleId: a, sentence: 1, baseRevisionId: base, text, status: 'edited', reviewer: 'ann' }).id;
          const last = edits[edits.length - 1]!.trim();
          assert.equal(s.exportArticle(a, 'txt'), ARTICLE.replace('White is a close ally of Russia.', last));
          const history = s.history(a, 1);
          assert.equal(history.length, edits.length);
          history.forEach((r, k) => assert.deepEqual(applyCorrection('White is a close ally of Russia.', r.patch), { ok: true, text: edits[k]!.trim() }));
        } finally {
          s.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
