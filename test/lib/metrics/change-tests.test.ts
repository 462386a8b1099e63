import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npsZTest, twoProportionZTest, welchTTest } from '../../../src/lib/metrics/change-tests';

function summary(xs: number[]) {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd, n: xs.length };
}

describe('Welch t test', () => {
  it('Wikipedia "Welch\'s t-test", example 1: t ≈ −2.46, ν ≈ 25.0, p ≈ 0.021', () => {
    const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const r = welchTTest(summary(a1), summary(a2));
    // More digits from scipy 1.17.1 stats.ttest_ind(equal_var=False) and its confidence_interval().
    expect(r.stat).toBeCloseTo(-2.455356398286006, 10);
    expect(r.df).toBeCloseTo(24.988529290231416, 9);
    expect(r.p).toBeCloseTo(0.021378001462866992, 10);
    expect(r.low).toBeCloseTo(-3.984096267140929, 9);
    expect(r.high).toBeCloseTo(-0.3492370661924069, 9);
  });

  it('hand-worked from summaries: 20 (s 4, n 10) vs 22 (s 6, n 15)', () => {
    // v₁ = 16/10 = 1.6, v₂ = 36/15 = 2.4, se = √4 = 2, t = −1,
    // ν = 16 / (1.6²/9 + 2.4²/14) = 22.992700729927005; p (scipy) = 0.3277190725863246.
    const r = welchTTest({ mean: 20, sd: 4, n: 10 }, { mean: 22, sd: 6, n: 15 });
    expect(r.delta).toBe(-2);
    expect(r.se).toBe(2);
    expect(r.stat).toBe(-1);
    expect(r.df).toBeCloseTo(16 / (1.6 ** 2 / 9 + 2.4 ** 2 / 14), 12);
    expect(r.p).toBeCloseTo(0.3277190725863246, 12);
    expect(r.high - r.low).toBeCloseTo(2 * 4.137387899385674, 10);
  });

  it('no test when both groups have zero variance; throws for n ≤ 1', () => {
    expect(welchTTest({ mean: 5, sd: 0, n: 8 }, { mean: 5, sd: 0, n: 9 })).toEqual({
      delta: 0, se: 0, stat: null, p: null, low: 0, high: 0,
    });
    expect(() => welchTTest({ mean: 5, sd: 1, n: 1 }, { mean: 5, sd: 1, n: 9 })).toThrow(
      'welch: n of a must be a finite number > 1, got 1',
    );
  });
});

describe('two-proportion z test', () => {
  it('hand-worked: 60/100 vs 45/100', () => {
    // p̄ = 105/200 = 0.525, se = √(0.525·0.475·(1/100 + 1/100)) = 0.07062223445912767,
    // z = 0.15/se = 2.123976976214366, p = 2Φ(−z) = 0.033672068856345834 (scipy 1.17.1);
    // Wald interval 0.15 ± 1.96·√(0.24/100 + 0.2475/100) = [0.013150447571064372, 0.2868495524289356].
    const r = twoProportionZTest({ share: 0.6, n: 100 }, { share: 0.45, n: 100 });
    expect(r.delta).toBeCloseTo(0.15, 15);
    expect(r.se).toBeCloseTo(0.07062223445912767, 15);
    expect(r.stat).toBeCloseTo(2.123976976214366, 12);
    expect(r.p).toBeCloseTo(0.033672068856345834, 12);
    expect(r.low).toBeCloseTo(0.013150447571064372, 14);
    expect(r.high).toBeCloseTo(0.2868495524289356, 14);
  });

  it('no test when both shares are 0', () => {
    const r = twoProportionZTest({ share: 0, n: 40 }, { share: 0, n: 50 });
    expect(r.p).toBeNull();
  });
});

describe('NPS z test', () => {
  it('hand-worked: 30 (Var 59.16) vs 20 (Var 40.84): z = 10/√100 = 1', () => {
    const r = npsZTest({ nps: 30, variance: 59.16 }, { nps: 20, variance: 40.84 });
    expect(r.delta).toBe(10);
    expect(r.se).toBeCloseTo(10, 12);
    expect(r.stat).toBeCloseTo(1, 12);
    expect(r.p).toBeCloseTo(0.31731050786291415, 12); // 2Φ(−1), scipy 1.17.1
    expect(r.low).toBeCloseTo(10 - 19.6, 12);
  });
});

describe('change tests (properties)', () => {
  it('intervals contain the difference and p is in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 2, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 2, max: 500, noNaN: true }),
        (m1, s1, n1, m2, s2, n2) => {
          const r = welchTTest({ mean: m1, sd: s1, n: n1 }, { mean: m2, sd: s2, n: n2 });
          expect(r.low).toBeLessThanOrEqual(r.delta);
          expect(r.high).toBeGreaterThanOrEqual(r.delta);
          expect(r.p!).toBeGreaterThanOrEqual(0);
          expect(r.p!).toBeLessThanOrEqual(1);
          expect(r.df!).toBeGreaterThanOrEqual(Math.min(n1, n2) - 1 - 1e-9);
          expect(r.df!).toBeLessThanOrEqual(n1 + n2 - 2 + 1e-9);
        },
      ),
    );
  });
});
