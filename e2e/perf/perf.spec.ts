/**
 * `npm run perf`: each scenario with budgets on and off, in a fresh browser
 * context (cold cache). Writes a Chrome trace and a summary per run, then
 * `reports/perf/summary.json` and `reports/perf/index.html`, and fails when
 * a device-independent budget or, with budgets on, a scenario's own row
 * (draw calls, triangles, texture memory, overdraw, pixels per second) is
 * broken. Timings are reported, not gated.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { emulateQuest, pitchQuat, poseInput, setThumbstick } from '../support/iwer';
import { vrDeviceOnlyFiles } from '../support/chunks';
import { presentAsMidPhone } from '../support/devices';
import { frameBudgetMsAt } from '../../src/budget/budgets';
import { SCENARIOS, MEASURE_S, SETTLE_S, FLOOR_RUNS, type Scenario } from './scenarios';
import { brokenBudgets, renderReport, type FloorComparison, type PerfSummary, type RoomComparison } from './report';
import { newRoomKey } from '../../src/room/protocol';
import { randomFillSync } from 'node:crypto';

const OUT = 'reports/perf';
const summaries: PerfSummary[] = [];
let floor: FloorComparison | null = null;
let room: RoomComparison | null = null;

/** A fresh context (cold cache) and page emulating the scenario's terminal, its CPU and its network. */
async function openCold(browser: Browser, baseURL: string, scenario: Scenario) {
  const context = await browser.newContext({
    baseURL,
    viewport: scenario.viewport,
    deviceScaleFactor: scenario.deviceScaleFactor ?? 1,
    isMobile: scenario.isMobile ?? false,
    hasTouch: scenario.hasTouch ?? false,
    ...(scenario.userAgent ? { userAgent: scenario.userAgent } : {}),
  });
  const page = await context.newPage();
  // Headsets run on IWER's plain XRWebGLLayer: through the layers polyfill SwiftShader composites every
  // frame once more (2.6 fps with budgets on), and the budgets-off baseline would not finish. The
  // layers path's counts are held to each row in npm test (e2e/budget-rows.spec.ts).
  if (scenario.quest) await emulateQuest(page, scenario.quest);
  if (scenario.midPhone) await presentAsMidPhone(page);
  const cdp = await context.newCDPSession(page);
  if (scenario.slowNetwork) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1638.4 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
  }
  if (scenario.cpuThrottle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: scenario.cpuThrottle });
  return { context, page, cdp };
}

/** Loads a page cold as the scenario's terminal and returns its `chasm:first-frame` mark, in ms since navigation. */
async function coldFirstFrameMs(browser: Browser, url: string, scenario: Scenario): Promise<number> {
  const { context, page } = await openCold(browser, url, scenario);
  try {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('chasm:first-frame').length > 0, undefined, { timeout: 300_000, polling: 50 });
    return await page.evaluate(() => performance.getEntriesByName('chasm:first-frame')[0]!.startTime);
  } finally {
    await context.close();
  }
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

for (const scenario of SCENARIOS) {
  for (const budgets of ['on', 'off'] as const) {
    test(`${scenario.name}, budgets ${budgets}`, async ({ browser, baseURL }) => {
      test.setTimeout(600_000);
      const { context, page, cdp } = await openCold(browser, baseURL!, scenario);

      const bytesByType: Record<string, number> = {};
      const requestsByType: Record<string, number> = {};
      const scripts: string[] = [];
      page.on('requestfinished', async (req) => {
        const type = req.resourceType();
        const url = new URL(req.url());
        if (type === 'script' && url.protocol.startsWith('http')) scripts.push(url.pathname);
        requestsByType[type] = (requestsByType[type] ?? 0) + 1;
        const sizes = await req.sizes().catch(() => null);
        if (sizes) bytesByType[type] = (bytesByType[type] ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize;
      });

      const trace = `${scenario.name}-budgets-${budgets}.trace.json`;
      await browser.startTracing(page, {
        path: `${OUT}/${trace}`,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'v8.execute', 'gpu'],
      });
      await page.goto(budgets === 'off' ? '/?budgets=off' : '/');
      await page.waitForFunction(() => window.__chasm !== undefined, undefined, { timeout: 300_000 });
      await page.evaluate(() => window.__chasm!.ready);
      const timeToFirstFrameMs = await page.evaluate(() => performance.getEntriesByName('chasm:first-frame')[0]?.startTime ?? Number.NaN);
      // The panels and the robots follow the first frame; measure the whole world.
      await page.evaluate(() => window.__chasm!.complete);
      const startupMs = await page.evaluate(
        (): Record<string, number> =>
          Object.fromEntries([
            ['html', Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd)],
            ...performance
              .getEntriesByType('mark')
              .filter((m) => m.name.startsWith('chasm:'))
              .map((m): [string, number] => [m.name.slice(6), Math.round(m.startTime)]),
          ]) as Record<string, number>,
      );

      if (scenario.quest) {
        await page.getByRole('button', { name: 'Enter VR' }).click();
        await page.waitForFunction(() => window.__chasm!.stats().mode === 'immersive-vr', undefined, { timeout: 120_000 });
        await page.waitForTimeout(SETTLE_S * 1000);
        // A scripted tour with the headset's own locomotion: thumbstick teleports
        // down the aisle, a snap turn and back, the head looking around at each stop.
        const steps: Array<'teleport' | 'turn-right' | 'turn-left'> = ['teleport', 'teleport', 'turn-right', 'teleport', 'turn-left'];
        for (const [i, step] of steps.entries()) {
          await page.evaluate(
            (yawDeg) => {
              const d = (window as unknown as { __iwer: { quaternion: { set(...v: number[]): void } } }).__iwer;
              const half = (yawDeg * Math.PI) / 360;
              d.quaternion.set(0, Math.sin(half), 0, Math.cos(half));
            },
            (i % 2 ? -1 : 1) * 20,
          );
          if (step === 'teleport') {
            await poseInput(page, 'controllers', 'right', [0.2, 1.3, -0.2], pitchQuat(-30));
            await setThumbstick(page, 'right', 0, -1);
            await setThumbstick(page, 'right', 0, 0);
          } else {
            await setThumbstick(page, 'right', step === 'turn-right' ? 1 : -1, 0);
            await setThumbstick(page, 'right', 0, 0);
          }
          await page.waitForTimeout((MEASURE_S * 1000) / steps.length);
        }
      } else {
        await page.waitForTimeout((SETTLE_S + MEASURE_S) * 1000);
      }

      const stats = await page.evaluate(() => window.__chasm!.stats());
      // The GPU side of the same view: fragments and overdraw from the measuring pass, texture bytes, pixels per
      // second. Budgets on only: the measuring pass draws every mesh once more, 37,000 of them with budgets off.
      const gpu = budgets === 'on' ? await page.evaluate(() => window.__chasm!.measureGpu()) : null;
      const frameTimes = await page.evaluate(() => window.__chasm!.frameTimes());
      // The JavaScript the page asked for before its first frame (Resource Timing, against the chasm:first-frame
      // mark): what a phone downloads for it, the robots' loader included (it downloads while the world is built).
      // Not "finished before the test heard of ready": chunks asked for after the first frame (the service
      // worker's registration, the warm start's worker) landed on either side of that by chance.
      const beforeFirstFrame = await page.evaluate(() => {
        const firstFrame = performance.getEntriesByName('chasm:first-frame')[0]?.startTime ?? Infinity;
        return performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime < firstFrame && new URL(e.name).pathname.endsWith('.js'))
          .map((e) => new URL(e.name).pathname);
      });
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      await browser.stopTracing();
      await context.close();

      const frameBudgetMs = frameBudgetMsAt(stats.targetHz);
      const xrChunks = new Set(vrDeviceOnlyFiles().map((f) => `/${f}`));
      const firstLoadJs = [...new Set(beforeFirstFrame)].filter((path) => existsSync(`dist${path}`));
      const summary: PerfSummary = {
        scenario: scenario.name,
        budgets,
        deviceClass: stats.deviceClass,
        mode: stats.mode,
        frameMs: stats.frameMs,
        frameBudgetMs,
        overBudgetShare: frameTimes.length ? frameTimes.filter((ms) => ms > frameBudgetMs).length / frameTimes.length : 0,
        frameTimes,
        cpuFrameMs: stats.cpuFrameMs,
        drawCalls: stats.drawCalls,
        triangles: stats.triangles,
        views: stats.views,
        activeMeshes: stats.activeMeshes,
        heapBytes: heap.usedSize,
        timeToFirstFrameMs,
        startupMs,
        firstLoadJsGzipBytes: firstLoadJs.reduce((n, path) => n + gzipSync(readFileSync(`dist${path}`), { level: 9 }).length, 0),
        xrChunksRequested: scripts.some((path) => xrChunks.has(path)),
        bytesByType,
        requestsByType,
        quality: `${stats.quality.level}: ${stats.quality.name}`,
        gpu,
        renderHz: stats.renderHz,
        fps: stats.fps,
        trace,
      };
      writeFileSync(`${OUT}/${scenario.name}-budgets-${budgets}.json`, JSON.stringify(summary, null, 2));
      summaries.push(summary);
      expect(stats.frames).toBeGreaterThan(0);
    });
  }
}

// What part of the phone's cold start is Babylon's own: the least page that draws a lit mesh
// with it (bench/babylon-floor), loaded cold under the same profile, alternating with the app.
test('phone-mid: time to first frame against the Babylon floor', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const phone = SCENARIOS.find((s) => s.name === 'phone-mid')!;
  const floorURL = process.env.PERF_FLOOR_URL;
  expect(floorURL, 'PERF_FLOOR_URL comes from playwright.perf.config.ts').toBeTruthy();
  expect(existsSync('dist-floor/index.html'), 'the floor page is not built: npm run perf builds it into dist-floor/').toBe(true);
  const runs: FloorComparison = { scenario: phone.name, floorMs: [], appMs: [] };
  for (let i = 0; i < FLOOR_RUNS; i++) {
    runs.floorMs.push(await coldFirstFrameMs(browser, floorURL!, phone));
    runs.appMs.push(await coldFirstFrameMs(browser, new URL('/', baseURL).href, phone));
  }
  floor = runs;
  writeFileSync(`${OUT}/floor.json`, JSON.stringify(runs, null, 2));
});

// The gap between real terminals, measured: a Quest 3 in VR and the phone in one shared room, each
// sending its own numbers through the room; each column is read from the other terminal's copy.
test('one room: a Quest 3 in VR and a phone side by side', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const key = newRoomKey(randomFillSync);
  const opened = await Promise.all(
    (['quest3-90', 'phone-mid'] as const).map(async (name) => {
      // Both render in software on this machine at once, which slows each enough: no CPU throttle on top.
      const terminal = await openCold(browser, baseURL!, { ...SCENARIOS.find((s) => s.name === name)!, cpuThrottle: undefined });
      await terminal.page.goto(`/?room=${key}`);
      await terminal.page.waitForFunction(() => window.__chasm !== undefined, undefined, { timeout: 300_000 });
      await terminal.page.evaluate(() => window.__chasm!.ready);
      return terminal;
    }),
  );
  const [quest, phone] = opened;
  try {
    if (!quest || !phone) throw new Error('two terminals were opened');
    await quest.page.getByRole('button', { name: 'Enter VR' }).click();
    await quest.page.waitForFunction(() => window.__chasm!.stats().mode === 'immersive-vr', undefined, { timeout: 120_000 });
    await phone.page.getByRole('button', { name: 'Explore' }).click();
    await quest.page.waitForTimeout((SETTLE_S + MEASURE_S) * 1000);
    const theOther = async (page: Page) => {
      const info = await page.evaluate(() => window.__chasm!.room());
      const other = info?.participants.find((p) => !p.self);
      expect(other, 'each terminal sees the other in the room').toBeTruthy();
      return { name: other!.name, terminal: other!.terminal, deviceClass: other!.deviceClass, stats: other!.stats };
    };
    room = { participants: [await theOther(phone.page), await theOther(quest.page)] };
    writeFileSync(`${OUT}/room.json`, JSON.stringify(room, null, 2));
    expect(room.participants.map((p) => p.terminal)).toEqual(['headset', 'phone']);
    for (const p of room.participants) expect(p.stats.renderHz, `${p.terminal}'s rendered Hz reached the other`).toBeGreaterThan(0);
  } finally {
    await Promise.all(opened.map((o) => o.context.close()));
  }
});

test('report, and the device-independent budgets', () => {
  writeFileSync(`${OUT}/summary.json`, JSON.stringify(summaries, null, 2));
  writeFileSync(`${OUT}/index.html`, renderReport(summaries, new Date().toISOString(), floor, room));
  expect(summaries.flatMap(brokenBudgets)).toEqual([]);
});
