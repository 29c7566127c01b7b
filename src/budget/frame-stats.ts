/**
 * Frame statistics over a fixed window of recent frames: a ring buffer of
 * frame durations with percentiles on demand. Pushing a frame allocates
 * nothing, so it is safe on the per-frame path; percentiles sort a copy and
 * are meant for `stats()` calls and the HUD, not for every frame.
 */

/** A ring buffer of the last `capacity` frame durations in milliseconds. */
export interface FrameStats {
  readonly samplesMs: Float64Array;
  /** Number of valid samples (≤ capacity). */
  count: number;
  /** Index the next sample is written to. */
  next: number;
}

/** Frame-time percentiles in milliseconds. */
export interface FramePercentiles {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Longest gap accepted as a frame, in ms. A longer gap is a pause (a
 * debugger, a suspended device), not a frame. Hidden tabs are handled by the
 * sampler itself; this is the backstop. Slow devices do take over a second
 * per frame with budgets off, and those frames must count.
 */
export const MAX_FRAME_MS = 10_000;

/** Creates an empty ring; 240 frames is about 2.7 s at 90 Hz. @default capacity 240 */
export function createFrameStats(capacity = 240): FrameStats {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  return { samplesMs: new Float64Array(capacity), count: 0, next: 0 };
}

/** Records one frame duration; ignores non-finite, non-positive and pause-length values. Returns whether it was recorded. */
export function pushFrameMs(stats: FrameStats, frameMs: number): boolean {
  if (!Number.isFinite(frameMs) || frameMs <= 0 || frameMs > MAX_FRAME_MS) return false;
  stats.samplesMs[stats.next] = frameMs;
  stats.next = (stats.next + 1) % stats.samplesMs.length;
  if (stats.count < stats.samplesMs.length) stats.count++;
  return true;
}

/**
 * Nearest-rank percentile of the `count` most recent samples, with no
 * allocation and no sort: the samples are copied into `scratch` (at least
 * `count` long) and the rank is selected in place (quickselect, linear on
 * average). Safe on the per-frame path; 0 when there are no samples.
 */
export function recentPercentile(stats: FrameStats, count: number, p: number, scratch: Float64Array): number {
  const n = Math.min(count, stats.count, scratch.length);
  if (n <= 0) return 0;
  const cap = stats.samplesMs.length;
  for (let i = 0; i < n; i++) scratch[i] = stats.samplesMs[(stats.next - 1 - i + cap * 2) % cap] ?? 0;
  const k = Math.min(n, Math.max(1, Math.ceil((p / 100) * n))) - 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    // Hoare partition around the middle element.
    // Typed-array reads inside [lo, hi] are always in range; `?? pivot` only satisfies the type.
    const pivot = scratch[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((scratch[i] ?? pivot) < pivot) i++;
      while ((scratch[j] ?? pivot) > pivot) j--;
      if (i <= j) {
        const t = scratch[i] ?? pivot;
        scratch[i] = scratch[j] ?? pivot;
        scratch[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return scratch[k] ?? 0;
}

/** Forgets every sample (for example when the view switches between 2D and XR). */
export function resetFrameStats(stats: FrameStats): void {
  stats.count = 0;
  stats.next = 0;
}

/** The samples currently held, oldest first. */
export function frameSamplesMs(stats: FrameStats): Float64Array {
  const cap = stats.samplesMs.length;
  if (stats.count < cap) return stats.samplesMs.slice(0, stats.count);
  const out = new Float64Array(cap);
  out.set(stats.samplesMs.subarray(stats.next), 0);
  out.set(stats.samplesMs.subarray(0, stats.next), cap - stats.next);
  return out;
}

/** Nearest-rank percentile of an ascending array; 0 for an empty one. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** p50, p95 and p99 of the held frame durations, in ms (zeros when empty). */
export function frameMsPercentiles(stats: FrameStats): FramePercentiles {
  const sorted = frameSamplesMs(stats).sort();
  return {
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
  };
}

/** Mean frames per second over the held window (0 when empty). */
export function meanFps(stats: FrameStats): number {
  if (stats.count === 0) return 0;
  let sum = 0;
  for (let i = 0; i < stats.count; i++) sum += stats.samplesMs[i] ?? 0;
  return (1000 * stats.count) / sum;
}
