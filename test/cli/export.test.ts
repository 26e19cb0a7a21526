/**
 * `mt-review export` and the glossary: the one in force in the database is used without loading
 * (or failing on) the glossary files, which serve only a database with none recorded, or win when
 * named with `--glossary`.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadGlossary } from '../../src/glossary/load.js';
import { openStore } from '../../src/store/index.js';
import { adoptStartupGlossary, readGlossaryFiles } from '../../src/store/glossary-versions.js';
import { GLOSSARY, runCli, SEED, tempDir } from './helpers.js';

const SLUG = '2020-09-14-putin-lukashenko-sochi-loan';

/** The `forbidden-term/…` rule ids of a json export's findings. */
function glossaryRules(json: string): string[] {
  const out = JSON.parse(json) as { sentences: { findings: { ruleId: string }[] }[] };
  return [...new Set(out.sentences.flatMap((s) => s.findings.map((f) => f.ruleId)).filter((id) => id.startsWith('forbidden-term/')))].sort();
}

describe('mt-review export: which glossary is loaded', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  beforeEach(() => {
    tmp = tempDir();
    const corpusDir = path.join(tmp.dir, 'corpus');
    mkdirSync(corpusDir);
    copyFileSync(SEED, path.join(corpusDir, path.basename(SEED)));
    dbPath = path.join(tmp.dir, 'review.db');
    openStore({ dbPath, glossary: { entries: [], files: [], hash: '' }, corpusDir }).close();
    // A ./glossary folder that does not load.
    mkdirSync(path.join(tmp.dir, 'glossary'));
    writeFileSync(path.join(tmp.dir, 'glossary', 'main.yaml'), '- id: x\n  terms: [new crown]\n  preferred: COVID-19\n  colour: red\n');
  });
  afterEach(() => tmp.cleanup());

  /** Records the CLI fixture glossary in the database, as `serve` does on start. */
  function recordGlossary(): void {
    const store = openStore({ dbPath, glossary: { entries: [], files: [], hash: '' } });
    try {
      adoptStartupGlossary(store.db, { files: readGlossaryFiles(GLOSSARY), glossary: loadGlossary(GLOSSARY) });
    } finally {
      store.close();
    }
  }
  const run = (args: string[]) => runCli(['export', SLUG, ...args], { cwd: tmp.dir, env: { MT_REVIEW_DB: dbPath } });

  it('a database with a glossary recorded exports json with it, however broken ./glossary is', async () => {
    recordGlossary();
    const r = await run(['-f', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(glossaryRules(r.stdout), ['forbidden-term/belarus-white', 'forbidden-term/external-forces', 'forbidden-term/new-crown', 'forbidden-term/russian-side']);
  });

  it('a database with none recorded falls back to ./glossary, and a broken one fails (exit 2, one line)', async () => {
    const r = await run(['-f', 'json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^mt-review: .*main\.yaml:4:3: unknown field "colour".*\n$/);
    assert.equal(r.stdout, '');
  });

  it('a glossary named with --glossary wins, so a broken one fails even with a glossary recorded', async () => {
    recordGlossary();
    const r = await run(['-f', 'json', '--glossary', 'glossary']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown field "colour"/);
    const missing = await run(['-f', 'json', '--glossary', 'nowhere']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^mt-review: nowhere: no such file or directory\n$/);
  });

  it('other formats need no glossary', async () => {
    const r = await run(['-f', 'txt']);
    assert.equal(r.code, 0, r.stderr);
  });

  it('other formats do not even build the glossary recorded in the database', async () => {
    recordGlossary();
    // A recorded glossary that would fail to build: only json, which needs findings, notices.
    const db = new Database(dbPath);
    db.prepare('UPDATE glossary_versions SET files_json = ?').run(JSON.stringify({ 'main.yaml': '- id: x\n  colour: red\n' }));
    db.close();
    for (const format of ['txt', 'md', 'patch']) {
      const r = await run(['-f', format]);
      assert.equal(r.code, 0, `${format}: ${r.stderr}`);
    }
    const json = await run(['-f', 'json']);
    assert.equal(json.code, 2);
    assert.match(json.stderr, /unknown field "colour"/);
  });
});
