import { test, expect, openChasm, stats } from './support/fixtures';
import { emulateQuest } from './support/iwer';

test.use({ viewport: { width: 1280, height: 720 } });

test('no WebGL: a clear message screen, no exception, no blank page', async ({ page }) => {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type.startsWith('webgl') || type === 'experimental-webgl') return null;
      return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof HTMLCanvasElement.prototype.getContext;
  });
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('heading')).toHaveText('Chasm cannot draw 3D here');
  await expect(alert).toContainText('no WebGL');
  await expect(page.locator('canvas#scene')).toBeHidden();
  expect(await page.evaluate(() => window.__chasm)).toBeUndefined();
});

test('VR refused by the browser: one clear line, and the 2D view carries on', async ({ page }) => {
  await emulateQuest(page, 'metaQuest3');
  await page.addInitScript(() => {
    const xr = navigator.xr!;
    xr.requestSession = () => Promise.reject(new DOMException('The user denied permission', 'NotAllowedError'));
  });
  await openChasm(page);
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect(page.getByRole('status')).toHaveText('VR could not start: The user denied permission. Explore in 2D instead.');
  expect((await stats(page)).mode).toBe('flat');
  await page.getByRole('button', { name: 'Explore' }).click();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
});
