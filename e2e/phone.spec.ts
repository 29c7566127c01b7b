import { test, expect, openChasm, stats, waitFrames, expectSceneRendered, findVisibleRobot, touchDrag } from './support/fixtures';
import { xrOnlyChunkFiles } from './support/chunks';

test.use({
  viewport: { width: 412, height: 915 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
});

test('phone: loads, renders, drags to look, and never requests the headset code', async ({ page, watch }, testInfo) => {
  const xrChunks = xrOnlyChunkFiles();
  expect(xrChunks.length).toBeGreaterThan(0);

  await openChasm(page);
  const s = await stats(page);
  expect(s.terminal).toBe('phone');
  expect(s.mode).toBe('flat');
  await expect(page.getByRole('status')).toHaveText('No headset found: explore in 2D.');
  await expect(page.getByRole('button', { name: 'Enter VR' })).toHaveCount(0);
  await waitFrames(page, 5);
  await expectSceneRendered(page, testInfo, 'phone-entry');

  await page.getByRole('button', { name: 'Explore' }).tap();
  await expect(page.getByText(/^Drag to look around; tap a robot/)).toBeVisible();

  // A one-finger drag to the left grabs the world and turns the view right.
  const yaw0 = (await stats(page)).viewer.yawDeg;
  await touchDrag(page, 300, 180, 400, 8);
  await expect.poll(async () => (await stats(page)).viewer.yawDeg).toBeGreaterThan(yaw0 + 15);
  await waitFrames(page, 3);
  await expectSceneRendered(page, testInfo, 'phone-explore');

  const requested = watch.requests.map((u) => new URL(u).pathname.split('/').pop());
  for (const chunk of xrChunks) expect(requested, `phone must not request ${chunk}`).not.toContain(chunk.split('/').pop());
});

test('phone: a tap on a robot shows its card (device pixel ratio 2)', async ({ page }) => {
  await openChasm(page);
  await page.getByRole('button', { name: 'Explore' }).tap();
  // Two drags to the left turn the view about 180° towards the robots' homes.
  for (let k = 0; k < 2; k++) await touchDrag(page, 380, 120, 300);
  await expect.poll(async () => Math.abs((await stats(page)).viewer.yawDeg)).toBeGreaterThan(150);
  await waitFrames(page, 2);
  const spot = await findVisibleRobot(page, { x: 40, top: 200, bottom: 160 });
  expect(spot).not.toBeNull();
  await page.touchscreen.tap(spot!.xPx, spot!.yPx);
  await expect(page.getByRole('region', { name: `Robot ${spot!.id + 1}` })).toBeVisible();
});
