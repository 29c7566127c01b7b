/**
 * Grab and inspect, the pure half: which pack a ray takes out of its bin,
 * how two hands scale it, how it goes back, and how a 2D view turns it.
 * The same rules for a headset's squeeze or held pinch and a screen's
 * tap-and-hold; `app/inspect.ts` carries them out on the scene.
 */
import { forEachPack, type PackPlace } from '../layout/stock';
import type { WarehouseGeometry } from '../layout/geometry';
import type { Ray } from '../input/intents';
import { pickTarget, rayBox, type BoardRect, type RobotSpot } from './pick';

/** A pack: pack `n` of bin `bin`. */
export interface PackRef {
  bin: number;
  n: number;
}

/** Timing and limits of grab and inspect. */
export const INSPECT = {
  /** A pinch or a press held this long on a pack takes it (shorter is a select), in ms. */
  holdMs: 450,
  /** ... and over at least this many XR frames (at 72 Hz, 450 ms is 32). */
  holdFrames: 6,
  /** Letting go: the pack flies back to its slot over this long, in s. */
  returnS: 0.3,
  /** Two hands scale a held pack between these factors of its real size. */
  minScale: 0.5,
  maxScale: 4,
  /** A screen's inspect view: the pack floats this far ahead of the eyes, its longest side this long, in m. */
  viewDistanceM: 0.45,
  viewSideM: 0.16,
} as const;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The pack a ray takes: the first pack box the ray meets in the bin it points at (robots, the board
 * and the floor in front count, as for a select); where it passes between packs, the pack nearest the ray.
 */
export function pickPack(ray: Ray, g: WarehouseGeometry, robots: readonly RobotSpot[], board: BoardRect): (PackRef & PackPlace) | null {
  const target = pickTarget(ray, g, robots, board);
  if (target?.kind !== 'bin') return null;
  const bin = target.index;
  const centres: Array<[number, number, number, number]> = [];
  const packs = forEachPack(g, bin, (n, x, y, z) => centres.push([n, x, y, z]));
  if (!packs || centres.length === 0) return null;
  const [sx, sy, sz] = packs.size;
  let best: [number, number, number, number] | null = null;
  let bestT = Infinity;
  for (const c of centres) {
    const [, x, y, z] = c;
    const t = rayBox(ray, [x - sx / 2, y - sy / 2, z - sz / 2], [x + sx / 2, y + sy / 2, z + sz / 2]);
    if (t < bestT) [best, bestT] = [c, t];
  }
  best ??= nearestToRay(ray, centres);
  const [n, x, y, z] = best;
  return { bin, n, x, y, z, size: packs.size, facing: packs.facing };
}

/** The centre nearest the ray's line (ahead of its origin). */
function nearestToRay<T extends [number, number, number, number]>(ray: Ray, centres: readonly T[]): T {
  const [ox, oy, oz] = ray.origin;
  const [dx, dy, dz] = ray.direction;
  const len = Math.hypot(dx, dy, dz) || 1;
  const distance = (c: T) => {
    const [px, py, pz] = [c[1] - ox, c[2] - oy, c[3] - oz];
    const along = Math.max(0, (px * dx + py * dy + pz * dz) / len);
    return Math.hypot(px - (along * dx) / len, py - (along * dy) / len, pz - (along * dz) / len);
  };
  return centres.reduce((best, c) => (distance(c) < distance(best) ? c : best));
}

/** A held pack's scale while a second hand holds it too: as the hands' gap grows from `startGapM`, within the limits. */
export function twoHandScale(startScale: number, startGapM: number, gapM: number): number {
  if (!(startGapM > 0.01) || !Number.isFinite(gapM)) return startScale;
  return clamp((startScale * gapM) / startGapM, INSPECT.minScale, INSPECT.maxScale);
}

/** How far back to its slot a let-go pack is, `elapsedS` after letting go: 0 where it was let go, 1 home (eased out). */
export function returnFraction(elapsedS: number): number {
  const t = clamp(elapsedS / INSPECT.returnS, 0, 1);
  return 1 - (1 - t) ** 3;
}

/** A screen's inspect view: the scale that makes the pack's longest side `INSPECT.viewSideM` (within the limits). */
export function viewScale(size: readonly [number, number, number]): number {
  const longest = Math.max(...size);
  return longest > 0 ? clamp(INSPECT.viewSideM / longest, INSPECT.minScale, INSPECT.maxScale) : 1;
}

/** A screen's inspect view: a drag turns the pack (yaw about up, pitch about the view's right, pitch within a quarter turn). */
export function turnView(view: { yawRad: number; pitchRad: number }, yawDeltaRad: number, pitchDeltaRad: number): { yawRad: number; pitchRad: number } {
  if (!Number.isFinite(yawDeltaRad + pitchDeltaRad)) return view;
  return { yawRad: view.yawRad + yawDeltaRad, pitchRad: clamp(view.pitchRad + pitchDeltaRad, -Math.PI / 2, Math.PI / 2) };
}
