/**
 * Seeded pseudo-random numbers, so simulations, bootstraps and tests repeat exactly.
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, period 2^32, good enough
 * for resampling and test data; not for cryptography.
 */
export type Random = () => number;

/** A generator of uniform numbers in [0, 1) from a 32-bit integer seed. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws from a uniform generator (Box–Muller; one draw per call). */
export function normalFrom(random: Random): Random {
  return () => {
    const u = 1 - random(); // in (0, 1], so log(u) is finite
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}
