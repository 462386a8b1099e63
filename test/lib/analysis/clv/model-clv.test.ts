import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conditionalExpectedPurchases, fitBgnbd } from '../../../../src/lib/analysis/clv/bgnbd';
import { conditionalExpectedSpend, fitGammaGamma } from '../../../../src/lib/analysis/clv/gamma-gamma';
import { modelClv, summariseClvByGroup } from '../../../../src/lib/analysis/clv/model-clv';
import { CDNOW_BGNBD, loadCdnowSummary } from './cdnow-fixture';

describe('modelClv', () => {
  it('reproduces the lifetimes quickstart CLV on CDNOW', () => {
    // lifetimes README: ggf.customer_lifetime_value(bgf, …, time=12, discount_rate=0.01) prints
    // 1: 140.096211, 2: 18.943467, 3: 38.180574, 6: 1003.868107, 7: 28.109683, 9: 167.418216.
    // Its default freq='D' treats 30 time units as a month; on this weekly summary that makes
    // 12 periods of 30 weeks each, discounted 1% a period, which is what we pass here.
    const cdnow = loadCdnowSummary();
    const bgnbd = fitBgnbd(cdnow.x, cdnow.tx, cdnow.T);
    const gg = fitGammaGamma(cdnow.x, cdnow.zbar);
    const pick = [0, 1, 2, 5, 6, 8];
    const customers = {
      x: pick.map((i) => cdnow.x[i]),
      tx: pick.map((i) => cdnow.tx[i]),
      T: pick.map((i) => cdnow.T[i]),
    };
    const spend = pick.map((i) => conditionalExpectedSpend(gg, cdnow.x[i], cdnow.zbar[i]));
    const clv = modelClv(bgnbd, customers, spend, { periods: 12, periodLength: 30, discountRate: 0.01 });
    [140.096211, 18.943467, 38.180574, 1003.868107, 28.109683, 167.418216].forEach((expected, k) => {
      expect(Math.abs(clv[k] - expected)).toBeLessThan(1e-6 * expected + 1e-5);
    });
  });

  it('is expected purchases × spend × margin for one undiscounted period', () => {
    const clv = modelClv(CDNOW_BGNBD, { x: [2], tx: [30.43], T: [38.86] }, [24.66], { periods: 1, periodLength: 13, discountRate: 0, margin: 0.3 });
    expect(clv[0]).toBeCloseTo(conditionalExpectedPurchases(CDNOW_BGNBD, 13, 2, 30.43, 38.86) * 24.66 * 0.3, 12);
  });

  it('is non-negative and grows with the horizon', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        (x, share, T, d) => {
          const customers = { x: [x], tx: [x === 0 ? 0 : share * T], T: [T] };
          const options = { periodLength: 4, discountRate: d };
          const short = modelClv(CDNOW_BGNBD, customers, [20], { ...options, periods: 3 })[0];
          const long = modelClv(CDNOW_BGNBD, customers, [20], { ...options, periods: 6 })[0];
          expect(short).toBeGreaterThanOrEqual(0);
          expect(long).toBeGreaterThanOrEqual(short);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects bad inputs', () => {
    const one = { x: [0], tx: [0], T: [1] };
    expect(() => modelClv(CDNOW_BGNBD, one, [1, 2], { periods: 1, periodLength: 1, discountRate: 0 })).toThrow(
      'x, t_x, T and spend must have the same length, got 1, 1, 1, 2',
    );
    expect(() => modelClv(CDNOW_BGNBD, one, [1], { periods: 0, periodLength: 1, discountRate: 0 })).toThrow('periods must be an integer >= 1, got 0');
    expect(() => modelClv(CDNOW_BGNBD, one, [Number.NaN], { periods: 1, periodLength: 1, discountRate: 0 })).toThrow(
      'customer 0: spend must be a finite number, got NaN',
    );
  });
});

describe('summariseClvByGroup', () => {
  it('gives count, mean, median and total per group (worked by hand)', () => {
    const rows = summariseClvByGroup([1, 2, 3, 10, 4], ['sat', 'unsat', 'sat', 'sat', 'unsat']);
    expect(rows).toEqual([
      { group: 'sat', count: 3, mean: 14 / 3, median: 3, total: 14 },
      { group: 'unsat', count: 2, mean: 3, median: 3, total: 6 },
    ]);
  });

  it('rejects mismatched or non-finite input', () => {
    expect(() => summariseClvByGroup([1], ['a', 'b'])).toThrow('values and groups must have the same length, got 1, 2');
    expect(() => summariseClvByGroup([Number.POSITIVE_INFINITY], ['a'])).toThrow('value 0 must be a finite number, got Infinity');
  });
});
