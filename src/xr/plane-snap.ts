/**
 * Passthrough placement snapping, pure: where the headset detects planes,
 * a surface hit at or near a table-height horizontal plane (a table, a
 * desk, a counter) snaps onto it: the ring stands at the plane's own
 * height and at least `EDGE_M` inside its edge, so the model neither floats
 * over the real top nor hangs off it. A floor hit just beside a table snaps
 * up onto it; a hit on a surface well above a table stays where it is.
 */

/** A detected horizontal plane: its height and its outline on the floor (scene metres, x and z). */
export interface TablePlane {
  y: number;
  outline: ReadonlyArray<readonly [number, number]>;
}

/** Heights a table, desk or counter stands at above the floor, in metres. */
export const TABLE_HEIGHT_M = [0.3, 1.3] as const;
/** A hit this close to a table plane (horizontally) snaps onto it, in metres. */
export const SNAP_M = 0.25;
/** The ring stays this far inside a plane's edge, in metres. */
export const EDGE_M = 0.1;
/** A hit more than this above a plane is on something else standing on it (a shelf, a screen), in metres. */
const ABOVE_M = 0.15;

type P = readonly [number, number];

/** Corner `i` of an outline, wrapping around. */
const corner = (outline: readonly P[], i: number): P => outline[((i % outline.length) + outline.length) % outline.length] ?? [0, 0];

const sub = (a: P, b: P): [number, number] => [a[0] - b[0], a[1] - b[1]];
const dot = (a: P, b: P) => a[0] * b[0] + a[1] * b[1];

/** The outline's mean corner (its centre, for the convex outlines planes have). */
function centre(outline: readonly P[]): [number, number] {
  const n = outline.length;
  return [outline.reduce((s, p) => s + p[0], 0) / n, outline.reduce((s, p) => s + p[1], 0) / n];
}

/** Whether a point is inside a polygon (even-odd rule). */
export function insidePolygon(p: P, outline: readonly P[]): boolean {
  let inside = false;
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
    const a = corner(outline, i);
    const b = corner(outline, j);
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** The point of a polygon's boundary nearest to `p`, and how far it is. */
function nearestOnOutline(p: P, outline: readonly P[]): { at: [number, number]; d: number } {
  let best: { at: [number, number]; d: number } = { at: [p[0], p[1]], d: Infinity };
  for (let i = 0; i < outline.length; i++) {
    const a = corner(outline, i);
    const b = corner(outline, i + 1);
    const ab = sub(b, a);
    const len2 = dot(ab, ab);
    const t = len2 > 0 ? Math.min(1, Math.max(0, dot(sub(p, a), ab) / len2)) : 0;
    const at: [number, number] = [a[0] + ab[0] * t, a[1] + ab[1] * t];
    const d = Math.hypot(p[0] - at[0], p[1] - at[1]);
    if (d < best.d) best = { at, d };
  }
  return best;
}

/** How far a point is from a polygon horizontally: 0 inside. */
export function distanceToPolygon(p: P, outline: readonly P[]): number {
  return insidePolygon(p, outline) ? 0 : nearestOnOutline(p, outline).d;
}

/**
 * A convex outline moved `m` inwards along every edge (each edge's line offset towards the centre, corners
 * where neighbouring lines meet), or null when it is too small to keep `m` from its edges.
 */
export function insetPolygon(outline: readonly P[], m: number): Array<[number, number]> | null {
  const n = outline.length;
  if (n < 3) return null;
  const c = centre(outline);
  const lines = outline.map((a, i) => {
    const b = corner(outline, i + 1);
    const d = sub(b, a);
    const len = Math.hypot(d[0], d[1]) || 1;
    let normal: [number, number] = [-d[1] / len, d[0] / len];
    if (dot(normal, sub(c, a)) < 0) normal = [-normal[0], -normal[1]];
    return { point: [a[0] + normal[0] * m, a[1] + normal[1] * m] as P, dir: [d[0] / len, d[1] / len] as P, normal };
  });
  const corners: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    const l1 = lines[(i + n - 1) % n];
    const l2 = lines[i];
    if (!l1 || !l2) continue;
    const cross = l1.dir[0] * l2.dir[1] - l1.dir[1] * l2.dir[0];
    if (Math.abs(cross) < 1e-9) {
      corners.push([l2.point[0], l2.point[1]]);
      continue;
    }
    const w = sub(l2.point, l1.point);
    const t = (w[0] * l2.dir[1] - w[1] * l2.dir[0]) / cross;
    corners.push([l1.point[0] + l1.dir[0] * t, l1.point[1] + l1.dir[1] * t]);
  }
  // Too small: some inset corner left the inside of some edge's offset line.
  const keeps = corners.every((p) => lines.every((l) => dot(sub(p, l.point), l.normal) >= -1e-9));
  return keeps ? corners : null;
}

/** Where a surface hit lands: on the nearest table-height plane it is at or beside, else where it is. */
export function snapToTable(hit: { x: number; y: number; z: number }, planes: readonly TablePlane[]): { x: number; y: number; z: number; snapped: boolean } {
  const p: P = [hit.x, hit.z];
  let best: { plane: TablePlane; d: number } | null = null;
  for (const plane of planes) {
    if (plane.outline.length < 3 || plane.y < TABLE_HEIGHT_M[0] || plane.y > TABLE_HEIGHT_M[1] || hit.y > plane.y + ABOVE_M) continue;
    const d = distanceToPolygon(p, plane.outline);
    if (d <= SNAP_M && (!best || d < best.d)) best = { plane, d };
  }
  if (!best) return { ...hit, snapped: false };
  const inner = insetPolygon(best.plane.outline, EDGE_M);
  const [x, z] = !inner ? centre(best.plane.outline) : insidePolygon(p, inner) ? [p[0], p[1]] : nearestOnOutline(p, inner).at;
  return { x, y: best.plane.y, z, snapped: true };
}
