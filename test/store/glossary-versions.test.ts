/**
 * Glossary versions and the start-up rule between the glossary files and an admin's app edit:
 * recording, history, stale bases, the rule over a sequence of restarts (store level and through
 * `startServer` and `mt-review serve`), and `mt-review export` using the glossary in force.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type Database from 'better-sqlite3';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { MtReviewError } from '../../src/core/types.js';
import { loadGlossary } from '../../src/glossary/load.js';
import {
  adoptStartupGlossary,
  buildGlossaryFromFiles,
  describeStartupGlossary,
  GlossaryConflictError,
  hashGlossaryFiles,
  isGlossaryFileName,
  latestGlossaryVersion,
  listGlossaryVersions,
  readGlossaryFiles,
  recordGlossaryVersion,
  type GlossaryFile,
} from '../../src/store/glossary-versions.js';
import { openReadOnlyStore, openStore } from '../../src/store/index.js';
import { startServer } from '../../src/web/server.js';
import { cleanup, corpusCopy, NO_GLOSSARY, ROOT, SEED, tempDir } from './support.js';

const WHITE: GlossaryFile = {
  name: 'belarus.yaml',
  text: '- id: belarus-white\n  terms: [White]\n  preferred: Belarus\n  case-sensitive: true\n  exceptions: [White House]\n',
};
const CROWN: GlossaryFile = { name: 'covid.yaml', text: '- id: new-crown\n  terms: [new crown]\n  preferred: COVID-19\n' };
/** An entry flagging a phrase of the seed article. */
const BUREAU = '- id: press-bureau\n  terms: [Press Bureau]\n  preferred: press office\n';

/** Writes glossary files into a fresh folder `dir/name` and returns its path. */
function glossaryFolder(dir: string, name: string, files: readonly GlossaryFile[]): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const f of files) writeFileSync(join(folder, f.name), f.text);
  return folder;
}

/** Applies the start-up rule as `serve` does: read the files, validate them, adopt. */
function startUp(db: Database.Database, folder: string) {
  return adoptStartupGlossary(db, { files: readGlossaryFiles(folder), glossary: loadGlossary(folder) });
}

/** An app edit on top of the version in force. */
function appEdit(db: Database.Database, files: GlossaryFile[], by = 'ann') {
  const base = latestGlossaryVersion(db)!;
  return recordGlossaryVersion(db, {
    origin: 'app', files, fileHash: base.fileHash, entries: buildGlossaryFromFiles(files).entries.length, createdBy: by, baseVersionId: base.id,
  });
}

describe('store: glossary versions', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = tempDir();
    db = openStore({ dbPath: ':memory:', glossary: NO_GLOSSARY }).db;
  });
  afterEach(() => {
    db.close();
    cleanup(dir);
  });

  it('accepts plain glossary file names only', () => {
    const valid = ['belarus.yaml', 'a.yml', 'terms.tsv', 'News-Style_2.yaml', 'x.YAML'];
    const invalid = ['../belarus.yaml', 'sub/belarus.yaml', '..yaml', 'a..yaml', '.hidden.yaml', 'belarus.txt', 'belarus', 'belarus.yaml ', 'a\\b.yaml', 'a\u0000.yaml', '', `${'a'.repeat(101)}.yaml`];
    for (const name of valid) assert.ok(isGlossaryFileName(name), name);
    for (const name of invalid) assert.ok(!isGlossaryFileName(name), JSON.stringify(name));
  });

  it('reads a folder (glossary files only, by name) or one file', () => {
    const folder = glossaryFolder(dir, 'g', [CROWN, WHITE, { name: 'README.md', text: '# not a glossary' }]);
    assert.deepEqual(readGlossaryFiles(folder), [WHITE, CROWN]);
    assert.deepEqual(readGlossaryFiles(join(folder, 'covid.yaml')), [CROWN]);
    assert.throws(() => readGlossaryFiles(join(dir, 'missing')), (e: unknown) => e instanceof MtReviewError && /glossary not found/.test(e.message));
  });

  it('hashes names and texts, not the folder or the order', () => {
    assert.equal(hashGlossaryFiles([WHITE, CROWN]), hashGlossaryFiles([CROWN, WHITE]));
    assert.notEqual(hashGlossaryFiles([WHITE, CROWN]), hashGlossaryFiles([WHITE, { ...CROWN, name: 'covid.yml' }]));
    assert.notEqual(hashGlossaryFiles([WHITE, CROWN]), hashGlossaryFiles([WHITE, { ...CROWN, text: `${CROWN.text}\n` }]));
  });

  it('records versions with an events row each, lists them newest first, and refuses a stale base', () => {
    const v1 = recordGlossaryVersion(db, { origin: 'file', files: [CROWN, WHITE], fileHash: 'h1', entries: 2, createdBy: 'mt-review' });
    assert.deepEqual(v1.files, [WHITE, CROWN], 'sorted by name');
    const v2 = appEdit(db, [WHITE, { ...CROWN, text: CROWN.text + BUREAU }]);
    assert.equal(v2.fileHash, 'h1', 'an app edit keeps the file hash it is based on');
    assert.deepEqual(listGlossaryVersions(db).map((v) => [v.id, v.origin, v.entries, v.createdBy]), [[2, 'app', 3, 'ann'], [1, 'file', 2, 'mt-review']]);
    const events = db.prepare("SELECT actor, detail FROM events WHERE action = 'glossary' ORDER BY id").all() as { actor: string; detail: string }[];
    assert.deepEqual(events.map((e) => [e.actor, JSON.parse(e.detail).version]), [['mt-review', 1], ['ann', 2]]);

    const stale = [
      { base: 1, conflict: true },
      { base: null, conflict: true },
      { base: 99, conflict: true },
      { base: 2, conflict: false }, // the near miss: based on the version in force
    ];
    for (const s of stale) {
      const before = listGlossaryVersions(db).length;
      const save = () => recordGlossaryVersion(db, { origin: 'app', files: [WHITE], fileHash: 'h1', entries: 1, createdBy: 'ben', baseVersionId: s.base });
      if (s.conflict) {
        assert.throws(save, (e: unknown) => e instanceof GlossaryConflictError && e.current?.id === 2);
        assert.equal(listGlossaryVersions(db).length, before, 'nothing recorded');
      } else {
        assert.equal(save().id, 3);
      }
    }
  });

  it('refuses unsafe or duplicate file names', () => {
    for (const files of [[{ name: '../x.yaml', text: WHITE.text }], [WHITE, { ...WHITE }]]) {
      assert.throws(() => recordGlossaryVersion(db, { origin: 'app', files, fileHash: null, entries: 1, createdBy: 'ann' }), MtReviewError);
    }
    assert.equal(latestGlossaryVersion(db), undefined);
  });

  describe('the start-up rule over a sequence of restarts', () => {
    /** One restart: what is on disk, what the admin did before it, and what must be in force after. */
    interface Step {
      name: string;
      disk: GlossaryFile[];
      folder?: string;
      editBefore?: GlossaryFile[];
      reason: 'file-recorded' | 'file' | 'app';
      /** Entry ids in force. */
      ids: string[];
      versions: number;
      supersedes?: number;
    }
    const edited = [WHITE, { ...CROWN, text: CROWN.text + BUREAU }];
    const steps: Step[] = [
      { name: 'first start records the files', disk: [WHITE, CROWN], reason: 'file-recorded', ids: ['belarus-white', 'new-crown'], versions: 1 },
      { name: 'an unchanged restart records nothing', disk: [WHITE, CROWN], reason: 'file', ids: ['belarus-white', 'new-crown'], versions: 1 },
      { name: 'the same files in another folder are unchanged', disk: [WHITE, CROWN], folder: 'moved', reason: 'file', ids: ['belarus-white', 'new-crown'], versions: 1 },
      { name: 'an app edit on unchanged files stays in force', disk: [WHITE, CROWN], editBefore: edited, reason: 'app', ids: ['belarus-white', 'new-crown', 'press-bureau'], versions: 2 },
      { name: 'and again after another restart', disk: [WHITE, CROWN], reason: 'app', ids: ['belarus-white', 'new-crown', 'press-bureau'], versions: 2 },
      { name: 'files changed in git win over the app edit', disk: [WHITE], reason: 'file-recorded', ids: ['belarus-white'], versions: 3, supersedes: 2 },
      { name: 'the changed files stay in force', disk: [WHITE], reason: 'file', ids: ['belarus-white'], versions: 3 },
      { name: 'an edit on top of the new files stays in force', disk: [WHITE], editBefore: [{ ...WHITE, text: WHITE.text + BUREAU }], reason: 'app', ids: ['belarus-white', 'press-bureau'], versions: 4 },
      { name: 'committing the downloaded edit records it as the files (same text)', disk: [{ ...WHITE, text: WHITE.text + BUREAU }], reason: 'file-recorded', ids: ['belarus-white', 'press-bureau'], versions: 5, supersedes: 4 },
      { name: 'reverting the files to an older text is a change too', disk: [WHITE, CROWN], reason: 'file-recorded', ids: ['belarus-white', 'new-crown'], versions: 6 },
    ];
    it(`holds over ${steps.length} restarts: files recorded when changed, an app edit kept while they are not`, () => {
      for (const [i, step] of steps.entries()) {
        if (step.editBefore) appEdit(db, step.editBefore);
        const folder = glossaryFolder(dir, `${step.folder ?? 'g'}-${i}`, step.disk);
        const result = startUp(db, folder);
        assert.equal(result.reason, step.reason, step.name);
        assert.deepEqual(result.glossary.entries.map((e) => e.id).sort(), step.ids, step.name);
        assert.equal(listGlossaryVersions(db).length, step.versions, step.name);
        assert.equal(result.version.id, latestGlossaryVersion(db)!.id, `${step.name}: the newest version is in force`);
        assert.equal(result.supersededAppEdit?.id, step.supersedes, step.name);
        const line = describeStartupGlossary(result);
        assert.doesNotMatch(line, /\n/);
        assert.match(line, step.reason === 'app' ? /edited in the app by ann .* is in force/ : /the files are in force/, step.name);
        if (step.supersedes) assert.match(line, new RegExp(`supersede`), step.name);
      }
    });
  });

  it('names the app edit when it no longer loads, so the files can supersede it', () => {
    const folder = glossaryFolder(dir, 'g', [WHITE]);
    startUp(db, folder);
    // A version recorded by an older mt-review that validated less strictly.
    db.prepare("INSERT INTO glossary_versions (origin, files_json, source_hash, file_hash, entries, created_by, created_at) SELECT 'app', ?, 'x', file_hash, 1, 'ann', 'now' FROM glossary_versions")
      .run(JSON.stringify({ 'belarus.yaml': '- id: Not-Kebab\n  terms: [x]\n' }));
    assert.throws(() => startUp(db, folder), (e: unknown) => e instanceof MtReviewError
      && /^belarus\.yaml:1:7: the glossary edited in the app \(version 2\) no longer loads: id "Not-Kebab" must be kebab-case .*; change the glossary files to supersede it$/.test(e.toString()));
    writeFileSync(join(folder, 'belarus.yaml'), `${WHITE.text}# changed\n`);
    assert.equal(startUp(db, folder).reason, 'file-recorded');
  });
});

describe('serve and export: the glossary in force', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => cleanup(dir));

  /** Rule ids of the glossary findings on the seed article in `json` export. */
  function exportedRuleIds(dbPath: string): string[] {
    const store = openReadOnlyStore({ dbPath, glossary: NO_GLOSSARY });
    try {
      const json = JSON.parse(store.exportArticle(store.resolveArticle(SEED), 'json')) as { sentences: { findings: { ruleId: string }[] }[] };
      return [...new Set(json.sentences.flatMap((s) => s.findings.map((f) => f.ruleId)))].filter((id) => id.startsWith('forbidden-term/')).sort();
    } finally {
      store.close();
    }
  }

  it('startServer applies the rule on each start; export follows the glossary in force', async () => {
    const corpusDir = corpusCopy(dir);
    const folder = glossaryFolder(dir, 'glossary', [WHITE, CROWN]);
    const dbPath = join(dir, 'review.db');
    const start = () => startServer({ host: '127.0.0.1', port: 0, dbPath, glossary: loadGlossary(folder), glossaryFiles: readGlossaryFiles(folder), corpusDir, log: () => {} });

    let server = await start();
    assert.equal(server.glossary?.reason, 'file-recorded');
    await server.close();
    assert.deepEqual(exportedRuleIds(dbPath), ['forbidden-term/belarus-white', 'forbidden-term/new-crown']);

    // An admin's edit (as the glossary page records it), then a restart with unchanged files.
    const edit = openStore({ dbPath, glossary: NO_GLOSSARY });
    appEdit(edit.db, [WHITE, { ...CROWN, text: CROWN.text + BUREAU }]);
    edit.close();
    assert.deepEqual(exportedRuleIds(dbPath), ['forbidden-term/belarus-white', 'forbidden-term/new-crown', 'forbidden-term/press-bureau'], 'export uses the edit');
    server = await start();
    assert.equal(server.glossary?.reason, 'app');
    const article = server.store.getArticle(server.store.findArticle('2020-09-14-putin-lukashenko-sochi-loan')!.id)!;
    assert.ok(article.sentences.some((s) => s.findings.some((f) => f.ruleId === 'forbidden-term/press-bureau')), 'the app edit is in force after the restart');
    await server.close();

    // Someone changes the files in git: they win.
    writeFileSync(join(folder, 'covid.yaml'), `${CROWN.text}# reviewed\n`);
    server = await start();
    assert.equal(server.glossary?.reason, 'file-recorded');
    assert.equal(server.glossary?.supersededAppEdit?.id, 2);
    await server.close();
    assert.deepEqual(exportedRuleIds(dbPath), ['forbidden-term/belarus-white', 'forbidden-term/new-crown']);
  });

  it('an explicitly named glossary (export --glossary) wins over the one in force', () => {
    const corpusDir = corpusCopy(dir);
    const dbPath = join(dir, 'review.db');
    const edit = openStore({ dbPath, glossary: NO_GLOSSARY, corpusDir });
    startUp(edit.db, glossaryFolder(dir, 'glossary', [WHITE, CROWN]));
    appEdit(edit.db, [WHITE, { ...CROWN, text: CROWN.text + BUREAU }]);
    edit.close();
    for (const [glossaryWins, expected] of [[false, 3], [true, 1]] as const) {
      const store = openReadOnlyStore({ dbPath, glossary: buildGlossaryFromFiles([WHITE]), glossaryWins });
      try {
        const json = JSON.parse(store.exportArticle(store.resolveArticle(SEED), 'json')) as { sentences: { findings: { ruleId: string }[] }[] };
        const rules = new Set(json.sentences.flatMap((s) => s.findings.map((f) => f.ruleId)).filter((id) => id.startsWith('forbidden-term/')));
        assert.equal(rules.size, expected, `glossaryWins: ${glossaryWins}`);
      } finally {
        store.close();
      }
    }
  });

  it('export falls back to --glossary for a database with no recorded glossary', () => {
    const corpusDir = corpusCopy(dir);
    const dbPath = join(dir, 'review.db');
    openStore({ dbPath, glossary: NO_GLOSSARY, corpusDir }).close();
    const store = openReadOnlyStore({ dbPath, glossary: buildGlossaryFromFiles([WHITE]) });
    try {
      const json = JSON.parse(store.exportArticle(store.resolveArticle(SEED), 'json')) as { sentences: { findings: { ruleId: string }[] }[] };
      assert.deepEqual([...new Set(json.sentences.flatMap((s) => s.findings.map((f) => f.ruleId)))].filter((id) => id.startsWith('forbidden-term/')), ['forbidden-term/belarus-white']);
    } finally {
      store.close();
    }
  });

  it('mt-review serve says which glossary is in force in its start-up summary', async function () {
    this.timeout(30_000);
    const folder = glossaryFolder(dir, 'glossary', [WHITE, CROWN]);
    copyFileSync(join(ROOT, 'corpus', SEED), join(corpusCopy(dir), 'copy.txt'));
    const run = async (): Promise<string> => {
      let out = '';
      const io: CliIO = {
        stdout: { write: (c: string) => { out += c; if (c.includes('serving http')) setImmediate(() => process.emit('SIGTERM')); return true; } },
        stderr: { write: () => true },
        stdin: new PassThrough(),
        env: {},
        cwd: dir,
      };
      assert.equal(await main(['serve', '--port', '0', '--db', join(dir, 'data', 'review.db'), '--glossary', folder], io), 0);
      return out;
    };
    assert.match(await run(), /\nmt-review: glossary: the files are in force \(2 entries\), recorded as version 1\nmt-review: serving /);
    assert.match(await run(), /\nmt-review: glossary: the files are in force \(2 entries, version 1\)\n/);
  });
});
