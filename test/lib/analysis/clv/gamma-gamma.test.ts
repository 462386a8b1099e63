import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conditionalExpectedSpend, fitGammaGamma, gammaGammaLogLikelihood } from '../../../../src/lib/analysis/clv/gamma-gamma';
import { simulateMeanSpend } from '../../../../src/lib/analysis/clv/simulate';
import { mulberry32 } from '../../../../src/lib/util/random';
import { CDNOW_GAMMA_GAMMA, loadCdnowSummary } from './cdnow-fixture';

const cdnow = loadCdnowSummary();

describe('fitGammaGamma on the CDNOW summary', () => {
  const fit = fitGammaGamma(cdnow.x, cdnow.zbar);

  // Fader & Hardie (2013) note 025 / lifetimes GammaGammaFitter on the 946 repeat customers:
  // p 6.2488, q 3.7446, γ 15.4477, LL ≈ −4055.92 (data README).
  it('reproduces the reference estimates', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    expect(Math.abs(fit.p - 6.2488)).toBeLessThan(0.001);
    expect(Math.abs(fit.q - 3.7446)).toBeLessThan(0.001);
    expect(Math.abs(fit.gamma - 15.4477)).toBeLessThan(0.001);
    expect(Math.abs(fit.ll - -4055.92)).toBeLessThan(0.01);
  });

  it('lands on the same optimum from a distant start', () => {
    const other = fitGammaGamma(cdnow.x, cdnow.zbar, { start: { p: 0.1, q: 50, gamma: 1 } });
    expect(other.p).toBeCloseTo(fit.p, 4);
    expect(other.ll).toBeCloseTo(fit.ll, 6);
  });

  it('conditional expected average spend matches the lifetimes quickstart', () => {
    // Data README: customer 1 (x=2, z̄=22.35) → 24.66. lifetimes README prints, for customers 1, 2, 3, 6, 9:
    // 24.658619, 18.911489, 35.170981 (x = 0: the population mean), 71.462843, 27.282408.
    expect(Math.abs(conditionalExpectedSpend(fit, 2, 22.35) - 24.66)).toBeLessThan(0.01);
    const printed: [number, number, number][] = [[2, 22.35, 24.658619], [1, 11.77, 18.911489], [0, 0, 35.170981], [7, 73.74, 71.462843], [2, 25.55, 27.282408]];
    for (const [x, zbar, expected] of printed) expect(Math.abs(conditionalExpectedSpend(fit, x, zbar) - expected)).toBeLessThan(1e-4);
  });
});

describe('Gamma-Gamma likelihood', () => {
  it('matches note 025 eq. for one customer worked by hand', () => {
    // x=2, z̄=10, p=2, q=3, γ=4: ln Γ(7) − ln Γ(4) − ln Γ(3) + 3 ln 4 + 3 ln 10 + 4 ln 2 − 7 ln 24
    // = ln 720 − ln 6 − ln 2 + ln 64 + ln 1000 + ln 16 − 7 ln 24.
    const expected = Math.log(720) - Math.log(6) - Math.log(2) + Math.log(64) + Math.log(1000) + Math.log(16) - 7 * Math.log(24);
    expect(gammaGammaLogLikelihood({ p: 2, q: 3, gamma: 4 }, [2, 0], [10, 0])).toBeCloseTo(expected, 12);
  });

  it('recovers simulated parameters', () => {
    const random = mulberry32(11);
    const x = Float64Array.from({ length: 20_000 }, () => 1 + Math.floor(random() * 6));
    const zbar = simulateMeanSpend(CDNOW_GAMMA_GAMMA, x, random);
    const fit = fitGammaGamma(x, zbar);
    expect(fit.converged).toBe(true);
    expect(fit.ll).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(CDNOW_GAMMA_GAMMA, x, zbar));
    // The population mean spend pγ/(q−1) is well determined even where p, q, γ trade off.
    const mean = (g: typeof CDNOW_GAMMA_GAMMA) => (g.p * g.gamma) / (g.q - 1);
    expect(mean(fit) / mean(CDNOW_GAMMA_GAMMA)).toBeGreaterThan(0.97);
    expect(mean(fit) / mean(CDNOW_GAMMA_GAMMA)).toBeLessThan(1.03);
    expect(fit.p / CDNOW_GAMMA_GAMMA.p).toBeGreaterThan(0.8);
    expect(fit.p / CDNOW_GAMMA_GAMMA.p).toBeLessThan(1.2);
  });

  it('rejects bad inputs', () => {
    expect(() => fitGammaGamma([0, 0], [0, 0])).toThrow('Gamma-Gamma needs at least one customer with x > 0, got none');
    expect(() => fitGammaGamma([1], [0])).toThrow('customer 0: zbar must be a finite number > 0 when x > 0, got 0');
    expect(() => fitGammaGamma([1, 2], [3])).toThrow('x and zbar must have the same length, got 2, 1');
    expect(() => conditionalExpectedSpend({ p: 1, q: 1, gamma: 1 }, 1, 1)).toThrow('Gamma-Gamma: q must be > 1 for a finite mean spend, got 1');
  });
});

describe('conditional expected spend', () => {
  it('lies between the population mean and the customer’s own mean, nearer z̄ as x grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 1.1, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (p, q, gamma, x, zbar) => {
          const params = { p, q, gamma };
          const population = (p * gamma) / (q - 1);
          const e = conditionalExpectedSpend(params, x, zbar);
          const slack = 1e-9 * Math.max(population, zbar);
          expect(e).toBeGreaterThanOrEqual(Math.min(population, zbar) - slack);
          expect(e).toBeLessThanOrEqual(Math.max(population, zbar) + slack);
          expect(Math.abs(conditionalExpectedSpend(params, x + 1, zbar) - zbar)).toBeLessThanOrEqual(Math.abs(e - zbar) + slack);
        },
      ),
    );
  });
});
