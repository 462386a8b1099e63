import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  expectedPurchasesByPeriod,
  fitBgnbd,
  pAlive,
  type BgnbdParams,
} from '../../../../src/lib/analysis/clv/bgnbd';
import { aggregateCustomers, bgnbdLogLikelihood, bgnbdLogLikelihoodAndGradient } from '../../../../src/lib/analysis/clv/bgnbd-likelihood';
import { hyp2f1 } from '../../../../src/lib/analysis/clv/hypergeometric';
import { simulateBgnbd } from '../../../../src/lib/analysis/clv/simulate';
import { logBeta, logGamma } from '../../../../src/lib/util/special';
import { mulberry32 } from '../../../../src/lib/util/random';
import { CDNOW_BGNBD, loadCdnowSummary } from './cdnow-fixture';

const cdnow = loadCdnowSummary();

describe('fitBgnbd on the CDNOW summary', () => {
  const fit = fitBgnbd(cdnow.x, cdnow.tx, cdnow.T);

  // Fader, Hardie & Lee (2005) Table/§4: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4;
  // full-precision re-fits in test/fixtures/cdnow/README.md.
  it('reproduces the published estimates', () => {
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeGreaterThan(0);
    expect(Math.abs(fit.r - 0.2426)).toBeLessThan(0.001);
    expect(Math.abs(fit.alpha - 4.4136)).toBeLessThan(0.001);
    expect(Math.abs(fit.a - 0.7929)).toBeLessThan(0.001);
    expect(Math.abs(fit.b - 2.4259)).toBeLessThan(0.001);
    expect(Math.abs(fit.ll - -9582.43)).toBeLessThan(0.1);
    expect(fit.customers).toBe(2357);
  });

  it('lands on the same optimum from a distant start', () => {
    const other = fitBgnbd(cdnow.x, cdnow.tx, cdnow.T, { start: { r: 5, alpha: 0.1, a: 10, b: 0.1 } });
    expect(other.converged).toBe(true);
    expect(other.r).toBeCloseTo(fit.r, 5);
    expect(other.alpha).toBeCloseTo(fit.alpha, 4);
    expect(other.ll).toBeCloseTo(fit.ll, 6);
  });

  it('P(alive) of customer 1 (x=2, tₓ=30.43, T=38.86) is 0.7266', () => {
    // Data README (cdnow): P(alive) = 0.7266 for the first customer at the published estimates.
    expect(Math.abs(pAlive(fit, 2, 30.43, 38.86) - 0.7266)).toBeLessThan(0.0005);
  });

  it('conditional expected purchases in the next week match the lifetimes quickstart', () => {
    // lifetimes README (Davidson-Pilon): bgf.conditional_expected_number_of_purchases_up_to_time(1, …)
    // on this summary prints 509: 0.424877, 841: 0.474738, 1981: 0.486526, 157: 0.662396, 1516: 0.710623.
    const printed: [number, number, number, number][] = [
      [18, 35.14, 35.86, 0.424877],
      [19, 34.0, 34.14, 0.474738],
      [17, 28.43, 28.86, 0.486526],
      [29, 37.71, 38.0, 0.662396],
      [26, 30.86, 31.0, 0.710623],
    ];
    for (const [x, tx, T, expected] of printed) {
      expect(Math.abs(conditionalExpectedPurchases(fit, 1, x, tx, T) - expected)).toBeLessThan(1e-5);
    }
  });
});

/** FHL 2005 eq. 6 evaluated directly (products, not logs), one customer at a time. */
function directLogLikelihood({ r, alpha, a, b }: BgnbdParams, x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): number {
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    const gammaPart = Math.exp(logGamma(r + x[i]) - logGamma(r)) * alpha ** r;
    const first = (Math.exp(logBeta(a, b + x[i]) - logBeta(a, b)) * gammaPart) / (alpha + T[i]) ** (r + x[i]);
    const second = x[i] > 0 ? (Math.exp(logBeta(a + 1, b + x[i] - 1) - logBeta(a, b)) * gammaPart) / (alpha + tx[i]) ** (r + x[i]) : 0;
    ll += Math.log(first + second);
  }
  return ll;
}

describe('BG/NBD likelihood', () => {
  const data = aggregateCustomers(cdnow.x, cdnow.tx, cdnow.T);

  it('aggregates identical (x, tₓ, T) without changing the likelihood', () => {
    expect(data.weight.length).toBeLessThan(cdnow.x.length);
    expect(data.weight.reduce((s, w) => s + w, 0)).toBe(2357);
    for (const params of [CDNOW_BGNBD, { r: 1.3, alpha: 0.7, a: 2.2, b: 0.4 }]) {
      expect(bgnbdLogLikelihood(params, data)).toBeCloseTo(directLogLikelihood(params, cdnow.x, cdnow.tx, cdnow.T), 6);
    }
  });

  it('has an analytic gradient equal to central differences', () => {
    const at: BgnbdParams = { r: 0.5, alpha: 3, a: 1.4, b: 1.9 };
    const { gradient } = bgnbdLogLikelihoodAndGradient(at, data);
    (['r', 'alpha', 'a', 'b'] as const).forEach((name, i) => {
      const h = 1e-6 * at[name];
      const numeric = (bgnbdLogLikelihood({ ...at, [name]: at[name] + h }, data) - bgnbdLogLikelihood({ ...at, [name]: at[name] - h }, data)) / (2 * h);
      expect(Math.abs(gradient[i] - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
    });
  });

  it('rejects impossible customers', () => {
    expect(() => aggregateCustomers([1.5], [1], [2])).toThrow('customer 0: x must be an integer >= 0, got 1.5');
    expect(() => aggregateCustomers([1], [3], [2])).toThrow('customer 0: t_x must be in [0, T=2], got 3');
    expect(() => aggregateCustomers([0], [1], [2])).toThrow('customer 0: t_x must be 0 when x is 0, got 1');
    expect(() => aggregateCustomers([1, 2], [1], [2])).toThrow('x, t_x and T must have the same length, got 2, 1, 1');
    expect(() => fitBgnbd([], [], [])).toThrow('BG/NBD needs at least one customer, got 0');
  });

  it('recovers simulated parameters, and the fit beats the truth on its own sample', () => {
    const random = mulberry32(7);
    const ages = Float64Array.from({ length: 20_000 }, () => 27 + 12 * random());
    const sim = simulateBgnbd(CDNOW_BGNBD, ages, random);
    const fit = fitBgnbd(sim.x, sim.tx, sim.T);
    expect(fit.converged).toBe(true);
    // The maximum likelihood is at least the likelihood at the generating values.
    expect(fit.ll).toBeGreaterThanOrEqual(bgnbdLogLikelihood(CDNOW_BGNBD, aggregateCustomers(sim.x, sim.tx, sim.T)));
    expect(fit.r / CDNOW_BGNBD.r).toBeGreaterThan(0.85);
    expect(fit.r / CDNOW_BGNBD.r).toBeLessThan(1.15);
    expect(fit.alpha / CDNOW_BGNBD.alpha).toBeGreaterThan(0.8);
    expect(fit.alpha / CDNOW_BGNBD.alpha).toBeLessThan(1.2);
    expect(fit.a / CDNOW_BGNBD.a).toBeGreaterThan(0.7);
    expect(fit.a / CDNOW_BGNBD.a).toBeLessThan(1.3);
    expect(fit.b / CDNOW_BGNBD.b).toBeGreaterThan(0.7);
    expect(fit.b / CDNOW_BGNBD.b).toBeLessThan(1.3);
  });
});

const paramsArb = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
  a: fc.double({ min: 0.1, max: 5, noNaN: true }),
  b: fc.double({ min: 0.1, max: 10, noNaN: true }),
});
const customerArb = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 100, noNaN: true }))
  .map(([x, share, T]) => ({ x, T, tx: x === 0 ? 0 : share * T }));

describe('P(alive)', () => {
  it('is in (0, 1], equals 1 when x = 0, and rises with recency', () => {
    fc.assert(
      fc.property(paramsArb, customerArb, (params, { x, tx, T }) => {
        const p = pAlive(params, x, tx, T);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        if (x === 0) expect(p).toBe(1);
        else expect(pAlive(params, x, (tx + T) / 2, T)).toBeGreaterThanOrEqual(p);
      }),
    );
  });

  it('rejects bad inputs with the value named', () => {
    expect(() => pAlive(CDNOW_BGNBD, -1, 0, 1)).toThrow('BG/NBD: x must be an integer >= 0, got -1');
    expect(() => pAlive({ ...CDNOW_BGNBD, b: 0 }, 1, 0, 1)).toThrow('BG/NBD: b must be a finite number > 0, got 0');
  });
});

describe('expected purchases', () => {
  it('equals FHL 2005 eq. 10 evaluated with the untransformed ₂F₁', () => {
    const { r, alpha, a, b } = CDNOW_BGNBD;
    for (const [x, tx, T, t] of [[2, 30.43, 38.86, 39], [0, 0, 38.86, 39], [7, 20, 32, 10], [1, 1.71, 38.86, 100]]) {
      const z = t / (alpha + T + t);
      const bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
      const alive = x > 0 ? 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x)) : 1;
      const direct = (((a + b + x - 1) / (a - 1)) * bracket) * alive;
      expect(conditionalExpectedPurchases(CDNOW_BGNBD, t, x, tx, T)).toBeCloseTo(direct, 10);
    }
  });

  it('E[X(t)] equals FHL 2005 eq. 9', () => {
    const { r, alpha, a, b } = CDNOW_BGNBD;
    for (const t of [1, 39, 78, 500]) {
      const direct = ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
      expect(expectedPurchases(CDNOW_BGNBD, t)).toBeCloseTo(direct, 10);
    }
  });

  it('is continuous through a = 1, where eq. 10 has 0/0', () => {
    const at = (a: number) => conditionalExpectedPurchases({ ...CDNOW_BGNBD, a }, 39, 3, 20, 38);
    expect(at(1)).toBeCloseTo((at(1 - 1e-7) + at(1 + 1e-7)) / 2, 8);
    expect(Number.isFinite(at(1))).toBe(true);
  });

  it('is 0 at t = 0, grows with t, and the per-period increments add up to the cumulative', () => {
    fc.assert(
      fc.property(paramsArb, customerArb, fc.double({ min: 0.1, max: 20, noNaN: true }), (params, { x, tx, T }, length) => {
        expect(conditionalExpectedPurchases(params, 0, x, tx, T)).toBe(0);
        const increments = expectedPurchasesByPeriod(params, x, tx, T, length, 6);
        increments.forEach((v) => expect(v).toBeGreaterThanOrEqual(-1e-12));
        const total = increments.reduce((s, v) => s + v, 0);
        const cumulative = conditionalExpectedPurchases(params, 6 * length, x, tx, T);
        expect(Math.abs(total - cumulative)).toBeLessThanOrEqual(1e-9 * Math.max(1, cumulative));
      }),
      { numRuns: 60 },
    );
  });

  it('rejects a negative horizon or bad period settings', () => {
    expect(() => conditionalExpectedPurchases(CDNOW_BGNBD, -1, 0, 0, 1)).toThrow('BG/NBD: t must be a finite number >= 0, got -1');
    expect(() => expectedPurchasesByPeriod(CDNOW_BGNBD, 0, 0, 1, 0, 3)).toThrow('periodLength must be a finite number > 0, got 0');
    expect(() => expectedPurchasesByPeriod(CDNOW_BGNBD, 0, 0, 1, 1, 2.5)).toThrow('periods must be an integer >= 1, got 2.5');
  });
});
