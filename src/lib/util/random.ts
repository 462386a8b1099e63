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

/** Exponential draw with the given rate (mean 1 / rate), by inversion. */
export function exponential(random: Random, rate: number): number {
  if (!(rate > 0)) throw new Error(`exponential: rate must be > 0, got ${rate}`);
  return -Math.log(1 - random()) / rate;
}

/**
 * Gamma draw with shape k and scale θ (mean kθ): Marsaglia & Tsang (2000), "A simple method
 * for generating gamma variables"; shapes below 1 use the boost U^(1/k) from the same paper.
 */
export function gamma(random: Random, shape: number, scale = 1): number {
  if (!(shape > 0)) throw new Error(`gamma: shape must be > 0, got ${shape}`);
  if (!(scale > 0)) throw new Error(`gamma: scale must be > 0, got ${scale}`);
  if (shape < 1) {
    const boost = Math.pow(1 - random(), 1 / shape); // 1 - u in (0, 1]
    return gamma(random, shape + 1, scale) * boost;
  }
  const normal = normalFrom(random);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

/** Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function beta(random: Random, a: number, b: number): number {
  const x = gamma(random, a);
  const y = gamma(random, b);
  return x / (x + y);
}

/** An index drawn with probability proportional to its (non-negative) weight. */
export function weightedIndex(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) throw new Error(`weightedIndex: weights must sum to > 0, got ${total}`);
  let u = random() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** One element chosen uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: items must not be empty');
  return items[Math.floor(random() * items.length)];
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
