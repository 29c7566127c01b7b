import { describe, expect, it } from 'vitest';
import {
  advanceClock,
  clockAlpha,
  createFixedClock,
  formatSimTime,
  jumpClock,
  MAX_AHEAD_WALL_S,
  MAX_BACKLOG_WALL_S,
  RELAY_BEHIND_WALL_S,
  relayTarget,
  spendSteps,
  STALL_S,
} from '../../src/sim/clock';

/** Runs `seconds` of frames at `fps` and `speed`, stepping at most `perFrame` due steps a frame; returns the steps run. */
function run(fps: number, seconds: number, speed: number, perFrame = Infinity): number {
  const clock = createFixedClock();
  let steps = 0;
  for (let i = 0; i < fps * seconds; i++) {
    const due = Math.min(perFrame, advanceClock(clock, 1 / fps, speed, 0.1));
    spendSteps(clock, due, 0.1);
    steps += due;
  }
  return steps;
}

describe('fixed-step clock', () => {
  it('runs the same number of 10 Hz steps at 72, 90 and 120 Hz frames', () => {
    for (const hz of [72, 90, 120]) {
      expect(run(hz, 10, 1)).toBeGreaterThanOrEqual(99);
      expect(run(hz, 10, 1)).toBeLessThanOrEqual(100);
    }
  });

  it('keeps to wall-clock time × speed at 2 to 5 frames a second', () => {
    for (const fps of [2, 3, 5]) {
      expect(run(fps, 20, 1)).toBeGreaterThanOrEqual(199);
      // 60×: 600 steps a second, every one of them run.
      expect(run(fps, 20, 60)).toBeGreaterThanOrEqual(11_990);
    }
  });

  it('carries what a frame could not afford over to the next ones', () => {
    // 60× at 60 Hz is 10 steps a frame; a device that runs 12 a frame still keeps up.
    expect(run(60, 10, 60, 12)).toBeGreaterThanOrEqual(5990);
  });

  it('falls behind, without piling up work, where a device cannot keep up', () => {
    const clock = createFixedClock();
    for (let i = 0; i < 600; i++) {
      advanceClock(clock, 1 / 60, 60, 0.1);
      spendSteps(clock, 5, 0.1);
    }
    expect(clock.accS).toBeLessThanOrEqual(MAX_BACKLOG_WALL_S * 60 + 0.1);
  });

  it('reports the fraction toward the next step', () => {
    const clock = createFixedClock();
    expect(advanceClock(clock, 0.25, 1, 0.1)).toBe(2);
    spendSteps(clock, 2, 0.1);
    expect(clockAlpha(clock, 0.1)).toBeCloseTo(0.5);
  });

  it('drops a long stall instead of fast-forwarding through it', () => {
    const clock = createFixedClock();
    expect(advanceClock(clock, STALL_S + 29, 1, 0.1)).toBe(0);
    expect(clock.accS).toBe(0);
  });

  it('adds nothing while paused, or for zero, negative and NaN frame times', () => {
    const clock = createFixedClock();
    expect(advanceClock(clock, 0.5, 0, 0.1)).toBe(0);
    for (const dt of [0, -1, Number.NaN]) expect(advanceClock(clock, dt, 1, 0.1)).toBe(0);
    expect(clock.accS).toBe(0);
  });

  it('holds at once when paused: steps still due are dropped, the fraction between steps kept', () => {
    const clock = createFixedClock();
    // A device that could not keep up at 60×: a backlog of steps is due.
    expect(advanceClock(clock, 0.5, 60, 0.1)).toBe(300);
    spendSteps(clock, 12, 0.1);
    clock.accS += 0.04;
    expect(advanceClock(clock, 1 / 60, 0, 0.1)).toBe(0);
    expect(clockAlpha(clock, 0.1)).toBeCloseTo(0.4);
    expect(advanceClock(clock, 1 / 60, 0, 0.1)).toBe(0);
  });

  it('slowing down drops the backlog the faster speed built', () => {
    const clock = createFixedClock();
    advanceClock(clock, 1, 60, 0.1);
    expect(advanceClock(clock, 1 / 60, 1, 0.1)).toBeLessThanOrEqual((MAX_BACKLOG_WALL_S * 1 + 0.1) / 0.1 + 1);
  });

  it('relays to a worker only where the frames fell behind', () => {
    const clock = createFixedClock();
    // 60× at 60 Hz, every due step run: never behind.
    for (let i = 0; i < 60; i++) {
      spendSteps(clock, advanceClock(clock, 1 / 60, 60, 0.1), 0.1);
      expect(relayTarget(clock, 100, 60, 0.1, 0.3)).toBeNull();
    }
    // A 5 fps frame at 60× that ran 6 of its 120 steps: 11.4 simulated s due, short of the 15 s (0.25 s × 60) line.
    spendSteps(clock, Math.min(6, advanceClock(clock, 0.2, 60, 0.1)), 0.1);
    expect(clock.accS).toBeLessThan(RELAY_BEHIND_WALL_S * 60);
    expect(relayTarget(clock, 100, 60, 0.1, 0.3)).toBeNull();
    // The next such frame is behind: the worker runs the time due plus its round trip (0.3 s × 60 = 180 steps).
    spendSteps(clock, Math.min(6, advanceClock(clock, 0.2, 60, 0.1)), 0.1);
    const due = Math.floor(clock.accS / 0.1 + 1e-9);
    expect(due).toBe(228);
    expect(Math.abs((relayTarget(clock, 100, 60, 0.1, 0.3) ?? 0) - (100 + due + 180))).toBeLessThanOrEqual(1);
    // Paused, nothing is relayed.
    expect(relayTarget(clock, 100, 0, 0.1, 0.3)).toBeNull();
  });

  it('at 60× on frames that afford 6 steps, a relay keeps simulated time on wall-clock time × speed', () => {
    // A model of the page and its worker: frames at 5 fps run 6 steps each; a relay's answer comes back
    // 0.3 s (1.5 frames) after it was asked, at the tick it was asked for.
    const clock = createFixedClock();
    let tick = 0;
    let pending: { tick: number; at: number } | null = null;
    let roundTripS = 0.5;
    const fps = 5;
    for (let frame = 1; frame <= fps * 20; frame++) {
      const now = frame / fps;
      const run = Math.min(6, Math.max(0, advanceClock(clock, 1 / fps, 60, 0.1)));
      spendSteps(clock, run, 0.1);
      tick += run;
      if (pending && now >= pending.at) {
        jumpClock(clock, pending.tick - tick, 0.1);
        tick = pending.tick;
        roundTripS = 0.4;
        pending = null;
      }
      const target: number | null = pending ? null : relayTarget(clock, tick, 60, 0.1, roundTripS);
      if (target !== null) pending = { tick: target, at: now + 0.4 };
    }
    // Without the relay the page would reach 6 × 100 steps (60 simulated s); with it, within a wall-clock second of 20 s × 60.
    expect(tick * 0.1).toBeGreaterThan(20 * 60 - 60);
    expect(tick * 0.1).toBeLessThan(20 * 60 + 60);
  });

  it('an answer ahead of the clock is owed, within the lead, and slowing down shortens what is owed', () => {
    const clock = createFixedClock();
    jumpClock(clock, 300, 0.1);
    expect(advanceClock(clock, 1 / 60, 60, 0.1)).toBeLessThanOrEqual(0);
    expect(clock.accS).toBeGreaterThanOrEqual(-MAX_AHEAD_WALL_S * 60);
    expect(advanceClock(clock, 1 / 60, 1, 0.1)).toBeLessThanOrEqual(0);
    expect(clock.accS).toBeGreaterThanOrEqual(-MAX_AHEAD_WALL_S * 1);
    expect(clockAlpha(clock, 0.1)).toBe(0);
  });

  it('shows simulated time as h:mm:ss', () => {
    expect(formatSimTime(0)).toBe('0:00:00');
    expect(formatSimTime(3725.9)).toBe('1:02:05');
  });
});
