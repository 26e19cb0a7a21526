import assert from 'node:assert/strict';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ARTICLE_BYTES, openStore, type OpenedStore } from '../../src/store/index.js';
import { sha256, SqliteReviewStore } from '../../src/store/review-store.js';
import { cleanup, corpusCopy, NO_GLOSSARY, SEED, SEED_TEXT, tempDir } from './support.js';

const WHITE = 'White is a close ally of Russia, and Russia will fulfill all its commitments.';
const BELARUS = 'Belarus is a close ally of Russia, and Russia will fulfill all its commitments.';
const PROTEST = 'Regarding the recent protests in Belarus, Lukashenko said that it is important that the protesters do not "cross the red line."';

/** The index of the first sentence whose MT text starts with `prefix`. */
function indexOf(store: OpenedStore, id: number, prefix: string): number {
  const i = store.getArticle(id)!.sentences.findIndex((s) => s.mtText.startsWith(prefix));
  assert.ok(i >= 0, `no sentence starting "${prefix}"`);
  return i;
}

/** Counts events of one action. */
function events(store: OpenedStore, action: string): number {
  return (store.db.prepare('SELECT COUNT(*) AS n FROM events WHERE action = ?').get(action) as { n: number }).n;
}

describe('store/import', () => {
  let dir: string;
  let corpus: string;
  let store: OpenedStore;
  beforeEach(() => {
    dir = tempDir();
    corpus = corpusCopy(dir);
    store = openStore({ dbPath: ':memory:', glossary: NO_GLOSSARY });
  });
  afterEach(() => {
    store.close();
    cleanup(dir);
  });

  it('imports the corpus: slug from the file name, title from the headline, MT kept exactly', () => {
    assert.deepEqual(store.importCorpus(corpus), { added: [SEED], updated: [], unchanged: [], errors: [] });
    const a = store.findArticle('2020-09-14-putin-lukashenko-sochi-loan')!;
    assert.equal(a.path, SEED);
    assert.equal(a.title, 'Putin and Lukashenko meet, Russia will provide Belarus with a loan of 1.5 billion US dollars');
    const view = store.getArticle(a.id)!;
    assert.equal(view.mtText, SEED_TEXT);
    assert.equal(view.sentences.length, a.sentenceCount);
    for (const s of view.segmentation.sentences) assert.equal(SEED_TEXT.slice(s.start, s.end), s.text);
  });

  it('re-importing unchanged files skips them, also when only the modification time changed', () => {
    store.importCorpus(corpus);
    assert.deepEqual(store.importCorpus(corpus), { added: [], updated: [], unchanged: [SEED], errors: [] });
    utimesSync(join(corpus, SEED), new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(store.importCorpus(corpus), { added: [], updated: [], unchanged: [SEED], errors: [] });
    assert.equal(events(store, 'reimport'), 0);
    assert.equal(readFileSync(join(corpus, SEED), 'utf8'), SEED_TEXT, 'the corpus file is never modified');
  });

  const bad: Array<[string, Buffer, RegExp]> = [
    ['binary.txt', Buffer.from([0x41, 0x00, 0x42]), /^binary\.txt: binary file/],
    ['latin1.txt', Buffer.from('caf\xe9 au lait', 'latin1'), /^latin1\.txt:1: invalid UTF-8 at byte 3/],
    ['blank.txt', Buffer.from(' \n\n\t\n'), /^blank\.txt: the article is empty/],
  ];
  for (const [name, bytes, message] of bad) {
    it(`reports ${name} as an error line and imports the rest`, () => {
      writeFileSync(join(corpus, name), bytes);
      const report = store.importCorpus(corpus);
      assert.deepEqual(report.added, [SEED]);
      assert.equal(report.errors.length, 1);
      assert.match(report.errors[0]!, message);
    });
  }

  describe('when the MT was re-run', () => {
    let id: number;
    beforeEach(() => {
      store.importCorpus(corpus);
      id = store.findArticle('2020-09-14-putin-lukashenko-sochi-loan')!.id;
    });

    /** Saves a rendering of the sentence starting with `prefix`. */
    function save(prefix: string, text: string): number {
      const i = indexOf(store, id, prefix);
      return store.saveRevision({ articleId: id, sentence: i, baseRevisionId: null, text, status: 'edited', reviewer: 'ann' }).id;
    }

    /** Rewrites the corpus file and re-imports it. */
    function rerun(edit: (text: string) => string): void {
      writeFileSync(join(corpus, SEED), edit(SEED_TEXT));
      assert.deepEqual(store.importCorpus(corpus).updated, [SEED]);
    }

    it('reviews of unchanged sentences stay attached, even when their index moves', () => {
      const before = indexOf(store, id, 'White is');
      const rev = save('White is', BELARUS);
      rerun((t) => t.replace('The matter has been dealt with.', 'The matter has been dealt with.\n\nA new sentence was added here.'));
      const after = indexOf(store, id, 'White is');
      assert.equal(after, before + 1);
      const s = store.getSentence(id, after)!;
      assert.deepEqual([s.text, s.status, s.current?.id, s.needsAttention, s.conflict], [BELARUS, 'edited', rev, false, false]);
      assert.deepEqual(store.history(id, after).map((r) => r.id), [rev]);
    });

    it('a reapplied patch finds its place when words far from the correction changed', () => {
      save('Regarding the recent', PROTEST.replace('"cross the red line."', 'cross "the red line".'));
      rerun((t) => t.replace(PROTEST, PROTEST.replace('important that the protesters', 'vital that protesters')));
      const s = store.getSentence(id, indexOf(store, id, 'Regarding the recent'))!;
      assert.equal(s.text, 'Regarding the recent protests in Belarus, Lukashenko said that it is vital that protesters do not cross "the red line".');
      assert.deepEqual([s.needsAttention, s.conflict, s.current?.reviewer], [true, false, 'mt-review']);
    });

    it('a changed sentence keeps its review, marked needs-attention, with the patch reapplied where it fits', () => {
      const rev = save('White is', BELARUS);
      rerun((t) => t.replace(WHITE, 'White is a close ally of Russia, and Russia will honour all its commitments.'));
      const s = store.getSentence(id, indexOf(store, id, 'White is'))!;
      assert.equal(s.text, 'Belarus is a close ally of Russia, and Russia will honour all its commitments.');
      assert.deepEqual([s.status, s.needsAttention, s.conflict, s.current?.baseRevisionId], ['edited', true, false, rev]);
      assert.equal(store.getArticle(id)!.summary.needsAttention, 1);
    });

    it('a changed sentence whose patch no longer fits is a conflict: the MT is shown, the review is kept', () => {
      const rev = save('Regarding the recent', PROTEST.replace('"cross the red line."', 'cross "the red line".'));
      const changed = PROTEST.replace('"cross the red line."', '"overstep the red line."');
      rerun((t) => t.replace(PROTEST, changed));
      const s = store.getSentence(id, indexOf(store, id, 'Regarding the recent'))!;
      assert.deepEqual([s.text, s.status, s.current?.id, s.needsAttention, s.conflict], [changed, 'open', rev, true, true]);
      assert.equal(store.exportArticle(id, 'txt'), SEED_TEXT.replace(PROTEST, changed), 'a conflict exports the MT text');
    });

    it('saving on a conflict resolves it', () => {
      const rev = save('White is', BELARUS);
      rerun((t) => t.replace(WHITE, 'Minsk is a close ally of Russia.'));
      const i = indexOf(store, id, 'Minsk is');
      assert.equal(store.getSentence(id, i)!.conflict, true);
      store.saveRevision({ articleId: id, sentence: i, baseRevisionId: rev, text: 'Belarus is an ally of Russia.', status: 'edited', reviewer: 'bob' });
      const s = store.getSentence(id, i)!;
      assert.deepEqual([s.text, s.conflict, s.needsAttention, s.status], ['Belarus is an ally of Russia.', false, false, 'edited']);
    });
  });

  it('re-segments an article whose stored sentences an upgraded segmenter would cut differently, keeping reviews', () => {
    const text = 'Headline\n\n  White is an ally. The new crown spread.\n\nEnd.';
    const a = store.importText('seg', text, 'ann').id;
    const now = store.getArticle(a)!.sentences.map((s) => s.mtText);
    assert.deepEqual(now, ['Headline', 'White is an ally.', 'The new crown spread.', 'End.'], 'the current segmenter splits the block');
    // Rewrite the stored sentences as an older segmenter (one block, one sentence) left them.
    const old: Array<[number, number, string]> = [[0, 0, 'Headline'], [1, 1, 'White is an ally. The new crown spread.'], [2, 2, 'End.']];
    store.db.prepare('DELETE FROM sentences WHERE article_id = ?').run(a);
    for (const [idx, paragraph, t] of old) {
      const start = text.indexOf(t);
      store.db.prepare('INSERT INTO sentences (article_id, version, idx, slot, paragraph, kind, start, "end", mt_text, mt_hash) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(a, idx, idx, paragraph, idx === 0 ? 'headline' : 'body', start, start + t.length, t, sha256(t));
    }
    store.db.prepare('UPDATE articles SET paragraphs_json = ? WHERE id = ?').run(JSON.stringify(old.map(([i, p, t]) => ({ index: p, start: text.indexOf(t), end: text.indexOf(t) + t.length, sentences: [i] }))), a);
    const reopened = new SqliteReviewStore(store.db, { glossary: NO_GLOSSARY });
    const stale = store.db.prepare('SELECT COUNT(*) AS n FROM sentences WHERE article_id = ? AND version = 1').get(a) as { n: number };
    assert.equal(stale.n, 3);
    reopened.saveRevision({ articleId: a, sentence: 1, baseRevisionId: null, text: 'Belarus is an ally. COVID-19 spread.', status: 'edited', reviewer: 'ann' });
    reopened.saveRevision({ articleId: a, sentence: 2, baseRevisionId: null, text: 'The end.', status: 'edited', reviewer: 'ann' });
    const view = reopened.getArticle(a)!;
    assert.deepEqual(view.sentences.map((s) => [s.mtText, s.text, s.needsAttention, s.conflict]), [
      ['Headline', 'Headline', false, false],
      ['White is an ally.', 'White is an ally.', true, true],
      ['The new crown spread.', 'The new crown spread.', false, false],
      ['End.', 'The end.', false, false],
    ]);
  });

  describe('importText', () => {
    const invalid: Array<[string, string | Uint8Array, RegExp]> = [
      ['empty', '', /the article is empty/],
      ['white space only', ' \n\t\n ', /the article is empty/],
      ['too large', `Headline\n\n${'x'.repeat(MAX_ARTICLE_BYTES)}`, /too large/],
      ['invalid UTF-8 bytes', Buffer.from([0x41, 0xff, 0x42]), /invalid UTF-8/],
      ['binary bytes', Buffer.from([0x41, 0x00]), /binary file/],
    ];
    for (const [name, text, message] of invalid) {
      it(`refuses ${name}`, () => {
        assert.throws(() => store.importText('x', text, 'ann'), (e: Error) => e.name === 'MtReviewError' && message.test(e.message));
      });
    }

    it('accepts UTF-8 bytes and a string alike', () => {
      const a = store.importText('', Buffer.from('Headline\n\nOne sentence.'), 'ann');
      assert.equal(store.getArticle(a.id)!.mtText, 'Headline\n\nOne sentence.');
    });

    it('gives pasted articles a slug from their name, with a suffix when taken', () => {
      const slugs = ['My Article', 'my article', 'My Article!', ''].map((n) => store.importText(n, 'Pasted headline\n\nBody.', 'ann').slug);
      assert.deepEqual(slugs, ['my-article', 'my-article-2', 'my-article-3', 'pasted-headline']);
      assert.equal(store.findArticle('my-article')?.path, null);
    });
  });
});
