/**
 * Hostile input in real Chromium: an article, a glossary note, a reviewer name, a saved
 * correction and a dismissal reason all carrying `<script>` and an `onerror` handler. Nothing may
 * run (window.__pwned stays undefined) and the markup must be visible as text. Runs once with the
 * CSP bypassed, so escaping alone is shown to be enough, and once with the CSP in force.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.js';
import { hostileApp, PAYLOAD } from './support/hostile.js';

describe('hardening: hostile input in Chromium', function () {
  this.timeout(60_000);
  const chromium = useBrowser();

  for (const bypassCSP of [true, false]) {
    it(`runs no injected script and shows it as text (${bypassCSP ? 'CSP bypassed: escaping alone' : 'CSP in force'})`, async () => {
      const { app, slug } = await hostileApp();
      const server: Server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const context = await chromium.browser.newContext({ bypassCSP, viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      const pwned = (p: Page) => p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      const check = async (where: string) => {
        assert.equal(await pwned(page), undefined, `${where}: injected script ran`);
        assert.equal(await page.locator('script:not([src])').count(), 0, `${where}: an inline <script> element exists`);
        assert.equal(await page.locator('img[src="x"]').count(), 0, `${where}: an injected <img> element exists`);
      };
      try {
        if (bypassCSP) {
          // The payload is live: parsed as HTML in this browser, it does run. So "undefined" below means escaped.
          const probe = await context.newPage();
          await probe.setContent(`<p>${PAYLOAD}</p>`);
          await probe.waitForFunction(() => (window as unknown as { __pwned?: unknown }).__pwned === 1);
          await probe.close();
        }
        // The reviewer name, set through the real form.
        await page.goto(`${base}/reviewer?next=${encodeURIComponent(`/articles/${slug}`)}`);
        await page.getByLabel('Name').fill(PAYLOAD);
        await Promise.all([page.waitForURL(`**/articles/${slug}`), page.getByRole('button', { name: 'Save name' }).click()]);
        await check('article page');
        assert.ok((await page.locator('.whoami').innerText()).includes(PAYLOAD), 'the reviewer name is shown as text');
        assert.ok((await page.locator('#s-0 [data-role="text"]').innerText()).includes(PAYLOAD), 'the headline shows the markup as text');
        assert.ok((await page.locator('#s-1 [data-role="note"]').first().innerText()).includes(PAYLOAD), 'the glossary note shows the markup as text');

        // A correction carrying the payload, saved through the page (enhanced by the client script).
        await page.locator('#t-2').fill(`The talks lasted ${PAYLOAD} hours.`);
        await page.locator('#s-2 button[value="save"]').click();
        await page.locator('#s-2 [data-role="saved-by"]', { hasText: PAYLOAD }).waitFor();
        await check('after saving');
        assert.ok((await page.locator('#s-2 [data-role="text"]').innerText()).includes(PAYLOAD));

        // A dismissal whose reason is the payload.
        await page.locator('#s-1 .dismiss summary').first().click();
        await page.locator('#s-1 .dismiss-form input[name="reason"]').first().fill(PAYLOAD);
        await page.locator('#s-1 .dismiss-form button[type="submit"]').first().click();
        await page.locator('#s-1 [data-role="dismissed"]', { hasText: PAYLOAD }).waitFor();
        await check('after dismissing');

        // Everything again from the server's rendering, and on the other pages.
        for (const path of [`/articles/${slug}`, `/articles/${slug}/sentences/2/history`, `/articles/${slug}/diff`, '/']) {
          await page.goto(`${base}${path}`);
          await check(path);
          assert.ok((await page.locator('main').innerText()).includes(PAYLOAD), `${path}: the markup is visible as text`);
        }
        assert.deepEqual(dialogs, []);
      } finally {
        await context.close();
        server.close();
      }
    });
  }
});
