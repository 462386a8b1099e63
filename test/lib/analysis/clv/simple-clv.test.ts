import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { periodDiscountRate, simpleClv } from '../../../../src/lib/analysis/clv/simple-clv';

describe('simpleClv', () => {
  it('matches a hand-worked value', () => {
    // m = 100, r = 0.8, d = 0.1, n = 3: 100/1.1 + 80/1.1² + 64/1.1³ = 90.9091 + 66.1157 + 48.0841 = 205.10894064613075.
    expect(simpleClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 3 })).toBeCloseTo(205.10894064613075, 10);
  });

  it('takes a margin per period', () => {
    // 100/1.05 + 120·0.9/1.05² + 150·0.81/1.05³ = 298.153547133139 (worked by hand).
    expect(simpleClv({ margin: [100, 120, 150], retention: 0.9, discountRate: 0.05 })).toBeCloseTo(298.153547133139, 10);
  });

  it('approaches the perpetuity m/(1 + d − r) over a long horizon', () => {
    // Σₜ m rᵗ⁻¹/(1+d)ᵗ = m/(1+d) · 1/(1 − r/(1+d)) = m/(1 + d − r) (geometric series).
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (m, r, d) => {
          const clv = simpleClv({ margin: m, retention: r, discountRate: d, periods: 2000 });
          expect(clv).toBeCloseTo(m / (1 + d - r), 6);
          expect(simpleClv({ margin: m, retention: r, discountRate: d, periods: 5 })).toBeLessThanOrEqual(clv);
        },
      ),
    );
  });

  it('rejects bad inputs with the value named', () => {
    expect(() => simpleClv({ margin: 1, retention: 1.2, discountRate: 0, periods: 1 })).toThrow('retention must be in [0, 1], got 1.2');
    expect(() => simpleClv({ margin: 1, retention: 0.5, discountRate: -1, periods: 1 })).toThrow('discountRate must be a finite number > -1, got -1');
    expect(() => simpleClv({ margin: 1, retention: 0.5, discountRate: 0 })).toThrow('periods must be an integer >= 1, got undefined');
    expect(() => simpleClv({ margin: [1, 2], retention: 0.5, discountRate: 0, periods: 3 })).toThrow(
      'periods (3) must equal the number of margins (2) or be left out',
    );
    expect(() => simpleClv({ margin: [1, Number.NaN], retention: 0.5, discountRate: 0 })).toThrow('margin for period 2 must be a finite number, got NaN');
  });
});

describe('periodDiscountRate', () => {
  it('compounds an annual rate down to months and weeks', () => {
    // 1.1^(1/12) − 1 and 1.1^(7/365.25) − 1, computed independently (Python).
    expect(periodDiscountRate(0.1, 'month')).toBeCloseTo(0.007974140428903764, 15);
    expect(periodDiscountRate(0.1, 'week')).toBeCloseTo(0.0018282846336430403, 15);
    expect(periodDiscountRate(0.1, 'day')).toBeCloseTo(Math.pow(1.1, 1 / 365.25) - 1, 15);
  });

  it('rejects bad inputs', () => {
    expect(() => periodDiscountRate(-2, 'month')).toThrow('annualRate must be a finite number > -1, got -2');
    expect(() => periodDiscountRate(0.1, 'toString' as never)).toThrow('unit must be one of day, week, month, got toString');
  });
});
