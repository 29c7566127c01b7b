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
  const d = rotate(pose.orientation, [0, 0, -1]);
  return { origin: [pose.position.x, pose.position.y, -pose.position.z], direction: [d[0], d[1], -d[2]] };
}
