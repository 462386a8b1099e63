/**
 * Weighted satisfaction index I = Σ wᵢ·sᵢ / Σ wᵢ over the indicator items' 0–100 scores.
 *
 * Method for the interval: a delta-method interval would need the covariances between
 * the item scores, which only rows can give. So the interval comes from rows instead
 * (`indexFromRows`): each respondent's own index is the weighted mean of the items they
 * answered (item weights renormalised over those items), and the index with its
 * interval is the (respondent-weighted) mean of those per-respondent indices with a
 * t interval, x̄ ± t(0.975, n_eff − 1)·s/√n_eff. This accounts for the correlation
 * between items without modelling it. With complete answers the two definitions agree;
 * with item non-response they can differ slightly, so the site states which it shows.
 */
import { unbiasedWeightedVariance } from './cell-stats';
import { meanIntervalFromSummary } from './mean-interval';

export interface IndexFromRowsResult {
  index: number;
  sd: number | null;
  /** Respondents with at least one answered item of positive weight. */
  n: number;
  nEff: number;
  se: number | null;
  df: number | null;
  low: number | null;
  high: number | null;
}

/** Checks index weights: finite, ≥ 0, at least one > 0. */
export function validateIndexWeights(weights: readonly number[]): void {
  if (weights.length === 0) throw new RangeError('index: needs at least one item weight');
  weights.forEach((w, i) => {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`index: weight of item ${i} must be a finite number >= 0, got ${w}`);
  });
  if (!weights.some((w) => w > 0)) throw new RangeError('index: at least one item weight must be > 0');
}

/**
 * Σ wᵢ·sᵢ / Σ wᵢ over items with a score (null scores are left out and the weights
 * renormalised over the rest); null when no scored item has a positive weight.
 */
export function weightedIndex(scores: readonly (number | null)[], weights: readonly number[]): number | null {
  validateIndexWeights(weights);
  if (scores.length !== weights.length) throw new RangeError(`index: ${scores.length} scores for ${weights.length} weights`);
  let sum = 0;
  let weightSum = 0;
  scores.forEach((s, i) => {
    if (s === null || Number.isNaN(s)) return;
    if (!Number.isFinite(s)) throw new RangeError(`index: score of item ${i} must be finite, got ${s}`);
    sum += weights[i] * s;
    weightSum += weights[i];
  });
  return weightSum > 0 ? sum / weightSum : null;
}

/** Index as the mean of per-respondent indices, with its t interval; null when no respondent counts. */
export function indexFromRows(
  rows: readonly (readonly (number | null)[])[],
  itemWeights: readonly number[],
  respondentWeights?: ArrayLike<number>,
): IndexFromRowsResult | null {
  validateIndexWeights(itemWeights);
  if (respondentWeights && respondentWeights.length !== rows.length) {
    throw new RangeError(`index: ${respondentWeights.length} respondent weights for ${rows.length} rows`);
  }
  const indices: number[] = [];
  const weights: number[] = [];
  rows.forEach((row, r) => {
    if (row.length !== itemWeights.length) throw new RangeError(`index: row ${r} has ${row.length} items, expected ${itemWeights.length}`);
    const value = weightedIndex(row, itemWeights);
    if (value === null) return;
    const w = respondentWeights ? respondentWeights[r] : 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`index: weight of respondent ${r} must be a finite number >= 0, got ${w}`);
    indices.push(value);
    weights.push(w);
  });
  let sumW = 0;
  let sumW2 = 0;
  let sumWX = 0;
  for (let i = 0; i < indices.length; i++) {
    sumW += weights[i];
    sumW2 += weights[i] * weights[i];
    sumWX += weights[i] * indices[i];
  }
  if (!(sumW > 0)) return null;
  const index = sumWX / sumW;
  let sumWDev2 = 0;
  for (let i = 0; i < indices.length; i++) sumWDev2 += weights[i] * (indices[i] - index) ** 2;
  const variance = unbiasedWeightedVariance(sumWDev2, sumW, sumW2);
  const sd = variance === null ? null : Math.sqrt(variance);
  const nEff = (sumW * sumW) / sumW2;
  return { index, sd, n: indices.length, nEff, ...meanIntervalFromSummary(index, sd, nEff) };
}
