/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives
 * the same sequence on every terminal, so the world and the simulation are
 * identical on a headset, a phone and in tests. It lives in layout/, the
 * lowest pure layer: the layout's seed stocks the bins, and the simulation,
 * which builds on the layout, draws its orders from it too.
 */

/**
 * A function returning uniform numbers in [0, 1). Its whole state is one
 * 32-bit number, readable as `state`, so a simulation stepped elsewhere (a
 * worker) can be carried back and go on drawing the same sequence.
 */
export interface Rng {
  (): number;
  state: number;
}

/** Creates a deterministic generator from a 32-bit integer seed (or a `state` read from another generator). */
export function createRng(seed: number): Rng {
  const rng = (() => {
    rng.state = (rng.state + 0x6d2b79f5) >>> 0;
    let t = rng.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Rng;
  rng.state = seed >>> 0;
  return rng;
}

/** A uniform integer in [min, max] inclusive. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}
