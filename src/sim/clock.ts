/**
 * A fixed-step clock: turns variable frame times into a whole number of
 * simulation steps plus an interpolation fraction, so the simulation runs
 * the same on a 72 Hz headset, a 60 Hz phone and a 120 Hz desktop.
 */

/** Time carried over between frames, in seconds. */
export interface FixedClock {
  accS: number;
}

/** Creates a clock with nothing carried over. */
export function createFixedClock(): FixedClock {
  return { accS: 0 };
}

/**
 * Adds a frame of `dtS` seconds and returns how many steps of `stepS` to run.
 * At most `maxSteps` are returned; longer stalls (a hidden tab, a paused XR
 * session) are dropped rather than fast-forwarded.
 */
export function advanceClock(clock: FixedClock, dtS: number, stepS: number, maxSteps: number): number {
  if (!(dtS > 0)) return 0;
  clock.accS += dtS;
  const steps = Math.floor(clock.accS / stepS);
  if (steps > maxSteps) {
    clock.accS = 0;
    return maxSteps;
  }
  clock.accS -= steps * stepS;
  return steps;
}

/** How far between the last step and the next the clock stands, 0..1 (for interpolation). */
export function clockAlpha(clock: FixedClock, stepS: number): number {
  return Math.min(1, Math.max(0, clock.accS / stepS));
}
