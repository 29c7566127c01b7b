/**
 * What a select means, decided once for every terminal: a mouse click, a
 * tap, a controller trigger, a hand pinch or a transient pointer all arrive
 * as a ray, and the answer depends only on what the ray meets and how the
 * world is viewed. Pure; the app carries the answer out.
 */
import type { WarehouseGeometry } from '../layout/geometry';
import { pickTarget, type BoardRect, type Ray, type RobotSpot, type Target } from './pick';

/** How the world is being viewed when the select happens. */
export type SelectMode = 'flat' | 'immersive-vr' | 'immersive-ar';

/** What a ray can meet: the twin's plain data (in the model's own metres). */
export interface SelectWorld {
  geometry: WarehouseGeometry;
  robots: readonly RobotSpot[];
  board: BoardRect;
}

/** What to do about a select. */
export type SelectOutcome =
  /** Show the card of what the ray met (the app words it in the person's language). */
  | { kind: 'card'; target: Exclude<Target, { kind: 'floor' }> }
  /** The ray met nothing selectable: the open card closes. */
  | { kind: 'clear' }
  /** 2D: glide to the floor point (a jump with reduced motion). */
  | { kind: 'walk-to'; xM: number; zM: number }
  /** VR: teleport to the floor point (hands and stickless controllers have no stick to aim with). */
  | { kind: 'teleport'; xM: number; zM: number }
  /** Passthrough: move the table-top model to the real surface the eyes' ray meets. */
  | { kind: 'place-model' };

/** Resolves one select ray (already in the model's metres) against the world. */
export function resolveSelect(ray: Ray, world: SelectWorld, mode: SelectMode): SelectOutcome {
  const target = pickTarget(ray, world.geometry, world.robots, world.board);
  // Beside the table-top model, or on its floor, a select moves the model.
  if (mode === 'immersive-ar' && (!target || target.kind === 'floor')) return { kind: 'place-model' };
  if (!target) return { kind: 'clear' };
  if (target.kind === 'floor') return mode === 'flat' ? { kind: 'walk-to', xM: target.xM, zM: target.zM } : { kind: 'teleport', xM: target.xM, zM: target.zM };
  return { kind: 'card', target };
}

/**
 * Where a ray (scene metres) comes down to the height `yM`, or null when it points level or up, or the
 * height is behind it: a manual placement of the table-top model where no real surface was found.
 */
export function rayAtHeight(ray: Ray, yM: number): { x: number; y: number; z: number } | null {
  const [ox, oy, oz] = ray.origin;
  const [dx, dy, dz] = ray.direction;
  if (dy > -1e-6) return null;
  const t = (yM - oy) / dy;
  if (!(t > 0) || !Number.isFinite(t)) return null;
  return { x: ox + t * dx, y: yM, z: oz + t * dz };
}
