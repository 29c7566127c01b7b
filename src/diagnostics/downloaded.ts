/**
 * Bytes this page has downloaded over the network: the document and every
 * resource since, as Resource Timing reports them (`transferSize`: headers
 * and compressed body; 0 for what came from a cache or the service worker's
 * precache, which is the point: an installed app downloads nothing).
 */

/** Resource Timing keeps 250 entries unless told; the app and its assets fit well within this. */
const ENTRIES_KEPT = 2000;

let counted = 0;
let bytes = 0;
let observer: PerformanceObserver | null = null;

/** Starts counting (idempotent; boot calls it first thing); entries made before the call are counted too. */
export function watchDownloads(): void {
  if (observer || typeof PerformanceObserver === 'undefined') return;
  performance.setResourceTimingBufferSize(ENTRIES_KEPT);
  const add = (entries: readonly PerformanceEntry[]) => {
    for (const e of entries) {
      if ('transferSize' in e && typeof e.transferSize === 'number') bytes += e.transferSize;
      counted++;
    }
  };
  add(performance.getEntriesByType('navigation'));
  add(performance.getEntriesByType('resource'));
  observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'resource' });
}

/** Bytes downloaded so far by this page, and how many requests made them. */
export function downloaded(): { bytes: number; requests: number } {
  watchDownloads();
  return { bytes, requests: counted };
}
