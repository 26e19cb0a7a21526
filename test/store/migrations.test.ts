import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/connection.js';
import { openStore } from '../../src/store/index.js';
import { MIGRATIONS, migrate, type Migration } from '../../src/store/migrations.js';
import { cleanup, NO_GLOSSARY, tempDir } from './support.js';

const TABLES = ['articles', 'dismissals', 'events', 'glossary_versions', 'mt_versions', 'revisions', 'sentences', 'sessions', 'users'];

/** The names of the user tables of a database. */
function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
}

describe('store/migrations', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => cleanup(dir));

  it('migrates an empty database to the latest version with every table', () => {
    const db = new Database(':memory:');
    assert.equal(migrate(db), MIGRATIONS.length);
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.deepEqual(tables(db), TABLES);
    db.close();
  });

  it('re-opening a file database runs nothing again and keeps the data', () => {
    const path = join(dir, 'sub', 'review.db');
    const first = openStore({ dbPath: path, glossary: NO_GLOSSARY });
    const a = first.importText('note', 'A headline\n\nA sentence.', 'ann');
    first.close();
    const second = openStore({ dbPath: path, glossary: NO_GLOSSARY });
    assert.equal(second.db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.equal(second.findArticle(a.slug)?.id, a.id);
    second.close();
  });

  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout on every connection', () => {
    const db = openDatabase(join(dir, 'p.db'));
    assert.deepEqual(
      [db.pragma('journal_mode', { simple: true }), db.pragma('synchronous', { simple: true }), db.pragma('foreign_keys', { simple: true }), (db.pragma('busy_timeout', { simple: true }) as number) > 0],
      ['wal', 2, 1, true],
    );
    db.close();
  });

  it('runs each migration in its own transaction: a failing step leaves the earlier version intact', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { name: 'one', up: (d) => d.exec('CREATE TABLE one (x)') },
      { name: 'two', up: (d) => { d.exec('CREATE TABLE two (x)'); throw new Error('boom'); } },
    ];
    assert.throws(() => migrate(db, steps), /boom/);
    assert.equal(db.pragma('user_version', { simple: true }), 1);
    assert.deepEqual(tables(db), ['one']);
    db.close();
  });

  it('refuses a database from a newer mt-review', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    assert.throws(() => migrate(db), (e: Error) => e.name === 'MtReviewError' && /newer than this mt-review/.test(e.message));
    db.close();
  });
});
