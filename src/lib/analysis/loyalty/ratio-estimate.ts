/**
 * A ratio of sums with its standard error: R = Σyᵢ / Σxᵢ (e.g. purchases per customer-year,
 * pooled so a customer seen for a week weighs a week), with the linearisation variance of a
 * ratio estimator (Cochran 1977, "Sampling Techniques", §6.3–6.4, without the finite
 * population correction): se(R) = √(Σ(yᵢ − R·xᵢ)² / (n(n−1))) / x̄, and a t interval on n − 1 df.
 */
import { studentTQuantile } from '../../metrics/distributions';

export interface RatioEstimate {
  ratio: number;
  se: number | null;
  n: number;
  low: number | null;
  high: number | null;
}

export function ratioEstimate(y: ArrayLike<number>, x: ArrayLike<number>, level = 0.95): RatioEstimate | null {
  const n = y.length;
  if (x.length !== n) throw new RangeError(`ratio: y and x must have the same length, got ${n}, ${x.length}`);
  if (n === 0) return null;
  let sy = 0;
  let sx = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) throw new RangeError(`ratio: y[${i}] must be a finite number, got ${y[i]}`);
    if (!(x[i] > 0 && Number.isFinite(x[i]))) throw new RangeError(`ratio: x[${i}] must be a finite number > 0, got ${x[i]}`);
    sy += y[i];
    sx += x[i];
  }
  const ratio = sy / sx;
  if (n < 2) return { ratio, se: null, n, low: null, high: null };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (y[i] - ratio * x[i]) ** 2;
  const se = Math.sqrt(ss / (n * (n - 1))) / (sx / n);
  const half = studentTQuantile(0.5 + level / 2, n - 1) * se;
  return { ratio, se, n, low: ratio - half, high: ratio + half };
}
