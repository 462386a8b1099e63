import { describe, expect, it } from 'vitest';
import {
  logBeta,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
  regularizedIncompleteBeta,
} from '../../../src/lib/util/special';

describe('logGamma', () => {
  it('matches ln((n − 1)!) summed term by term', () => {
    // Independent: ln Γ(n) = Σ_{k=1}^{n−1} ln k for whole n.
    for (const n of [1, 2, 3, 7, 20, 100, 171]) {
      let expected = 0;
      for (let k = 1; k < n; k++) expected += Math.log(k);
      expect(logGamma(n)).toBeCloseTo(expected, 11);
    }
  });

  it('matches Γ(½) = √π and Γ(3/2) = √π/2 (closed forms)', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1.5)).toBeCloseTo(0.5 * Math.log(Math.PI) - Math.log(2), 14);
  });

  it('matches small-argument values from mpmath 1.3.0 (loggamma, 40 digits)', () => {
    expect(logGamma(0.001)).toBeCloseTo(6.907178885383853, 12);
    expect(logGamma(1e10) / 220258509288.81058).toBeCloseTo(1, 14);
  });

  it('rejects x ≤ 0', () => {
    expect(() => logGamma(0)).toThrow('logGamma: x must be a finite number > 0, got 0');
  });
});

describe('logBeta', () => {
  it('agrees with ln Γ(a) + ln Γ(b) − ln Γ(a + b) across its branches', () => {
    for (const [a, b] of [[0.5, 3], [2.5, 12], [15, 40], [0.5, 500]]) {
      expect(logBeta(a, b)).toBeCloseTo(logGamma(a) + logGamma(b) - logGamma(a + b), 10);
    }
  });

  it('B(1, b) = 1/b and B(½, ½) = π (closed forms)', () => {
    expect(logBeta(1, 7)).toBeCloseTo(-Math.log(7), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
    expect(logBeta(1, 1e6)).toBeCloseTo(-Math.log(1e6), 12);
  });
});

describe('regularized incomplete beta and gamma', () => {
  it('I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a (closed forms)', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
    expect(regularizedIncompleteBeta(0.8, 3.5, 1)).toBeCloseTo(0.8 ** 3.5, 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('P(1, x) = 1 − e^(−x); P + Q = 1', () => {
    for (const x of [0.1, 1, 2.5, 30]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 14);
      expect(regularizedGammaP(3.3, x) + regularizedGammaQ(3.3, x)).toBeCloseTo(1, 14);
    }
  });
});
