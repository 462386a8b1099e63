/**
 * The evidence for or against "satisfaction drives loyalty": top-2 against bottom-2
 * satisfaction levels (promoters against detractors for NPS) on each loyalty metric —
 * repeat rate by the two-proportion z test, frequency and spend by Welch's t — and a
 * Cochran–Armitage test for a linear trend of the repeat rate across all levels (Armitage
 * 1955, Biometrics 11:375–386; Agresti 2013, "Categorical Data Analysis", §5.3):
 *   b = Σ kᵢ(sᵢ − s̄) / Σ nᵢ(sᵢ − s̄)²,  se₀ = √(p̄(1 − p̄) / Σ nᵢ(sᵢ − s̄)²),  z = b / se₀,
 * with scores sᵢ the level values (NPS groups 0, 1, 2); b is the change in the repeat share
 * per scale point. p-values are not adjusted: the top-2 against bottom-2 repeat rate is the
 * one primary test, the rest describe its shape.
 */
import { normalTwoSidedP, Z_95 } from '../../metrics/distributions';
import { twoProportionZTest, welchTTest, type ChangeTest } from '../../metrics/change-tests';
import { loyaltyStats, type LoyaltyGroup, type LoyaltyStats } from './satisfaction-loyalty';
import type { LoyaltyGroupBy, LoyaltyMetric, LoyaltyTestRow } from './types';

export interface TrendTest {
  slope: number;
  se: number;
  z: number;
  p: number;
}

/** Cochran–Armitage trend test on successes k out of n at scores s; null when it is undefined. */
export function cochranArmitage(k: readonly number[], n: readonly number[], scores: readonly number[]): TrendTest | null {
  if (k.length !== n.length || n.length !== scores.length) throw new RangeError(`cochran-armitage: k, n and scores must have the same length, got ${k.length}, ${n.length}, ${scores.length}`);
  const N = n.reduce((s, v) => s + v, 0);
  if (!(N > 0)) return null;
  const K = k.reduce((s, v) => s + v, 0);
  const pBar = K / N;
  const sBar = n.reduce((s, ni, i) => s + ni * scores[i], 0) / N;
  const sxx = n.reduce((s, ni, i) => s + ni * (scores[i] - sBar) ** 2, 0);
  if (!(sxx > 0) || pBar === 0 || pBar === 1) return null;
  const slope = k.reduce((s, ki, i) => s + ki * (scores[i] - sBar), 0) / sxx;
  const se = Math.sqrt((pBar * (1 - pBar)) / sxx);
  const z = slope / se;
  return { slope, se, z, p: normalTwoSidedP(z) };
}

function metricTest(metric: LoyaltyMetric, high: LoyaltyStats, low: LoyaltyStats): { test: ChangeTest | null; high: number | null; low: number | null; nHigh: number; nLow: number } {
  if (metric === 'repeat_rate') {
    const ok = high.repeat && low.repeat;
    const test = ok ? twoProportionZTest({ share: high.repeat!.share, n: high.customers }, { share: low.repeat!.share, n: low.customers }) : null;
    return { test, high: high.repeat?.share ?? null, low: low.repeat?.share ?? null, nHigh: high.customers, nLow: low.customers };
  }
  if (metric === 'frequency') {
    const [h, l] = [high.frequency, low.frequency];
    // Welch on the ratio estimates: sd = se·√n makes Welch's sd²/n the ratio's variance.
    const test = h?.se && l?.se ? welchTTest({ mean: h.value, sd: h.se * Math.sqrt(high.customers), n: high.customers }, { mean: l.value, sd: l.se * Math.sqrt(low.customers), n: low.customers }) : null;
    return { test, high: h?.value ?? null, low: l?.value ?? null, nHigh: high.customers, nLow: low.customers };
  }
  const [h, l] = [high.spend, low.spend];
  const test = h?.sd && l?.sd && h.n > 1 && l.n > 1 ? welchTTest({ mean: h.mean, sd: h.sd, n: h.n }, { mean: l.mean, sd: l.sd, n: l.n }) : null;
  return { test, high: h?.mean ?? null, low: l?.mean ?? null, nHigh: h?.n ?? 0, nLow: l?.n ?? 0 };
}

/**
 * Tests for one grouping. `groups` are in scale order (lowest first); the top and bottom two
 * groups are pooled for satisfaction, the last and first group (promoters, detractors) for NPS.
 * No test is run when either side has fewer than `minimum` customers.
 */
export function loyaltyTests(groups: readonly LoyaltyGroup[], by: LoyaltyGroupBy, alpha: number, minimum: number): LoyaltyTestRow[] {
  if (groups.length < 2) return [];
  const take = by === 'satisfaction' ? Math.min(2, Math.floor(groups.length / 2)) : 1;
  const high = loyaltyStats(groups.slice(-take).flatMap((g) => g.members));
  const low = loyaltyStats(groups.slice(0, take).flatMap((g) => g.members));
  const comparison = by === 'satisfaction' ? 'top2_vs_bottom2' : 'promoters_vs_detractors';
  const enough = high.customers >= minimum && low.customers >= minimum;
  const rows: LoyaltyTestRow[] = (['repeat_rate', 'frequency', 'spend'] as const).map((metric) => {
    const r = metricTest(metric, high, low);
    const test = enough ? r.test : null;
    return {
      group_by: by, metric, comparison, high: r.high, low: r.low, n_high: r.nHigh, n_low: r.nLow,
      delta: test?.delta ?? null, delta_low: test?.low ?? null, delta_high: test?.high ?? null,
      statistic: test?.stat ?? null, p: test?.p ?? null, significant: test?.p == null ? null : test.p < alpha,
      test: metric === 'repeat_rate' ? 'two_proportion_z' : 'welch_t',
    };
  });
  const scores = by === 'satisfaction' ? groups.map((g) => Number(g.level)) : groups.map((_, i) => i);
  const counts = groups.map((g) => loyaltyStats(g.members));
  const all = counts.reduce((s, c) => s + c.customers, 0);
  const trend = all >= 2 * minimum ? cochranArmitage(counts.map((c) => c.repeatCustomers), counts.map((c) => c.customers), scores) : null;
  rows.push({
    group_by: by, metric: 'repeat_rate', comparison: 'linear_trend', high: null, low: null,
    n_high: all, n_low: all,
    delta: trend?.slope ?? null, delta_low: trend ? trend.slope - Z_95 * trend.se : null, delta_high: trend ? trend.slope + Z_95 * trend.se : null,
    statistic: trend?.z ?? null, p: trend?.p ?? null, significant: trend ? trend.p < alpha : null, test: 'cochran_armitage',
  });
  return rows;
}
