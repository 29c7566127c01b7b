import { test, expect, openChasm, stats, waitFrames, expectSceneRendered } from './support/fixtures';
import { emulateQuest, installTableSurface, setThumbstick } from './support/iwer';

test.use({ viewport: { width: 1024, height: 576 } });

const world = (page: import('@playwright/test').Page) => page.evaluate(() => window.__chasm!.world()!);

test('Passthrough (Quest 3): immersive-ar places the table-top model on the surface found by hit test; the sticks turn and scale it', async ({
  page,
}, testInfo) => {
  await emulateQuest(page, 'metaQuest3');
  await installTableSurface(page, 0.75);
  await openChasm(page);
  await page.getByRole('button', { name: 'Passthrough: table-top model' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-ar');
  await expect.poll(async () => (await world(page)).placement).not.toBeNull();
  const placed = (await world(page)).placement!;
  const viewer = (await stats(page)).viewer;
  // The eyes' ray, tilted down, meets the table 1.2 m ahead of the eyes (1.6 m up, table 0.75 m).
  expect(placed.y).toBeCloseTo(0.75, 2);
  expect(placed.x).toBeCloseTo(viewer.xM, 1);
  expect(placed.z - viewer.zM).toBeGreaterThan(1);
  expect(placed.z - viewer.zM).toBeLessThan(1.4);
  expect(placed.scale).toBeCloseTo(1 / 40, 5);
  await waitFrames(page, 3);
  await expectSceneRendered(page, testInfo, 'quest3-passthrough');

  // Right stick: the model turns by the snap angle about its centre, which stays put.
  await setThumbstick(page, 'right', 1, 0);
  await setThumbstick(page, 'right', 0, 0);
  await expect.poll(async () => (await world(page)).placement!.yawRad).toBeCloseTo(Math.PI / 6, 3);
  expect((await world(page)).placement!.x).toBeCloseTo(placed.x, 5);
  // Left stick forward: it grows.
  await setThumbstick(page, 'left', 0, -1);
  await waitFrames(page, 4);
  await setThumbstick(page, 'left', 0, 0);
  expect((await world(page)).placement!.scale).toBeGreaterThan(placed.scale);

  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
  // Back in 2D the warehouse is full size again.
  expect((await world(page)).placement).toBeNull();
  await expectSceneRendered(page, testInfo, 'after-passthrough');
});
