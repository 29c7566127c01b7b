/**
 * The path a real Quest Browser takes: WebXR layers present. Babylon's
 * layers feature must render into a projection layer (multiview where the
 * engine has OVR_multiview2), foveation must act on that layer, and a
 * layers attach that fails must fall back to a plain XRWebGLLayer, never to
 * a headset that shows nothing.
 */
import { test, expect, openChasm, stats, waitFrames, expectSceneRendered } from './support/fixtures';
import { emulateQuest, pressButton } from './support/iwer';

test.use({ viewport: { width: 640, height: 360 } });

const enter = async (page: import('@playwright/test').Page) => {
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
};
const exit = async (page: import('@playwright/test').Page) => {
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
};

test('Quest 3 with WebXR layers: a projection layer, foveation on it, the world drawn, and 20 clean enter/exit cycles', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await emulateQuest(page, 'metaQuest3', { layers: true });
  await openChasm(page);
  await enter(page);
  await waitFrames(page, 10);
  const s = await stats(page);
  // SwiftShader has OVR_multiview2: Babylon draws both eyes in one pass into the layer's texture array.
  expect(s.xrLayer).toBe('projection-multiview');
  expect(s.views).toBe(2);
  expect(s.drawCalls).toBeGreaterThan(0);
  // The budget row's foveation, on the projection layer itself (no test shim: the layer has the property).
  expect(s.foveation).toBeGreaterThanOrEqual(0.5);
  await expectSceneRendered(page, testInfo, 'quest3-layers');
  // Saver pins the floor: the most foveation the row allows, on the same layer.
  await page.evaluate(() => window.__chasm!.pinQuality(99));
  await expect.poll(async () => (await stats(page)).foveation).toBe(1);
  await page.evaluate(() => window.__chasm!.pinQuality(null));
  await exit(page);
  await waitFrames(page, 2);

  const baseline = await page.evaluate(() => window.__chasm!.sceneCounts());
  for (let i = 0; i < 20; i++) {
    await enter(page);
    // Each session draws frames into its layer before it ends.
    await waitFrames(page, 2);
    expect((await stats(page)).xrLayer).toBe('projection-multiview');
    if (i % 5 === 0) await pressButton(page, 'left', 'x-button');
    await exit(page);
  }
  await waitFrames(page, 2);
  expect(await page.evaluate(() => window.__chasm!.sceneCounts())).toEqual(baseline);
});

test('layers that fail to attach fall back to a plain XRWebGLLayer: frames are drawn, with a warning', async ({ page }, testInfo) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  // The polyfill alone: XRWebGLBinding has createProjectionLayer, but the session never lists 'layers'.
  await emulateQuest(page, 'metaQuest3', { layers: 'polyfill-only' });
  await openChasm(page);
  await enter(page);
  // Before the fallback existed this session rendered 0 frames in 8 s.
  await waitFrames(page, 10);
  const s = await stats(page);
  expect(s.xrLayer).toBe('webgl');
  expect(s.fps).toBeGreaterThan(0);
  expect(s.drawCalls).toBeGreaterThan(0);
  expect(warnings.some((w) => w.includes('rendering through a plain XRWebGLLayer'))).toBe(true);
  await expectSceneRendered(page, testInfo, 'quest3-layers-fallback');
  await exit(page);
  await enter(page);
  await waitFrames(page, 5);
  await exit(page);
});
