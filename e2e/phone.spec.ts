import { test, expect, openChasm, stats, waitFrames, expectSceneRendered } from './support/fixtures';
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
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }],
    });
  await touch('touchStart', 300, 400);
  for (let i = 1; i <= 8; i++) await touch('touchMove', 300 - i * 15, 400);
  await touch('touchEnd', 180, 400);
  await expect.poll(async () => (await stats(page)).viewer.yawDeg).toBeGreaterThan(yaw0 + 15);
  await waitFrames(page, 3);
  await expectSceneRendered(page, testInfo, 'phone-explore');

  const requested = watch.requests.map((u) => new URL(u).pathname.split('/').pop());
  for (const chunk of xrChunks) expect(requested, `phone must not request ${chunk}`).not.toContain(chunk.split('/').pop());
});

test('phone: a tap on a robot shows its card (device pixel ratio 2)', async ({ page }) => {
  await openChasm(page);
  await page.getByRole('button', { name: 'Explore' }).tap();
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
  // Two drags to the left turn the view about 180° towards the robots' homes.
  for (let k = 0; k < 2; k++) {
    await touch('touchStart', 380, 300);
    for (let i = 1; i <= 10; i++) await touch('touchMove', 380 - i * 26, 300);
    await touch('touchEnd', 120, 300);
  }
  await expect.poll(async () => Math.abs((await stats(page)).viewer.yawDeg)).toBeGreaterThan(150);
  await waitFrames(page, 2);
  const spot = await page.evaluate(() => {
    const { robots } = window.__chasm!.world()!;
    const visible = robots
      .filter((r) => r.state === 'idle')
      .map((r) => ({ id: r.id, p: window.__chasm!.toScreen([r.xM, 0.9, r.zM]) }))
      .filter((r) => r.p && r.p.xPx > 40 && r.p.xPx < innerWidth - 40 && r.p.yPx > 200 && r.p.yPx < innerHeight - 160);
    visible.sort((a, b) => Math.abs(a.p!.xPx - innerWidth / 2) - Math.abs(b.p!.xPx - innerWidth / 2));
    return visible[0] ?? null;
  });
  expect(spot).not.toBeNull();
  await page.touchscreen.tap(spot!.p!.xPx, spot!.p!.yPx);
  await expect(page.getByRole('region', { name: `Robot ${spot!.id + 1}` })).toBeVisible();
});
