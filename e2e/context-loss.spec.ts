import { test, expect, openChasm, stats, waitFrames, expectSceneRendered } from './support/fixtures';
import type { Page } from '@playwright/test';

/** Loses the page's WebGL context, keeping the extension to restore it later. */
const loseContext = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('canvas#scene') as HTMLCanvasElement;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = ext;
    ext.loseContext();
  });
const restoreContext = (page: Page) => page.evaluate(() => (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext());

test.use({ viewport: { width: 960, height: 540 } });

test('a lost WebGL context shows a recovery message, rendering comes back, and the simulation carries on', async ({ page }, testInfo) => {
  await openChasm(page);
  await waitFrames(page, 2);
  const simBefore = await page.evaluate(() => window.__chasm!.world()!.simS);
  await loseContext(page);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Graphics paused');
  await page.waitForTimeout(1500);
  await restoreContext(page);
  await expect(alert.getByRole('heading')).toHaveText('Graphics restored');
  await waitFrames(page, 3);
  const s = await stats(page);
  expect(s.drawCalls).toBeGreaterThan(5);
  expect(await page.evaluate(() => window.__chasm!.world()!.simS)).toBeGreaterThan(simBefore);
  await expectSceneRendered(page, testInfo, 'context-restored');
});

