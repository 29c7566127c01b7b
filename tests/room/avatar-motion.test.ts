import { describe, expect, it } from 'vitest';
import { ease, easeAngleDeg } from '../../src/room/avatar-motion';

describe('avatar motion', () => {
  it('eases towards the target, the same at 90 Hz as at 30 Hz', () => {
    let a = 0;
    let b = 0;
    for (let i = 0; i < 9; i++) a = ease(a, 1, 1 / 90);
    for (let i = 0; i < 3; i++) b = ease(b, 1, 1 / 30);
    expect(a).toBeCloseTo(b, 6);
    expect(a).toBeGreaterThan(0.8);
    expect(a).toBeLessThan(1);
  });
  it('starts at the target when it has no position yet, and never overshoots', () => {
    expect(ease(Number.NaN, 3, 0.01)).toBe(3);
    expect(ease(0, 1, 5)).toBeLessThanOrEqual(1);
  });
  it('turns the short way round', () => {
    const turned = easeAngleDeg(170, -170, 1);
    expect(turned).toBeGreaterThan(170);
    expect(Math.abs(easeAngleDeg(10, 20, 0.05) - 10)).toBeLessThan(10);
  });
});
