import { describe, expect, it } from 'vitest';
import { advanceClock, clockAlpha, createFixedClock } from '../../src/sim/clock';

describe('fixed-step clock', () => {
  it('runs the same number of 10 Hz steps at 72, 90 and 120 Hz frames', () => {
    for (const hz of [72, 90, 120]) {
      const clock = createFixedClock();
      let steps = 0;
      for (let i = 0; i < hz * 10; i++) steps += advanceClock(clock, 1 / hz, 0.1, 5);
      expect(steps).toBeGreaterThanOrEqual(99);
      expect(steps).toBeLessThanOrEqual(100);
    }
  });

  it('reports the fraction toward the next step', () => {
    const clock = createFixedClock();
    expect(advanceClock(clock, 0.25, 0.1, 5)).toBe(2);
    expect(clockAlpha(clock, 0.1)).toBeCloseTo(0.5);
  });

  it('drops a long stall instead of fast-forwarding through it', () => {
    const clock = createFixedClock();
    expect(advanceClock(clock, 30, 0.1, 5)).toBe(5);
    expect(clock.accS).toBe(0);
  });

  it('ignores zero, negative and NaN frame times', () => {
    const clock = createFixedClock();
    for (const dt of [0, -1, Number.NaN]) expect(advanceClock(clock, dt, 0.1, 5)).toBe(0);
    expect(clock.accS).toBe(0);
  });
});
