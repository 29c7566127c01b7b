/**
 * Babylon glue for headset locomotion, in two halves:
 * - the stick adapter: every XR frame it reads the thumbsticks and pointing
 *   poses of the session's input sources, runs the pure step in
 *   `input/stick-locomotion.ts`, and queues the intents it gives (drained
 *   by the app once a frame with the session's selects); it draws the
 *   teleport arc, its landing ring and each controller's pointing ray;
 * - the XR rig: `apply` carries out turn, move and teleport intents on the
 *   XR camera (Babylon turns a change of the camera's pose into an offset
 *   reference space), each landing checked against the walkable floor.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { WebXRCamera } from '@babylonjs/core/XR/webXRCamera';
import type { WebXRSessionManager } from '@babylonjs/core/XR/webXRSessionManager';
import type { LinesMesh } from '@babylonjs/core/Meshes/linesMesh';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateLines } from '@babylonjs/core/Meshes/Builders/linesBuilder';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Observer } from '@babylonjs/core/Misc/observable';
import { rayFromXrPose } from '../input/xr-ray';
import type { Intent, Ray } from '../input/intents';
import {
  createLocomotion,
  LOCOMOTION,
  stepLocomotion,
  walkOnFloor,
  type CanStand,
  type LocomotionSettings,
  type Stick,
  type StickIntent,
} from '../input/stick-locomotion';

/** Points the arc is drawn with (resampled, so the line mesh is updated in place). */
const ARC_POINTS = 24;
/** Length of a controller's drawn pointing ray, in metres. */
const RAY_M = 4;
const VALID = new Color4(0.35, 0.85, 1, 1);
const INVALID = new Color4(1, 0.45, 0.35, 1);

/** The running locomotion. */
export interface XrLocomotion {
  /** Continuous-motion strength this frame (for the vignette), 0..1. */
  readonly vignette: number;
  /** Each hand's (or controller's) pointer ray in the last frame, or null where not tracked. */
  readonly pointers: { left: Ray | null; right: Ray | null };
  /** The sticks' intents since the last call. */
  drain(): StickIntent[];
  /** Carries out the moves among `intents` (turn, move, teleport, walk-to) over `dtS` seconds. */
  apply(intents: readonly Intent[], dtS: number): void;
  /** Stands the viewer at a floor point, the head turned to `yawRad` (0 looks along +z). */
  recenter(at: { xM: number; zM: number; yawRad: number }): void;
  dispose(): void;
}

/** The thumbstick of an input source (xr-standard mapping), or null. */
export const stickOf = (source: XRInputSource): Stick | null => {
  const axes = source.gamepad?.axes;
  // xr-standard mapping: thumbstick on axes 2 and 3 (touchpad on 0 and 1 where there is no stick).
  if (!axes || axes.length < 2) return null;
  const [x = 0, y = 0] = axes.length >= 4 ? axes.slice(2, 4) : axes;
  return { x, y };
};

const resample = (points: Array<[number, number, number]>): Vector3[] =>
  Array.from({ length: ARC_POINTS }, (_, i) => {
    const p = points[Math.min(points.length - 1, Math.round((i * (points.length - 1)) / (ARC_POINTS - 1)))] ?? [0, -100, 0];
    return new Vector3(p[0], p[1], p[2]);
  });

/** The teleport arc and its landing ring, hidden until aiming. */
function createTeleportMarkers(scene: Scene) {
  const hidden: Vector3[] = Array.from({ length: ARC_POINTS }, () => new Vector3(0, -100, 0));
  const ringMaterial = new StandardMaterial('xr-teleport-ring-material', scene);
  ringMaterial.emissiveColor = new Color3(0.35, 0.85, 1);
  ringMaterial.disableLighting = true;
  const ring: Mesh = CreateTorus('xr-teleport-ring', { diameter: 0.6, thickness: 0.04, tessellation: 32 }, scene);
  ring.material = ringMaterial;
  ring.isPickable = false;
  ring.isVisible = false;
  let arc: LinesMesh = CreateLines('xr-teleport-arc', { points: hidden, updatable: true, colors: hidden.map(() => VALID) }, scene);
  arc.isPickable = false;
  arc.isVisible = false;
  return {
    /** Shows the arc's points (coloured by whether it lands) and the ring where it lands; null hides both. */
    show(points: Array<[number, number, number]> | null, landing: { x: number; z: number } | null) {
      arc.isVisible = points !== null;
      ring.isVisible = points !== null && landing !== null;
      if (!points) return;
      const colour = landing ? VALID : INVALID;
      arc = CreateLines('xr-teleport-arc', { points: resample(points), instance: arc, colors: hidden.map(() => colour) }, scene);
      if (landing) ring.position.set(landing.x, 0.02, landing.z);
    },
    dispose() {
      arc.dispose();
      ring.dispose();
      ringMaterial.dispose();
    },
  };
}

/** Each tracked controller's pointing ray: all hidden at the start of a frame, then drawn where tracked. */
function createPointerRays(scene: Scene) {
  const rays = new Map<XRHandedness, LinesMesh>();
  return {
    hideAll() {
      for (const line of rays.values()) line.isVisible = false;
    },
    draw(hand: XRHandedness, ray: Ray) {
      const [ox, oy, oz] = ray.origin;
      const [dx, dy, dz] = ray.direction;
      const points = [new Vector3(ox, oy, oz), new Vector3(ox + dx * RAY_M, oy + dy * RAY_M, oz + dz * RAY_M)];
      const existing = rays.get(hand);
      const line = CreateLines(`xr-ray-${hand}`, { points, updatable: true, instance: existing }, scene);
      if (!existing) {
        line.color = new Color3(0.9, 0.95, 1);
        line.alpha = 0.6;
        line.isPickable = false;
        rays.set(hand, line);
      }
      line.isVisible = true;
    },
    dispose() {
      for (const line of rays.values()) line.dispose();
      rays.clear();
    },
  };
}

/** Starts locomotion for a session; `settings` is read every frame, so changes apply at once. */
export function startXrLocomotion(
  scene: Scene,
  manager: WebXRSessionManager,
  camera: WebXRCamera,
  settings: () => LocomotionSettings,
  canStand: CanStand,
): XrLocomotion {
  const state = createLocomotion();
  let vignette = 0;
  let lastMs = manager.currentTimestamp;

  const markers = createTeleportMarkers(scene);
  const rays = createPointerRays(scene);

  let pending: StickIntent[] = [];
  const pointers: { left: Ray | null; right: Ray | null } = { left: null, right: null };
  const standAt = (x: number, z: number) => {
    if (!canStand(x, z)) return;
    camera.position.x = x;
    camera.position.z = z;
  };

  const frameObserver: Observer<XRFrame> = manager.onXRFrameObservable.add((frame) => {
    const now = manager.currentTimestamp;
    const dtS = (now - lastMs) / 1000;
    lastMs = now;
    let left: Stick | null = null;
    let right: Stick | null = null;
    let rightRay: Ray | null = null;
    rays.hideAll();
    pointers.left = null;
    pointers.right = null;
    // 'visible-blurred' (a system prompt is up) or 'hidden': input is paused, nothing moves.
    if (manager.session.visibilityState !== 'visible') {
      markers.show(null, null);
      vignette = 0;
      state.aiming = false;
      return;
    }
    const s = settings();
    // The teleport-and-turn stick is in the main hand: the right one, or the left for a left-handed person.
    const main = s.leftHanded ? 'left' : 'right';
    for (const source of manager.session.inputSources) {
      const pose = frame.getPose(source.targetRaySpace, manager.referenceSpace);
      const ray = pose ? rayFromXrPose(pose.transform) : null;
      if (ray && source.targetRayMode === 'tracked-pointer') rays.draw(source.handedness, ray);
      if (source.handedness === 'left' || source.handedness === 'right') pointers[source.handedness] = ray;
      if (source.hand) continue; // hands have no sticks
      if (source.handedness === main) {
        right = stickOf(source);
        rightRay = ray;
      } else if (source.handedness === 'left' || source.handedness === 'right') left = stickOf(source);
    }
    const out = stepLocomotion(state, { left, right, rightRay, dtS }, s, canStand);
    vignette = out.vignette;
    pending.push(...out.intents);
    markers.show(out.arc, state.landing);
  });

  return {
    get vignette() {
      return vignette;
    },
    pointers,
    drain() {
      const out = pending;
      pending = [];
      return out;
    },
    recenter(at) {
      // The rig turns by what the head's heading lacks, about the head, then stands at the point.
      const d = camera.getDirection(Vector3.Forward());
      camera.rotationQuaternion.multiplyInPlace(Quaternion.FromEulerAngles(0, at.yawRad - Math.atan2(d.x, d.z), 0));
      standAt(at.xM, at.zM);
    },
    apply(intents, dtS) {
      for (const intent of intents) {
        switch (intent.kind) {
          case 'turn':
            camera.rotationQuaternion.multiplyInPlace(Quaternion.FromEulerAngles(0, intent.yawDeltaRad, 0));
            break;
          case 'move': {
            // Relative to where the head looks.
            const d = camera.getDirection(Vector3.Forward());
            const step = walkOnFloor(intent, Math.atan2(d.x, d.z), LOCOMOTION.walkMps, dtS);
            standAt(camera.position.x + step.x, camera.position.z + step.z);
            break;
          }
          case 'teleport':
          case 'walk-to':
            standAt(intent.x, intent.z);
        }
      }
    },
    dispose() {
      manager.onXRFrameObservable.remove(frameObserver);
      markers.dispose();
      rays.dispose();
    },
  };
}
