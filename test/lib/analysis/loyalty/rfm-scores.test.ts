import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quintileScores, rfmScores } from '../../../../src/lib/analysis/loyalty/rfm-scores';
import { activityFromPurchases } from '../../../../src/lib/analysis/loyalty/customer-activity';
import { day, purchases } from './fixture';

describe('quintileScores', () => {
  it('scores ten distinct values two to a quintile', () => {
    // score = 1 + ⌊5·(values below)/n⌋: below = 0..9, n = 10 → 1,1,2,2,3,3,4,4,5,5.
    expect(Array.from(quintileScores([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('gives ties one score and NaN to missing values', () => {
    expect(Array.from(quintileScores([1, 1, 1, 2, NaN]))).toEqual([1, 1, 1, 4, NaN]);
  });

  it('scores lie in 1..5, follow the order of the values and split n = 5k distinct values evenly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }), (values) => {
        const s = quintileScores(values);
        for (let i = 0; i < values.length; i++) {
          if (!(s[i] >= 1 && s[i] <= 5)) return false;
          for (let j = 0; j < values.length; j++) if (values[i] < values[j] && s[i] > s[j]) return false;
        }
        return true;
      }),
      { seed: 5, numRuns: 200 },
    );
    const distinct = Array.from({ length: 25 }, (_, i) => i * 3);
    const counts = [1, 2, 3, 4, 5].map((k) => Array.from(quintileScores(distinct)).filter((s) => s === k).length);
    expect(counts).toEqual([5, 5, 5, 5, 5]);
  });
});

describe('rfmScores', () => {
  it('scores recency (recent is better), frequency (purchase days) and monetary (total spend)', () => {
    const asOf = day('2025-12-31');
    const activity = activityFromPurchases(purchases, asOf); // C1, C2, C3, C4 in order of appearance
    const rfm = rfmScores(activity, asOf);
    // Last purchases: C1 07-01, C2 02-01, C3 05-01, C4 10-01 → recency ranks (best last): C2 < C3 < C1 < C4.
    expect(rfm.map((r) => r.recencyDays)).toEqual([asOf - day('2025-07-01'), asOf - day('2025-02-01'), asOf - day('2025-05-01'), asOf - day('2025-10-01')]);
    expect(rfm.map((r) => r.r)).toEqual([3, 1, 2, 4]);
    // Purchase days 3, 1, 2, 2 → below: 3, 0, 1, 1 → 1 + ⌊5·below/4⌋ = 4, 1, 2, 2.
    expect(rfm.map((r) => r.f)).toEqual([4, 1, 2, 2]);
    // Spend 290, 200, 60, 30 → below 3, 2, 1, 0 → 4, 3, 2, 1.
    expect(rfm.map((r) => r.m)).toEqual([4, 3, 2, 1]);
  });
});
