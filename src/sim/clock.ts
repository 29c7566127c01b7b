/**
 * A fixed-step clock: turns variable frame times, at a chosen speed, into a
 * whole number of simulation steps plus an interpolation fraction, so the
 * simulation runs the same on a 72 Hz headset, a 60 Hz phone and a 120 Hz
 * desktop, and keeps to wall-clock time × speed even at a few frames a
 * second: the steps a frame cannot afford stay due for the next frames.
 * Where a device's frames cannot afford them (60× on a large layout on a
 * slow phone), a relay hands the time due to a worker (`relayTarget`) and
 * the page jumps to its answer (`jumpClock`).
 */

/** Simulated time carried over between frames (due but not yet stepped), in seconds. */
export interface FixedClock {
  accS: number;
}

/** A frame longer than this (a hidden tab, a paused XR session) is a stall: dropped, not fast-forwarded, in s. */
export const STALL_S = 1;
/** The most simulated time kept due, in seconds of wall-clock time at the current speed: a device that cannot keep up falls behind, it does not pile up work. */
export const MAX_BACKLOG_WALL_S = 2;

/** Behind by more than this much wall-clock time at the current speed, the page relays its steps to a worker. */
export const RELAY_BEHIND_WALL_S = 0.25;
/** The furthest a relay's answer may run ahead of the clock, in seconds of wall-clock time at the current speed: the page then waits for it. */
export const MAX_AHEAD_WALL_S = 1;

/** Creates a clock with nothing carried over. */
export function createFixedClock(): FixedClock {
  return { accS: 0 };
}

/**
 * Adds a frame of `wallS` seconds of wall-clock time at `speed` simulated
 * seconds per second (0 while paused) and returns how many steps of `stepS`
 * are due. The caller runs as many as its frame allows and hands them back
 * with `spendSteps`; the rest stay due.
 */
export function advanceClock(clock: FixedClock, wallS: number, speed: number, stepS: number): number {
  if (!(speed > 0)) {
    // Paused: the world holds from this frame on. Steps still due are dropped; the fraction stays, so nothing jumps.
    clock.accS %= stepS;
    return 0;
  }
  if (wallS > 0 && wallS <= STALL_S) clock.accS += wallS * speed;
  // Kept within the current speed's backlog, so slowing down (60× → 1×) does not run on at the old speed,
  // and within its lead (a relay that landed ahead of time), so the page never waits long for the clock.
  clock.accS = Math.min(Math.max(clock.accS, -MAX_AHEAD_WALL_S * speed), MAX_BACKLOG_WALL_S * speed + stepS);
  return Math.floor(clock.accS / stepS);
}

/** Takes `steps` stepped steps off the time due. */
export function spendSteps(clock: FixedClock, steps: number, stepS: number): void {
  clock.accS = Math.max(0, clock.accS - steps * stepS);
}

/**
 * Where the page's frames have fallen behind (at least `RELAY_BEHIND_WALL_S` of wall-clock time due
 * after the frame's own steps): the tick a worker should run to from `tick`, so that its answer, coming
 * back about `roundTripS` later, lands where the clock will then stand. Null while the page keeps up.
 */
export function relayTarget(clock: FixedClock, tick: number, speed: number, stepS: number, roundTripS: number): number | null {
  if (!(speed > 0) || clock.accS < RELAY_BEHIND_WALL_S * speed) return null;
  const leadS = Math.min(Math.max(0, roundTripS), MAX_AHEAD_WALL_S) * speed;
  return tick + Math.floor((clock.accS + leadS) / stepS);
}

/**
 * The page jumped `steps` ahead (a relay's answer): they are taken off the time due. An answer that
 * landed ahead of the clock leaves it owing that time (no steps due until wall-clock time catches up).
 */
export function jumpClock(clock: FixedClock, steps: number, stepS: number): void {
  clock.accS -= Math.max(0, steps) * stepS;
}

/** How far between the last step and the next the clock stands, 0..1 (for interpolation). */
export function clockAlpha(clock: FixedClock, stepS: number): number {
  return Math.min(1, Math.max(0, clock.accS / stepS));
}

/** Simulation speeds a person can choose (simulated seconds per second). */
export const SPEEDS = [1, 10, 60] as const;
export type Speed = (typeof SPEEDS)[number];

/** The simulation's time as the person sets it. */
export interface SimTime {
  speed: Speed;
  paused: boolean;
}

/** The next speed after `t`'s (1×, 10×, 60×), then paused, then 1× again: the in-VR menu's Speed row. */
export function nextSpeed(t: SimTime): SimTime {
  if (t.paused) return { speed: 1, paused: false };
  const next = SPEEDS[SPEEDS.indexOf(t.speed) + 1];
  return next === undefined ? { ...t, paused: true } : { speed: next, paused: false };
}

/** A simulated time as h:mm:ss. */
export function formatSimTime(simS: number): string {
  const s = Math.max(0, Math.floor(simS));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}
