/**
 * The admin pages in real Chromium: an admin signs in, edits the glossary in the page's editor
 * (without JavaScript: a plain form post), sees the new finding on the article, and the glossary
 * and users pages (editor, history, conflict, accounts) have no serious axe-core violations.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { addUser } from '../../src/auth/users.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { readGlossaryFiles } from '../../src/store/glossary-versions.js';
import { openStore } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { useBrowser } from '../support/browser.js';
import { CORPUS, SEED, TEST_GLOSSARY } from './support/app.js';
import { FAST } from './support/admin.js';

const PRESS_BUREAU = '\n- id: press-bureau\n  terms: [Press Bureau]\n  preferred: press office\n  note: <script>window.pwned = 1</script> 新闻局 is a press office.\n';

describe('admin pages in Chromium', function () {
  const chromium = useBrowser();
  let server: RunningServer;
  let dir: string;
  let base: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mt-review-admin-'));
    const dbPath = join(dir, 'review.db');
    const seed = openStore({ dbPath, glossary: loadGlossary(TEST_GLOSSARY) });
    await addUser(seed.db, { username: 'alice', password: 'alice-secret', role: 'admin', scrypt: FAST });
    await addUser(seed.db, { username: 'bob', password: 'bob-secret1', role: 'reviewer', scrypt: FAST });
    seed.close();
    server = await startServer({
      host: '127.0.0.1', port: 0, dbPath, glossary: loadGlossary(TEST_GLOSSARY), glossaryFiles: readGlossaryFiles(TEST_GLOSSARY), corpusDir: CORPUS, accounts: true, log: () => {},
    });
    base = server.url.replace(/\/$/, '');
  });
  afterEach(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A new context signed in as `username`, whose page errors fail the test. */
  async function signedIn(username: string, password: string, options: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/login`);
    await page.fill('#login-username', username);
    await page.fill('#login-password', password);
    await Promise.all([page.waitForURL(`${base}/`), page.click('button[type="submit"]')]);
    return { context, page, errors };
  }

  /** Runs axe-core on the current page; returns the serious and critical violations. */
  async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; nodes: number }[]> {
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(async () => {
      const run = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe.run;
      const r = await run();
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  it('an admin edits the glossary without JavaScript and the article shows the new finding; hostile notes stay text', async () => {
    const { context, page, errors } = await signedIn('alice', 'alice-secret', { javaScriptEnabled: false });
    await page.goto(`${base}/articles/${SEED}`);
    assert.equal(await page.locator('mark', { hasText: 'Press Bureau' }).count(), 0, 'not flagged before');

    await page.click('nav a:text("Glossary")');
    await page.waitForURL(`${base}/glossary`);
    const editor = page.getByLabel('glossary.yaml');
    await editor.fill((await editor.inputValue()) + PRESS_BUREAU);
    await page.getByLabel('What changed').fill('press office, not bureau');
    await Promise.all([page.waitForURL(/\/glossary\?saved=2$/), page.click('button:text("Save as a new version")')]);
    assert.match(await page.locator('.alert-ok').textContent() ?? '', /Saved version 2 \(3 entries\)/);
    assert.match(await page.locator('#in-force-h').textContent() ?? '', /version 2/);
    assert.match(await page.locator('table.versions tbody tr').first().textContent() ?? '', /alice.*app edit.*3.*press office, not bureau/s);

    await page.goto(`${base}/articles/${SEED}`);
    const finding = page.locator('li.finding', { has: page.locator('mark', { hasText: 'Press Bureau' }) });
    await finding.first().waitFor();
    assert.match(await finding.first().locator('[data-role="message"]').textContent() ?? '', /press office/);
    assert.match(await finding.first().locator('[data-role="note"]').textContent() ?? '', /<script>window\.pwned = 1<\/script>/, 'the note is shown as text');
    assert.deepEqual(errors, []);
    await context.close();

    // With JavaScript on (the app's client script runs), the hostile note still never executes.
    const js = await signedIn('alice', 'alice-secret');
    await js.page.goto(`${base}/articles/${SEED}`);
    assert.equal(await js.page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    await js.context.close();
  });

  it('has no serious or critical axe-core violations on the glossary (editor, refusal, conflict, read-only) and users pages', async () => {
    // bypassCSP only lets the test inject axe-core's source; the app itself never runs inline code.
    const { context, page } = await signedIn('alice', 'alice-secret', { bypassCSP: true });
    for (const path of ['/glossary', '/users']) {
      await page.goto(`${base}${path}`);
      assert.deepEqual(await axeViolations(page), [], path);
    }
    // A refused (broken) glossary, then a stale save (409 with both versions).
    await page.goto(`${base}/glossary`);
    await page.getByLabel('glossary.yaml').fill('- id: [broken\n');
    await page.click('button:text("Save as a new version")');
    await page.locator('#glossary-error').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'refusal');

    const other = await signedIn('alice', 'alice-secret', { bypassCSP: true });
    await other.page.goto(`${base}/glossary`);
    await page.goto(`${base}/glossary`);
    const first = page.getByLabel('glossary.yaml');
    await first.fill((await first.inputValue()) + PRESS_BUREAU);
    await page.click('button:text("Save as a new version")');
    await page.waitForURL(/saved=2/);
    const stale = other.page.getByLabel('glossary.yaml');
    await stale.fill((await stale.inputValue()).replace('新冠 is COVID-19.', '新冠 is COVID-19 (stale).'));
    const [response] = await Promise.all([other.page.waitForResponse((r) => r.request().method() === 'POST'), other.page.click('button:text("Save as a new version")')]);
    assert.equal(response.status(), 409);
    await other.page.locator('#theirs-h').waitFor();
    assert.deepEqual(await axeViolations(other.page), [], 'conflict');
    await other.context.close();

    await page.goto(`${base}/users`);
    await page.getByLabel('Name', { exact: true }).fill('carol');
    await page.getByLabel('Password (8 characters or more)').fill('carol-secret');
    await page.getByLabel('Password (again)', { exact: true }).fill('carol-secret');
    await Promise.all([page.waitForURL(/done=added/), page.click('button:text("Add account")')]);
    assert.deepEqual(await axeViolations(page), [], '/users after adding');
    await context.close();

    const reviewer = await signedIn('bob', 'bob-secret1', { bypassCSP: true });
    await reviewer.page.goto(`${base}/glossary`);
    assert.equal(await reviewer.page.locator('textarea').count(), 0, 'read-only for reviewers');
    assert.deepEqual(await axeViolations(reviewer.page), [], '/glossary read-only');
    await reviewer.context.close();
  });
});
