/**
 * Interval for a mean: x̄ ± t(0.975, n − 1)·s/√n, with n the Kish effective sample
 * size when weighted (so also t's degrees of freedom are n_eff − 1, possibly fractional).
 */
import { studentTQuantile } from './distributions';
import { cellMean, cellSd, kishNEff, type CellStats } from './cell-stats';

export interface MeanInterval {
  mean: number;
  /** Unbiased (weighted) standard deviation; null when n_eff ≤ 1. */
  sd: number | null;
  /** Unweighted valid count. */
  n: number;
  /** Kish effective sample size (= n unweighted). */
  nEff: number;
  se: number | null;
  df: number | null;
  low: number | null;
  high: number | null;
}

export interface MeanBounds {
  se: number | null;
  df: number | null;
  low: number | null;
  high: number | null;
}

/** t interval from a mean, an sd and a (possibly effective) sample size; nulls when n ≤ 1. */
export function meanIntervalFromSummary(mean: number, sd: number | null, n: number, level = 0.95): MeanBounds {
  if (!Number.isFinite(mean)) throw new RangeError(`mean interval: mean must be finite, got ${mean}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`mean interval: level must be in (0, 1), got ${level}`);
  if (sd === null || !(n > 1)) return { se: null, df: null, low: null, high: null };
  if (!(sd >= 0)) throw new RangeError(`mean interval: sd must be >= 0, got ${sd}`);
  const se = sd / Math.sqrt(n);
  const df = n - 1;
  const half = studentTQuantile(0.5 + level / 2, df) * se;
  return { se, df, low: mean - half, high: mean + half };
}

/** Mean of a cell's levels with its t interval; null for an empty cell. */
export function meanInterval(cell: CellStats, min: number, level = 0.95): MeanInterval | null {
  const mean = cellMean(cell, min);
  if (mean === null) return null;
  const sd = cellSd(cell, min);
  const nEff = kishNEff(cell);
  return { mean, sd, n: cell.n, nEff, ...meanIntervalFromSummary(mean, sd, nEff, level) };
}
