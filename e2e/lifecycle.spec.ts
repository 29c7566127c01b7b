import { test, expect, openChasm, stats, waitFrames, expectSceneRendered } from './support/fixtures';

test.use({ viewport: { width: 1024, height: 640 } });

/**
 * Counts what a stopped app could leave behind in the page: listeners on
 * window and document (including those an AbortSignal removes), and timers
 * that repeat. Installed before the app's code runs.
 */
function trackPageResources(): void {
  type Entry = { target: EventTarget; type: string; listener: unknown; capture: boolean };
  const live: Entry[] = [];
  const tracked = (t: EventTarget) => t === window || t === document;
  const capture = (o: boolean | AddEventListenerOptions | undefined) => (typeof o === 'boolean' ? o : (o?.capture ?? false));
  const find = (e: Omit<Entry, never>) =>
    live.findIndex((x) => x.target === e.target && x.type === e.type && x.listener === e.listener && x.capture === e.capture);
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (tracked(this) && listener) {
      const entry = { target: this, type, listener, capture: capture(options) };
      const signal = typeof options === 'object' ? options.signal : undefined;
      if (find(entry) < 0 && !signal?.aborted) {
        live.push(entry);
        signal?.addEventListener('abort', () => {
          const at = find(entry);
          if (at >= 0) live.splice(at, 1);
        });
      }
    }
    add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    if (tracked(this)) {
      const at = find({ target: this, type, listener, capture: capture(options) });
      if (at >= 0) live.splice(at, 1);
    }
    remove.call(this, type, listener, options);
  };
  const intervals = new Set<number>();
  const setI = window.setInterval.bind(window);
  const clearI = window.clearInterval.bind(window);
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = setI(handler, ms, ...args);
    intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    clearI(id);
  }) as typeof window.clearInterval;
  (window as unknown as { __pageResources: () => unknown }).__pageResources = () => ({
    listeners: live.map((e) => `${e.target === window ? 'window' : 'document'}:${e.type}`).sort(),
    intervals: intervals.size,
    elements: document.querySelectorAll('*').length,
  });
}

const resources = (page: import('@playwright/test').Page) =>
  page.evaluate(() => ({
    page: (window as unknown as { __pageResources: () => unknown }).__pageResources(),
    babylon: window.__chasm!.sceneCounts(),
  }));

test('the app stops and starts twice in one page, leaving nothing behind', async ({ page }, testInfo) => {
  await page.addInitScript(trackPageResources);
  await openChasm(page);
  await waitFrames(page, 5);
  const baseline = await resources(page);
  expect(baseline.babylon.engine).toEqual({ scenes: 1, renderLoops: 1, textures: expect.any(Number) });

  for (let round = 1; round <= 2; round++) {
    // Use what a stop must undo: the 2D controls, the HUD, the settings, a card.
    await page.getByRole('button', { name: 'Explore' }).click();
    await page.getByRole('button', { name: 'Perf HUD' }).click();
    await page.keyboard.down('KeyW');
    await waitFrames(page, 5);
    await page.keyboard.up('KeyW');
    await page.getByRole('button', { name: 'Perf HUD' }).click();
    await page.getByRole('button', { name: 'Menu' }).click();

    await page.evaluate(() => window.__chasm!.restart());
    await page.evaluate(() => window.__chasm!.complete);
    await waitFrames(page, 5);
    expect(await resources(page), `round ${round}: the page and Babylon hold what a fresh start holds`).toEqual(baseline);
    const s = await stats(page);
    expect(s.drawCalls).toBeGreaterThan(0);
    await expect.poll(async () => (await page.evaluate(() => window.__chasm!.world()))?.simS ?? 0).toBeGreaterThan(1);
  }
  await expectSceneRendered(page, testInfo, 'restarted-twice');
});
