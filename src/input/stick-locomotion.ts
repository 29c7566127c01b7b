/**
 * Headset locomotion as a pure per-frame step: thumbsticks in, intents out
 * (the one vocabulary of `intents.ts`), with the edge detection in one place.
 * - Right stick forward aims a teleport arc; letting go of the stick jumps
 *   to where it lands (if the floor there can be stood on).
 * - Right stick left or right snap-turns by the configured angle (once per
 *   push), or turns smoothly when smooth turning is on.
 * - Left stick walks smoothly when smooth movement is on, relative to where
 *   the head looks.
 * - Hands have no sticks: a pinch on the floor teleports through the select
 *   path (`selection/resolve-select.ts`); both arrive as the same teleport
 *   intent, and the session applies it with the same walkable-floor check.
 * The vignette strength says how much continuous motion there is (0..1).
 */
import type { Intent, Ray } from './intents';

/** A thumbstick: x right, y down (the xr-standard gamepad: pushing forward gives y = -1). */
export interface Stick {
  x: number;
  y: number;
}

/** The comfort settings locomotion reads. */
export interface LocomotionSettings {
  snapTurnDeg: number;
  smoothTurn: boolean;
  smoothMove: boolean;
  /** The sticks swap hands: the input's `right` stick is then the left controller's (the XR driver swaps them). */
  leftHanded?: boolean;
}

/** What is between frames. */
export interface LocomotionState {
  /** A snap turn fires once per push: re-armed when the stick returns near the centre. */
  turnArmed: boolean;
  /** The teleport arc is showing (right stick held forward). */
  aiming: boolean;
  /** Where the arc lands now, or null when it lands nowhere one can stand. */
  landing: { x: number; z: number } | null;
}

/** One frame's input. */
export interface LocomotionInput {
  left: Stick | null;
  right: Stick | null;
  /** The right controller's pointing ray (for the arc). */
  rightRay: Ray | null;
  dtS: number;
}

/** The intents a stick gives: turn (a snap, or smooth turning's share of this frame), walk and teleport. */
export type StickIntent = Extract<Intent, { kind: 'turn' | 'move' | 'teleport' }>;

/** One frame's result: what the person asked for, and what to draw. */
export interface LocomotionFrame {
  /** Intents for the session to apply this frame, in order. */
  intents: StickIntent[];
  /** The arc's points while aiming (world metres), or null. */
  arc: Array<[number, number, number]> | null;
  /** Comfort vignette strength, 0..1. */
  vignette: number;
}

/** Where the viewer may stand. */
export type CanStand = (x: number, z: number) => boolean;

/** Tuning. */
export const LOCOMOTION = {
  /** Stick deflection that counts as a push (and below which it is released). */
  pushAt: 0.7,
  releaseAt: 0.3,
  /** Smooth walking speed, m/s, and smooth turning speed, rad/s. */
  walkMps: 1.8,
  turnRadPerS: (100 * Math.PI) / 180,
  /** Dead zone for smooth motion. */
  deadZone: 0.15,
  /** Teleport arc: launch speed (m/s), gravity, time step and longest flight (s). */
  arcSpeedMps: 7,
  gravity: 9.81,
  arcStepS: 0.04,
  arcMaxS: 2,
} as const;

export function createLocomotion(): LocomotionState {
  return { turnArmed: true, aiming: false, landing: null };
}

/**
 * The teleport arc from a ray: a ballistic path sampled until it falls
 * through the floor (y = 0); `landing` is where it crosses, or null when it
 * never comes down in range.
 */
export function teleportArc(ray: Ray): { points: Array<[number, number, number]>; landing: { x: number; z: number } | null } {
  const [ox, oy, oz] = ray.origin;
  const [dx, dy, dz] = ray.direction;
  const len = Math.hypot(dx, dy, dz);
  if (!(len > 0) || ![ox, oy, oz].every(Number.isFinite)) return { points: [], landing: null };
  const v = LOCOMOTION.arcSpeedMps / len;
  const points: Array<[number, number, number]> = [[ox, oy, oz]];
  for (let t = LOCOMOTION.arcStepS; t <= LOCOMOTION.arcMaxS + 1e-9; t += LOCOMOTION.arcStepS) {
    const y = oy + dy * v * t - 0.5 * LOCOMOTION.gravity * t * t;
    const x = ox + dx * v * t;
    const z = oz + dz * v * t;
    if (y <= 0) {
      const [px, py, pz] = points.at(-1) ?? [ox, oy, oz];
      const k = py / (py - y);
      const landing = { x: px + (x - px) * k, z: pz + (z - pz) * k };
      points.push([landing.x, 0, landing.z]);
      return { points, landing };
    }
    points.push([x, y, z]);
  }
  return { points, landing: null };
}

const deadZone = (v: number) => (Math.abs(v) < LOCOMOTION.deadZone ? 0 : (v - Math.sign(v) * LOCOMOTION.deadZone) / (1 - LOCOMOTION.deadZone));
const finite = (s: Stick | null): Stick | null => (s && Number.isFinite(s.x) && Number.isFinite(s.y) ? s : null);

/**
 * A snap turn from a stick's x: fires once per push (past `pushAt`), and is
 * re-armed when the stick comes back near the centre. Yaw in radians, or 0.
 */
export function snapTurn(state: Pick<LocomotionState, 'turnArmed'>, stickX: number, snapTurnDeg: number): number {
  let yaw = 0;
  if (state.turnArmed && Math.abs(stickX) > LOCOMOTION.pushAt) {
    yaw = (Math.sign(stickX) * snapTurnDeg * Math.PI) / 180;
    state.turnArmed = false;
  }
  if (!(Math.abs(stickX) >= LOCOMOTION.releaseAt)) state.turnArmed = true;
  return yaw;
}

/** Metres on the floor for a walk intent over `dtS` at `speedMps`, relative to a heading (yaw 0 = +z). */
export function walkOnFloor(move: { forward: number; right: number }, headingRad: number, speedMps: number, dtS: number): { x: number; z: number } {
  const { forward, right } = move;
  if (!Number.isFinite(forward + right + headingRad + dtS) || dtS <= 0) return { x: 0, z: 0 };
  const k = (speedMps * Math.min(0.1, dtS)) / Math.max(1, Math.hypot(forward, right));
  const s = Math.sin(headingRad);
  const c = Math.cos(headingRad);
  return { x: k * (forward * s + right * c), z: k * (forward * c - right * s) };
}

/** Advances locomotion by one frame. Mutates `state`; returns the intents and what to draw. */
export function stepLocomotion(state: LocomotionState, input: LocomotionInput, settings: LocomotionSettings, canStand: CanStand): LocomotionFrame {
  const out: LocomotionFrame = { intents: [], arc: null, vignette: 0 };
  const right = finite(input.right);
  const left = finite(input.left);
  const dt = Number.isFinite(input.dtS) ? Math.max(0, Math.min(0.1, input.dtS)) : 0;

  // Teleport: aim while the right stick is held forward; release to jump.
  if (right && -right.y > LOCOMOTION.pushAt && Math.abs(right.x) < LOCOMOTION.pushAt) state.aiming = true;
  if (state.aiming) {
    const released = !right || Math.hypot(right.x, right.y) < LOCOMOTION.releaseAt;
    if (released) {
      if (state.landing) out.intents.push({ kind: 'teleport', x: state.landing.x, z: state.landing.z });
      state.aiming = false;
      state.landing = null;
    } else if (input.rightRay) {
      const arc = teleportArc(input.rightRay);
      state.landing = arc.landing && canStand(arc.landing.x, arc.landing.z) ? arc.landing : null;
      out.arc = arc.points;
    }
  }

  // Turning (not while aiming: the stick is busy).
  if (right && !state.aiming && settings.smoothTurn) {
    const turn = deadZone(right.x);
    if (turn !== 0) out.intents.push({ kind: 'turn', yawDeltaRad: turn * LOCOMOTION.turnRadPerS * dt });
    out.vignette = Math.max(out.vignette, Math.abs(turn));
  } else if (right && !state.aiming) {
    const yaw = snapTurn(state, right.x, settings.snapTurnDeg);
    if (yaw !== 0) out.intents.push({ kind: 'turn', yawDeltaRad: yaw });
  }
  if (!right || Math.abs(right.x) < LOCOMOTION.releaseAt) state.turnArmed = true;

  // Smooth walking relative to the head's heading.
  if (left && settings.smoothMove) {
    const forward = -deadZone(left.y);
    const side = deadZone(left.x);
    const mag = Math.min(1, Math.hypot(forward, side));
    if (mag > 0) {
      out.intents.push({ kind: 'move', forward, right: side });
      out.vignette = Math.max(out.vignette, mag);
    }
  }
  return out;
}
