/**
 * Each device's budget row, enforced: the standard and large layouts
 * measured as a Quest 3 in VR (90 Hz), a Quest 2 in VR (72 Hz), a mid-range
 * phone and a desktop, at full quality (rung 0) and at the floor, each
 * against its own row of `src/budget/budgets.ts`: draw calls, triangles,
 * texture memory, overdraw (from the measuring pass) and pixels per second.
 * Counts, not timings. Figures go to reports/budgets/rows.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openChasm, stats, waitFrames } from './support/fixtures';
import { emulateQuest } from './support/iwer';
import { PHONE, presentAsMidPhone } from './support/devices';
import { BUDGETS, type DeviceClass } from '../src/budget/budgets';
import type { ChasmStats, GpuCost } from '../src/diagnostics/chasm-diagnostics';

interface Row {
  device: DeviceClass;
  layout: string;
  rung: string;
  stats: ChasmStats;
  gpu: GpuCost;
}
const rows: Row[] = [];
test.describe.configure({ mode: 'serial' });
test.afterAll(() => {
  mkdirSync('reports/budgets', { recursive: true });
  writeFileSync(
    'reports/budgets/rows.json',
    JSON.stringify(
      rows.map((r) => ({ ...r, stats: { ...r.stats, viewer: undefined } })),
      null,
      2,
    ),
  );
});

/** Measures the current view at rung 0 and at the floor, and holds each against the row. */
async function measureRow(page: Page, device: DeviceClass, layout: string): Promise<void> {
  const budget = BUDGETS[device];
  for (const rung of ['full', 'floor'] as const) {
    // Full quality at the row's own rate (the home rung; Quest 3's 120 Hz boost is above it), or the floor.
    await page.evaluate((r) => window.__chasm!.pinQuality(r === 'full' ? window.__chasm!.stats().quality.home : 99), rung);
    // The rung's LOD and lights apply at once; a few frames let the counts settle.
    await waitFrames(page, 6);
    const s = await stats(page);
    const gpu = await page.evaluate(() => window.__chasm!.measureGpu());
    rows.push({ device, layout, rung, stats: s, gpu });
    const at = `${device} ${layout} ${rung}`;
    expect(s.deviceClass, at).toBe(device);
    expect.soft(s.drawCalls, `${at}: draw calls`).toBeLessThanOrEqual(budget.maxDrawCalls);
    expect.soft(s.triangles, `${at}: triangles`).toBeLessThanOrEqual(budget.maxTriangles);
    expect.soft(gpu.textureBytes, `${at}: texture bytes`).toBeLessThanOrEqual(budget.textureMemoryMB * 1024 * 1024);
    expect.soft(gpu.textureBytes, `${at}: some textures are allocated`).toBeGreaterThan(0);
    expect.soft(gpu.coverage, `${at}: the measuring pass saw the world`).toBeGreaterThan(0.2);
    expect.soft(gpu.overdraw, `${at}: overdraw`).toBeLessThanOrEqual(budget.maxOverdraw);
    expect.soft(gpu.pixelsPerSecond, `${at}: pixels per second`).toBeLessThanOrEqual(budget.maxPixelsPerSecond);
  }
}

const LAYOUTS = ['default', 'large'] as const;

for (const [device, profile, hz] of [
  ['quest-3', 'metaQuest3', 90],
  ['quest-2', 'metaQuest2', 72],
] as const) {
  test(`${device} in VR at ${hz} Hz: standard and large layouts within the row`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 800, height: 450 });
    // The Quest Browser's own path: WebXR layers, a projection layer with multiview.
    await emulateQuest(page, profile, { layers: true });
    for (const layout of LAYOUTS) {
      await openChasm(page, `/?layout=${layout}`);
      await page.getByRole('button', { name: 'Enter VR' }).click();
      await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
      await page.evaluate(() => window.__chasm!.pinQuality(window.__chasm!.stats().quality.home));
      await expect.poll(async () => (await stats(page)).targetHz).toBe(hz);
      await measureRow(page, device, layout);
      await page.getByRole('button', { name: 'Exit VR' }).click();
      await expect.poll(async () => (await stats(page)).mode).toBe('flat');
    }
  });
}

test.describe('phone', () => {
  test.use({ ...PHONE });
  test('phone-mid: standard and large layouts within the row', async ({ page }) => {
    test.setTimeout(180_000);
    await presentAsMidPhone(page);
    for (const layout of LAYOUTS) {
      await openChasm(page, `/?layout=${layout}`);
      await page.getByRole('button', { name: 'Explore' }).tap();
      await measureRow(page, 'phone-mid', layout);
    }
  });
});

test('desktop: standard and large layouts within the row', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const layout of LAYOUTS) {
    await openChasm(page, `/?layout=${layout}`);
    await page.getByRole('button', { name: 'Explore' }).click();
    await measureRow(page, 'desktop', layout);
  }
});
