/**
 * Seeded simulation of the BG/NBD purchase process and the Gamma-Gamma spend process, for
 * parameter-recovery tests and the benchmark. Gamma draws by Marsaglia & Tsang (2000),
 * "A simple method for generating gamma variables", ACM TOMS 26(3):363–372.
 */
import { normalFrom, type Random } from '../../util/random';
import type { BgnbdParams } from './bgnbd';
import type { GammaGammaParams } from './gamma-gamma';

/** A Gamma(shape, 1) sampler; divide by a rate to get Gamma(shape, rate). */
export function gammaSampler(random: Random): (shape: number) => number {
  const normal = normalFrom(random);
  const draw = (shape: number): number => {
    if (!(shape > 0 && Number.isFinite(shape))) throw new RangeError(`gamma shape must be a finite number > 0, got ${shape}`);
    if (shape < 1) return draw(shape + 1) * Math.pow(1 - random(), 1 / shape); // boost: G(k) = G(k+1)·U^(1/k)
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v <= 0) continue;
      if (Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return draw;
}

export interface SimulatedCustomers {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/**
 * Customers of the given ages T under the BG/NBD: λ ~ Gamma(r, α), p ~ Beta(a, b); purchases
 * arrive at rate λ from the first purchase at time 0, and after each repeat purchase the
 * customer drops out with probability p.
 */
export function simulateBgnbd(params: BgnbdParams, ages: ArrayLike<number>, random: Random): SimulatedCustomers {
  const gamma = gammaSampler(random);
  const n = ages.length;
  const out = { x: new Float64Array(n), tx: new Float64Array(n), T: Float64Array.from(ages) };
  for (let i = 0; i < n; i++) {
    const lambda = gamma(params.r) / params.alpha;
    const pa = gamma(params.a);
    const p = pa / (pa + gamma(params.b));
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > out.T[i]) break;
      x++;
      last = t;
      if (random() < p) break;
    }
    out.x[i] = x;
    out.tx[i] = last;
  }
  return out;
}

/** Mean repeat spend z̄ for customers with x repeat purchases (0 where x = 0) under the Gamma-Gamma model. */
export function simulateMeanSpend(params: GammaGammaParams, x: ArrayLike<number>, random: Random): Float64Array {
  const gamma = gammaSampler(random);
  return Float64Array.from({ length: x.length }, (_, i) => {
    if (x[i] === 0) return 0;
    const nu = gamma(params.q) / params.gamma;
    return gamma(params.p * x[i]) / (nu * x[i]);
  });
}
