/**
 * The shared end-to-end fixture. Every test gets, automatically:
 * - every request to another origin aborted and recorded (none may be attempted),
 * - console errors, uncaught page errors and CSP violations recorded (none may happen),
 * and helpers that read only `window.__chasm` and the DOM.
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { PNG } from 'pngjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChasmStats } from '../../src/diagnostics/chasm-diagnostics';

/** What the fixture watched a page do. */
export interface PageWatch {
  /** Every URL requested, in order. */
  requests: string[];
  /** URLs of other origins that were attempted (and aborted). */
  foreignRequests: string[];
  consoleErrors: string[];
  cspViolations: string[];
  /** Console errors a test provokes on purpose (a 404 it serves), matched by pattern. */
  expectedConsoleErrors: RegExp[];
}

const isOwnOrigin = (url: string, origin: string) => url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin;

export const test = base.extend<{ watch: PageWatch }>({
  watch: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const watch: PageWatch = { requests: [], foreignRequests: [], consoleErrors: [], cspViolations: [], expectedConsoleErrors: [] };
      page.on('request', (r) => {
        watch.requests.push(r.url());
        if (!isOwnOrigin(r.url(), origin)) watch.foreignRequests.push(r.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error') watch.consoleErrors.push(m.text());
      });
      // An uncaught error is recorded with the frame it was thrown in, so a test can expect one precisely.
      page.on('pageerror', (e) => watch.consoleErrors.push(`uncaught: ${e.message} (at ${e.stack?.split('\n')[1]?.trim().replace(/^at /, '') ?? 'unknown'})`));
      await page.route(
        (url) => !isOwnOrigin(url.href, origin),
        (route) => route.abort('blockedbyclient'),
      );
      await page.exposeBinding('__reportCspViolation', (_source, text: string) => watch.cspViolations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
          report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      await use(watch);
      expect(watch.foreignRequests, 'requests to other origins').toEqual([]);
      expect(watch.cspViolations, 'Content-Security-Policy violations').toEqual([]);
      const unexpected = watch.consoleErrors.filter((e) => !watch.expectedConsoleErrors.some((re) => re.test(e)));
      expect(unexpected, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens Chasm and waits until `window.__chasm.complete` resolves: the first frame drawn, then the robots built. */
export async function openChasm(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => window.__chasm !== undefined);
  await page.evaluate(() => window.__chasm!.complete);
  // The warm first hour (run in a worker) lands once: after it, robots move only as they drive.
  await expect.poll(() => page.evaluate(() => window.__chasm!.world()?.catchingUp ?? true), { timeout: 60_000, message: 'the warm start landed' }).toBe(false);
}

/** `window.__chasm.stats()`. */
/** The twin's state (`window.__chasm.world()`), once the first layout is in. */
export const world = (page: Page) => page.evaluate(() => window.__chasm!.world()!);

export function stats(page: Page): Promise<ChasmStats> {
  return page.evaluate(() => window.__chasm!.stats());
}

/** Waits until at least `count` more frames have rendered. */
export async function waitFrames(page: Page, count: number): Promise<void> {
  const start = (await stats(page)).frames;
  await expect.poll(async () => (await stats(page)).frames, { message: `${count} more frames` }).toBeGreaterThanOrEqual(start + count);
}

/**
 * The share of pixels in `box` (fractions of the image: x, y, width, height) whose luminance (or, `by`
 * 'colour', any channel) differs by more than 24 (of 255) between two PNGs of the same size: what appeared,
 * went or was recoloured between two screenshots.
 */
export function changedFraction(a: Buffer, b: Buffer, box: { x: number; y: number; w: number; h: number }, by: 'luma' | 'colour' = 'luma'): number {
  const [pa, pb] = [PNG.sync.read(a), PNG.sync.read(b)];
  const luma = (d: Buffer, i: number) => 0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!;
  // 'colour': the largest change of any channel (a hue change at the same brightness counts).
  const differs = (i: number) =>
    by === 'luma' ? Math.abs(luma(pa.data, i) - luma(pb.data, i)) > 24 : [0, 1, 2].some((c) => Math.abs(pa.data[i + c]! - pb.data[i + c]!) > 24);
  const [x0, y0] = [Math.round(box.x * pa.width), Math.round(box.y * pa.height)];
  const [x1, y1] = [Math.round((box.x + box.w) * pa.width), Math.round((box.y + box.h) * pa.height)];
  let changed = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * pa.width + x) * 4;
      if (differs(i)) changed++;
    }
  return changed / Math.max(1, (x1 - x0) * (y1 - y0));
}

/** Measures how varied a PNG is: distinct colours (quantised to 5 bits per channel) and luminance spread. */
export function imageVariety(png: Buffer): { distinctColours: number; lumaStdDev: number } {
  const { data, width, height } = PNG.sync.read(png);
  const colours = new Set<number>();
  let sum = 0;
  let sumSq = 0;
  const n = width * height;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += y;
    sumSq += y * y;
  }
  const mean = sum / n;
  return { distinctColours: colours.size, lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)) };
}

/**
 * Screenshots the page, saves it under test-results/screens/ for a person
 * to look at, and asserts the canvas shows a varied picture, not a blank or
 * single-colour one.
 */
export async function expectSceneRendered(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const canvas = page.locator('canvas#scene');
  await expect(canvas).toBeVisible();
  const shot = await canvas.screenshot();
  const dir = join('test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.png`), shot);
  await testInfo.attach(name, { body: shot, contentType: 'image/png' });
  const variety = imageVariety(shot);
  expect(variety.distinctColours, `distinct colours in ${name}`).toBeGreaterThan(40);
  expect(variety.lumaStdDev, `luminance spread in ${name}`).toBeGreaterThan(8);
}

/** The parked (or, with `moving`, any) robot nearest the middle of the view, with its screen point (CSS px), keeping clear of the page's edges. */
export function findVisibleRobot(page: Page, margins: { x: number; top: number; bottom: number; moving?: boolean }) {
  return page.evaluate((m) => {
    const { robots } = window.__chasm!.world()!;
    const visible = robots
      .filter((r) => m.moving || r.state === 'idle')
      .map((r) => ({ id: r.id, p: window.__chasm!.toScreen([r.xM, 0.9, r.zM]) }))
      .filter((r) => r.p && r.p.xPx > m.x && r.p.xPx < innerWidth - m.x && r.p.yPx > m.top && r.p.yPx < innerHeight - m.bottom)
      // On the canvas itself, not under the toolbar, the stick or a card.
      .filter((r) => document.elementFromPoint(r.p!.xPx, r.p!.yPx)?.id === 'scene');
    // The nearest first: nothing stands in front of it to take the click (robots in one aisle overlap on screen).
    const { viewer } = window.__chasm!.stats();
    const away = (id: number) => {
      const r = robots[id]!;
      return Math.hypot(r.xM - viewer.xM, r.zM - viewer.zM);
    };
    visible.sort((a, b) => away(a.id) - away(b.id));
    const best = visible[0];
    return best ? { id: best.id, xPx: best.p!.xPx, yPx: best.p!.yPx } : null;
  }, margins);
}

/** A one-finger horizontal drag through CDP touch events (Playwright has no touch drag). */
export function touchDrag(page: Page, fromX: number, toX: number, y: number, steps = 10): Promise<void> {
  return touchPath(
    page,
    Array.from({ length: steps + 1 }, (_, i) => ({ x: fromX + ((toX - fromX) * i) / steps, y })),
  );
}

/** One finger's path: touch down at the first point, move through the rest, hold, then lift. */
export async function touchPath(page: Page, points: Array<{ x: number; y: number }>, holdMs = 0): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const [first, ...rest] = points;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ ...first!, id: 1 }] });
  for (const p of rest) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ ...p, id: 1 }] });
  if (holdMs > 0) await page.waitForTimeout(holdMs);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Two fingers moving from `fromGapPx` to `toGapPx` apart around a centre (apart zooms in), through CDP touch events. */
export async function pinch(page: Page, centre: { x: number; y: number }, fromGapPx: number, toGapPx: number, steps = 8): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const fingers = (gap: number) => [
    { x: centre.x - gap / 2, y: centre.y, id: 1 },
    { x: centre.x + gap / 2, y: centre.y, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(fromGapPx) });
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(fromGapPx + ((toGapPx - fromGapPx) * i) / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
