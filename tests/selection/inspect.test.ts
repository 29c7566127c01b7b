import { describe, expect, it } from 'vitest';
import { createGeometry } from '../../src/layout/geometry';
import { packPlace } from '../../src/layout/stock';
import { INSPECT, pickPack, returnFraction, turnView, twoHandScale, viewScale } from '../../src/selection/inspect';
import type { Ray } from '../../src/input/intents';
import { loadLayout } from '../sim/support';

const g = createGeometry(loadLayout('default'));
const board = { zM: 100, minX: 0, maxX: 0, minY: 0, maxY: 0 };

/** A ray from 1.2 m out in the aisle, level, at a point. */
function rayAt(p: readonly [number, number, number], side: 1 | -1): Ray {
  const origin = [p[0] + side * 1.2, p[1], p[2]] as const;
  return { origin, direction: [-side, 0, 0] };
}

describe('grab and inspect: the pack a ray takes', () => {
  const bin = g.bins.findIndex((b) => b.level === 1);
  const b = g.bins[bin]!;
  it('takes the front pack the ray meets, where the stock draws it', () => {
    const front = packPlace(g, bin, 1)!;
    const got = pickPack(rayAt([front.x, front.y, front.z], b.side), g, [], board);
    expect(got).toMatchObject({ bin, n: 1, x: front.x, y: front.y, z: front.z, facing: b.side });
  });
  it('takes the nearest pack where the ray passes between packs, and none off the racks or behind a robot', () => {
    const a = packPlace(g, bin, 0)!;
    const above = pickPack(rayAt([a.x, a.y + a.size[1] / 2 + 0.02, a.z], b.side), g, [], board);
    expect(above?.bin).toBe(bin);
    expect(pickPack({ origin: [0, 1.6, -20], direction: [0, 0, -1] }, g, [], board)).toBeNull();
    const ray = rayAt([a.x, a.y, a.z], b.side);
    const robot = { xM: a.x + b.side * 0.6, zM: a.z };
    expect(pickPack(ray, g, [robot], board)).toBeNull();
  });
});

describe('grab and inspect: holding, scaling, letting go', () => {
  it('scales with the hands\u2019 gap, within the limits', () => {
    expect(twoHandScale(1, 0.2, 0.4)).toBeCloseTo(2);
    expect(twoHandScale(2, 0.3, 0.15)).toBeCloseTo(1);
    expect(twoHandScale(1, 0.2, 10)).toBe(INSPECT.maxScale);
    expect(twoHandScale(1, 0.2, 0.001)).toBe(INSPECT.minScale);
    expect(twoHandScale(1.5, 0, 0.4)).toBe(1.5);
    expect(twoHandScale(1.5, 0.2, Number.NaN)).toBe(1.5);
  });
  it('goes home over the return time, fast then settling', () => {
    expect(returnFraction(0)).toBe(0);
    expect(returnFraction(INSPECT.returnS / 2)).toBeGreaterThan(0.5);
    expect(returnFraction(INSPECT.returnS)).toBe(1);
    expect(returnFraction(5)).toBe(1);
    expect(returnFraction(-1)).toBe(0);
  });
  it('shows a pack in a screen\u2019s view at a size one can read, and turns it by drags', () => {
    expect(viewScale([0.04, 0.06, 0.12]) * 0.12).toBeCloseTo(INSPECT.viewSideM);
    expect(viewScale([0.5, 0.5, 0.5])).toBe(INSPECT.minScale);
    expect(turnView({ yawRad: 0, pitchRad: 0 }, 0.5, -3)).toEqual({ yawRad: 0.5, pitchRad: -Math.PI / 2 });
    expect(turnView({ yawRad: 1, pitchRad: 0 }, Number.NaN, 0)).toEqual({ yawRad: 1, pitchRad: 0 });
  });
});
