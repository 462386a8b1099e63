/**
 * Tests for a change between two periods (or a gap between two segments); "a" is the
 * current/focal group, "b" the comparison, and delta = a − b. Each returns the 95%
 * interval of the difference. Where weights are on, pass the Kish n_eff as n.
 *
 * - means: Welch t = Δ/√(s₁²/n₁ + s₂²/n₂), Welch–Satterthwaite df
 *   ν = (v₁ + v₂)² / (v₁²/(n₁−1) + v₂²/(n₂−1)) with vᵢ = sᵢ²/nᵢ; interval Δ ± t(0.975, ν)·se.
 * - proportions: pooled z = Δ/√(p̄(1−p̄)(1/n₁ + 1/n₂)), p̄ = (n₁p₁ + n₂p₂)/(n₁ + n₂);
 *   interval by unpooled Wald Δ ± z·√(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂). `se` is the pooled one.
 * - NPS: z = ΔNPS/√(Var₁ + Var₂), Var in NPS points² (adjusted Wald, see nps.ts);
 *   interval ΔNPS ± z·√(Var₁ + Var₂).
 * When the standard error is 0 (e.g. both groups gave one same answer) there is no test:
 * stat and p are null.
 */
import { normalTwoSidedP, studentTQuantile, studentTTwoSidedP, Z_95 } from './distributions';

export interface ChangeTest {
  delta: number;
  /** Standard error the statistic divides by. */
  se: number;
  stat: number | null;
  /** Degrees of freedom (Welch only). */
  df?: number;
  /** Two-sided p-value; null when the test is undefined (se = 0). */
  p: number | null;
  low: number;
  high: number;
}

export interface MeanSummary {
  mean: number;
  sd: number;
  /** Sample size (Kish n_eff when weighted), > 1. */
  n: number;
}

export interface ShareSummary {
  /** Share in [0, 1]. */
  share: number;
  /** Sample size (Kish n_eff when weighted), > 0. */
  n: number;
}

export interface NpsSummary {
  nps: number;
  /** Variance of the NPS in NPS points². */
  variance: number;
}

function checkFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
}

export function welchTTest(a: MeanSummary, b: MeanSummary): ChangeTest {
  for (const [group, g] of [['a', a], ['b', b]] as const) {
    checkFinite(g.mean, `welch: mean of ${group}`);
    if (!(g.sd >= 0) || !Number.isFinite(g.sd)) throw new RangeError(`welch: sd of ${group} must be a finite number >= 0, got ${g.sd}`);
    if (!(g.n > 1) || !Number.isFinite(g.n)) throw new RangeError(`welch: n of ${group} must be a finite number > 1, got ${g.n}`);
  }
  const delta = a.mean - b.mean;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return { delta, se, stat: null, p: null, low: delta, high: delta };
  const df = ((va + vb) * (va + vb)) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const stat = delta / se;
  const half = studentTQuantile(0.975, df) * se;
  return { delta, se, stat, df, p: studentTTwoSidedP(stat, df), low: delta - half, high: delta + half };
}

export function twoProportionZTest(a: ShareSummary, b: ShareSummary, z: number = Z_95): ChangeTest {
  for (const [group, g] of [['a', a], ['b', b]] as const) {
    if (!(g.share >= 0 && g.share <= 1)) throw new RangeError(`two-proportion z: share of ${group} must be in [0, 1], got ${g.share}`);
    if (!(g.n > 0) || !Number.isFinite(g.n)) throw new RangeError(`two-proportion z: n of ${group} must be a finite number > 0, got ${g.n}`);
  }
  const delta = a.share - b.share;
  const pooled = (a.share * a.n + b.share * b.n) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const half = z * Math.sqrt((a.share * (1 - a.share)) / a.n + (b.share * (1 - b.share)) / b.n);
  const low = delta - half;
  const high = delta + half;
  if (!(se > 0)) return { delta, se, stat: null, p: null, low, high };
  const stat = delta / se;
  return { delta, se, stat, p: normalTwoSidedP(stat), low, high };
}

export function npsZTest(a: NpsSummary, b: NpsSummary, z: number = Z_95): ChangeTest {
  for (const [group, g] of [['a', a], ['b', b]] as const) {
    checkFinite(g.nps, `nps z: nps of ${group}`);
    if (!(g.variance >= 0) || !Number.isFinite(g.variance)) {
      throw new RangeError(`nps z: variance of ${group} must be a finite number >= 0, got ${g.variance}`);
    }
  }
  const delta = a.nps - b.nps;
  const se = Math.sqrt(a.variance + b.variance);
  const low = delta - z * se;
  const high = delta + z * se;
  if (!(se > 0)) return { delta, se, stat: null, p: null, low, high };
  const stat = delta / se;
  return { delta, se, stat, p: normalTwoSidedP(stat), low, high };
}
