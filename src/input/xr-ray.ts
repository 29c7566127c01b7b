/**
 * Turns a WebXR target-ray pose into Chasm's select ray. WebXR is
 * right-handed with rays pointing down -z; Babylon's scene is left-handed,
 * so z flips (as Babylon's own XR camera does).
 */
import type { Ray } from './intents';

/** A position and a unit quaternion, as `XRRigidTransform` gives them. */
export interface XrPose {
  position: { x: number; y: number; z: number };
  orientation: { x: number; y: number; z: number; w: number };
}

/**
 * A point (or a vector) between WebXR's right-handed space and the scene's left-handed one: z flips. The flip
 * is its own inverse, so it serves both ways. The one place the rule is written.
 */
export const flipPoint = (p: { x: number; y: number; z: number }): { x: number; y: number; z: number } => ({ x: p.x, y: p.y, z: -p.z });

/** An orientation between the two: z and w flip (x, y, z, w). */
export const flipOrientation = (q: XrPose['orientation']): [number, number, number, number] => [q.x, q.y, -q.z, -q.w];

/** Rotates vector v by unit quaternion q. */
function rotate(q: XrPose['orientation'], v: readonly [number, number, number]): [number, number, number] {
  const [vx, vy, vz] = v;
  // t = 2 q.xyz × v; v' = v + w t + q.xyz × t
  const tx = 2 * (q.y * vz - q.z * vy);
  const ty = 2 * (q.z * vx - q.x * vz);
  const tz = 2 * (q.x * vy - q.y * vx);
  return [vx + q.w * tx + (q.y * tz - q.z * ty), vy + q.w * ty + (q.z * tx - q.x * tz), vz + q.w * tz + (q.x * ty - q.y * tx)];
}

/** The world-space select ray of an XR input's target-ray pose, in the left-handed scene. */
export function rayFromXrPose(pose: XrPose): Ray {
  const [dx, dy, dz] = rotate(pose.orientation, [0, 0, -1]);
  const o = flipPoint(pose.position);
  const d = flipPoint({ x: dx, y: dy, z: dz });
  return { origin: [o.x, o.y, o.z], direction: [d.x, d.y, d.z] };
}
