import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beta, exponential, gamma, mulberry32, pick, shuffled, weightedIndex } from '../../../src/lib/util/random';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: (sumSq - n * mean * mean) / (n - 1) };
}

// Reference moments are the textbook ones: Gamma(k, θ) mean kθ, variance kθ²;
// Beta(a, b) mean a/(a+b), variance ab/((a+b)²(a+b+1)); Exponential(λ) mean 1/λ.
// With n = 40,000 seeded draws the tolerances are > 4 standard errors.
describe('distribution draws', () => {
  const n = 40_000;
  it('gamma with shape ≥ 1 and < 1 has the right mean and variance', () => {
    const random = mulberry32(7);
    const big = moments(() => gamma(random, 3, 2), n); // mean 6, var 12
    expect(big.mean).toBeCloseTo(6, 1);
    expect(Math.abs(big.variance - 12)).toBeLessThan(0.6);
    const small = moments(() => gamma(random, 0.5, 1), n); // mean 0.5, var 0.5
    expect(Math.abs(small.mean - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(small.variance - 0.5)).toBeLessThan(0.05);
  });
  it('beta and exponential have the right means', () => {
    const random = mulberry32(8);
    const b = moments(() => beta(random, 1, 5), n); // mean 1/6, var 5/252
    expect(Math.abs(b.mean - 1 / 6)).toBeLessThan(0.003);
    expect(Math.abs(b.variance - 5 / 252)).toBeLessThan(0.001);
    const e = moments(() => exponential(random, 0.25), n); // mean 4
    expect(Math.abs(e.mean - 4)).toBeLessThan(0.1);
  });
  it('rejects bad parameters with the value named', () => {
    const random = mulberry32(1);
    expect(() => gamma(random, 0)).toThrow('gamma: shape must be > 0, got 0');
    expect(() => exponential(random, -1)).toThrow('exponential: rate must be > 0, got -1');
    expect(() => weightedIndex(random, [0, 0])).toThrow('weightedIndex: weights must sum to > 0, got 0');
    expect(() => pick(random, [])).toThrow('pick: items must not be empty');
  });
  it('weightedIndex follows the weights', () => {
    const random = mulberry32(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i++) counts[weightedIndex(random, [1, 0, 3])]++;
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[0] / n - 0.25)).toBeLessThan(0.01);
  });
  it('shuffled returns a permutation and leaves its input alone (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const copy = items.slice();
        const out = shuffled(mulberry32(seed), items);
        expect(items).toEqual(copy);
        expect(out.slice().sort((a, b) => a - b)).toEqual(copy.sort((a, b) => a - b));
      }),
      { seed: 2 },
    );
  });
  it('repeats exactly for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect(Array.from({ length: 5 }, () => gamma(a, 1.2, 0.5))).toEqual(Array.from({ length: 5 }, () => gamma(b, 1.2, 0.5)));
  });
});
