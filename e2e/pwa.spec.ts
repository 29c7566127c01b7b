import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { test, expect, openChasm, stats, waitFrames, expectSceneRendered } from './support/fixtures';
import { chromiumLaunchOptions } from './support/browser';
import { emulateQuest } from './support/iwer';
import { vrDeviceOnlyFiles } from './support/chunks';
import { readBuild } from '../scripts/precache-check.mjs';

/** Waits until a service worker is active and controls the page. */
async function serviceWorkerControls(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { message: 'the service worker controls the page' }).toBe(true);
}

test('installable: Chromium finds no installability or manifest errors, and icons match their declared sizes', async ({ baseURL }) => {
  // Ordinary Playwright contexts are incognito, where nothing is installable: use a persistent profile.
  const profile = mkdtempSync(join(tmpdir(), 'chasm-install-'));
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL, viewport: { width: 1280, height: 720 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openChasm(page);
    await serviceWorkerControls(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/manifest\.webmanifest$/);

    const data = JSON.parse(manifest.data!) as {
      name: string;
      short_name: string;
      display: string;
      start_url: string;
      scope: string;
      icons: Array<{ src: string; sizes: string; purpose?: string }>;
      screenshots: Array<{ src: string; sizes: string }>;
      translations?: Record<string, { name: string; description: string }>;
    };
    expect(data).toMatchObject({ short_name: 'Chasm', display: 'standalone', start_url: './', scope: './' });
    // The name and description in Simplified Chinese, where the platform reads manifest translations.
    expect(data.translations?.['zh-CN']?.name).toMatch(/药房/);
    expect(data.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(data.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const image of [...data.icons, ...data.screenshots]) {
      const response = await page.request.get(new URL(image.src, manifest.url).href);
      expect(response.ok(), image.src).toBe(true);
      const body = await response.body();
      const { width, height } = image.src.endsWith('.png') ? PNG.sync.read(body) : jpegSize(body);
      expect(`${width}x${height}`, image.src).toBe(image.sizes);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('offline: after the first visit the world loads with every request blocked, and VR still starts', async ({ page, context }, testInfo) => {
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page);
  await serviceWorkerControls(page);
  // On a device that can enter VR, the app asks the worker to cache the headset code too.
  const headset = vrDeviceOnlyFiles();
  await expect
    .poll(() => page.evaluate(async (files) => (await Promise.all(files.map((f) => caches.match(new URL(f, location.href).href)))).every(Boolean), headset), {
      message: 'the headset files are cached',
    })
    .toBe(true);

  // Off the network: the context is offline and every request, the worker's own fetches included, is aborted.
  const attempted: string[] = [];
  await context.setOffline(true);
  await context.route('**/*', (route) => {
    attempted.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await page.reload();
  await page.waitForFunction(() => window.__chasm !== undefined);
  await page.evaluate(() => window.__chasm!.ready);
  expect((await page.evaluate(() => window.__chasm!.world()))?.robots.length).toBeGreaterThan(0);
  await waitFrames(page, 5);
  await expectSceneRendered(page, testInfo, 'offline-reload');

  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  await waitFrames(page, 10);
  await expectSceneRendered(page, testInfo, 'offline-immersive');
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
  expect(attempted, 'requests that had to go to the network').toEqual([]);
});

test.describe('phone', () => {
  test.use({
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  });

  test('the offline cache on a phone holds no headset code, and settings show storage use', async ({ page, watch }) => {
    await openChasm(page);
    await serviceWorkerControls(page);
    await page.getByRole('button', { name: 'Settings' }).first().tap();
    await expect(page.getByRole('dialog', { name: 'Settings' }).getByText(/^Using [\d.]+ MB of \d+ MB\./)).toBeVisible();
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    // The cache holds every file the phone's precache lists (the app, the page, layouts, models, icons)...
    const { precached } = await readBuild('dist');
    for (const f of precached)
      expect(
        cached.some((u) => u.endsWith(`/${f}`)),
        `${f} cached on a phone`,
      ).toBe(true);
    // ...and nothing only a VR device caches: the headset code and Babylon's chunks no 2D path loads.
    for (const f of vrDeviceOnlyFiles())
      expect(
        cached.some((u) => u.endsWith(f)),
        `${f} cached on a phone`,
      ).toBe(false);
    const requested = watch.requests.map((u) => new URL(u).pathname);
    for (const f of vrDeviceOnlyFiles())
      expect(
        requested.some((u) => u.endsWith(f)),
        `${f} requested by a phone`,
      ).toBe(false);
  });
});

/** Width and height of a baseline or progressive JPEG (from its SOF marker). */
function jpegSize(b: Buffer): { width: number; height: number } {
  let i = 2;
  while (i < b.length) {
    const marker = b[i + 1]!;
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  throw new Error('not a JPEG with a frame header');
}
