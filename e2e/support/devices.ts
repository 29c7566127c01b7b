/**
 * The phone the tests and perf traces emulate, as plain data, and the
 * signals that make it classify as the budget row it stands for.
 */
import type { Page } from '@playwright/test';

/** A Pixel 7 class phone: Playwright context options (`test.use(PHONE)` or `browser.newContext(PHONE)`). */
export const PHONE = {
  viewport: { width: 412, height: 915 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
};

/**
 * Makes the page report a mid-range phone's cores and memory (8 cores, 4 GB):
 * without it the machine's own figures show through (this one has 2 cores,
 * which classifies as `phone-low`), so the `phone-mid` row would never be
 * the one measured. Install before the app starts.
 */
export async function presentAsMidPhone(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => 8 });
    Object.defineProperty(Navigator.prototype, 'deviceMemory', { configurable: true, get: () => 4 });
  });
}
