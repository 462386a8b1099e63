/**
 * Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, method 3):
 * centre = (p̂ + z²/2n)/(1 + z²/n), half-width = z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n).
 * With weights, pass the weighted share and the Kish n_eff as n.
 */
import { Z_95 } from './distributions';

export interface ProportionInterval {
  estimate: number;
  low: number;
  high: number;
}

/** Wilson interval from a share p̂ in [0, 1] and a (possibly effective, non-integer) n > 0. */
export function wilsonFromShare(share: number, n: number, z: number = Z_95): ProportionInterval {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`wilson: share must be in [0, 1], got ${share}`);
  if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`wilson: n must be a finite number > 0, got ${n}`);
  if (!(z > 0)) throw new RangeError(`wilson: z must be > 0, got ${z}`);
  const z2n = (z * z) / n;
  const denominator = 1 + z2n;
  const centre = (share + z2n / 2) / denominator;
  const halfWidth = (z * Math.sqrt((share * (1 - share)) / n + z2n / (4 * n))) / denominator;
  // At k = 0 and k = n the bound is exactly 0 or 1; clamp away rounding noise.
  return {
    estimate: share,
    low: share === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: share === 1 ? 1 : Math.min(1, centre + halfWidth),
  };
}

/** Wilson interval for k successes out of n. */
export function wilsonInterval(k: number, n: number, z: number = Z_95): ProportionInterval {
  if (!(k >= 0 && k <= n)) throw new RangeError(`wilson: k must be in [0, n], got k=${k}, n=${n}`);
  return wilsonFromShare(k / n, n, z);
}
