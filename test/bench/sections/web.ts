/**
 * Section 4, "Web": the corpus page, a 300-sentence article page and the save-correction request
 * (JSON, with CSRF) under autocannon at 1 and 50 connections, against a bare Express JSON endpoint
 * served the same way in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { BenchContext } from '../context.js';
import { fmtInt, fmtMs, fmtRatio } from '../report.js';
import { ensureDatabase } from './import.js';

/** One autocannon measurement. */
export interface LoadResult {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  /**
   * p99 of the answers after every connection had its first one (undefined when no answer came
   * after that): the opening burst of connections left out, see `load`.
   */
  p99Connected: number | undefined;
  non2xx: number;
  errors: number;
  requests: number;
}

/** What the targets need. */
export interface WebResults {
  results: LoadResult[];
  longSentences: number | undefined;
}

/** Starts a bench server child and resolves with its port and process. */
async function startServer(js: string, args: string[]): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [js, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        try {
          resolve({ port: (JSON.parse(line) as { port: number }).port, child });
        } catch (e) {
          reject(e);
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err.trim().split('\n').slice(-2).join(' ')}`)));
  });
}

/** Stops a server child started by this section. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The nearest-rank percentile `q` (0–1) of `values`, or undefined when there are none. */
function percentile(values: number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/**
 * Runs autocannon with `options` and reduces its result. Besides autocannon's own percentiles it
 * keeps the latencies of answers that came after every connection had had one: Node accepts new
 * connections between turns of its event loop, so while a server is busy with its first requests
 * the rest of autocannon's opening burst of 50 connections is accepted one per turn, and their
 * first requests wait up to seconds. A plain `http` server whose handler takes 20 ms does the
 * same; it is the burst, not steady load.
 */
async function load(name: string, options: autocannon.Options): Promise<LoadResult> {
  const connections = options.connections ?? 10;
  const answered = new Set<unknown>();
  const connected: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...options }, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on('response', (client: unknown, _status: number, _bytes: number, latency: number) => {
      if (answered.size === connections) connected.push(latency);
      else answered.add(client);
    });
  });
  return {
    name,
    connections,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    p99Connected: percentile(connected, 0.99),
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    requests: r.requests.total,
  };
}

/** The first save row's name: the usual correction, which the target is judged on. */
export const SAVE_ONE_WORD = 'save correction, one word changed';
/** The second save row's name: the costliest correction. */
export const SAVE_REWRITE = 'save correction, sentence rewritten';

/** The path of a sentence's save action. */
function sentencePath(slug: string, index: number): string {
  return `/articles/${encodeURIComponent(slug)}/sentences/${index}`;
}

/**
 * Takes one item from each list in turn: consecutive saves go to different articles, as the saves
 * of concurrent reviewers do (each reviewer works on an article of their own).
 */
function roundRobin<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

/**
 * Saves that change one word of their MT sentence (the first word of four letters or more becomes
 * "Belarus"), read from the articles' JSON export: enough for `duration` seconds of saves at a
 * few thousand a second, taken round-robin over the articles.
 */
async function oneWordEdits(base: string, cookie: string, articles: ReadonlyArray<{ slug: string }>, duration: number): Promise<Array<{ path: string; text: string }>> {
  const perArticle: Array<Array<{ path: string; text: string }>> = [];
  let count = 0;
  for (const a of articles) {
    if (count >= duration * 3000) break;
    const res = await fetch(`${base}/articles/${encodeURIComponent(a.slug)}/export.json`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET export.json of ${a.slug} answered ${res.status}`);
    const doc = (await res.json()) as { sentences: Array<{ index: number; mt: string }> };
    const edits: Array<{ path: string; text: string }> = [];
    for (const s of doc.sentences.slice(1)) {
      const text = s.mt.replace(/\p{L}{4,}/u, 'Belarus');
      if (text !== s.mt) edits.push({ path: sentencePath(a.slug, s.index), text });
    }
    perArticle.push(edits);
    count += edits.length;
  }
  if (count === 0) throw new Error('no sentence to save a one-word correction to');
  return roundRobin(perArticle);
}

/** Gets a page and returns its cookies and the CSRF token of its first form. */
async function session(base: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
  const html = await res.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  if (!token) throw new Error(`no CSRF token on the corpus page (HTTP ${res.status})`);
  return { cookie: [...cookies, 'mt-review.reviewer=bench'].join('; '), token };
}

/** autocannon's latencies have a resolution of 1 ms: 0 means "under a millisecond". */
function fmtLatency(ms: number): string {
  return ms < 1 ? '< 1 ms' : fmtMs(ms);
}

/** Runs the web section and adds its table. */
export async function runWeb(ctx: BenchContext): Promise<WebResults | undefined> {
  const app = await ctx.importBuilt('web/app.js');
  if (typeof app === 'string') {
    ctx.report.skip('web', app);
    return undefined;
  }
  const built = await ensureDatabase(ctx);
  if (typeof built === 'string') {
    ctx.report.skip('web', built);
    return undefined;
  }
  const { db } = built;
  if (!db.long) {
    ctx.report.skip('web', 'the 300-sentence article was not found in the store');
    return undefined;
  }
  const duration = ctx.options.quick ? 3 : 6;
  const serverJs = join(ctx.distRoot, 'test', 'bench', 'children', 'web-server.js');
  const results: LoadResult[] = [];
  const bare = await startServer(serverJs, ['bare']);
  const mt = await startServer(serverJs, ['app', db.dbPath, db.glossaryDir]);
  try {
    const bareUrl = `http://127.0.0.1:${bare.port}`;
    const base = `http://127.0.0.1:${mt.port}`;
    const { cookie, token } = await session(base);
    const articlePath = `/articles/${encodeURIComponent(db.long.slug)}`;
    const check = await fetch(`${base}${articlePath}`, { headers: { cookie, accept: 'text/html' } });
    if (check.status !== 200) throw new Error(`GET ${articlePath} answered ${check.status}`);
    await check.text();

    // Every save goes to a sentence nobody saved yet (base: none), so no save is refused as a conflict.
    // Two kinds, on separate halves of the sample: the usual correction (one word changed, as a
    // glossary fix is) and the costliest, a sentence rewritten end to end. Both go round-robin over
    // the articles: concurrent saves are in different articles, so each has its article re-checked
    // (saves to one article in the same group commit would share that re-check).
    const half = Math.floor(db.sample.length / 2);
    const rewriteTargets = roundRobin(db.sample.slice(0, half).map((a) => Array.from({ length: Math.max(0, a.sentences - 1) }, (_, i) => sentencePath(a.slug, i + 1))));
    const wordTargets = await oneWordEdits(base, cookie, db.sample.slice(half), duration);
    let next = 0;
    const rewriteRequest = {
      method: 'POST' as const,
      setupRequest: (req: autocannon.Request) => {
        const path = rewriteTargets[next++ % rewriteTargets.length]!;
        return { ...req, path, body: JSON.stringify({ text: `Belarus is a close ally of Russia (bench save ${next}).`, _csrf: token }) };
      },
    };
    let nextWord = 0;
    const wordRequest = {
      method: 'POST' as const,
      setupRequest: (req: autocannon.Request) => {
        const target = wordTargets[nextWord++ % wordTargets.length]!;
        return { ...req, path: target.path, body: JSON.stringify({ text: target.text, _csrf: token }) };
      },
    };
    const jsonHeaders = { cookie, 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token };
    ctx.log(`web: autocannon ${duration} s per case at 1 and 50 connections (${fmtInt(db.articles)} articles in the store)`);
    for (const connections of [1, 50]) {
      const common = { connections, duration, pipelining: 1 } as const;
      results.push(await load('bare Express GET /json (baseline)', { ...common, url: `${bareUrl}/json` }));
      results.push(await load('bare Express POST /json (baseline)', { ...common, url: `${bareUrl}/json`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Belarus is a close ally of Russia.' }) }));
      results.push(await load('corpus page GET /', { ...common, url: `${base}/`, headers: { cookie, accept: 'text/html' } }));
      results.push(await load(`article page, ${db.long.sentences} sentences`, { ...common, url: `${base}${articlePath}`, headers: { cookie, accept: 'text/html' } }));
      results.push(await load(`${SAVE_ONE_WORD} (JSON, CSRF)`, { ...common, url: base, headers: jsonHeaders, requests: [wordRequest] }));
      results.push(await load(`${SAVE_REWRITE} (JSON, CSRF)`, { ...common, url: base, headers: jsonHeaders, requests: [rewriteRequest] }));
    }
  } finally {
    await stopServer(mt.child);
    await stopServer(bare.child);
  }

  const table = ctx.report.table(`Web: autocannon against \`createApp\` over ${fmtInt(db.articles)} imported articles, ${duration} s per case`, [
    'request', 'connections', 'req/s', 'p50', 'p99', 'p99 once all connected', 'vs bare Express req/s', 'non-2xx / errors',
  ]);
  for (const r of results) {
    const baseline = results.find((b) => b.connections === r.connections && b.name.startsWith(r.name.startsWith('save') ? 'bare Express POST' : 'bare Express GET'))!;
    table.rows.push([
      r.name, String(r.connections), fmtInt(r.rps), r.requests ? fmtLatency(r.p50) : 'n/a (no answer in time)', r.requests ? fmtLatency(r.p99) : 'n/a', r.p99Connected === undefined ? 'n/a' : fmtLatency(r.p99Connected),
      r.name.startsWith('bare') ? '×1 (baseline)' : `${fmtRatio(r.rps / baseline.rps)} (${((100 * r.rps) / baseline.rps).toFixed(1)}%)`,
      `${fmtInt(r.non2xx)} / ${fmtInt(r.errors)}`,
    ]);
  }
  table.notes.push(
    'Servers run in child processes on 127.0.0.1; autocannon runs in the bench process. Pages are compared with the bare GET, the save with the bare POST (which parses the same JSON body).',
    'Each save writes a new revision of a different sentence (base: none), round-robin over the articles as concurrent reviewers would, with the CSRF token taken from the corpus page and sent in the `x-csrf-token` header; the store commits every save durably (SQLite WAL, synchronous=FULL).',
    `"${SAVE_ONE_WORD}" replaces one word of the MT sentence, as a glossary fix does; "${SAVE_REWRITE}" replaces the whole sentence, the costliest patch (its diff runs up to the patch's token limit).`,
    `The article page's p50 at 1 connection is its server-side time (render + local round trip).`,
    '"p99 once all connected" leaves out the answers before every connection had one: Node accepts the rest of an opening burst of connections one per event-loop turn while it is busy, so their first requests wait for the server to work through everyone else\'s (a plain `http` server with a 20 ms handler does the same).',
  );
  return { results, longSentences: db.long.sentences };
}
