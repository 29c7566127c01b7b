import { describe, expect, it } from 'vitest';
import { createLocomotion, LOCOMOTION, stepLocomotion, teleportArc, type LocomotionInput } from '../../src/input/stick-locomotion';
import type { Ray } from '../../src/input/intents';

const settings = { snapTurnDeg: 30, smoothTurn: false, smoothMove: false };
const anywhere = () => true;
/** A controller at hip height pointing forward and 30° down, like aiming a teleport. */
const aim: Ray = { origin: [0, 1.2, 0], direction: [0, -Math.sin(Math.PI / 6), Math.cos(Math.PI / 6)] };
const frame = (o: Partial<LocomotionInput>): LocomotionInput => ({ left: null, right: null, rightRay: aim, headYawRad: 0, dtS: 1 / 72, ...o });

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
    expect(held.teleportTo).toBeNull();
    const released = stepLocomotion(s, frame({ right: { x: 0, y: 0 } }), settings, anywhere);
    expect(released.teleportTo).toEqual(teleportArc(aim).landing);
    expect(released.arc).toBeNull();
    // One jump per aim.
    expect(stepLocomotion(s, frame({ right: { x: 0, y: 0 } }), settings, anywhere).teleportTo).toBeNull();
  });
  it('does not jump where one cannot stand', () => {
    const s = createLocomotion();
    stepLocomotion(s, frame({ right: { x: 0, y: -1 } }), settings, () => false);
    expect(stepLocomotion(s, frame({ right: { x: 0, y: 0 } }), settings, () => false).teleportTo).toBeNull();
  });
  it('snap-turns once per push by the configured angle, both ways', () => {
    for (const deg of [30, 45]) {
      const s = createLocomotion();
      const o = { ...settings, snapTurnDeg: deg };
      expect(stepLocomotion(s, frame({ right: { x: 1, y: 0 } }), o, anywhere).turnRad).toBeCloseTo((deg * Math.PI) / 180);
      expect(stepLocomotion(s, frame({ right: { x: 1, y: 0 } }), o, anywhere).turnRad).toBe(0);
      stepLocomotion(s, frame({ right: { x: 0, y: 0 } }), o, anywhere);
      expect(stepLocomotion(s, frame({ right: { x: -0.9, y: 0 } }), o, anywhere).turnRad).toBeCloseTo((-deg * Math.PI) / 180);
    }
  });
  it('turns smoothly when smooth turning is on, with the vignette', () => {
    const s = createLocomotion();
    const out = stepLocomotion(s, frame({ right: { x: 1, y: 0 }, dtS: 0.1 }), { ...settings, smoothTurn: true }, anywhere);
    expect(out.turnRad).toBeCloseTo(LOCOMOTION.turnRadPerS * 0.1);
    expect(out.vignette).toBeCloseTo(1);
  });
  it('walks with the left stick only when smooth movement is on, along the head heading', () => {
    const s = createLocomotion();
    expect(stepLocomotion(s, frame({ left: { x: 0, y: -1 }, dtS: 0.1 }), settings, anywhere).move).toEqual({ x: 0, z: 0 });
    const on = { ...settings, smoothMove: true };
    const ahead = stepLocomotion(s, frame({ left: { x: 0, y: -1 }, dtS: 0.1 }), on, anywhere);
    expect(ahead.move.z).toBeCloseTo(LOCOMOTION.walkMps * 0.1);
    expect(ahead.vignette).toBeGreaterThan(0.9);
    const turned = stepLocomotion(s, frame({ left: { x: 0, y: -1 }, dtS: 0.1, headYawRad: Math.PI / 2 }), on, anywhere);
    expect(turned.move.x).toBeCloseTo(LOCOMOTION.walkMps * 0.1);
    expect(turned.move.z).toBeCloseTo(0);
    const still = stepLocomotion(s, frame({ left: { x: 0.05, y: -0.1 } }), on, anywhere);
    expect(still).toMatchObject({ move: { x: 0, z: 0 }, vignette: 0 });
  });
  it('ignores non-finite sticks and frame times', () => {
    const s = createLocomotion();
    const out = stepLocomotion(s, frame({ right: { x: Number.NaN, y: -1 }, left: { x: Infinity, y: 0 }, dtS: Number.NaN }), { ...settings, smoothMove: true }, anywhere);
    expect(out).toMatchObject({ turnRad: 0, move: { x: 0, z: 0 }, teleportTo: null });
  });
});
