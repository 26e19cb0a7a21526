/**
 * Launching real Chromium for browser tests, the same way everywhere.
 *
 * Browser tests run when /usr/bin/chromium exists. Where it does not, they are skipped with a loud
 * message, unless MT_REVIEW_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails.
 *
 * Every launch gets a fresh, empty profile: Playwright creates a new temporary directory
 * (`playwright_chromiumdev_profile-*`), passes it as `--user-data-dir`, and removes it on close.
 * It refuses a `--user-data-dir` in `args` (that is what `launchPersistentContext` is for), so the
 * flag is not repeated here.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** The flags every browser test starts Chromium with (no network, no background services). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts headless Chromium with a fresh temporary profile. */
async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return { browser, close: () => browser.close() };
}

/**
 * Call in a `before` hook of a browser suite: skips the suite where Chromium is missing and not
 * required, and fails it where it is required.
 */
function requireBrowser(ctx: Mocha.Context): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.MT_REVIEW_REQUIRE_BROWSER === '1') {
    throw new Error(`${CHROMIUM} is missing and MT_REVIEW_REQUIRE_BROWSER=1: install it with apt-get install -y chromium`);
  }
  process.stderr.write(`\n  SKIPPING browser tests: ${CHROMIUM} not found (apt-get install -y chromium)\n`);
  ctx.skip();
}

/**
 * Launches Chromium once for the calling `describe` (skipping or failing it as `requireBrowser`
 * says) and closes it after; read `.browser` inside the suite's hooks and tests.
 */
export function useBrowser(): { readonly browser: Browser } {
  let launched: { browser: Browser; close: () => Promise<void> } | undefined;
  before(async function () {
    requireBrowser(this);
    launched = await launchBrowser();
  });
  after(async () => {
    await launched?.close();
  });
  return {
    get browser(): Browser {
      if (!launched) throw new Error('useBrowser: the browser is read before the suite launched it');
      return launched.browser;
    },
  };
}
