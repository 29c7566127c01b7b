/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives
 * the same sequence on every terminal, so the world and the simulation are
 * identical on a headset, a phone and in tests. It lives in layout/, the
 * lowest pure layer: the layout's seed stocks the bins, and the simulation,
 * which builds on the layout, draws its orders from it too.
 */

/** A function returning uniform numbers in [0, 1). */
export type Rng = () => number;

/** Creates a deterministic generator from a 32-bit integer seed. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [min, max] inclusive. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}
