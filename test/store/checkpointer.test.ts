import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCheckpointer } from '../../src/store/checkpointer.js';
import { openDatabase } from '../../src/store/connection.js';
import { openStore } from '../../src/store/index.js';
import { cleanup, corpusCopy, tempDir, NO_GLOSSARY } from './support.js';

/** The connection's automatic checkpoint threshold, in pages (0: off). */
const autoCheckpoint = (db: { pragma(sql: string, o: { simple: true }): unknown }): number => db.pragma('wal_autocheckpoint', { simple: true }) as number;

/** Waits (without asserting a time) until `done()` holds, polling; fails after many tries. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await sleep(10);
  assert.ok(done(), 'the condition never held');
}

describe('store/checkpointer', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => cleanup(dir));

  it('turns off checkpoints inside commits and copies the log into the database file from a worker', async () => {
    const path = join(dir, 'db.sqlite');
    const db = openDatabase(path);
    const checkpointer = startCheckpointer(db, path, 20);
    try {
      assert.equal(autoCheckpoint(db), 0);
      const copied = checkpointer.next();
      db.exec('CREATE TABLE t (x TEXT)');
      const insert = db.prepare('INSERT INTO t VALUES (?)');
      db.transaction(() => {
        for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20));
      })();
      const result = await copied;
      assert.ok(result.log > 0 && result.checkpointed === result.log, JSON.stringify(result));
    } finally {
      await checkpointer.stop();
      db.close();
    }
    const reopened = openDatabase(path);
    assert.equal(reopened.prepare('SELECT count(*) FROM t').pluck().get(), 2000);
    reopened.close();
  });

  it('turns checkpoints inside commits back on when the worker fails', async () => {
    const path = join(dir, 'db.sqlite');
    const db = openDatabase(path);
    // The worker opens only an existing file: this one is not there.
    const checkpointer = startCheckpointer(db, join(dir, 'missing', 'db.sqlite'), 20);
    try {
      assert.equal(autoCheckpoint(db), 0);
      await until(() => autoCheckpoint(db) === 1000);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  describe('openStore', () => {
    const cases: Array<[string, { backgroundCheckpoints?: boolean; memory?: boolean }, number]> = [
      ['backgroundCheckpoints: the server’s setting', { backgroundCheckpoints: true }, 0],
      ['without it (the CLI, tests): SQLite’s default', {}, 1000],
      ['backgroundCheckpoints on an in-memory database: ignored', { backgroundCheckpoints: true, memory: true }, 1000],
    ];
    for (const [name, options, pages] of cases) {
      it(`${name}: automatic checkpoint every ${pages} pages`, () => {
        const store = openStore({
          dbPath: options.memory ? ':memory:' : join(dir, 'db.sqlite'),
          glossary: NO_GLOSSARY,
          corpusDir: corpusCopy(dir),
          ...(options.backgroundCheckpoints ? { backgroundCheckpoints: true } : {}),
        });
        try {
          assert.equal(autoCheckpoint(store.db), pages);
        } finally {
          store.close();
        }
      });
    }
  });
});
