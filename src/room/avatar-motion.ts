/**
 * How a remote avatar moves between the room's updates (20 Hz, or slower
 * when the network stalls) at the display's rate: it eases towards the last
 * pose received, so motion is smooth at 90 Hz and a late update never jumps.
 * Pure.
 */

/** Fraction of the way to the target covered per second's worth of frames: 90 % in ~0.12 s. */
const EASE_PER_S = 20;

/** Moves `current` towards `target` for `dtS` seconds (frame-rate independent). */
export function ease(current: number, target: number, dtS: number): number {
  if (!Number.isFinite(current)) return target;
  const k = 1 - Math.exp(-EASE_PER_S * Math.max(0, Math.min(dtS, 1)));
  return current + (target - current) * k;
}

/** The same for an angle in degrees, the short way round. */
export function easeAngleDeg(current: number, target: number, dtS: number): number {
  if (!Number.isFinite(current)) return target;
  const delta = ((((target - current) % 360) + 540) % 360) - 180;
  return current + delta * (1 - Math.exp(-EASE_PER_S * Math.max(0, Math.min(dtS, 1))));
}
