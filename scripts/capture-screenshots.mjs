#!/usr/bin/env node
// Captures the web app manifest's screenshots (the richer install sheet)
// from the running production build into assets/screenshots/:
//   npm run build && node scripts/serve.mjs --no-https --port 4180 & node scripts/capture-screenshots.mjs http://127.0.0.1:4180/
// Run it again when the world's look changes; the files are committed.
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080/';
const shots = [
  { file: 'wide.jpg', viewport: { width: 1280, height: 720 }, isMobile: false },
  { file: 'narrow.jpg', viewport: { width: 540, height: 960 }, isMobile: true },
];
await mkdir('assets/screenshots', { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: 1, isMobile: shot.isMobile, hasTouch: shot.isMobile });
    await page.goto(base);
    await page.evaluate(() => window.__chasm.ready);
    await page.getByRole('button', { name: 'Explore' }).click();
    await page.waitForFunction(() => window.__chasm.stats().frames > 10, undefined, { timeout: 120_000 });
    await page.screenshot({ path: `assets/screenshots/${shot.file}`, type: 'jpeg', quality: 80 });
    console.log(`assets/screenshots/${shot.file} (${shot.viewport.width}x${shot.viewport.height})`);
    await page.close();
  }
} finally {
  await browser.close();
}
