import { describe, expect, it } from 'vitest';
import { createRig, DEFAULT_RIG_OPTIONS, updateRig, wrapAngleRad } from '../../src/input/intents';
import { isMoveKey, lookIntentFromDrag, moveIntentFromKeys } from '../../src/input/flat-mapping';

const deg = (d: number) => (d * Math.PI) / 180;

describe('updateRig', () => {
  it('walks forward along +z at yaw 0 at the walk speed', () => {
    const r = updateRig(createRig(), { kind: 'move', forward: 1, right: 0 }, 1);
    expect(r.zM).toBeCloseTo(DEFAULT_RIG_OPTIONS.walkSpeedMps);
    expect(r.xM).toBeCloseTo(0);
  });

  it('walks forward along +x after turning 90° right', () => {
    const turned = updateRig(createRig(), { kind: 'turn', yawDeltaRad: deg(90) }, 0);
    const r = updateRig(turned, { kind: 'move', forward: 1, right: 0 }, 0.5);
    expect(r.xM).toBeCloseTo(DEFAULT_RIG_OPTIONS.walkSpeedMps / 2);
    expect(r.zM).toBeCloseTo(0);
  });

  it('strafes right along +x at yaw 0', () => {
    const r = updateRig(createRig(), { kind: 'move', forward: 0, right: 1 }, 1);
    expect(r.xM).toBeCloseTo(DEFAULT_RIG_OPTIONS.walkSpeedMps);
  });

  it('clamps walking to the floor bounds', () => {
    const r = updateRig(createRig(), { kind: 'move', forward: 1, right: 0 }, 1000);
    expect(r.zM).toBe(DEFAULT_RIG_OPTIONS.bounds.maxZ);
  });

  it('clamps pitch and wraps yaw', () => {
    const r = updateRig(createRig(), { kind: 'look', yawDeltaRad: deg(270), pitchDeltaRad: deg(200) }, 0);
    expect(r.pitchRad).toBeCloseTo(DEFAULT_RIG_OPTIONS.maxPitchRad);
    expect(r.yawRad).toBeCloseTo(deg(-90));
  });

  it('teleports to a floor point, keeping eye height', () => {
    const r = updateRig(createRig({ yM: 1.2 }), { kind: 'teleport', x: 3, z: -4 }, 0);
    expect([r.xM, r.yM, r.zM]).toEqual([3, 1.2, -4]);
  });

  it('ignores non-finite input and zero time steps', () => {
    const rig = createRig();
    expect(updateRig(rig, { kind: 'move', forward: Number.NaN, right: 0 }, 1)).toBe(rig);
    expect(updateRig(rig, { kind: 'move', forward: 1, right: 0 }, 0)).toBe(rig);
    expect(updateRig(rig, { kind: 'teleport', x: Infinity, z: 0 }, 0)).toBe(rig);
    expect(updateRig(rig, { kind: 'turn', yawDeltaRad: Number.NaN }, 0)).toBe(rig);
  });

  it('wraps angles into (-π, π]', () => {
    expect(wrapAngleRad(Math.PI)).toBeCloseTo(Math.PI);
    expect(wrapAngleRad(-Math.PI)).toBeCloseTo(Math.PI);
    expect(wrapAngleRad(3 * Math.PI + 0.5)).toBeCloseTo(-Math.PI + 0.5);
  });
});

describe('flat input mapping', () => {
  it('maps WASD and arrows to walk axes, normalising diagonals', () => {
    expect(moveIntentFromKeys(['KeyW'])).toEqual({ kind: 'move', forward: 1, right: 0 });
    expect(moveIntentFromKeys(['ArrowLeft'])).toEqual({ kind: 'move', forward: 0, right: -1 });
    const diag = moveIntentFromKeys(['KeyW', 'KeyD']);
    expect(diag).toMatchObject({ kind: 'move' });
    if (diag?.kind !== 'move') throw new Error('expected a move');
    expect(Math.hypot(diag.forward, diag.right)).toBeCloseTo(1);
  });

  it('returns null when keys cancel out or none walk', () => {
    expect(moveIntentFromKeys(['KeyW', 'KeyS'])).toBeNull();
    expect(moveIntentFromKeys(['KeyQ'])).toBeNull();
    expect(moveIntentFromKeys([])).toBeNull();
  });

  it('does not count a key held twice (W and ArrowUp are one axis each)', () => {
    expect(moveIntentFromKeys(['KeyW', 'KeyW'])).toEqual({ kind: 'move', forward: 1, right: 0 });
  });

  it('knows which keys walk', () => {
    expect(isMoveKey('KeyA')).toBe(true);
    expect(isMoveKey('Space')).toBe(false);
  });

  it('points the view with a mouse drag and grabs the world with a touch drag', () => {
    expect(lookIntentFromDrag(100, 0, { radPerPx: 0.01, grab: false })).toEqual({ kind: 'look', yawDeltaRad: 1, pitchDeltaRad: -0 });
    expect(lookIntentFromDrag(100, -50, { radPerPx: 0.01, grab: true })).toEqual({
      kind: 'look',
      yawDeltaRad: -1,
      pitchDeltaRad: -0.5,
    });
  });
});
