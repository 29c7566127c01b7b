/**
 * Babylon glue for headset locomotion: reads the thumbsticks and pointing
 * poses of the session's input sources every XR frame, runs the pure step
 * in `input/stick-locomotion.ts`, and moves the XR camera (Babylon turns a
 * change of the camera's pose into an offset reference space). Draws the
 * teleport arc, its landing ring and each controller's pointing ray.
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
import type { Ray } from '../input/intents';
import { createLocomotion, stepLocomotion, type CanStand, type LocomotionSettings, type Stick } from '../input/stick-locomotion';

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
  /** Moves the viewer to a floor point (a hand's pinch on the floor). */
  teleport(x: number, z: number): void;
  dispose(): void;
}

/** The thumbstick of an input source (xr-standard mapping), or null. */
export const stickOf = (source: XRInputSource): Stick | null => {
  const axes = source.gamepad?.axes;
  // xr-standard mapping: thumbstick on axes 2 and 3 (touchpad on 0 and 1 where there is no stick).
  if (!axes || axes.length < 2) return null;
  return axes.length >= 4 ? { x: axes[2]!, y: axes[3]! } : { x: axes[0]!, y: axes[1]! };
};

const resample = (points: Array<[number, number, number]>): Vector3[] =>
  Array.from({ length: ARC_POINTS }, (_, i) => {
    const p = points[Math.min(points.length - 1, Math.round((i * (points.length - 1)) / (ARC_POINTS - 1)))]!;
    return new Vector3(p[0], p[1], p[2]);
  });

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

  const hidden: Vector3[] = Array.from({ length: ARC_POINTS }, () => new Vector3(0, -100, 0));
  let arc: LinesMesh = CreateLines('xr-teleport-arc', { points: hidden, updatable: true, colors: hidden.map(() => VALID) }, scene);
  arc.isPickable = false;
  arc.isVisible = false;
  const ringMaterial = new StandardMaterial('xr-teleport-ring-material', scene);
  ringMaterial.emissiveColor = new Color3(0.35, 0.85, 1);
  ringMaterial.disableLighting = true;
  const ring: Mesh = CreateTorus('xr-teleport-ring', { diameter: 0.6, thickness: 0.04, tessellation: 32 }, scene);
  ring.material = ringMaterial;
  ring.isPickable = false;
  ring.isVisible = false;
  const rays = new Map<XRHandedness, LinesMesh>();
  const rayLine = (hand: XRHandedness, ray: Ray) => {
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
  };

  const move = (x: number, z: number) => {
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
    for (const line of rays.values()) line.isVisible = false;
    // 'visible-blurred' (a system prompt is up) or 'hidden': input is paused, nothing moves.
    if (manager.session.visibilityState !== 'visible') {
      arc.isVisible = false;
      ring.isVisible = false;
      vignette = 0;
      state.aiming = false;
      return;
    }
    for (const source of manager.session.inputSources) {
      const pose = frame.getPose(source.targetRaySpace, manager.referenceSpace);
      const ray = pose ? rayFromXrPose(pose.transform) : null;
      if (ray && source.targetRayMode === 'tracked-pointer') rayLine(source.handedness, ray);
      if (source.hand) continue; // hands have no sticks
      if (source.handedness === 'left') left = stickOf(source);
      if (source.handedness === 'right') {
        right = stickOf(source);
        rightRay = ray;
      }
    }
    const d = camera.getDirection(Vector3.Forward());
    const out = stepLocomotion(state, { left, right, rightRay, headYawRad: Math.atan2(d.x, d.z), dtS }, settings(), canStand);
    vignette = out.vignette;
    if (out.turnRad !== 0) {
      camera.rotationQuaternion ??= Quaternion.FromEulerVector(camera.rotation);
      camera.rotationQuaternion.multiplyInPlace(Quaternion.FromEulerAngles(0, out.turnRad, 0));
    }
    if (out.move.x !== 0 || out.move.z !== 0) {
      const x = camera.position.x + out.move.x;
      const z = camera.position.z + out.move.z;
      if (canStand(x, z)) move(x, z);
    }
    if (out.teleportTo) move(out.teleportTo.x, out.teleportTo.z);
    arc.isVisible = out.arc !== null;
    ring.isVisible = out.arc !== null && state.landing !== null;
    if (out.arc) {
      const colour = state.landing ? VALID : INVALID;
      arc = CreateLines('xr-teleport-arc', { points: resample(out.arc), instance: arc, colors: hidden.map(() => colour) }, scene);
      if (state.landing) ring.position.set(state.landing.x, 0.02, state.landing.z);
    }
  });

  return {
    get vignette() {
      return vignette;
    },
    teleport(x, z) {
      if (canStand(x, z)) move(x, z);
    },
    dispose() {
      manager.onXRFrameObservable.remove(frameObserver);
      arc.dispose();
      ring.dispose();
      ringMaterial.dispose();
      for (const line of rays.values()) line.dispose();
      rays.clear();
    },
  };
}
