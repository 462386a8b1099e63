import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pairedSummary } from '../../src/cli/bench/paired';

describe('pairedSummary (bench:ab)', () => {
  it('gives the medians and the median run-by-run difference (worked by hand)', () => {
    // Differences b − a: −20, +5, −10, −40, −15 → sorted −40, −20, −15, −10, +5: median −15.
    // a sorted 1980 2000 2010 2050 2100 → 2010; b sorted 1960 1970 2005 2040 2080 → 2005.
    const a = [2000, 1980, 2050, 2010, 2100];
    const b = [1980, 1985, 2040, 1970, 2085];
    expect(pairedSummary(a, b)).toEqual({ medianA: 2010, medianB: 1985, medianDifference: -15, bLower: 4, pairs: 5 });
  });

  it('refuses runs that do not pair up', () => {
    expect(() => pairedSummary([1, 2], [1])).toThrow(/2 against 1/);
    expect(() => pairedSummary([], [])).toThrow(/at least one/);
  });

  it('is antisymmetric and shifts with a constant added to b (property)', () => {
    const runs = fc.integer({ min: 1, max: 15 }).chain((n) => fc.tuple(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: n, maxLength: n })));
    fc.assert(fc.property(runs, fc.integer({ min: -500, max: 500 }), ([a, b], c) => {
      const ab = pairedSummary(a, b);
      expect(pairedSummary(b, a).medianDifference + 0).toBe(-ab.medianDifference + 0); // + 0: no −0
      expect(pairedSummary(a, b.map((x) => x + c)).medianDifference).toBe(ab.medianDifference + c);
    }));
  });
});
