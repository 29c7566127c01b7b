/**
 * What a ray points at: a robot, a bin, the order board, or the floor. Pure
 * geometry over the twin's plain data, shared by mouse clicks, taps and XR
 * controller rays (all arrive as the same `select` intent).
 */
import type { WarehouseGeometry } from '../layout/geometry';

import type { Ray } from '../input/intents';
import type { Aim } from '../room/protocol';

export type { Ray };

/** Something that can be selected. */
export type Target = { kind: 'robot'; id: number } | { kind: 'bin'; index: number } | { kind: 'board' } | { kind: 'floor'; xM: number; zM: number };

/** A robot's footprint for picking. */
export interface RobotSpot {
  xM: number;
  zM: number;
}

/** The order board's rectangle on the back wall. */
export interface BoardRect {
  zM: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Robot body for picking: a box around the mast and base, in metres. */
const ROBOT_HALF_M = 0.26;
const ROBOT_HEIGHT_M = 1.35;

/** Distance along the ray to an axis-aligned box, or Infinity (slab method). */
export function rayBox(ray: Ray, min: readonly number[], max: readonly number[]): number {
  let tMin = 0;
  let tMax = Infinity;
  for (let k = 0; k < 3; k++) {
    const o = ray.origin[k] ?? 0;
    const d = ray.direction[k] ?? 0;
    const lo = min[k] ?? 0;
    const hi = max[k] ?? 0;
    if (Math.abs(d) < 1e-12) {
      if (o < lo || o > hi) return Infinity;
      continue;
    }
    let t1 = (lo - o) / d;
    let t2 = (hi - o) / d;
    if (t1 > t2) [t1, t2] = [t2, t1];
    tMin = Math.max(tMin, t1);
    tMax = Math.min(tMax, t2);
    if (tMin > tMax) return Infinity;
  }
  return tMin;
}

/** The nearest target along the ray, or null when it points at nothing selectable. */
export function pickTarget(ray: Ray, g: WarehouseGeometry, robots: readonly RobotSpot[], board: BoardRect): Target | null {
  let best: Target | null = null;
  let bestT = Infinity;
  const consider = (t: number, target: Target) => {
    if (t < bestT) [bestT, best] = [t, target];
  };
  robots.forEach((r, id) =>
    consider(rayBox(ray, [r.xM - ROBOT_HALF_M, 0, r.zM - ROBOT_HALF_M], [r.xM + ROBOT_HALF_M, ROBOT_HEIGHT_M, r.zM + ROBOT_HALF_M]), { kind: 'robot', id }),
  );
  const levelM = g.layout.racks.levelHeightM;
  g.bins.forEach((b, index) => {
    const halfX = b.depthM / 2;
    const halfZ = b.lengthM / 2;
    consider(rayBox(ray, [b.xM - halfX, b.yM, b.zM - halfZ], [b.xM + halfX, b.yM + levelM, b.zM + halfZ]), { kind: 'bin', index });
  });
  const [ox, oy, oz] = ray.origin;
  const [dx, dy, dz] = ray.direction;
  if (Math.abs(dz) > 1e-12) {
    const t = (board.zM - oz) / dz;
    const x = ox + t * dx;
    const y = oy + t * dy;
    if (t > 0 && x >= board.minX && x <= board.maxX && y >= board.minY && y <= board.maxY) consider(t, { kind: 'board' });
  }
  if (dy < -1e-12) {
    const t = -oy / dy;
    const x = ox + t * dx;
    const z = oz + t * dz;
    const { widthM, depthM } = g.layout.floor;
    if (Math.abs(x) <= widthM / 2 && Math.abs(z) <= depthM / 2) consider(t, { kind: 'floor', xM: x, zM: z });
  }
  return best;
}

/** What the first of `rays` that meets a robot or a bin aims at (the board and the floor are not aims), or null. */
export function aimAlong(rays: readonly (Ray | null)[], g: WarehouseGeometry, robots: readonly RobotSpot[], board: BoardRect): Aim | null {
  for (const ray of rays) {
    const t = ray ? pickTarget(ray, g, robots, board) : null;
    if (t?.kind === 'robot') return { kind: 'robot', id: t.id };
    if (t?.kind === 'bin') return { kind: 'bin', id: t.index };
  }
  return null;
}

/** An axis-aligned box: centre and size, in metres. */
export interface Box {
  center: readonly [number, number, number];
  size: readonly [number, number, number];
}

/** The box that highlights an aim (the picking box, a little larger), or null when it names nothing here. */
export function aimBox(aim: Aim, g: WarehouseGeometry, robots: readonly RobotSpot[]): Box | null {
  const pad = 0.06;
  if (aim.kind === 'robot') {
    const r = robots[aim.id];
    if (!r) return null;
    const side = 2 * ROBOT_HALF_M + pad;
    return { center: [r.xM, ROBOT_HEIGHT_M / 2, r.zM], size: [side, ROBOT_HEIGHT_M + pad, side] };
  }
  const b = g.bins[aim.id];
  if (!b) return null;
  const levelM = g.layout.racks.levelHeightM;
  return { center: [b.xM, b.yM + levelM / 2, b.zM], size: [b.depthM + pad, levelM + pad, b.lengthM + pad] };
}
