import { describe, expect, it } from 'vitest';
import { createRig, DEFAULT_RIG_OPTIONS, glideRig, updateRig, type Intent } from '../../src/input/intents';
import {
  keyAction,
  lookIntentFromOrientation,
  moveIntentFromStick,
  stickKnobOffset,
  zoomIntentFromPinch,
  zoomIntentFromWheel,
} from '../../src/input/flat-mapping';

const move = (i: Intent | null) => (i?.kind === 'move' ? i : null);

describe('on-screen stick', () => {
  const o = { radiusPx: 50 };
  it('does nothing inside the dead zone', () => {
    expect(moveIntentFromStick(0, 0, o)).toBeNull();
    expect(moveIntentFromStick(5, -5, o)).toBeNull();
  });
  it('walks forward when pushed up and right when pushed right, full speed at the rim', () => {
    const up = move(moveIntentFromStick(0, -50, o))!;
    expect(up.forward).toBeCloseTo(1);
    expect(up.right).toBeCloseTo(0);
    const right = move(moveIntentFromStick(80, 0, o))!;
    expect(right.right).toBeCloseTo(1);
    expect(right.forward).toBeCloseTo(0);
  });
  it('grows from zero at the dead zone edge and never exceeds full speed', () => {
    const edge = move(moveIntentFromStick(0, -8, o))!;
    expect(Math.hypot(edge.forward, edge.right)).toBeLessThan(0.05);
    for (const [x, y] of [
      [200, 200],
      [-300, 10],
      [0, 51],
    ] as const) {
      const m = move(moveIntentFromStick(x, y, o))!;
      expect(Math.hypot(m.forward, m.right)).toBeLessThanOrEqual(1 + 1e-9);
    }
  });
  it('keeps the knob on the rim', () => {
    expect(stickKnobOffset(30, 40, 50)).toEqual({ x: 30, y: 40 });
    const k = stickKnobOffset(300, 400, 50);
    expect(Math.hypot(k.x, k.y)).toBeCloseTo(50);
  });
});

describe('zoom', () => {
  it('spreading two fingers zooms in, pinching zooms out, within limits', () => {
    let rig = createRig();
    rig = updateRig(rig, zoomIntentFromPinch(100, 200)!, 0);
    expect(rig.zoom).toBeCloseTo(2);
    rig = updateRig(rig, zoomIntentFromPinch(100, 1000)!, 0);
    expect(rig.zoom).toBe(DEFAULT_RIG_OPTIONS.maxZoom);
    rig = updateRig(rig, zoomIntentFromPinch(1000, 10)!, 0);
    expect(rig.zoom).toBe(1);
  });
  it('ignores degenerate pinches and odd factors', () => {
    expect(zoomIntentFromPinch(0, 100)).toBeNull();
    expect(zoomIntentFromPinch(100, 100)).toBeNull();
    expect(updateRig(createRig(), { kind: 'zoom', factor: Number.NaN }, 0).zoom).toBe(1);
    expect(updateRig(createRig(), { kind: 'zoom', factor: -2 }, 0).zoom).toBe(1);
  });
  it('wheel up zooms in, down zooms out', () => {
    const up = zoomIntentFromWheel(-100);
    const down = zoomIntentFromWheel(100);
    expect(up?.kind === 'zoom' && up.factor).toBeGreaterThan(1);
    expect(down?.kind === 'zoom' && down.factor).toBeLessThan(1);
    expect(zoomIntentFromWheel(0)).toBeNull();
  });
});

describe('gyroscope look', () => {
  const at = (alpha: number, beta: number, gamma = 0) => ({ alpha, beta, gamma });
  it('turning the phone left (alpha up) turns the view left; tilting up looks up (portrait)', () => {
    const i = lookIntentFromOrientation(at(10, 80), at(20, 85), 0);
    if (i?.kind !== 'look') throw new Error(`expected a look intent, got ${JSON.stringify(i)}`);
    expect(i.yawDeltaRad).toBeCloseTo((-10 * Math.PI) / 180);
    expect(i.pitchDeltaRad).toBeCloseTo((5 * Math.PI) / 180);
  });
  it('takes the short way round through 0/360', () => {
    const i = lookIntentFromOrientation(at(355, 90), at(5, 90), 0);
    expect(i?.kind === 'look' && i.yawDeltaRad).toBeCloseTo((-10 * Math.PI) / 180);
  });
  it('uses gamma for pitch in landscape, signed by the way the phone was turned', () => {
    const l90 = lookIntentFromOrientation(at(0, 0, -60), at(0, 0, -50), 90);
    const l270 = lookIntentFromOrientation(at(0, 0, 60), at(0, 0, 50), 270);
    expect(l90?.kind === 'look' && l90.pitchDeltaRad).toBeCloseTo((-10 * Math.PI) / 180);
    expect(l270?.kind === 'look' && l270.pitchDeltaRad).toBeCloseTo((-10 * Math.PI) / 180);
  });
  it('returns nothing for no change or bad readings', () => {
    expect(lookIntentFromOrientation(at(1, 2), at(1, 2), 0)).toBeNull();
    expect(lookIntentFromOrientation(at(1, 2), at(Number.NaN, 2), 0)).toBeNull();
  });
});

describe('tap-to-walk', () => {
  it('glides to the goal at the glide speed, then stops there', () => {
    let rig = updateRig(createRig(), { kind: 'walk-to', x: 0, z: 6 }, 0);
    expect(rig.zM).toBe(0);
    rig = glideRig(rig, 1);
    expect(rig.zM).toBeCloseTo(DEFAULT_RIG_OPTIONS.glideSpeedMps);
    rig = glideRig(rig, 5);
    expect(rig).toMatchObject({ xM: 0, zM: 6, goal: null });
  });
  it('is cancelled by walking, and jumps when motion is reduced', () => {
    const going = updateRig(createRig(), { kind: 'walk-to', x: 3, z: 0 }, 0);
    expect(updateRig(going, { kind: 'move', forward: 1, right: 0 }, 0.1).goal).toBeNull();
    const jumped = glideRig(going, 0.016, { ...DEFAULT_RIG_OPTIONS, glideSpeedMps: Number.POSITIVE_INFINITY });
    expect(jumped).toMatchObject({ xM: 3, zM: 0, goal: null });
  });
  it('keeps the goal inside the floor', () => {
    const rig = updateRig(createRig(), { kind: 'walk-to', x: 1e6, z: Number.NaN }, 0);
    expect(rig.goal ?? null).toBeNull();
    const inside = updateRig(createRig(), { kind: 'walk-to', x: 1e6, z: 0 }, 0);
    expect(inside.goal?.x).toBe(DEFAULT_RIG_OPTIONS.bounds.maxX);
  });
});

describe('keyAction', () => {
  it('Enter and Space select at the centre; I takes out the pack there to inspect; ] and [ step through the robots; other or modified keys do nothing', () => {
    expect(keyAction('Enter', false)).toBe('select-centre');
    expect(keyAction(' ', false)).toBe('select-centre');
    expect(keyAction(']', false)).toBe('next-robot');
    expect(keyAction('[', false)).toBe('previous-robot');
    expect(keyAction('i', false)).toBe('inspect-centre');
    expect(keyAction('I', false)).toBe('inspect-centre');
    expect(keyAction('i', true)).toBeNull();
    expect(keyAction(']', true)).toBeNull();
    expect(keyAction('x', false)).toBeNull();
  });
});
