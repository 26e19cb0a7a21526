/**
 * Browser tests in real Chromium: the review flow with the keyboard, with JavaScript disabled,
 * a conflict between two reviewers, and an axe-core accessibility scan. Each test starts the real
 * server on an ephemeral port with a temporary database, the shipped corpus and the shipped glossary.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { loadGlossary } from '../../src/glossary/load.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { useBrowser } from '../support/browser.js';
import { CORPUS, ROOT, SEED } from './support/app.js';

const WHITE = 'White is a close ally of Russia';
const FIXED = 'Belarus is a close ally of Russia, and Russia will fulfill all its commitments.';

describe('web app in Chromium', function () {
  const chromium = useBrowser();
  let server: RunningServer;
  let dir: string;
  let base: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mt-review-web-'));
    server = await startServer({ host: '127.0.0.1', port: 0, dbPath: join(dir, 'review.db'), glossary: loadGlossary(`${ROOT}glossary`), corpusDir: CORPUS, log: () => {} });
    base = server.url.replace(/\/$/, '');
  });
  afterEach(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A new browser context (JavaScript on unless told otherwise) whose page errors fail the test. */
  async function open(javaScriptEnabled = true, bypassCSP = false): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await chromium.browser.newContext({ javaScriptEnabled, bypassCSP, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }

  /** Sets the reviewer name with the article page's name form. */
  async function setName(page: Page, name: string): Promise<void> {
    await page.fill('#side-reviewer', name);
    await page.click('.name-block button[type="submit"]');
    await page.locator('.whoami strong', { hasText: name }).waitFor();
  }

  /** The sentence card that contains `text`. */
  const card = (page: Page, text: string) => page.locator('article.sentence', { has: page.locator('[data-role="text"]', { hasText: text }) });

  it('flags White, applies Belarus from the keyboard, saves with Ctrl+Enter, shows the diff, persists and exports', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${base}/articles/${SEED}`);
    await setName(page, 'Keyboard Kim');

    const sentence = page.locator(`#${await card(page, WHITE).getAttribute('id')}`);
    const mark = sentence.locator('[data-role="text"] mark.check-forbidden-term');
    assert.equal(await mark.textContent(), 'White');
    assert.match(await sentence.locator('.finding').first().textContent() ?? '', /Belarus/);

    // j/k move between sentences.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    const first = await page.locator('article.sentence.is-current').getAttribute('id');
    await page.keyboard.press('j');
    assert.notEqual(await page.locator('article.sentence.is-current').getAttribute('id'), first);
    await page.keyboard.press('k');
    assert.equal(await page.locator('article.sentence.is-current').getAttribute('id'), first);

    // Go to the White sentence with j, then apply the first suggestion with a.
    const target = await sentence.getAttribute('id');
    for (let i = 0; i < 40 && (await page.locator('article.sentence.is-current').getAttribute('id')) !== target; i++) await page.keyboard.press('j');
    assert.equal(await page.locator('article.sentence.is-current').getAttribute('id'), target);
    await page.keyboard.press('a');
    assert.equal(await sentence.locator('textarea').inputValue(), FIXED);
    await sentence.locator('[data-role="preview-diff"] ins', { hasText: 'Belarus' }).waitFor();

    const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/sentences/${target!.slice(2)}`));
    await page.keyboard.press('Control+Enter');
    assert.equal((await saved).status(), 200);
    await sentence.locator('[data-role="diff"] ins', { hasText: 'Belarus' }).waitFor();
    assert.equal(await sentence.locator('[data-role="diff"] del').first().textContent(), 'White');
    assert.equal(await sentence.locator('[data-role="text"] mark').count(), 0, 'the fixed White is no longer flagged');
    assert.equal(await sentence.locator('[data-role="status"]').textContent(), 'Edited');
    assert.notEqual(await page.locator('article.sentence.is-current').getAttribute('id'), target, 'moved on to the next open sentence');
    assert.equal(await page.locator('#article-progress').getAttribute('value'), '1');

    await page.reload();
    const again = card(page, 'Belarus is a close ally of Russia');
    assert.equal(await again.locator('textarea').inputValue(), FIXED);
    assert.equal(await again.locator('[data-role="diff"] ins').first().textContent(), 'Belarus');

    const exported = await page.request.get(`${base}/articles/${SEED}/export.txt`);
    assert.match(await exported.text(), /Belarus is a close ally of Russia, and Russia will fulfill all its commitments\./);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows a stale save as a conflict with both versions instead of overwriting', async () => {
    const a = await open();
    const b = await open();
    await a.page.goto(`${base}/articles/${SEED}`);
    await setName(a.page, 'Alice');
    await b.page.goto(`${base}/articles/${SEED}`);
    await setName(b.page, 'Bob');

    const id = await card(a.page, WHITE).getAttribute('id');
    const mine = a.page.locator(`#${id}`);
    await mine.locator('textarea').fill('Belarus is a close ally of Russia (Alice).');
    await mine.locator('textarea').press('Control+Enter');
    await mine.locator('[data-role="status"]', { hasText: 'Edited' }).waitFor();

    const stale = b.page.locator(`#${id}`);
    await stale.locator('textarea').fill('Belarus is a close ally of Russia (Bob).');
    const refused = b.page.waitForResponse((r) => r.request().method() === 'POST');
    await stale.locator('textarea').press('Control+Enter');
    assert.equal((await refused).status(), 409);
    const box = stale.locator('[data-role="conflict"]');
    await box.waitFor();
    assert.match(await box.textContent() ?? '', /Theirs \(Alice\): Belarus is a close ally of Russia \(Alice\)\./);
    assert.match(await box.textContent() ?? '', /Yours \(not saved\): Belarus is a close ally of Russia \(Bob\)\./);
    assert.equal(await stale.locator('textarea').inputValue(), 'Belarus is a close ally of Russia (Alice).');

    const exported = await b.page.request.get(`${base}/articles/${SEED}/export.txt`);
    assert.match(await exported.text(), /\(Alice\)/);
    assert.doesNotMatch(await exported.text(), /\(Bob\)/);

    // Saving again merges on top of theirs.
    await stale.locator('textarea').fill('Belarus is a close ally of Russia (merged).');
    await stale.locator('textarea').press('Control+Enter');
    await stale.locator('[data-role="text"]', { hasText: '(merged)' }).waitFor();
    await a.context.close();
    await b.context.close();
  });

  it('works without JavaScript: name, apply, save, diff, stale-save conflict page', async () => {
    const { context, page } = await open(false);
    await page.goto(`${base}/articles/${SEED}`);
    await page.fill('#side-reviewer', 'Plain Pat');
    await page.click('.name-block button[type="submit"]');
    await page.locator('.whoami strong', { hasText: 'Plain Pat' }).waitFor();

    const sentence = card(page, WHITE);
    const id = await sentence.getAttribute('id');
    await sentence.locator('button.btn-suggest', { hasText: /^Belarus$/ }).click();
    await page.waitForURL(new RegExp(`#${id}$`));
    const after = page.locator(`#${id}`);
    assert.equal(await after.locator('[data-role="diff"] ins').first().textContent(), 'Belarus');
    assert.equal(await after.locator('textarea').inputValue(), FIXED);

    const crown = card(page, 'epidemic has affected Russia');
    const crownId = await crown.getAttribute('id');
    const stalePage = await context.newPage();
    await stalePage.goto(`${base}/articles/${SEED}`);
    await crown.locator('textarea').fill('The COVID-19 epidemic has affected Russia, Belarus, and even global trade. Both sides should take measures to restore trade to the level before the epidemic and create conditions for future development.');
    await crown.locator('button[value="save"]').click();
    await page.waitForURL(new RegExp(`#${crownId}$`));
    assert.equal(await page.locator(`#${crownId} [data-role="diff"] ins`).first().textContent(), 'COVID-19');

    const staleCrown = stalePage.locator(`#${crownId}`);
    await staleCrown.locator('textarea').fill('Stale edit.');
    await staleCrown.locator('button[value="save"]').click();
    await stalePage.locator('h1', { hasText: 'Conflict' }).waitFor();
    assert.match(await stalePage.locator('.conflict-theirs').textContent() ?? '', /COVID-19 epidemic/);
    assert.equal(await stalePage.locator('.conflict-yours').textContent(), 'Stale edit.');

    const exported = await page.request.get(`${base}/articles/${SEED}/export.txt`);
    assert.match(await exported.text(), /Belarus is a close ally of Russia, and Russia will fulfill all its commitments\./);
    assert.doesNotMatch(await exported.text(), /Stale edit/);
    await context.close();
  });

  it('has no serious or critical axe-core violations on the corpus, article, diff and history pages', async () => {
    // bypassCSP only lets the test inject axe-core's source; the app itself never runs inline code.
    const { context, page } = await open(true, true);
    for (const path of ['/', `/articles/${SEED}`, `/articles/${SEED}/diff`, `/articles/${SEED}/sentences/1/history`]) {
      await page.goto(`${base}${path}`);
      await page.addScriptTag({ content: axe.source });
      const result = await page.evaluate(async () => {
        const run = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe.run;
        const r = await run();
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad, [], `${path}: ${JSON.stringify(bad)}`);
    }
    await context.close();
  });
});
