import { test, expect, openChasm, stats, waitFrames, expectSceneRendered } from './support/fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

test('desktop: loads, renders the warehouse, explores with mouse and keyboard', async ({ page }, testInfo) => {
  await openChasm(page);
  const s = await stats(page);
  expect(s.terminal).toBe('desktop');
  expect(s.mode).toBe('flat');
  expect(s.targetHz).toBe(60);
  expect(s.foveation).toBeNull();
  await expect(page.getByRole('status')).toHaveText('No headset found: explore in 2D.');
  await expect(page.getByRole('button', { name: 'Enter VR' })).toHaveCount(0);

  await waitFrames(page, 10);
  const after = await stats(page);
  expect(after.drawCalls).toBeGreaterThan(0);
  expect(after.triangles).toBeGreaterThan(1000);
  expect(after.activeMeshes).toBeGreaterThan(0);
  expect(after.fps).toBeGreaterThan(0);
  expect(after.frameMs.p50).toBeGreaterThan(0);
  expect(after.frameMs.p99).toBeGreaterThanOrEqual(after.frameMs.p50);
  await expectSceneRendered(page, testInfo, 'desktop-entry');

  await page.getByRole('button', { name: 'Explore' }).click();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();

  // W walks forward (+z at the start heading).
  const start = (await stats(page)).viewer;
  await page.keyboard.down('KeyW');
  await expect.poll(async () => (await stats(page)).viewer.zM).toBeGreaterThan(start.zM + 0.5);
  await page.keyboard.up('KeyW');

  // A mouse drag to the right turns the view to the right (yaw grows).
  const box = (await page.locator('canvas#scene').boundingBox())!;
  const yaw0 = (await stats(page)).viewer.yawDeg;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await stats(page)).viewer.yawDeg).toBeGreaterThan(yaw0 + 10);
  await expectSceneRendered(page, testInfo, 'desktop-explore');

  // Mouse look: the button locks the pointer; moving the mouse turns the view, no button held.
  await page.getByRole('button', { name: 'Mouse look (Esc to stop)' }).click();
  await expect.poll(() => page.evaluate(() => document.pointerLockElement?.id)).toBe('scene');
  await expect(page.locator('.crosshair')).toBeVisible();
  // From a known point (the click left the mouse on the button, wherever the toolbar puts it), move right.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
  await waitFrames(page, 2);
  const yaw1 = (await stats(page)).viewer.yawDeg;
  await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2, { steps: 6 });
  await expect.poll(async () => (await stats(page)).viewer.yawDeg).toBeGreaterThan(yaw1 + 5);
  await page.evaluate(() => document.exitPointerLock());
  await expect(page.locator('.crosshair')).toBeHidden();

  // Menu returns to the entry card.
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('button', { name: 'Explore' })).toBeVisible();
});

test('desktop: ?hud shows the perf HUD, and the toolbar button toggles it', async ({ page }, testInfo) => {
  await openChasm(page, '/?hud');
  const hud = page.getByRole('region', { name: 'Performance' });
  await expect(hud).toBeVisible();
  await expect(hud.getByText('Frame ms p50 / p95 / p99')).toBeVisible();
  await expect(hud.getByText(/^\d+ % of frames \(budget 16\.7 ms\)$/)).toBeVisible();
  await expect(hud.getByRole('img', { name: /Frame times/ })).toBeVisible();
  await expectSceneRendered(page, testInfo, 'desktop-hud');
  await page.getByRole('button', { name: 'Explore' }).click();
  const toggle = page.getByRole('button', { name: 'Perf HUD' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(hud).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});
