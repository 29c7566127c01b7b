import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clampScale,
  MAX_TABLE_SCALE,
  MIN_TABLE_SCALE,
  TABLE_SCALE,
  toModelPoint,
  toModelRay,
  toWorldPoint,
  type Placement,
  samePlacement,
} from '../../src/world/placement';

const table: Placement = { x: 0.3, y: 0.8, z: -1, yawRad: 0, scale: TABLE_SCALE };

describe('table-top placement', () => {
  it('puts the model floor centre on the table point', () => {
    expect(toModelPoint(table, 0.3, 0.8, -1)).toEqual([0, 0, 0]);
    expect(toWorldPoint(table, 0, 0, 0)).toEqual([0.3, 0.8, -1]);
  });
  it('shrinks the model: 40 model metres are one world metre', () => {
    const [x, y, z] = toWorldPoint(table, 40, 0, 0);
    expect(x).toBeCloseTo(1.3);
    expect(y).toBeCloseTo(0.8);
    expect(z).toBeCloseTo(-1);
  });
  it('turns with Babylon\u2019s convention: +90° sends model +z to world +x', () => {
    const turned = { ...table, yawRad: Math.PI / 2 };
    const [x, , z] = toWorldPoint(turned, 0, 0, 40);
    expect(x).toBeCloseTo(1.3);
    expect(z).toBeCloseTo(-1);
  });
  it('round-trips any point and maps rays consistently', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.double({ min: -5, max: 5, noNaN: true }),
          y: fc.double({ min: 0, max: 2, noNaN: true }),
          z: fc.double({ min: -5, max: 5, noNaN: true }),
          yawRad: fc.double({ min: -7, max: 7, noNaN: true }),
          scale: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
        }),
        fc.tuple(fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true })),
        (p, [mx, my, mz]) => {
          const [wx, wy, wz] = toWorldPoint(p, mx, my, mz);
          const back = toModelPoint(p, wx, wy, wz);
          expect(back[0]).toBeCloseTo(mx, 6);
          expect(back[1]).toBeCloseTo(my, 6);
          expect(back[2]).toBeCloseTo(mz, 6);
          const ray = toModelRay(p, { origin: [wx, wy + 1, wz], direction: [0, -1, 0] });
          expect(ray.direction[1]).toBeCloseTo(-1, 6);
          expect(ray.origin[1]).toBeCloseTo(my + 1 / p.scale, 4);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('keeps the scale in range', () => {
    expect(clampScale(1)).toBe(MAX_TABLE_SCALE);
    expect(clampScale(0)).toBe(MIN_TABLE_SCALE);
    expect(clampScale(Number.NaN)).toBe(TABLE_SCALE);
  });
});

describe('samePlacement', () => {
  const p = { x: 1, y: 0.8, z: -2, yawRad: 0.3, scale: 1 / 40 };
  it('is true for equal placements and for null with null', () => {
    expect(samePlacement(null, null)).toBe(true);
    expect(samePlacement(p, { ...p })).toBe(true);
  });
  it('is false when any field differs, or only one is null', () => {
    expect(samePlacement(p, null)).toBe(false);
    expect(samePlacement(null, p)).toBe(false);
    for (const k of ['x', 'y', 'z', 'yawRad', 'scale'] as const) expect(samePlacement(p, { ...p, [k]: p[k] + 0.001 })).toBe(false);
  });
});
