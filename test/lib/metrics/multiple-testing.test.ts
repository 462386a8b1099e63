import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../src/lib/metrics/multiple-testing';

describe('Benjamini–Hochberg', () => {
  it('the 15 p-values of Benjamini & Hochberg (1995) worked example: 4 discoveries at q = 0.05', () => {
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0];
    const q = benjaminiHochberg(p) as number[];
    expect(q.filter((v) => v < 0.05)).toHaveLength(4);
    // q-values from scipy 1.17.1 stats.false_discovery_control(method='bh') (= R p.adjust "BH").
    const expected = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645, 0.0765, 0.486,
      0.5811818181818181, 0.714875, 0.7532307692307693, 0.8132142857142857, 1.0,
    ];
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 14));
  });

  it('returns q-values in input order and ignores missing p-values', () => {
    const q = benjaminiHochberg([0.04, null, 0.01, Number.NaN, 0.03]);
    // m = 3: sorted 0.01, 0.03, 0.04 → 0.03, 0.045, 0.04 → monotone from the top: 0.03, 0.04, 0.04.
    expect(q[0]).toBeCloseTo(0.04, 15);
    expect(q[1]).toBeNull();
    expect(q[2]).toBeCloseTo(0.03, 15);
    expect(q[3]).toBeNull();
    expect(q[4]).toBeCloseTo(0.04, 15);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('rejects p-values outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.2, 1.5])).toThrow('benjaminiHochberg: p-value at 1 must be in [0, 1], got 1.5');
  });

  it('q ≥ p, q ≤ 1, and q is monotone in p (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (p) => {
        const q = benjaminiHochberg(p) as number[];
        p.forEach((pi, i) => {
          expect(q[i]).toBeGreaterThanOrEqual(pi);
          expect(q[i]).toBeLessThanOrEqual(1);
          p.forEach((pj, j) => {
            if (pi < pj) expect(q[i]).toBeLessThanOrEqual(q[j]);
          });
        });
      }),
    );
  });
});
