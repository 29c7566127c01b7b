import { describe, expect, it } from 'vitest';
import {
  createLocomotion,
  LOCOMOTION,
  snapTurn,
  stepLocomotion,
  teleportArc,
  walkOnFloor,
  type LocomotionFrame,
  type LocomotionInput,
} from '../../src/input/stick-locomotion';
import type { Ray } from '../../src/input/intents';

const settings = { snapTurnDeg: 30, smoothTurn: false, smoothMove: false };
const anywhere = () => true;
/** A controller at hip height pointing forward and 30° down, like aiming a teleport. */
const aim: Ray = { origin: [0, 1.2, 0], direction: [0, -Math.sin(Math.PI / 6), Math.cos(Math.PI / 6)] };
const frame = (o: Partial<LocomotionInput>): LocomotionInput => ({ left: null, right: null, rightRay: aim, dtS: 1 / 72, ...o });
/** The frame's intents of one kind. */
const of = <K extends LocomotionFrame['intents'][number]['kind']>(out: LocomotionFrame, kind: K) =>
  out.intents.filter((i) => i.kind === kind) as Array<Extract<LocomotionFrame['intents'][number], { kind: K }>>;
const turnRad = (out: LocomotionFrame) => of(out, 'turn').reduce((sum, t) => sum + t.yawDeltaRad, 0);

describe('teleportArc', () => {
  it('lands on the floor ahead, further for a higher aim', () => {
    const low = teleportArc(aim).landing!;
    const high = teleportArc({ origin: [0, 1.2, 0], direction: [0, 0.2, 1] }).landing!;
    expect(low.x).toBeCloseTo(0);
    expect(low.z).toBeGreaterThan(0.5);
    expect(high.z).toBeGreaterThan(low.z);
  });
  it('ends at y = 0 and starts at the controller', () => {
    const { points } = teleportArc(aim);
    expect(points[0]).toEqual([0, 1.2, 0]);
    expect(points.at(-1)![1]).toBe(0);
  });
  it('lands nowhere for a bad ray', () => {
    expect(teleportArc({ origin: [0, 1, 0], direction: [0, 0, 0] }).landing).toBeNull();
    expect(teleportArc({ origin: [Number.NaN, 1, 0], direction: [0, 0, 1] }).landing).toBeNull();
  });
});

describe('stepLocomotion', () => {
  it('aims while the stick is forward and jumps to the landing on release', () => {
    const s = createLocomotion();
    const held = stepLocomotion(s, frame({ right: { x: 0, y: -1 } }), settings, anywhere);
    expect(held.arc?.length).toBeGreaterThan(3);
    expect(held.intents).toEqual([]);
    const released = stepLocomotion(s, frame({ right: { x: 0, y: 0 } }), settings, anywhere);
    expect(released.intents).toEqual([{ kind: 'teleport', ...teleportArc(aim).landing! }]);
    expect(released.arc).toBeNull();
    // One jump per aim.
    expect(stepLocomotion(s, frame({ right: { x: 0, y: 0 } }), settings, anywhere).intents).toEqual([]);
  });
  it('does not jump where one cannot stand', () => {
    const s = createLocomotion();
    stepLocomotion(s, frame({ right: { x: 0, y: -1 } }), settings, () => false);
    expect(stepLocomotion(s, frame({ right: { x: 0, y: 0 } }), settings, () => false).intents).toEqual([]);
  });
  it('snap-turns once per push by the configured angle, both ways', () => {
    for (const deg of [30, 45]) {
      const s = createLocomotion();
      const o = { ...settings, snapTurnDeg: deg };
      expect(turnRad(stepLocomotion(s, frame({ right: { x: 1, y: 0 } }), o, anywhere))).toBeCloseTo((deg * Math.PI) / 180);
      expect(stepLocomotion(s, frame({ right: { x: 1, y: 0 } }), o, anywhere).intents).toEqual([]);
      stepLocomotion(s, frame({ right: { x: 0, y: 0 } }), o, anywhere);
      expect(turnRad(stepLocomotion(s, frame({ right: { x: -0.9, y: 0 } }), o, anywhere))).toBeCloseTo((-deg * Math.PI) / 180);
    }
  });
  it('turns smoothly when smooth turning is on, with the vignette', () => {
    const s = createLocomotion();
    const out = stepLocomotion(s, frame({ right: { x: 1, y: 0 }, dtS: 0.1 }), { ...settings, smoothTurn: true }, anywhere);
    expect(turnRad(out)).toBeCloseTo(LOCOMOTION.turnRadPerS * 0.1);
    expect(out.vignette).toBeCloseTo(1);
  });
  it('walks with the left stick only when smooth movement is on', () => {
    const s = createLocomotion();
    expect(stepLocomotion(s, frame({ left: { x: 0, y: -1 }, dtS: 0.1 }), settings, anywhere).intents).toEqual([]);
    const on = { ...settings, smoothMove: true };
    const ahead = stepLocomotion(s, frame({ left: { x: 0, y: -1 }, dtS: 0.1 }), on, anywhere);
    expect(of(ahead, 'move')).toEqual([{ kind: 'move', forward: 1, right: 0 }]);
    expect(ahead.vignette).toBeGreaterThan(0.9);
    const still = stepLocomotion(s, frame({ left: { x: 0.05, y: -0.1 } }), on, anywhere);
    expect(still).toMatchObject({ intents: [], vignette: 0 });
  });
  it('ignores non-finite sticks and frame times', () => {
    const s = createLocomotion();
    const out = stepLocomotion(
      s,
      frame({ right: { x: Number.NaN, y: -1 }, left: { x: Infinity, y: 0 }, dtS: Number.NaN }),
      { ...settings, smoothMove: true },
      anywhere,
    );
    expect(out.intents).toEqual([]);
  });
});

describe('walkOnFloor', () => {
  it('walks along the heading at the speed, for the frame time', () => {
    const ahead = walkOnFloor({ forward: 1, right: 0 }, 0, LOCOMOTION.walkMps, 0.1);
    expect(ahead.x).toBeCloseTo(0);
    expect(ahead.z).toBeCloseTo(LOCOMOTION.walkMps * 0.1);
    const turned = walkOnFloor({ forward: 1, right: 0 }, Math.PI / 2, LOCOMOTION.walkMps, 0.1);
    expect(turned.x).toBeCloseTo(LOCOMOTION.walkMps * 0.1);
    expect(turned.z).toBeCloseTo(0);
    // Right of a +z heading is +x; a diagonal push is no faster than a straight one.
    expect(walkOnFloor({ forward: 0, right: 1 }, 0, 1, 0.1).x).toBeCloseTo(0.1);
    const diagonal = walkOnFloor({ forward: 1, right: 1 }, 0, 1, 0.1);
    expect(Math.hypot(diagonal.x, diagonal.z)).toBeCloseTo(0.1);
  });
  it('does not move for a non-finite or non-positive frame time, and caps a long stall', () => {
    expect(walkOnFloor({ forward: 1, right: 0 }, 0, 1, Number.NaN)).toEqual({ x: 0, z: 0 });
    expect(walkOnFloor({ forward: 1, right: 0 }, 0, 1, 0)).toEqual({ x: 0, z: 0 });
    expect(walkOnFloor({ forward: 1, right: 0 }, 0, 1, 5).z).toBeCloseTo(0.1);
  });
});

describe('snapTurn', () => {
  it('fires once per push and re-arms near the centre', () => {
    const edge = { turnArmed: true };
    expect(snapTurn(edge, 0.9, 45)).toBeCloseTo(Math.PI / 4);
    expect(snapTurn(edge, 0.9, 45)).toBe(0);
    expect(snapTurn(edge, 0.5, 45)).toBe(0);
    expect(snapTurn(edge, 0.1, 45)).toBe(0);
    expect(snapTurn(edge, -0.8, 45)).toBeCloseTo(-Math.PI / 4);
    expect(snapTurn(edge, Number.NaN, 45)).toBe(0);
  });
});
