/**
 * RFM quintile scores (Hughes 1994, "Strategic Database Marketing"): recency (days since the
 * last purchase, recent is better), frequency (purchase days) and monetary value (total
 * spend), each scored 1–5 by quintile, 5 the best fifth. score = 1 + ⌊5·w/n⌋ with w the
 * number of customers strictly worse, so ties share a score and a customer is never scored
 * below one that is worse.
 */
import type { CustomerActivity } from './types';

export interface RfmScore {
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
}

/** Quintile scores of values where larger is better; NaN values get NaN. */
export function quintileScores(values: ArrayLike<number>): Float64Array {
  const finite = Float64Array.from(Array.from(values).filter(Number.isFinite)).sort();
  const n = finite.length;
  return Float64Array.from(values, (v) => {
    if (!Number.isFinite(v)) return NaN;
    // Values strictly below v: the first index holding v, by binary search.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (finite[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return 1 + Math.floor((5 * lo) / n);
  });
}

/** Scores as of `asOf` (epoch day, usually the last day of the data). */
export function rfmScores(activity: readonly CustomerActivity[], asOf: number): RfmScore[] {
  const recency = activity.map((a) => asOf - a.lastDay);
  const r = quintileScores(recency.map((d) => -d));
  const f = quintileScores(activity.map((a) => a.purchaseDays));
  const m = quintileScores(activity.map((a) => a.totalSpend));
  return activity.map((a, i) => ({ recencyDays: recency[i], frequency: a.purchaseDays, monetary: a.totalSpend, r: r[i], f: f[i], m: m[i] }));
}
