/**
 * The small set of intents every input (controllers, hands, touch, mouse,
 * keyboard) is translated into, and the pure camera-rig update they drive.
 * Terminals differ only in the adapter that produces intents.
 */

/** How a person moves and points: a headset's controllers, hands or gaze-and-pinch; a screen's touch, mouse or keys. */
export type InputMode = 'controllers' | 'hands' | 'gaze' | 'touch' | 'mouse' | 'keys';
export const INPUT_MODES: readonly InputMode[] = ['controllers', 'hands', 'gaze', 'touch', 'mouse', 'keys'];

/** One thing the person wants to do, independent of the device that said it. */
export type Intent =
  /** Walk: axes in -1..1, scaled by the walk speed and the frame time. */
  | { kind: 'move'; forward: number; right: number }
  /** Continuous look (mouse, touch drag): radians to add this frame. */
  | { kind: 'look'; yawDeltaRad: number; pitchDeltaRad: number }
  /** Snap turn: a fixed yaw step. */
  | { kind: 'turn'; yawDeltaRad: number }
  /** Teleport to a floor point (metres). */
  | { kind: 'teleport'; x: number; z: number }
  /** Walk to a floor point (metres): the rig glides there over the next frames (tap-to-walk). */
  | { kind: 'walk-to'; x: number; z: number }
  /** Zoom (pinch, mouse wheel): multiplies the magnification. */
  | { kind: 'zoom'; factor: number }
  /** Select whatever a world-space ray points at (a click, a tap, a controller trigger, a pinch, Enter at the view's centre). */
  | { kind: 'select'; ray: Ray }
  /** Select the next (1) or previous (-1) robot after the one selected, and stand facing it (the keyboard's ] and [). */
  | { kind: 'step-robot'; delta: 1 | -1 }
  /**
   * Take the pack a ray points at into a hand (a squeeze, a held pinch), or into a screen's inspect view
   * (tap-and-hold, I); `toggles`: the same again puts the screen's pack back (the I key).
   */
  | { kind: 'grab'; hand: GrabHand; ray: Ray; toggles?: boolean }
  /** Let go of what that hand holds: it goes back to its slot (a second hand stops scaling it). */
  | { kind: 'let-go'; hand: GrabHand };

/** What holds a grabbed pack: a headset's left or right hand (or controller), or a screen's inspect view. */
export type GrabHand = 'left' | 'right' | 'screen';

/** A ray in world space, in metres. */
export interface Ray {
  origin: readonly [number, number, number];
  direction: readonly [number, number, number];
}

/** Where the viewer stands and looks. Yaw 0 looks along +z; positive pitch looks up. */
export interface RigState {
  xM: number;
  yM: number;
  zM: number;
  yawRad: number;
  pitchRad: number;
  /** Magnification of the 2D view: 1 is the normal field of view. */
  zoom: number;
  /** Where a tap-to-walk is heading, or null. Any walk, teleport or new goal replaces it. */
  goal?: { x: number; z: number } | null;
}

/** Limits applied to every rig update. */
export interface RigOptions {
  /** Walking speed in metres per second. @default 1.6 */
  walkSpeedMps: number;
  /** Largest look up or down angle. @default 85° */
  maxPitchRad: number;
  /** Speed of tap-to-walk glides, m/s; Infinity jumps (reduced motion). @default 3 */
  glideSpeedMps: number;
  /** Largest magnification. @default 3 */
  maxZoom: number;
  /** Floor area the viewer may stand on, in metres. */
  bounds: { minX: number; maxX: number; minZ: number; maxZ: number };
}

/** Default rig limits for the placeholder warehouse floor. */
export const DEFAULT_RIG_OPTIONS: RigOptions = {
  walkSpeedMps: 1.6,
  maxPitchRad: (85 * Math.PI) / 180,
  maxZoom: 3,
  glideSpeedMps: 3,
  bounds: { minX: -15, maxX: 15, minZ: -15, maxZ: 15 },
};

/** Creates a rig at eye height 1.6 m at the origin unless told otherwise. */
export function createRig(init: Partial<RigState> = {}): RigState {
  return { xM: 0, yM: 1.6, zM: 0, yawRad: 0, pitchRad: 0, zoom: 1, ...init };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Wraps an angle into (-π, π]. */
export function wrapAngleRad(a: number): number {
  const t = (a + Math.PI) % (2 * Math.PI);
  return (t <= 0 ? t + 2 * Math.PI : t) - Math.PI;
}

/** The intents that stand the rig at a floor point, looking at a heading and pitch: a teleport and a look (the shortest way round). */
export function standIntents(rig: RigState, at: { xM: number; zM: number; yawRad: number; pitchRad: number }): Intent[] {
  return [
    { kind: 'teleport', x: at.xM, z: at.zM },
    { kind: 'look', yawDeltaRad: wrapAngleRad(at.yawRad - rig.yawRad), pitchDeltaRad: at.pitchRad - rig.pitchRad },
  ];
}

function clampToBounds(rig: RigState, x: number, z: number, o: RigOptions): RigState {
  return { ...rig, xM: clamp(x, o.bounds.minX, o.bounds.maxX), zM: clamp(z, o.bounds.minZ, o.bounds.maxZ) };
}

/** Applies one intent over `dtS` seconds and returns the new rig; non-finite input leaves the rig unchanged. */
export function updateRig(rig: RigState, intent: Intent, dtS: number, o: RigOptions = DEFAULT_RIG_OPTIONS): RigState {
  switch (intent.kind) {
    case 'move': {
      const f = clamp(intent.forward, -1, 1);
      const r = clamp(intent.right, -1, 1);
      if (!Number.isFinite(f + r + dtS) || dtS <= 0) return rig;
      const step = o.walkSpeedMps * dtS;
      const sin = Math.sin(rig.yawRad);
      const cos = Math.cos(rig.yawRad);
      // forward = (sin yaw, cos yaw), right = (cos yaw, -sin yaw) on the floor plane.
      return { ...clampToBounds(rig, rig.xM + step * (f * sin + r * cos), rig.zM + step * (f * cos - r * sin), o), goal: null };
    }
    case 'look':
      if (!Number.isFinite(intent.yawDeltaRad + intent.pitchDeltaRad)) return rig;
      return {
        ...rig,
        yawRad: wrapAngleRad(rig.yawRad + intent.yawDeltaRad),
        pitchRad: clamp(rig.pitchRad + intent.pitchDeltaRad, -o.maxPitchRad, o.maxPitchRad),
      };
    case 'turn':
      if (!Number.isFinite(intent.yawDeltaRad)) return rig;
      return { ...rig, yawRad: wrapAngleRad(rig.yawRad + intent.yawDeltaRad) };
    case 'teleport':
      if (!Number.isFinite(intent.x + intent.z)) return rig;
      return { ...clampToBounds(rig, intent.x, intent.z, o), goal: null };
    case 'walk-to': {
      if (!Number.isFinite(intent.x + intent.z)) return rig;
      const goal = clampToBounds(rig, intent.x, intent.z, o);
      return { ...rig, goal: { x: goal.xM, z: goal.zM } };
    }
    case 'zoom':
      if (!Number.isFinite(intent.factor) || intent.factor <= 0) return rig;
      return { ...rig, zoom: clamp(rig.zoom * intent.factor, 1, o.maxZoom) };
    case 'select':
    case 'step-robot':
    case 'grab':
    case 'let-go':
      // Selecting does not move the viewer here; the app resolves what is selected, and any move it asks for.
      return rig;
  }
}

/** Advances a tap-to-walk glide by `dtS` seconds; arriving clears the goal. */
export function glideRig(rig: RigState, dtS: number, o: RigOptions = DEFAULT_RIG_OPTIONS): RigState {
  const goal = rig.goal;
  if (!goal) return rig;
  const dx = goal.x - rig.xM;
  const dz = goal.z - rig.zM;
  const left = Math.hypot(dx, dz);
  const step = o.glideSpeedMps * Math.max(0, dtS);
  if (!(left > step)) return { ...rig, xM: goal.x, zM: goal.z, goal: null };
  return { ...rig, xM: rig.xM + (dx / left) * step, zM: rig.zM + (dz / left) * step };
}
