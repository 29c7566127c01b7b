/**
 * The active camera's pose in the units `stats()` reports, read the same way
 * for the 2D camera and the XR camera.
 */
import type { Scene } from '@babylonjs/core/scene';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { ViewerPose } from './chasm-diagnostics';

const DEG_PER_RAD = 180 / Math.PI;
const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** The active camera's position (m) and heading (deg); zeros before a camera exists. */
export function viewerPose(scene: Scene): ViewerPose {
  const camera = scene.activeCamera;
  if (!camera) return { xM: 0, yM: 0, zM: 0, yawDeg: 0, pitchDeg: 0, fovDeg: 0 };
  const p = camera.globalPosition;
  const d = camera.getDirection(Vector3.Forward());
  return {
    xM: round(p.x, 3),
    yM: round(p.y, 3),
    zM: round(p.z, 3),
    yawDeg: round(Math.atan2(d.x, d.z) * DEG_PER_RAD, 2),
    pitchDeg: round(Math.asin(Math.max(-1, Math.min(1, d.y))) * DEG_PER_RAD, 2),
    fovDeg: round(camera.fov * DEG_PER_RAD, 1),
  };
}
