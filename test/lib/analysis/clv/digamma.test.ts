import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digamma } from '../../../../src/lib/analysis/clv/digamma';
import { logGamma } from '../../../../src/lib/util/special';

const EULER_GAMMA = 0.5772156649015329;

describe('digamma', () => {
  // Abramowitz & Stegun 6.3.2, 6.3.3: ψ(1) = −γ, ψ(½) = −γ − 2 ln 2; 6.3.2: ψ(n) = H(n−1) − γ.
  it('matches closed forms', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 14);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 14);
    const h9 = 1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5 + 1 / 6 + 1 / 7 + 1 / 8 + 1 / 9;
    expect(digamma(10)).toBeCloseTo(h9 - EULER_GAMMA, 14);
    // ψ(1000) = ln 1000 − 1/2000 − 1/(12·1000²) + … (A&S 6.3.18)
    expect(digamma(1000)).toBeCloseTo(Math.log(1000) - 1 / 2000 - 1 / 12e6, 13);
  });

  it('satisfies ψ(x + 1) = ψ(x) + 1/x and is the derivative of ln Γ', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 200, noNaN: true }), (x) => {
        expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 9);
        const h = 1e-5 * Math.max(1, x);
        const numeric = (logGamma(x + h) - logGamma(x - h)) / (2 * h);
        expect(Math.abs(numeric - digamma(x))).toBeLessThan(1e-6 * Math.max(1, Math.abs(digamma(x))));
      }),
    );
  });

  it('rejects x <= 0', () => {
    expect(() => digamma(0)).toThrow('digamma: x must be a finite number > 0, got 0');
    expect(() => digamma(Number.NaN)).toThrow(/got NaN/);
  });
});
