import { test, expect, openChasm, stats, waitFrames, expectSceneRendered } from './support/fixtures';

test.use({ viewport: { width: 960, height: 540 } });

test('a lost WebGL context shows a recovery message, rendering comes back, and the simulation carries on', async ({ page }, testInfo) => {
  await openChasm(page);
  await waitFrames(page, 2);
  const simBefore = await page.evaluate(() => window.__chasm!.world()!.simS);
  // Keep the extension to restore the same context later.
  await page.evaluate(() => {
    const canvas = document.querySelector('canvas#scene') as HTMLCanvasElement;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = ext;
    ext.loseContext();
  });
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Graphics paused');
  await page.waitForTimeout(1500);
  await page.evaluate(() => (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext());
  await expect(alert.getByRole('heading')).toHaveText('Graphics restored');
  await waitFrames(page, 3);
  const s = await stats(page);
  expect(s.drawCalls).toBeGreaterThan(5);
  expect(await page.evaluate(() => window.__chasm!.world()!.simS)).toBeGreaterThan(simBefore);
  await expectSceneRendered(page, testInfo, 'context-restored');
});
