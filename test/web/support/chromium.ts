/**
 * Launching Chromium for the web tests through the shared `launchBrowser()`. The shared launcher
 * passes `--user-data-dir`, which this playwright-core refuses; until it is fixed there, the same
 * launch is made here without that flag (playwright then uses its own temporary profile).
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, launchBrowser } from '../../support/browser.js';

/** Starts headless Chromium the shared way, or the same way minus the refused profile flag. */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  try {
    return await launchBrowser();
  } catch (err) {
    if (!/userDataDir|user-data-dir/.test(String((err as Error).message))) throw err;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return { browser, close: () => browser.close() };
  }
}
