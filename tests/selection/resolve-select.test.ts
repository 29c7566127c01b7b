import { describe, expect, it } from 'vitest';
import { createGeometry } from '../../src/layout/geometry';
import { rayAtHeight, resolveSelect, type SelectWorld } from '../../src/selection/resolve-select';
import type { Ray } from '../../src/selection/pick';
import { loadLayout } from '../sim/support';

const world: SelectWorld = {
  geometry: createGeometry(loadLayout('default')),
  robots: [{ xM: 0, zM: -8 }],
  board: { zM: 13, minX: -3, maxX: 3, minY: 2, maxY: 4 },
};
const atRobot: Ray = { origin: [0, 1.6, -10], direction: [0, -0.3, 1] };
const atFloor: Ray = { origin: [0.5, 1.6, -10], direction: [0, -1.6, 1] };
const atSky: Ray = { origin: [0, 1.6, -10], direction: [0, 1, 0] };

describe('resolveSelect', () => {
  it('a robot, a bin or the board shows its card, in every mode', () => {
    for (const mode of ['flat', 'immersive-vr', 'immersive-ar'] as const)
      expect(resolveSelect(atRobot, world, mode)).toEqual({ kind: 'card', target: { kind: 'robot', id: 0 } });
  });

  it('the floor: a glide in 2D, a teleport in VR, and the model moves in passthrough', () => {
    const walk = resolveSelect(atFloor, world, 'flat');
    expect(walk).toMatchObject({ kind: 'walk-to' });
    if (walk.kind === 'walk-to') {
      expect(walk.xM).toBeCloseTo(0.5);
      expect(walk.zM).toBeCloseTo(-9);
    }
    expect(resolveSelect(atFloor, world, 'immersive-vr')).toMatchObject({ kind: 'teleport', xM: walk.kind === 'walk-to' ? walk.xM : NaN });
    expect(resolveSelect(atFloor, world, 'immersive-ar')).toEqual({ kind: 'place-model' });
  });

  it('nothing met: the card closes, except in passthrough, where the model moves', () => {
    expect(resolveSelect(atSky, world, 'flat')).toEqual({ kind: 'clear' });
    expect(resolveSelect(atSky, world, 'immersive-vr')).toEqual({ kind: 'clear' });
    expect(resolveSelect(atSky, world, 'immersive-ar')).toEqual({ kind: 'place-model' });
  });
});

describe('rayAtHeight: placing the table-top model by hand where no surface was found', () => {
  it('is where a downward ray comes down to the height', () => {
    const p = rayAtHeight({ origin: [0.6, 1.3, 0.1], direction: [0, -Math.SQRT1_2, Math.SQRT1_2] }, 1.0)!;
    expect(p.x).toBeCloseTo(0.6, 6);
    expect(p.y).toBe(1.0);
    expect(p.z).toBeCloseTo(0.4, 6);
  });
  it('is null for a level or upward ray, or a height above a downward one', () => {
    expect(rayAtHeight({ origin: [0, 1.3, 0], direction: [0, 0, 1] }, 1)).toBeNull();
    expect(rayAtHeight({ origin: [0, 1.3, 0], direction: [0, 0.5, 0.5] }, 1)).toBeNull();
    expect(rayAtHeight({ origin: [0, 1.3, 0], direction: [0, -1, 0] }, 2)).toBeNull();
  });
});
