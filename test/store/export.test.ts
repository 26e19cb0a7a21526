import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { ExportJson } from '../../src/core/export.js';
import { loadCorrectedDocuments, openStore, type OpenedStore } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { applyWithTools, cleanup, corpusCopy, NO_GLOSSARY, ROOT, SEED, SEED_TEXT, tempDir } from './support.js';

const SLUG = '2020-09-14-putin-lukashenko-sochi-loan';
const WHITE = 'White is a close ally of Russia, and Russia will fulfill all its commitments.';
const BELARUS = 'Belarus is a close ally of Russia, and Russia will fulfill all its commitments.';

describe('store/export', () => {
  let dir: string;
  let dbPath: string;
  let store: OpenedStore;
  let id: number;
  let white: number;
  beforeEach(() => {
    dir = tempDir();
    dbPath = join(dir, 'data', 'review.db');
    store = openStore({ dbPath, glossary: NO_GLOSSARY, corpusDir: corpusCopy(dir) });
    id = store.findArticle(SLUG)!.id;
    white = store.getArticle(id)!.sentences.findIndex((s) => s.mtText === WHITE);
    assert.ok(white > 0);
  });
  afterEach(() => {
    store.close();
    cleanup(dir);
  });

  /** Corrects the "White is a close ally" sentence. */
  function correctWhite(): void {
    store.saveRevision({ articleId: id, sentence: white, baseRevisionId: null, text: BELARUS, status: 'edited', reviewer: 'ann' });
  }

  it('txt without corrections is byte for byte the corpus file, and the patch is empty', () => {
    assert.ok(Buffer.from(store.exportArticle(id, 'txt')).equals(readFileSync(join(ROOT, 'corpus', SEED))));
    assert.equal(store.exportArticle(id, 'patch'), '');
  });

  const renderings = [BELARUS, 'Belarus is a close ally of Russia.'];
  for (const rendering of renderings) {
    it(`txt with the correction ${JSON.stringify(rendering)} changes exactly that sentence`, () => {
      store.saveRevision({ articleId: id, sentence: white, baseRevisionId: null, text: rendering, status: 'edited', reviewer: 'ann' });
      const txt = store.exportArticle(id, 'txt');
      assert.ok(txt.includes(rendering));
      assert.ok(txt.includes('\n\nBelarus is a close ally of Russia'));
      assert.equal(txt, SEED_TEXT.replace(WHITE, rendering));
    });
  }

  it('the patch applies with patch -p1 and git apply to the corpus file and gives the txt', () => {
    correctWhite();
    const patch = store.exportArticle(id, 'patch');
    assert.ok(patch.startsWith(`diff --git a/corpus/${SEED} b/corpus/${SEED}\n--- a/corpus/${SEED}\n+++ b/corpus/${SEED}\n`));
    const out = applyWithTools(SEED_TEXT, `corpus/${SEED}`, patch);
    assert.equal(out.patch, store.exportArticle(id, 'txt'));
    assert.equal(out.git, store.exportArticle(id, 'txt'));
  });

  it('md has the headline as a heading and one line per paragraph, sentences rejoined', () => {
    correctWhite();
    const md = store.exportArticle(id, 'md');
    const blocks = md.trimEnd().split('\n\n');
    const view = store.getArticle(id)!;
    const bodyParagraphs = view.segmentation.paragraphs.filter((p) => p.sentences.some((i) => view.sentences[i]!.kind === 'body'));
    assert.equal(blocks[0], `# ${view.summary.title}`);
    assert.equal(blocks.length, 1 + bodyParagraphs.length);
    assert.ok(blocks.every((b) => !b.includes('\n') && b === b.trim()));
    assert.ok(md.includes(BELARUS));
    assert.ok(!md.includes(WHITE));
  });

  it('json lists every sentence with MT, rendering, status, reviewer, time and patch', () => {
    correctWhite();
    const doc = JSON.parse(store.exportArticle(id, 'json')) as ExportJson;
    assert.equal(doc.article.slug, SLUG);
    assert.equal(doc.article.path, `corpus/${SEED}`);
    assert.equal(doc.sentences.length, store.getArticle(id)!.sentences.length);
    const s = doc.sentences[white]!;
    assert.deepEqual([s.index, s.mt, s.corrected, s.status, s.reviewer, typeof s.time, typeof s.patch], [white, WHITE, BELARUS, 'edited', 'ann', 'string', 'string']);
    assert.deepEqual(doc.sentences.filter((x) => x.status !== 'open').map((x) => x.index), [white]);
  });

  it('refuses an unknown format and an unknown article', () => {
    assert.throws(() => store.exportArticle(id, 'html' as 'txt'), /unknown export format/);
    assert.throws(() => store.exportArticle(9999, 'txt'), /no article with id 9999/);
  });

  describe('loadCorrectedDocuments', () => {
    it('gives the corrected text with sentences at the MT indices, by slug, file name or all', () => {
      correctWhite();
      const txt = store.exportArticle(id, 'txt');
      for (const names of [[], [SLUG], [SEED]]) {
        const docs = loadCorrectedDocuments(dbPath, names);
        assert.deepEqual(docs.map((d) => [d.path, d.text]), [[`corpus/${SEED}`, txt]]);
        const seg = docs[0]!.segmentation;
        assert.equal(seg.sentences[white]!.text, BELARUS);
        for (const s of seg.sentences) assert.equal(txt.slice(s.start, s.end), s.text);
      }
    });

    it('"all" leaves archived articles out; naming one still gives it', () => {
      store.archiveArticle(id, 'admin');
      assert.deepEqual(loadCorrectedDocuments(dbPath, []), []);
      assert.deepEqual(loadCorrectedDocuments(dbPath, [SLUG]).map((d) => d.path), [`corpus/${SEED}`]);
    });

    it('refuses an unknown article and a missing database', () => {
      assert.throws(() => loadCorrectedDocuments(dbPath, ['nope']), (e: Error) => e.name === 'MtReviewError' && /no article "nope"/.test(e.message));
      assert.throws(() => loadCorrectedDocuments(join(dir, 'missing.db'), []), (e: Error) => e.name === 'MtReviewError' && /no such database/.test(e.message));
      assert.ok(!existsSync(join(dir, 'missing.db')), 'a read-only open never creates the file');
    });
  });

  describe('mt-review export', () => {
    /** Runs the CLI in-process with MT_REVIEW_DB set. */
    async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
      let stdout = '';
      let stderr = '';
      const code = await main(['export', ...args], {
        stdout: { write: (c: string) => { stdout += c; } },
        stderr: { write: (c: string) => { stderr += c; } },
        stdin: new PassThrough(),
        env: { MT_REVIEW_DB: dbPath },
        cwd: dir,
      });
      return { code, stdout, stderr };
    }

    beforeEach(() => correctWhite());

    const cases: Array<{ args: string[]; code: number; stdout?: (out: string) => boolean; stderr?: RegExp }> = [
      { args: [SLUG], code: 0, stdout: (o) => o === SEED_TEXT.replace(WHITE, BELARUS) },
      { args: [SEED, '--format', 'md'], code: 0, stdout: (o) => o.startsWith('# Putin and Lukashenko meet') && o.includes(BELARUS) },
      { args: [SLUG, '-f', 'patch'], code: 0, stdout: (o) => o.startsWith('diff --git a/corpus/') },
      { args: ['--help'], code: 0, stdout: (o) => o.startsWith('Usage: mt-review export <article>') },
      { args: ['nope'], code: 2, stderr: /^mt-review: no article "nope" in the database.*\n$/ },
      { args: [SLUG, '--format', 'html'], code: 2, stderr: /^mt-review: export: unknown format "html".*\n$/ },
      { args: [], code: 2, stderr: /^mt-review: export: name the article.*\n$/ },
      { args: [SLUG, SEED], code: 2, stderr: /one article at a time/ },
      { args: [SLUG, '--bogus'], code: 2, stderr: /^mt-review: export: unknown option '--bogus'.*\n$/ },
      { args: [SLUG, '--db', 'nowhere.db'], code: 2, stderr: /nowhere\.db: no such database/ },
    ];
    for (const c of cases) {
      it(`${JSON.stringify(c.args)} exits ${c.code}`, async () => {
        const r = await cli(c.args);
        assert.equal(r.code, c.code, r.stderr);
        if (c.stdout) assert.ok(c.stdout(r.stdout), r.stdout.slice(0, 200));
        if (c.stderr) assert.match(r.stderr, c.stderr);
        if (c.code !== 0) assert.equal(r.stdout, '');
      });
    }

    it('--out writes the file (through a temporary file and a rename) and nothing to stdout', async () => {
      const r = await cli([SLUG, '--out', 'out/../article.txt']);
      assert.deepEqual([r.code, r.stdout], [0, '']);
      assert.equal(readFileSync(join(dir, 'article.txt'), 'utf8'), SEED_TEXT.replace(WHITE, BELARUS));
      assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
    });

    it('migrates a database from an older mt-review before exporting', async () => {
      // Undo migrations 4, 3 and 2, as a database written by an mt-review at schema version 1.
      store.db.exec('DROP INDEX articles_listing; DROP TABLE glossary_versions; ALTER TABLE articles DROP COLUMN archived_at; ALTER TABLE articles DROP COLUMN archived_by');
      store.db.exec('DROP INDEX articles_file_state');
      store.db.pragma('user_version = 1');
      const r = await cli([SLUG]);
      assert.deepEqual([r.code, r.stdout], [0, SEED_TEXT.replace(WHITE, BELARUS)]);
      assert.equal(store.db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    });

    it('--out into a missing folder is a one-line error', async () => {
      const r = await cli([SLUG, '--out', 'no/such/dir/a.txt']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^mt-review: .*a\.txt: cannot write the export: ENOENT\n$/);
    });
  });

  it('a save survives the process being killed right after it returns', () => {
    store.close();
    const script = `
      import { openStore } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/src/store/index.js')).href)};
      const s = openStore({ dbPath: process.argv[1], glossary: { entries: [], files: [], hash: '' } });
      s.saveRevision({ articleId: ${id}, sentence: ${white}, baseRevisionId: null, text: ${JSON.stringify(BELARUS)}, status: 'edited', reviewer: 'ann' });
      process.kill(process.pid, 'SIGKILL');
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, dbPath], { encoding: 'utf8' });
    assert.equal(r.signal, 'SIGKILL', r.stderr);
    store = openStore({ dbPath, glossary: NO_GLOSSARY });
    assert.equal(store.getSentence(id, white)!.text, BELARUS);
  });
});
