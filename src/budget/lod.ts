/**
 * Level-of-detail selection, shared by robots and stock: pure, so the same
 * distances give the same level on every terminal and in tests.
 */

/**
 * The level for an object `distanceM` away: 0 nearer than `thresholdsM[0]`,
 * 1 up to `thresholdsM[1]`, and so on. `bias` > 1 makes everything count as
 * farther (the quality governor raises it under load). @default bias 1
 */
export function selectLod(distanceM: number, thresholdsM: readonly number[], bias = 1): number {
  const d = distanceM * bias;
  if (!(d >= 0)) return thresholdsM.length; // NaN or negative: the cheapest level
  let level = 0;
  while (level < thresholdsM.length && d >= (thresholdsM[level] ?? Infinity)) level++;
  return level;
}

/** Distance from a point to an axis-aligned box on the floor plane (0 inside). */
export function distanceToRectM(xM: number, zM: number, minX: number, maxX: number, minZ: number, maxZ: number): number {
  const dx = Math.max(minX - xM, 0, xM - maxX);
  const dz = Math.max(minZ - zM, 0, zM - maxZ);
  return Math.hypot(dx, dz);
}
