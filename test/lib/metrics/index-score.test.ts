import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexFromRows, weightedIndex } from '../../../src/lib/metrics/index-score';

describe('weighted satisfaction index', () => {
  it('Σwᵢsᵢ/Σwᵢ, hand-worked: scores 80, 60 with weights 1, 3 → 65', () => {
    expect(weightedIndex([80, 60], [1, 3])).toBe(65);
    expect(weightedIndex([80, null], [1, 3])).toBe(80);
    expect(weightedIndex([null, 60], [0, 0.5])).toBe(60);
    expect(weightedIndex([80, null], [0, 3])).toBeNull();
  });

  it('validates weights', () => {
    expect(() => weightedIndex([1, 2], [0, 0])).toThrow('index: at least one item weight must be > 0');
    expect(() => weightedIndex([1, 2], [1, -1])).toThrow('index: weight of item 1 must be a finite number >= 0, got -1');
  });

  it('from rows: per-respondent index over answered items, then a t interval', () => {
    // Respondent indices with weights (1, 3): [80, 60] → 65, [100, null] → 100, [null, 40] → 40, [null, null] → left out.
    // Mean of 65, 100, 40 = 205/3; s² = Σ(x − x̄)²/2.
    const r = indexFromRows([[80, 60], [100, null], [null, 40], [null, null]], [1, 3])!;
    const m = 205 / 3;
    const s2 = ((65 - m) ** 2 + (100 - m) ** 2 + (40 - m) ** 2) / 2;
    expect(r.n).toBe(3);
    expect(r.index).toBeCloseTo(m, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(s2), 12);
    expect(r.df).toBe(2);
    // t(0.975, 2) by the df-2 closed form (2p − 1)/√(2p(1 − p)) = 0.95/√0.04875.
    expect(r.high! - r.index).toBeCloseTo(((0.95 / Math.sqrt(0.04875)) * Math.sqrt(s2)) / Math.sqrt(3), 9);
  });

  it('with complete rows equals the weighted index of the item means; unit respondent weights change nothing (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 2,
          maxLength: 40,
        }),
        fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })),
        (rows, weights) => {
          const r = indexFromRows(rows, weights)!;
          const itemMeans = [0, 1, 2].map((j) => rows.reduce((s, row) => s + row[j], 0) / rows.length);
          expect(r.index).toBeCloseTo(weightedIndex(itemMeans, weights)!, 9);
          expect(indexFromRows(rows, weights, rows.map(() => 1))).toEqual(r);
          if (r.low !== null) {
            expect(r.low).toBeLessThanOrEqual(r.index);
            expect(r.high!).toBeGreaterThanOrEqual(r.index);
          }
        },
      ),
    );
  });
});
