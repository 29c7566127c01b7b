import { describe, expect, it } from 'vitest';
import { aimAlong, aimBox, pickTarget } from '../../src/selection/pick';
import { createGeometry } from '../../src/layout/geometry';
import { validateLayout } from '../../src/layout/validate';
import layoutJson from '../../assets/layouts/default.json';
import type { Ray } from '../../src/input/intents';

const r = validateLayout(layoutJson);
if (!r.ok) throw new Error('default layout invalid');
const g = createGeometry(r.layout);
const board = { zM: 1e6, minX: 0, maxX: 0, minY: 0, maxY: 0 };

describe('aims', () => {
  it('name the robot a ray meets, before what is behind it', () => {
    const robots = [{ xM: 0, zM: 5 }];
    const ray: Ray = { origin: [0, 1, 0], direction: [0, 0, 1] };
    expect(aimAlong([ray], g, robots, board)).toEqual({ kind: 'robot', id: 0 });
    const box = aimBox({ kind: 'robot', id: 0 }, g, robots);
    expect(box?.center[0]).toBe(0);
    expect(box?.center[2]).toBe(5);
  });
  it('name the bin a ray meets, and its box holds the bin', () => {
    const bin = g.bins[0]!;
    const at: [number, number, number] = [bin.xM, bin.yM + 0.1, bin.zM];
    // From 3 m away along x, towards the bin's middle.
    const origin: [number, number, number] = [bin.xM - 3, at[1], bin.zM];
    const ray: Ray = { origin, direction: [1, 0, 0] };
    const picked = pickTarget(ray, g, [], board);
    const aim = aimAlong([null, ray], g, [], board);
    expect(picked?.kind).toBe('bin');
    expect(aim).toEqual(picked?.kind === 'bin' ? { kind: 'bin', id: picked.index } : null);
    if (aim) {
      const box = aimBox(aim, g, [])!;
      const target = g.bins[aim.id]!;
      expect(Math.abs(box.center[0] - target.xM)).toBeLessThan(1e-9);
      expect(box.size[2]).toBeGreaterThan(target.lengthM);
    }
  });
  it('are nothing when the rays meet only the floor, or nothing at all', () => {
    expect(aimAlong([{ origin: [0, 1.6, -1e4], direction: [0, -1, 0] }, null], g, [], board)).toBeNull();
    expect(aimAlong([], g, [], board)).toBeNull();
  });
  it('name nothing that is not here (a robot or bin of another layout)', () => {
    expect(aimBox({ kind: 'robot', id: 3 }, g, [])).toBeNull();
    expect(aimBox({ kind: 'bin', id: g.bins.length }, g, [])).toBeNull();
  });
});
