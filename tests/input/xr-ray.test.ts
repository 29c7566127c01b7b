import { describe, expect, it } from 'vitest';
import { rayFromXrPose } from '../../src/input/xr-ray';

const identity = { x: 0, y: 0, z: 0, w: 1 };
const yaw = (deg: number) => ({ x: 0, y: Math.sin((deg * Math.PI) / 360), z: 0, w: Math.cos((deg * Math.PI) / 360) });

describe('rayFromXrPose', () => {
  it('an unrotated controller points forward: -z in WebXR is +z in the scene', () => {
    const r = rayFromXrPose({ position: { x: 1, y: 1.2, z: -3 }, orientation: identity });
    expect(r.origin).toEqual([1, 1.2, 3]);
    expect(r.direction.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, 0, 1]);
  });

  it('a controller turned 90° left in WebXR points to -x in both systems', () => {
    const r = rayFromXrPose({ position: { x: 0, y: 0, z: 0 }, orientation: yaw(90) });
    expect(r.direction[0]).toBeCloseTo(-1);
    expect(r.direction[2]).toBeCloseTo(0);
  });

  it('keeps the direction unit length', () => {
    const q = { x: 0.2, y: 0.3, z: 0.1, w: Math.sqrt(1 - 0.04 - 0.09 - 0.01) };
    const d = rayFromXrPose({ position: { x: 0, y: 0, z: 0 }, orientation: q }).direction;
    expect(Math.hypot(...d)).toBeCloseTo(1);
  });
});
