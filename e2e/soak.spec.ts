/**
 * Soak: a long desktop session with the robots running, the perf HUD on and a
 * person walking about and opening cards. Checks that
 * - the JS heap after garbage collection grows less than 5 % from the warmed-up baseline,
 * - Babylon's object counts and the page's DOM size come back to their baseline,
 * - the twin's KPIs, robot states and batteries equal the deterministic simulation
 *   stepped in Node to the same tick, at every sample,
 * - and (the fixture) no console error, foreign request or CSP violation.
 *
 * `npm test` runs it for 2 minutes; `npm run soak` for 10 (CHASM_SOAK_MINUTES). Each
 * run writes reports/soak/summary-<minutes>min.json with a heap sample every 20 s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { test, expect, openChasm, stats, waitFrames, findVisibleRobot, expectSceneRendered } from './support/fixtures';
import { loadLayout } from '../tests/sim/support';
import { createGeometry } from '../src/layout/geometry';
import { createSimulation, currentKpis, stepSimulation, type Simulation } from '../src/sim/simulation';

const MINUTES = Number(process.env.CHASM_SOAK_MINUTES ?? 2);
// Shaders, JIT code and every level of detail settle in the first minutes; the baseline is taken after them.
const WARM_UP_S = Number(process.env.CHASM_SOAK_WARM_UP_S ?? Math.min(120, MINUTES * 30));
const CYCLE_S = 20;

test.use({ viewport: { width: 1024, height: 640 } });

/** Heap in use after two full garbage collections, in bytes. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * Babylon's objects and the page's DOM size, apart from the compiled-shader cache: Babylon keeps
 * one effect per material and set of defines, each with an observer on
 * `engine.onReleaseEffectsObservable`, and it grows as new variants are first drawn (the quality
 * governor turning effects off, a level of detail first seen). That is reported, and bounded, separately.
 */
async function counts(page: Page) {
  const {
    observers: _total,
    observersByName,
    ...objects
  } = await page.evaluate(() => ({
    ...window.__chasm!.sceneCounts(),
    domNodes: document.getElementsByTagName('*').length,
  }));
  const { 'engine.onReleaseEffectsObservable': shaderVariants = 0, ...observers } = observersByName;
  return { objects: { ...objects, observers }, shaderVariants };
}
/** More compiled shaders than this would mean effects are being made per frame or per object, not per variant. */
const MAX_SHADER_VARIANTS = 24;

/** Compares the app's twin with the Node simulation advanced to the same tick; returns the tick. */
async function checkAgainstSimulation(page: Page, sim: Simulation): Promise<number> {
  const w = (await page.evaluate(() => window.__chasm!.world()))!;
  const tick = Math.round(w.simS * 10);
  expect(tick, 'the simulation only moves forward').toBeGreaterThanOrEqual(sim.tick);
  while (sim.tick < tick) stepSimulation(sim);
  const k = currentKpis(sim);
  expect(w.kpis).toEqual({ ...k, completed: sim.completedOrders });
  expect(w.robots.map((r) => [r.state, r.battery])).toEqual(sim.robots.map((r) => [r.state, r.battery]));
  return tick;
}

test(`soak: ${MINUTES} minutes with robots running; heap, object counts and KPIs hold`, async ({ page }, testInfo) => {
  test.setTimeout((MINUTES * 60 + 240) * 1000);
  const sim = createSimulation(createGeometry(loadLayout('default')));
  const cdp = await page.context().newCDPSession(page);
  await openChasm(page, '/?hud');
  expect((await page.evaluate(() => window.__chasm!.world()))!.layout).toBe(sim.geometry.layout.name);
  await page.getByRole('button', { name: 'Explore' }).click();
  await waitFrames(page, 3);

  /** One person's minute, compressed: walk out and back, open a robot's card, close it. */
  let cardsOpened = 0;
  const wander = async () => {
    await page.keyboard.down('w');
    await page.waitForTimeout(1500);
    await page.keyboard.up('w');
    await page.keyboard.down('s');
    await page.waitForTimeout(1500);
    await page.keyboard.up('s');
    const spot = await findVisibleRobot(page, { x: 80, top: 80, bottom: 120, moving: true });
    if (spot) {
      await page.mouse.click(spot.xPx, spot.yPx);
      // A moving robot may have left the spot by the next frame: then nothing is selected.
      const card = page.getByRole('region', { name: /^Robot \d+$/ });
      const opened = await card.waitFor({ state: 'visible', timeout: 3000 }).then(
        () => true,
        () => false,
      );
      if (opened) {
        cardsOpened++;
        await card.getByRole('button', { name: 'Close' }).click();
        await expect(card).toBeHidden();
      }
    }
  };

  // Warm up: shaders compiled, caches filled, every LOD seen once.
  const start = Date.now();
  while (Date.now() - start < WARM_UP_S * 1000) await wander();
  await checkAgainstSimulation(page, sim);
  const heapBefore = await heapAfterGc(cdp);
  const countsBefore = await counts(page);
  const framesBefore = (await stats(page)).frames;

  const samples: Array<{ tS: number; simTick: number; heapAfterGcBytes: number; fps: number; quality: number }> = [];
  const end = start + MINUTES * 60_000;
  while (Date.now() < end) {
    const cycleStart = Date.now();
    await wander();
    const simTick = await checkAgainstSimulation(page, sim);
    const s = await stats(page);
    const heapAfterGcBytes = await heapAfterGc(cdp);
    samples.push({ tS: Math.round((Date.now() - start) / 1000), simTick, heapAfterGcBytes, fps: Math.round(s.fps * 10) / 10, quality: s.quality.level });
    const rest = CYCLE_S * 1000 - (Date.now() - cycleStart);
    if (rest > 0) await page.waitForTimeout(Math.min(rest, end - Date.now()));
  }

  const finalTick = await checkAgainstSimulation(page, sim);
  const heapAfter = await heapAfterGc(cdp);
  const countsAfter = await counts(page);
  const frames = (await stats(page)).frames - framesBefore;
  const growth = (heapAfter - heapBefore) / heapBefore;
  const summary = {
    minutes: MINUTES,
    wallS: Math.round((Date.now() - start) / 1000),
    frames,
    simulatedS: finalTick / 10,
    ordersCompleted: sim.completedOrders,
    kpiChecks: samples.length + 2,
    cardsOpened,
    heapAfterGcBytes: { before: heapBefore, after: heapAfter, growthPct: Math.round(growth * 1000) / 10 },
    counts: { before: countsBefore, after: countsAfter },
    samples,
  };
  mkdirSync('reports/soak', { recursive: true });
  writeFileSync(`reports/soak/summary-${MINUTES}min.json`, JSON.stringify(summary, null, 2));
  await testInfo.attach('soak-summary', { body: JSON.stringify(summary, null, 2), contentType: 'application/json' });
  console.log(
    `soak: ${summary.wallS} s, ${frames} frames, ${summary.simulatedS} s simulated, ${summary.ordersCompleted} orders, ` +
      `${summary.kpiChecks} KPI checks, ${cardsOpened} cards; heap after GC ${heapBefore} → ${heapAfter} B (${summary.heapAfterGcBytes.growthPct} %)`,
  );

  expect(frames, 'frames kept coming').toBeGreaterThan(MINUTES * 30);
  expect(sim.completedOrders, 'robots completed orders').toBeGreaterThan(0);
  expect(countsAfter.objects).toEqual(countsBefore.objects);
  expect(countsAfter.shaderVariants).toBeLessThanOrEqual(MAX_SHADER_VARIANTS);
  expect(growth, `heap after GC grew ${summary.heapAfterGcBytes.growthPct} %`).toBeLessThan(0.05);
  await expectSceneRendered(page, testInfo, 'soak-end');
});
