/**
 * Nothing acknowledged is lost when the server dies: the real `mt-review serve` runs as a child
 * process while concurrent clients save corrections over HTTP, and is killed with SIGKILL at
 * seeded random moments and restarted, many times. Afterwards every save a client saw acknowledged
 * (2xx) must be in the database with its text, every revision's patch must reproduce its text, no
 * edit may have been based on a stale revision, and SQLite must report the file intact.
 *
 * Replay a run with MT_REVIEW_CRASH_SEED=<seed>; size it with MT_REVIEW_CRASH_KILLS (default 16; each restart costs a second or two).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { applyCorrection } from '../../src/core/patch.js';
import { startServe, type ServerProcess } from './support/server-process.js';
import { prng, WebClient } from './support/web-client.js';

const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));
const SEED = Number(process.env.MT_REVIEW_CRASH_SEED ?? 20200914);
const KILLS = Number(process.env.MT_REVIEW_CRASH_KILLS ?? 16);
const CLIENTS = 4;
/** Sentences the clients fight over: few, so that conflicts (409) happen often. */
const CONTESTED = 6;

interface Ack {
  client: number;
  sentence: number;
  revisionId: number;
  text: string;
}

interface SentenceJson {
  index: number;
  mtText: string;
  text: string;
  revisionId: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True for the errors a client sees when the server dies under it (refused, reset, cut-off body). */
function isNetworkError(err: unknown): boolean {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  return e?.name === 'TypeError' || e?.name === 'SyntaxError' || /fetch failed|terminated|ECONN|socket/i.test(String(e?.message)) || Boolean(e?.cause?.code);
}

describe('hardening: crash safety (SIGKILL during concurrent saves)', function () {
  this.timeout(300_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mt-review-crash-'));
    mkdirSync(join(dir, 'corpus'));
    for (const f of readdirSync(CORPUS).filter((n) => n.endsWith('.txt'))) copyFileSync(join(CORPUS, f), join(dir, 'corpus', f));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged save, half-writes nothing, and keeps the database intact', async () => {
    const db = join(dir, 'review.db');
    const args = ['--db', db, '--corpus', join(dir, 'corpus')];
    const rand = prng(SEED);
    let server: ServerProcess = await startServe(args, dir);
    const shared = { url: server.url, stopping: false };

    const probe = new WebClient(server.url);
    const list = await probe.getJson<{ items: { slug: string }[] }>('/');
    const slug = list.body.items[0]!.slug;
    const article = await probe.getJson<{ sentences: SentenceJson[] }>(`/articles/${slug}`);
    const mt = article.body.sentences.map((s) => s.mtText);
    assert.ok(mt.length >= CONTESTED);

    const acks: Ack[] = [];
    const unexpected: string[] = [];
    let conflicts = 0;
    let attempts = 0;

    const runClient = async (i: number): Promise<void> => {
      const pick = prng(SEED * 31 + i);
      const client = new WebClient(shared.url);
      let k = 0;
      while (!shared.stopping) {
        try {
          if (client.base !== shared.url || !client.token) {
            client.base = shared.url;
            await client.refreshToken(`/articles/${slug}`);
          }
          const n = Math.floor(pick() * CONTESTED);
          const now = await client.getJson<{ currentRevisionId: number | null }>(`/articles/${slug}/sentences/${n}/history`);
          if (now.status !== 200) throw new Error(`history ${now.status}`);
          const text = `${mt[n]} [client ${i} save ${k++}]`;
          attempts++;
          const res = await client.postJson<{ sentence?: SentenceJson; error?: string }>(`/articles/${slug}/sentences/${n}`, {
            text,
            base: now.body.currentRevisionId,
            reviewer: `client-${i}`,
          });
          if (res.status >= 200 && res.status < 300) {
            const s = res.body.sentence!;
            acks.push({ client: i, sentence: n, revisionId: s.revisionId!, text: s.text });
            if (s.text !== text) unexpected.push(`client ${i}: saved "${text}" but was told "${s.text}"`);
          } else if (res.status === 409) {
            conflicts++;
          } else if (res.status === 403) {
            client.token = undefined; // a restarted server signs CSRF tokens with a new secret
          } else {
            unexpected.push(`client ${i}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          }
        } catch (err) {
          if (!isNetworkError(err) && !/history 5/.test(String(err))) unexpected.push(`client ${i}: ${String(err)}`);
          client.token = undefined;
          await sleep(20);
        }
      }
    };

    const clients = Array.from({ length: CLIENTS }, (_, i) => runClient(i));
    let kills = 0;
    try {
      for (; kills < KILLS; ) {
        await sleep(300 + Math.floor(rand() * 1200));
        await server.kill('SIGKILL');
        kills++;
        server = await startServe(args, dir);
        shared.url = server.url;
      }
      // Let the clients save a little against the last server, then stop them.
      await sleep(500);
    } finally {
      shared.stopping = true;
      await Promise.all(clients);
      await server.kill('SIGKILL');
    }

    const handle = new Database(db);
    try {
      assert.deepEqual(handle.pragma('integrity_check'), [{ integrity_check: 'ok' }]);

      // Every acknowledged save is there, by id and text.
      const byId = handle.prepare('SELECT id, text, reviewer, sentence FROM revisions WHERE id = ?');
      let lost = 0;
      for (const ack of acks) {
        const row = byId.get(ack.revisionId) as { text: string; reviewer: string; sentence: number } | undefined;
        if (!row || row.text !== ack.text || row.reviewer !== `client-${ack.client}` || row.sentence !== ack.sentence) lost++;
      }
      assert.equal(new Set(acks.map((a) => a.revisionId)).size, acks.length, 'two acknowledgements named the same revision');

      // Nothing half-written: every revision's patch reproduces its text from the MT sentence it was made on.
      const revisions = handle.prepare(`
        SELECT r.id, r.article_id AS articleId, r.slot, r.patch, r.text, r.base_revision_id AS base,
               (SELECT s.mt_text FROM sentences s WHERE s.article_id = r.article_id AND s.slot = r.slot AND s.mt_hash = r.mt_hash LIMIT 1) AS mt
        FROM revisions r ORDER BY r.id`).all() as { id: number; articleId: number; slot: number; patch: string; text: string; base: number | null; mt: string | null }[];
      for (const r of revisions) {
        assert.ok(r.mt !== null, `revision ${r.id} has no MT sentence`);
        const applied = applyCorrection(r.mt!, r.patch);
        assert.ok(applied.ok && applied.text === r.text, `revision ${r.id}: its patch does not reproduce its text`);
      }

      // No lost update: each revision of a sentence was based on the one before it.
      const previous = new Map<string, number>();
      for (const r of revisions) {
        const key = `${r.articleId}/${r.slot}`;
        assert.equal(r.base, previous.get(key) ?? null, `revision ${r.id} was based on a stale revision`);
        previous.set(key, r.id);
      }

      process.stdout.write(`      crash test: ${acks.length} saves acknowledged, ${kills} kills, ${lost} lost (seed ${SEED}, ${attempts} attempts, ${conflicts} conflicts, ${revisions.length} revisions stored)\n`);
      assert.deepEqual(unexpected, []);
      assert.equal(lost, 0);
      assert.ok(acks.length > KILLS, `too few saves acknowledged (${acks.length}) for the test to mean anything`);
      assert.ok(conflicts > 0, 'the clients never conflicted: the test did not exercise concurrent edits');
    } finally {
      handle.close();
    }
  });
});
