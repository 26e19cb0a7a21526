import assert from 'node:assert/strict';
import { fingerprintFinding } from '../../src/core/fingerprint.js';
import { openStore, type OpenedStore } from '../../src/store/index.js';
import { GLOSSARY, WHITE_ARTICLE } from './support.js';

const ARTICLE = WHITE_ARTICLE;

describe('store/dismissals and findings', () => {
  let store: OpenedStore;
  let id: number;
  beforeEach(() => {
    store = openStore({ dbPath: ':memory:', glossary: GLOSSARY });
    id = store.importText('sample', ARTICLE, 'ann').id;
  });
  afterEach(() => store.close());

  /** The (check, match) pairs of the glossary findings of sentence `i`. */
  function termFindings(i: number): Array<[string, string]> {
    return store.getSentence(id, i)!.findings.filter((f) => f.check === 'forbidden-term').map((f) => [f.ruleId, f.match]);
  }

  it('finds the glossary term on the MT rendering, not on its exception', () => {
    assert.deepEqual(termFindings(1), [['forbidden-term/belarus-white', 'White']]);
    assert.deepEqual(termFindings(2), []);
  });

  it('re-checks the corrected rendering after a save', () => {
    store.saveRevision({ articleId: id, sentence: 1, baseRevisionId: null, text: 'Belarus is a close ally of Russia.', status: 'edited', reviewer: 'ann' });
    assert.deepEqual(termFindings(1), []);
    const view = store.getArticle(id)!;
    assert.equal(view.summary.openFindings, view.sentences.reduce((n, s) => n + s.findings.length, 0));
  });

  it('a dismissed finding is filtered out and listed; undoing brings it back', () => {
    const finding = store.getSentence(id, 1)!.findings.find((f) => f.check === 'forbidden-term')!;
    const fingerprint = fingerprintFinding(finding, 'White is a close ally of Russia.');
    const d = store.dismiss({ articleId: id, sentence: 1, fingerprint, ruleId: finding.ruleId, match: finding.match, reason: 'the colour', reviewer: 'ann' });
    let s = store.getSentence(id, 1)!;
    assert.deepEqual(termFindings(1), []);
    assert.deepEqual(s.dismissed.map((x) => [x.id, x.fingerprint, x.reviewer, x.reason]), [[d.id, fingerprint, 'ann', 'the colour']]);
    store.undismiss(d.id, 'bob');
    store.undismiss(d.id, 'bob');
    s = store.getSentence(id, 1)!;
    assert.deepEqual(termFindings(1), [['forbidden-term/belarus-white', 'White']]);
    assert.deepEqual(s.dismissed, []);
    const row = store.db.prepare('SELECT undone_by FROM dismissals WHERE id = ?').get(d.id) as { undone_by: string };
    assert.equal(row.undone_by, 'bob', 'undoing is recorded, not deleted');
  });

  it('a dismissal of one sentence does not hide the same finding elsewhere', () => {
    const other = store.importText('other', 'Headline\n\n  White is a close ally of Russia.\n\nWhite is a close ally of Russia.', 'ann').id;
    const finding = store.getSentence(other, 1)!.findings.find((f) => f.check === 'forbidden-term')!;
    store.dismiss({ articleId: other, sentence: 1, fingerprint: fingerprintFinding(finding, 'White is a close ally of Russia.'), ruleId: finding.ruleId, match: finding.match, reason: '', reviewer: 'ann' });
    const view = store.getArticle(other)!;
    assert.deepEqual(view.sentences.map((s) => s.findings.filter((f) => f.check === 'forbidden-term').length), [0, 0, 1]);
  });

  it('refuses to undo an unknown dismissal', () => {
    assert.throws(() => store.undismiss(12345, 'ann'), /no dismissal 12345/);
  });

  it('caches findings by the corrected text: the cache key changes on save, stored with the next group commit', async () => {
    const committed = () => new Promise((resolve) => setImmediate(resolve));
    const key = () => (store.db.prepare('SELECT findings_key FROM articles WHERE id = ?').get(id) as { findings_key: string | null }).findings_key;
    store.getArticle(id);
    await committed();
    const before = key();
    assert.notEqual(before, null);
    store.getArticle(id);
    await committed();
    assert.equal(key(), before);
    store.saveRevision({ articleId: id, sentence: 1, baseRevisionId: null, text: 'Belarus is a close ally of Russia.', status: 'edited', reviewer: 'ann' });
    store.getArticle(id);
    await committed();
    assert.notEqual(key(), before);
    assert.notEqual(key(), null);
  });
});
