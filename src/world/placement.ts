/**
 * Where the twin stands in the world: normally at the origin at full size;
 * in passthrough (mixed reality) as a table-top model on a real surface,
 * scaled down, moved and turned by the person. Pure maths for converting
 * the viewer and select rays into the model's own metres.
 */
import type { Ray } from '../input/intents';

/** The model's placement: its floor centre at (x, y, z), turned by yawRad, scaled by `scale`. */
export interface Placement {
  x: number;
  y: number;
  z: number;
  yawRad: number;
  scale: number;
}

/** A 30 m warehouse at 1:40 is 75 cm across: a table-top model. */
export const TABLE_SCALE = 1 / 40;
export const MIN_TABLE_SCALE = 1 / 100;
export const MAX_TABLE_SCALE = 1 / 15;

/** Whether two placements put the model in the same place (null: the origin at full size). */
export function samePlacement(a: Placement | null, b: Placement | null): boolean {
  if (a === null || b === null) return a === b;
  return a.x === b.x && a.y === b.y && a.z === b.z && a.yawRad === b.yawRad && a.scale === b.scale;
}

/** Clamps a table-top scale into its range (non-finite gives the default). */
export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return TABLE_SCALE;
  return Math.min(MAX_TABLE_SCALE, Math.max(MIN_TABLE_SCALE, scale));
}

/** A world point in the model's metres. Babylon's y rotation turns +z towards +x for positive angles. */
export function toModelPoint(p: Placement, x: number, y: number, z: number): [number, number, number] {
  const dx = x - p.x;
  const dz = z - p.z;
  const c = Math.cos(p.yawRad);
  const s = Math.sin(p.yawRad);
  // Inverse of: world = position + R(yaw) * (scale * model), with R(yaw)(x, z) = (x cos + z sin, -x sin + z cos).
  return [(dx * c - dz * s) / p.scale, (y - p.y) / p.scale, (dx * s + dz * c) / p.scale];
}

/** A world point of the model's metres (the inverse of `toModelPoint`). */
export function toWorldPoint(p: Placement, mx: number, my: number, mz: number): [number, number, number] {
  const c = Math.cos(p.yawRad);
  const s = Math.sin(p.yawRad);
  return [p.x + p.scale * (mx * c + mz * s), p.y + p.scale * my, p.z + p.scale * (-mx * s + mz * c)];
}

/** A world ray in the model's metres (direction re-normalised). */
export function toModelRay(p: Placement, ray: Ray): Ray {
  const o = toModelPoint(p, ...ray.origin);
  const tip = toModelPoint(p, ray.origin[0] + ray.direction[0], ray.origin[1] + ray.direction[1], ray.origin[2] + ray.direction[2]);
  const d: [number, number, number] = [tip[0] - o[0], tip[1] - o[1], tip[2] - o[2]];
  const len = Math.hypot(...d) || 1;
  return { origin: o, direction: [d[0] / len, d[1] / len, d[2] / len] };
}
