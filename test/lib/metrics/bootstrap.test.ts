import { describe, expect, it } from 'vitest';
import { percentileBootstrap, sortedQuantile } from '../../../src/lib/metrics/bootstrap';
import { meanIntervalFromSummary } from '../../../src/lib/metrics/mean-interval';
import { mulberry32 } from '../../../src/lib/util/random';

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('percentile bootstrap', () => {
  const rng = mulberry32(7);
  const rows = Array.from({ length: 200 }, () => 1 + 4 * rng());

  it('is repeatable for a seed and changes with the seed', () => {
    const a = percentileBootstrap(rows, mean, { seed: 42 });
    const b = percentileBootstrap(rows, mean, { seed: 42 });
    const c = percentileBootstrap(rows, mean, { seed: 43 });
    expect(a).toEqual(b);
    expect(c.low === a.low && c.high === a.high).toBe(false);
    expect(a.replicates).toBe(2000);
  });

  it('agrees with the t interval for a mean of 200 answers to within 10% of its width', () => {
    // For n = 200 the sampling distribution of the mean is close to normal, so the percentile
    // interval and x̄ ± t·s/√n (Efron & Tibshirani 1993, ch. 13) should nearly coincide.
    const m = mean(rows);
    const sd = Math.sqrt(rows.reduce((s, x) => s + (x - m) ** 2, 0) / (rows.length - 1));
    const t = meanIntervalFromSummary(m, sd, rows.length);
    const boot = percentileBootstrap(rows, mean, { seed: 1, replicates: 4000 });
    const width = (t.high as number) - (t.low as number);
    expect(boot.estimate).toBe(m);
    expect(boot.low).toBeLessThanOrEqual(m);
    expect(boot.high).toBeGreaterThanOrEqual(m);
    expect(Math.abs(boot.low - (t.low as number))).toBeLessThan(0.1 * width);
    expect(Math.abs(boot.high - (t.high as number))).toBeLessThan(0.1 * width);
  });

  it('type-7 quantiles (Hyndman & Fan 1996; R quantile default): 1..5 at 0.25 → 2, at 0.1 → 1.4', () => {
    expect(sortedQuantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(sortedQuantile([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 15);
  });

  it('refuses fewer than 2000 resamples and a statistic that is not finite', () => {
    expect(() => percentileBootstrap(rows, mean, { seed: 1, replicates: 500 })).toThrow(
      'bootstrap: replicates must be an integer >= 2000, got 500',
    );
    expect(() => percentileBootstrap(rows, () => Number.NaN, { seed: 1 })).toThrow('bootstrap: statistic gave NaN on resample 0');
  });
});
