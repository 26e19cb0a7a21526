/**
 * Hostile input, handled: markup renders as text, the CSP forbids inline code, every
 * state-changing route demands a CSRF token, paths cannot leave their folders, bad bodies get
 * clear 4xx answers, and a glossary built to make a regex backtrack cannot hang the checker.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import request from 'supertest';
import { main } from '../../src/cli/main.js';
import { createChecker } from '../../src/core/checker.js';
import { fingerprintFinding } from '../../src/core/fingerprint.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { openStore } from '../../src/store/index.js';
import { csrfFrom } from './support/app.js';
import { ADMIN, hostileApp, PAYLOAD } from './support/hostile.js';
import { WebClient } from './support/web-client.js';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

/** Asserts a page shows `PAYLOAD` only escaped. */
function assertInert(html: string, where: string): void {
  assert.ok(!html.includes('<script>window.__pwned'), `${where}: raw <script> from user data`);
  assert.ok(!html.includes('<img src=x'), `${where}: raw <img> from user data`);
  assert.ok(!/onerror="window/.test(html), `${where}: raw event handler from user data`);
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** The POST/PUT/PATCH/DELETE routes the app registers (nested routers included), with their parameters filled in. */
function stateChangingRoutes(app: Express, params: Record<string, string>): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.handle?.stack) walk(layer.handle.stack);
      if (!layer.route) continue;
      for (const method of Object.keys(layer.route.methods)) {
        if (['post', 'put', 'patch', 'delete'].includes(method)) {
          out.push({ method, path: layer.route.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? 'x') });
        }
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

describe('hardening: hostile input', () => {
  describe('markup in user data renders inert', () => {
    it('in article text, titles, glossary notes, reviewer names, saved text and dismissal reasons', async () => {
      const { app, store, slug } = await hostileApp();
      const agent = request.agent(app);
      const form = await agent.get('/reviewer');
      const csrf = csrfFrom(form.text);
      // The reviewer's name is the payload too.
      const named = await agent.post('/reviewer').type('form').send({ _csrf: csrf, reviewer: PAYLOAD, next: '/' });
      assert.equal(named.status, 303);

      const id = store.findArticle(slug)!.id;
      const sentence = store.getSentence(id, 1)!;
      const finding = sentence.findings.find((f) => f.ruleId === 'forbidden-term/hostile-note');
      assert.ok(finding, 'the hostile glossary entry flags the sentence');
      assert.ok(finding.note?.includes(PAYLOAD));

      const save = await agent.post(`/articles/${slug}/sentences/2`).set('Accept', 'application/json').set('x-csrf-token', csrf)
        .send({ text: `The talks lasted ${PAYLOAD} hours.`, base: null });
      assert.equal(save.status, 200, JSON.stringify(save.body));
      const dismiss = await agent.post(`/articles/${slug}/sentences/1/dismiss`).set('Accept', 'application/json').set('x-csrf-token', csrf)
        .send({ fingerprint: fingerprintFinding(finding, sentence.text), reason: PAYLOAD });
      assert.equal(dismiss.status, 200, JSON.stringify(dismiss.body));
      const saved = store.history(id, 2);
      assert.equal(saved[0]!.reviewer, PAYLOAD, 'the name was stored as given');

      const pages = [
        '/',
        `/articles/${slug}`,
        `/articles/${slug}/diff`,
        `/articles/${slug}/sentences/2/history`,
        `/articles/${slug}/sentences/1/history`,
      ];
      for (const page of pages) {
        const res = await agent.get(page).set('Accept', 'text/html');
        assert.equal(res.status, 200, page);
        assertInert(res.text, page);
      }
      const article = (await agent.get(`/articles/${slug}`).set('Accept', 'text/html')).text;
      // Shown as text: the escaped form is there (article text, note, reviewer name, reason).
      assert.ok(article.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'));
      const escapedCount = article.split('&lt;script&gt;window.__pwned=1').length - 1;
      assert.ok(escapedCount >= 4, `expected the payload shown as text in several places, found ${escapedCount}`);
    });

    it('export downloads carry markup as plain data with a safe file name', async () => {
      const { app, store, slug } = await hostileApp();
      store.saveRevision({ articleId: store.findArticle(slug)!.id, sentence: 2, baseRevisionId: null, text: 'The talks lasted five hours.', status: 'edited', reviewer: 'test' });
      assert.match(slug, /^[a-z0-9-]+$/);
      for (const format of ['txt', 'md', 'json', 'patch']) {
        const res = await request(app).get(`/articles/${slug}/export.${format}`);
        assert.equal(res.status, 200, format);
        assert.doesNotMatch(String(res.headers['content-type']), /html/);
        assert.match(String(res.headers['content-disposition']), new RegExp(`^attachment; filename="?${slug}\\.${format}"?$`));
      }
      // The patch names a file inside the tree it applies to: no absolute path, no "..".
      const patch = (await request(app).get(`/articles/${slug}/export.patch`)).text;
      const names = patch.split('\n').filter((l) => /^(---|\+\+\+) /.test(l)).map((l) => l.slice(4).split('\t')[0]!);
      assert.ok(names.length > 0, 'the patch names its file');
      for (const name of names) assert.ok(!name.split('/').includes('..') && !/^\/|^[a-z]\/\//.test(name.replace(/^[ab]\//, '')), name);
    });
  });

  describe('headers', () => {
    it('sends a CSP without unsafe-inline or unsafe-eval, and scripts from self only', async () => {
      const { app, slug } = await hostileApp();
      for (const path of ['/', `/articles/${slug}`, '/no-such-page']) {
        const csp = String((await request(app).get(path)).headers['content-security-policy']);
        assert.ok(csp.length > 0, path);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes/, path);
        assert.match(csp, /(^|;)\s*script-src 'self'(;|$)/, path);
        assert.match(csp, /script-src-attr 'none'/, path);
        assert.match(csp, /object-src 'none'/, path);
        assert.match(csp, /frame-ancestors 'none'/, path);
      }
    });
  });

  describe('CSRF', () => {
    it('with accounts: login, logout and every other state-changing route refuse a missing or wrong token, even signed in', async () => {
      const { app, store, slug } = await hostileApp({ accounts: true });
      const routes = stateChangingRoutes(app, { slug, n: '1' });
      for (const known of ['/login', '/logout', '/import', `/articles/${slug}/sentences/1`]) {
        assert.ok(routes.some((r) => r.path === known), `route ${known} not found`);
      }
      const admin = request.agent(app);
      const loginPage = await admin.get('/login');
      const token = csrfFrom(loginPage.text);
      // Login CSRF: a forged login form is refused before the password is even checked.
      const forged = await admin.post('/login').type('form').send({ username: ADMIN.username, password: ADMIN.password });
      assert.equal(forged.status, 403);
      const login = await admin.post('/login').type('form').send({ _csrf: token, ...ADMIN });
      assert.equal(login.status, 303);
      const before = JSON.stringify(store.getArticle(store.findArticle(slug)!.id));
      for (const { method, path } of routes) {
        for (const [what, extra] of [['missing token', {}], ['wrong token', { _csrf: `${token.slice(0, -4)}AAAA` }]] as const) {
          const res = await (admin as unknown as Record<string, (p: string) => request.Test>)[method]!(path)
            .type('form').send({ text: 'Forged.', base: '', reason: 'forged', fingerprint: 'x', ...ADMIN, ...extra });
          assert.equal(res.status, 403, `${method.toUpperCase()} ${path} with ${what}: ${res.status}`);
        }
      }
      assert.equal(JSON.stringify(store.getArticle(store.findArticle(slug)!.id)), before);
      // Still signed in: the forged logout did nothing.
      assert.equal((await admin.get('/').set('Accept', 'application/json')).status, 200);
    });

    it('every state-changing route refuses a missing, wrong or foreign token, and changes nothing', async () => {
      const { app, store, slug } = await hostileApp();
      const routes = stateChangingRoutes(app, { slug, n: '1' });
      assert.ok(routes.length >= 7, `found only ${routes.length} state-changing routes`);
      for (const known of ['/import', `/articles/${slug}/sentences/1`, `/articles/${slug}/sentences/1/dismiss`, '/reviewer']) {
        assert.ok(routes.some((r) => r.path === known), `route ${known} not found`);
      }
      const victim = request.agent(app);
      const page = await victim.get(`/articles/${slug}`);
      const goodToken = csrfFrom(page.text);
      const other = request.agent(app);
      const foreignToken = csrfFrom((await other.get(`/articles/${slug}`)).text);
      const before = JSON.stringify(store.getArticle(store.findArticle(slug)!.id));
      const articles = store.listArticles().total;

      for (const { method, path } of routes) {
        const body = { text: 'Forged text that must never be saved.', base: '', reviewer: 'Mallory', reason: 'forged', fingerprint: 'x', title: 'Forged', dismissal: '1', revision: '1' };
        const variants: [string, (r: request.Test) => request.Test][] = [
          ['missing token', (r) => r.type('form').send(body)],
          ['wrong token', (r) => r.type('form').send({ ...body, _csrf: `${goodToken.slice(0, -4)}AAAA` })],
          ['foreign token', (r) => r.type('form').send({ ...body, _csrf: foreignToken })],
          ['wrong header token (JSON)', (r) => r.set('x-csrf-token', 'not-a-token').set('Accept', 'application/json').send(body)],
        ];
        for (const [what, send] of variants) {
          const res = await send((victim as unknown as Record<string, (p: string) => request.Test>)[method]!(path));
          assert.equal(res.status, 403, `${method.toUpperCase()} ${path} with ${what}: ${res.status}`);
        }
      }
      // Multipart import without a token.
      const upload = await victim.post('/import').field('title', 'Forged').attach('file', Buffer.from('Forged article.\n'), 'forged.txt');
      assert.equal(upload.status, 403);
      assert.equal(JSON.stringify(store.getArticle(store.findArticle(slug)!.id)), before);
      assert.equal(store.listArticles().total, articles);
    });
  });

  describe('paths cannot leave their folders', () => {
    const attempts = [
      '/articles/..%2F..%2Fetc%2Fpasswd',
      '/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/articles/..%252F..%252Fetc%252Fpasswd',
      '/articles/..%2F..%2Fpackage.json/export.txt',
      '/articles/..%5C..%5Cpackage.json',
      '/articles/%00',
      '/assets/..%2F..%2Fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/client/..%2F..%2F..%2F..%2Fpackage.json',
      '/articles/x/export.txt%2F..%2F..%2Fpackage.json',
    ];
    for (const path of attempts) {
      it(`GET ${path} → 404, no file content`, async () => {
        const { app } = await hostileApp();
        const res = await request(app).get(path);
        assert.ok(res.status === 404 || res.status === 400, `${path}: HTTP ${res.status}`);
        assert.doesNotMatch(res.text, /root:|"name": "mt-review"|"dependencies"/);
      });
    }

    it('mt-review export refuses an article name that is a path, and writes --out only where told', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mt-review-export-'));
      try {
        const db = join(dir, 'review.db');
        const store = openStore({ dbPath: db, glossary: loadGlossary(fileURLToPath(new URL('../../../glossary/', import.meta.url))) });
        const summary = store.importText('../../etc/passwd', 'A headline\n\nA body sentence.\n', 'test');
        store.close();
        assert.match(summary.slug, /^[a-z0-9-]+$/);
        const run = async (args: string[]) => {
          let stdout = '';
          let stderr = '';
          const code = await main(['export', ...args, '--db', db], {
            stdout: { write: (s: string) => { stdout += s; } },
            stderr: { write: (s: string) => { stderr += s; } },
            stdin: Readable.from([]),
            env: {},
            cwd: dir,
          });
          return { code, stdout, stderr };
        };
        for (const name of ['../../etc/passwd', '/etc/passwd', '..', '../../../../../../etc/passwd', 'C:\\Windows\\win.ini']) {
          const res = await run([name]);
          assert.equal(res.code, 2, name);
          assert.doesNotMatch(res.stdout, /root:/);
          assert.match(res.stderr, /^mt-review: [^\n]+\n$/, name);
        }
        // --out into a folder that does not exist: one line, exit 2, nothing left behind.
        const missing = await run([summary.slug, '--out', join(dir, 'no-such-folder', 'x.txt')]);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /^mt-review: [^\n]+\n$/);
        // --out writes exactly the named file and leaves no temporary file.
        const ok = await run([summary.slug, '--out', 'out/../export.txt']);
        assert.equal(ok.code, 0, ok.stderr);
        assert.equal(readFileSync(join(dir, 'export.txt'), 'utf8'), 'A headline\n\nA body sentence.\n');
        assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('bad bodies get clear answers', () => {
    it('an oversized JSON body → 413', async () => {
      const { app, slug } = await hostileApp();
      const res = await request(app).post(`/articles/${slug}/sentences/1`).set('Accept', 'application/json').set('Content-Type', 'application/json')
        .send(JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }));
      assert.equal(res.status, 413);
      assert.match(res.body.error, /too large/i);
    });

    it('an oversized form body → 413', async () => {
      const { app, slug } = await hostileApp();
      const res = await request(app).post(`/articles/${slug}/sentences/1`).type('form').send(`text=${'x'.repeat(2 * 1024 * 1024)}`);
      assert.equal(res.status, 413);
    });

    it('an oversized upload → 413', async () => {
      const { app } = await hostileApp();
      const res = await request(app).post('/import').set('Accept', 'application/json').attach('file', Buffer.alloc(3 * 1024 * 1024, 'a'), 'big.txt');
      assert.equal(res.status, 413);
      assert.match(res.body.error, /too large/i);
    });

    it('malformed JSON → 400 with a clear message', async () => {
      const { app, slug } = await hostileApp();
      const res = await request(app).post(`/articles/${slug}/sentences/1`).set('Accept', 'application/json').set('Content-Type', 'application/json').send('{"text": "unterminated');
      assert.equal(res.status, 400);
      assert.match(res.body.error, /not valid JSON/);
    });

    const uploads: [string, Buffer, string, RegExp][] = [
      ['invalid UTF-8', Buffer.concat([Buffer.from('Headline\n\nBody '), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(' text.\n')]), 'bad.txt', /UTF-8/i],
      ['binary (PNG bytes)', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), 'image.txt', /binary|UTF-8|text/i],
      ['binary (NULs)', Buffer.from('Headline\n\n\u0000\u0000\u0000\u0001 body\n'), 'nul.txt', /binary|NUL|text/i],
      ['a non-.txt file', Buffer.from('Headline\n\nBody.\n'), 'article.exe', /not a \.txt file/],
    ];
    for (const [what, bytes, name, message] of uploads) {
      it(`an upload of ${what} → 400 with a clear message, nothing imported`, async () => {
        const { app, store, slug } = await hostileApp();
        const agent = request.agent(app);
        const csrf = csrfFrom((await agent.get(`/articles/${slug}`)).text);
        const before = store.listArticles().total;
        const res = await agent.post('/import').set('Accept', 'application/json').field('_csrf', csrf).attach('file', bytes, name);
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.match(res.body.error, message);
        assert.ok(!String(res.body.error).includes('\n'));
        assert.equal(store.listArticles().total, before);
      });
    }

    it('pasted text with NUL characters → 400', async () => {
      const { app, slug } = await hostileApp();
      const agent = request.agent(app);
      const csrf = csrfFrom((await agent.get(`/articles/${slug}`)).text);
      const res = await agent.post('/import').set('Accept', 'application/json').field('_csrf', csrf).field('text', 'Headline\n\n\u0000binary\n');
      assert.equal(res.status, 400);
      assert.match(res.body.error, /binary/);
    });

    for (const [what, type, encode] of [
      ['JSON', 'application/json', (bad: Buffer) => Buffer.concat([Buffer.from('{"text": "Bad '), bad, Buffer.from(' bytes.", "base": null, "reviewer": "Ana"}')])],
      ['form', 'application/x-www-form-urlencoded', (bad: Buffer) => Buffer.from(`text=Bad%20${[...bad].map((b) => `%${b.toString(16).toUpperCase()}`).join('')}%20bytes.&base=&reviewer=Ana`)],
    ] as const) {
      it(`invalid UTF-8 in a ${what} save → 400, not silently stored as U+FFFD`, async () => {
        const { app, store, slug } = await hostileApp();
        // Raw bytes over a real socket (supertest re-encodes Buffers it is given).
        const server = app.listen(0, '127.0.0.1');
        await new Promise((resolve) => server.once('listening', resolve));
        try {
          const client = new WebClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
          await client.refreshToken(`/articles/${slug}`);
          const send = (bad: Buffer) => client.request(`/articles/${slug}/sentences/2`, {
            method: 'POST',
            body: encode(bad),
            headers: { accept: 'application/json', 'content-type': type, 'x-csrf-token': client.token! },
          });
          const res = await send(Buffer.from([0xc3, 0x28, 0xff]));
          const body = await res.text();
          assert.equal(res.status, 400, `HTTP ${res.status}: ${body.slice(0, 200)}`);
          assert.match(body, /UTF-8/);
          assert.equal(store.history(store.findArticle(slug)!.id, 2).length, 0);
          // Near miss: the same save with valid bytes goes through.
          assert.equal((await send(Buffer.from('é', 'utf8'))).status, 200);
        } finally {
          server.close();
        }
      });
    }
  });

  describe('a glossary crafted for catastrophic backtracking', () => {
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'mt-review-redos-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('loads, matches its terms literally, and checks a 100 KB adversarial text (mocha timeout is the guard)', function () {
      this.timeout(60_000);
      const file = join(dir, 'redos.yaml');
      writeFileSync(file, [
        '# Terms that would backtrack catastrophically if they were ever compiled as regular expressions.',
        '- id: redos-nested',
        '  terms:',
        `    - ${JSON.stringify('(aa+)+$')}: safe`,
        `    - ${JSON.stringify('(a|aa)+$')}: safe`,
        `    - ${JSON.stringify('([a-zA-Z]+)*$')}: safe`,
        `    - ${JSON.stringify('(x+x+)+y')}: safe`,
        `    - ${JSON.stringify(`${'a'.repeat(30)}!`)}: safe`,
        `  exceptions: [${JSON.stringify('(.*a){20}')}]`,
        `  context: [${JSON.stringify('^(a+)+$')}, aaaa]`,
        '  note: Regex metacharacters are plain text in glossary terms.',
        '',
      ].join('\n'));
      const glossary = loadGlossary(file);
      assert.equal(glossary.entries.length, 1);
      const checker = createChecker(glossary);

      // Literal: the text "(aa+)+$" is flagged; "aaaa" alone is not (it would be, were the term a regex).
      const literal = checker.check('We saw aaaa there. The pattern (aa+)+$ appeared in the log.\n');
      const hits = literal.findings.filter((f) => f.ruleId === 'forbidden-term/redos-nested').map((f) => f.match);
      assert.deepEqual(hits, ['(aa+)+$']);

      // 100 KB of the classic adversarial input: runs of "a" each followed by "!", with spaces and without.
      const unit = `${'a'.repeat(30)}!`;
      const spaced = 'aaaa ' + Array.from({ length: Math.ceil(50_000 / (unit.length + 1)) }, () => unit).join(' ');
      const glued = `${'a'.repeat(50_000)}!`;
      const adversarial = `${spaced}\n\n${glued}\n`;
      assert.ok(adversarial.length >= 100_000);
      const result = checker.check(adversarial);
      assert.ok(result.segmentation.sentences.length > 0);
      const flagged = result.findings.filter((f) => f.ruleId === 'forbidden-term/redos-nested');
      assert.ok(flagged.length > 0, 'the literal 30×a! term is found in the adversarial text');
      assert.ok(flagged.every((f) => f.match === unit));
    });

    it('the glossary matcher and the term check build no regular expression at run time', () => {
      const files = [
        ...readdirSync(join(SRC, 'glossary')).filter((f) => f.endsWith('.ts')).map((f) => join(SRC, 'glossary', f)),
        join(SRC, 'checks', 'forbidden-term.ts'),
      ].filter((f) => existsSync(f));
      assert.ok(files.length > 3);
      for (const f of files) assert.doesNotMatch(readFileSync(f, 'utf8'), /\bRegExp\s*\(/, f);
    });
  });
});
