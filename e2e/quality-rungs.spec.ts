/**
 * Every rung of the quality ladder acts, on the headset and on the phone:
 * each is pinned in turn (`__chasm.pinQuality`) and its effect read back from
 * `window.__chasm.stats()`: fewer pixels rendered, foveation up on the
 * layer, fewer LOD triangles, the second light off, a lower session rate in
 * XR, and in 2D a render loop that really renders at the lower rate.
 */
import { test, expect, openChasm, stats, waitFrames, changedFraction } from './support/fixtures';
import { emulateQuest, shimFixedFoveation, shimViewportScale } from './support/iwer';
import { PHONE, presentAsMidPhone } from './support/devices';
import type { ChasmStats } from '../src/diagnostics/chasm-diagnostics';
import type { Page } from '@playwright/test';

/** Pins a rung and returns the stats once its effect has had frames to show. */
async function pinned(page: Page, level: number, frames = 6): Promise<ChasmStats> {
  await page.evaluate((l) => window.__chasm!.pinQuality(l), level);
  await waitFrames(page, frames);
  return stats(page);
}

/** Asserts what the rung `cur` changed against the rung before it, by its name (the ladder's vocabulary). */
function expectRungEffect(prev: ChasmStats, cur: ChasmStats): void {
  const name = cur.quality.name;
  const px = (s: ChasmStats) => s.renderPx.width * s.renderPx.height;
  if (name === 'foveation high') expect(cur.foveation!, name).toBeGreaterThan(prev.foveation!);
  else if (name.startsWith('resolution')) {
    const share = cur.quality.resolutionScale / prev.quality.resolutionScale;
    // Pixels scale with the square of the share (rounding to whole pixels aside).
    expect(px(cur) / px(prev), `${name}: pixels rendered per view`).toBeCloseTo(share * share, 1);
  } else if (name.startsWith('LOD bias')) expect(cur.triangles, `${name}: triangles`).toBeLessThan(prev.triangles);
  else if (name === 'effects off') {
    expect(prev.lights, 'lights before').toBe(2);
    expect(cur.lights, `${name}: lights`).toBe(1);
  } else if (/^\d+ Hz$/.test(name) || name === 'full') expect(cur.targetHz, `${name}: target rate`).toBeLessThan(prev.targetHz);
  else throw new Error(`no expectation for the rung "${name}": add one`);
}

/**
 * Pins rung 0, checks the ladder's length, then pins every rung down to the
 * floor, each held to what it changes; returns rung 0's and the floor's stats.
 */
async function walkLadder(page: Page, rungs: number, look?: () => Promise<Buffer>): Promise<{ full: ChasmStats; floor: ChasmStats }> {
  const full = await pinned(page, 0);
  expect(full.quality.rungs).toBe(rungs);
  let prev = full;
  let seen = await look?.();
  for (let level = 1; level < rungs; level++) {
    const cur = await pinned(page, level);
    expect(cur.quality.level).toBe(level);
    expectRungEffect(prev, cur);
    const now = await look?.();
    // The sun off is seen, not only counted: the world's shader takes its light from the scene's lights.
    if (cur.quality.name === 'effects off' && seen && now) {
      expect(changedFraction(seen, now, { x: 0, y: 0.5, w: 1, h: 0.5 }), 'share of the lower half darker without the sun').toBeGreaterThan(0.2);
    }
    prev = cur;
    seen = now;
  }
  return { full, floor: prev };
}

test('headset (Quest 3, IWER): each rung pinned in turn acts inside the VR session', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 800, height: 450 });
  await emulateQuest(page, 'metaQuest3');
  await shimFixedFoveation(page);
  await shimViewportScale(page);
  await openChasm(page);
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  // The session starts on the home rung: full quality at the row's 90 Hz.
  const home = await stats(page);
  expect(home.quality.name).toBe('full');
  await expect.poll(async () => (await stats(page)).targetHz).toBe(90);
  // Rung 0 is the Quest 3 row's boost rate, 120 Hz, then full quality at 90 Hz.
  const { full, floor } = await walkLadder(page, 8);
  expect(full.targetHz).toBe(120);
  expect(full.renderPx.width).toBeGreaterThan(0);
  // The floor, against full quality: every knob has moved.
  expect(floor.renderPx.width).toBeLessThan(full.renderPx.width);
  expect(floor.foveation!).toBeGreaterThan(full.foveation!);
  expect(floor.targetHz).toBe(72);
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});

test.describe('phone', () => {
  // A small screen keeps SwiftShader's frames short enough for pacing to show (a frame
  // that takes longer than 33 ms is rendered at once at any rate, as it should be).
  test.use({ ...PHONE, viewport: { width: 200, height: 356 }, deviceScaleFactor: 1 });

  test('phone (phone-mid): each rung pinned in turn acts, and the 30 Hz rung renders every other frame', async ({ page }) => {
    test.setTimeout(180_000);
    await presentAsMidPhone(page);
    await openChasm(page, '/?layout=small');
    await page.getByRole('button', { name: 'Explore' }).click();
    const { full: top } = await walkLadder(page, 6, () => page.locator('canvas#scene').screenshot());
    expect(top.deviceClass).toBe('phone-mid');
    // The floor paces rendering to 30 Hz while the display runs at its own rate.
    await waitFrames(page, 60);
    const floor = await stats(page);
    expect(floor.targetHz).toBe(30);
    expect(floor.renderHz, 'frames rendered per second at 30 Hz').toBeLessThanOrEqual(32);
    expect(floor.renderHz / floor.fps, 'share of display frames rendered').toBeLessThan(0.7);
    // And the simulation still advances in real time.
    const sim0 = await page.evaluate(() => ({ simS: window.__chasm!.world()!.simS, t: performance.now() }));
    await page.waitForTimeout(3000);
    const sim1 = await page.evaluate(() => ({ simS: window.__chasm!.world()!.simS, t: performance.now() }));
    expect((sim1.simS - sim0.simS) / ((sim1.t - sim0.t) / 1000), 'simulated seconds per second').toBeGreaterThan(0.8);
    // Full quality renders every display frame it can.
    const full = await pinned(page, 0, 60);
    expect(full.renderHz / full.fps).toBeGreaterThan(0.85);
  });
});
