/**
 * Launching real Chromium for browser tests, the same way everywhere.
 *
 * Browser tests run when /usr/bin/chromium exists. Where it does not, they are skipped with a loud
 * message, unless MT_REVIEW_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Starts headless Chromium with a fresh profile; `close()` removes the profile. */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'mt-review-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Call in a `before` hook of a browser suite: skips the suite where Chromium is missing and not
 * required, and fails it where it is required.
 */
export function requireBrowser(ctx: Mocha.Context): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.MT_REVIEW_REQUIRE_BROWSER === '1') {
    throw new Error(`${CHROMIUM} is missing and MT_REVIEW_REQUIRE_BROWSER=1: install it with apt-get install -y chromium`);
  }
  process.stderr.write(`\n  SKIPPING browser tests: ${CHROMIUM} not found (apt-get install -y chromium)\n`);
  ctx.skip();
}
