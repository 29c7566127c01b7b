/**
 * Where robots wait: per grid cell, how many robot-slots were spent standing
 * still mid-journey (a planned pause to let another robot pass, or a backoff
 * after a failed plan), over the last simulated hour. Kept in twelve
 * five-minute buckets, so the hour slides without storing every event. Pure;
 * the simulation records into it, the overlay reads `congestionShares`.
 */

/** Buckets the hour is kept in. */
export const CONGESTION_BUCKETS = 12;
/** Simulated seconds one bucket covers (12 × 5 min = the last hour). */
export const CONGESTION_BUCKET_S = 300;

export interface Congestion {
  readonly cellCount: number;
  /** Ticks one bucket covers. */
  readonly bucketTicks: number;
  /** Robot-slots waited, per bucket, per cell. */
  readonly buckets: Uint16Array[];
  /** The absolute bucket number (tick ÷ bucketTicks) the newest bucket holds. */
  current: number;
}

export function createCongestion(cellCount: number, stepS: number): Congestion {
  return {
    cellCount,
    bucketTicks: Math.round(CONGESTION_BUCKET_S / stepS),
    buckets: Array.from({ length: CONGESTION_BUCKETS }, () => new Uint16Array(cellCount)),
    current: 0,
  };
}

/** Counts one robot-slot of waiting in `cell` at `tick`. Buckets older than an hour are cleared as time moves on. */
export function recordWait(c: Congestion, cell: number, tick: number): void {
  const n = Math.floor(tick / c.bucketTicks);
  // Every bucket passed since the last record starts empty (at most all of them).
  for (let b = Math.max(c.current + 1, n - CONGESTION_BUCKETS + 1); b <= n; b++) c.buckets[b % CONGESTION_BUCKETS]?.fill(0);
  if (n > c.current) c.current = n;
  const bucket = c.buckets[n % CONGESTION_BUCKETS];
  if (bucket && cell >= 0 && cell < c.cellCount && (bucket[cell] ?? 0) < 0xffff) bucket[cell] = (bucket[cell] ?? 0) + 1;
}

/**
 * Waits per cell over the last hour before `tick`, as shares of the busiest cell's (0..1), and that
 * busiest count. `into` is reused when given (the overlay repaints every few seconds).
 */
export function congestionShares(c: Congestion, tick: number, into = new Float32Array(c.cellCount)): { shares: Float32Array; max: number } {
  into.fill(0);
  const now = Math.floor(tick / c.bucketTicks);
  for (let b = now - CONGESTION_BUCKETS + 1; b <= Math.min(now, c.current); b++) {
    const bucket = b >= 0 ? c.buckets[b % CONGESTION_BUCKETS] : undefined;
    if (!bucket) continue;
    for (let i = 0; i < c.cellCount; i++) into[i] = (into[i] ?? 0) + (bucket[i] ?? 0);
  }
  let max = 0;
  for (let i = 0; i < c.cellCount; i++) max = Math.max(max, into[i] ?? 0);
  if (max > 0) for (let i = 0; i < c.cellCount; i++) into[i] = (into[i] ?? 0) / max;
  return { shares: into, max };
}
