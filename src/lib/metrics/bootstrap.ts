/**
 * Seeded percentile bootstrap (Efron & Tibshirani 1993, ch. 13): draw B resamples of the
 * rows with replacement, compute the statistic on each, and take the α/2 and 1 − α/2
 * quantiles of the B values (linear interpolation between order statistics, "type 7").
 * Seeded with mulberry32 so that every build gives the same interval.
 */
import { mulberry32 } from '../util/random';

export interface BootstrapOptions {
  /** Seed for the PRNG (an integer). */
  seed: number;
  /** Number of resamples B, at least 2000 (default 2000). */
  replicates?: number;
  /** Confidence level (default 0.95). */
  level?: number;
}

export interface BootstrapInterval {
  /** The statistic on the original rows. */
  estimate: number;
  low: number;
  high: number;
  replicates: number;
  seed: number;
}

export const MIN_BOOTSTRAP_REPLICATES = 2000;

/** Quantile of sorted values with linear interpolation (Hyndman & Fan 1996, type 7). */
export function sortedQuantile(sorted: ArrayLike<number>, probability: number): number {
  if (sorted.length === 0) throw new RangeError('quantile: no values');
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

export function percentileBootstrap<T>(
  rows: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: BootstrapOptions,
): BootstrapInterval {
  const { seed, replicates = MIN_BOOTSTRAP_REPLICATES, level = 0.95 } = options;
  if (rows.length === 0) throw new RangeError('bootstrap: no rows');
  if (!Number.isInteger(seed)) throw new RangeError(`bootstrap: seed must be an integer, got ${seed}`);
  if (!Number.isInteger(replicates) || replicates < MIN_BOOTSTRAP_REPLICATES) {
    throw new RangeError(`bootstrap: replicates must be an integer >= ${MIN_BOOTSTRAP_REPLICATES}, got ${replicates}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap: level must be in (0, 1), got ${level}`);
  const estimate = statistic(rows);
  const rng = mulberry32(seed);
  const sample = new Array<T>(rows.length);
  const values = new Float64Array(replicates);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < rows.length; i++) sample[i] = rows[Math.floor(rng() * rows.length)];
    const value = statistic(sample);
    if (!Number.isFinite(value)) throw new RangeError(`bootstrap: statistic gave ${value} on resample ${b}`);
    values[b] = value;
  }
  values.sort();
  const alpha = 1 - level;
  return {
    estimate,
    low: sortedQuantile(values, alpha / 2),
    high: sortedQuantile(values, 1 - alpha / 2),
    replicates,
    seed,
  };
}
