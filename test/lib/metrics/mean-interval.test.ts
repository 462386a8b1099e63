import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellStatsFromAnswers } from '../../../src/lib/metrics/cell-stats';
import { meanInterval, meanIntervalFromSummary } from '../../../src/lib/metrics/mean-interval';
import { answersOnScale } from './arbitraries';

describe('mean interval', () => {
  it('2,4,4,4,5,5,7,9: 5 ± t(0.975, 7)·s/√8 (hand: s = √(32/7); t from tables 2.364624)', () => {
    const cell = cellStatsFromAnswers([2, 4, 4, 4, 5, 5, 7, 9], { min: 1, max: 10 });
    const r = meanInterval(cell, 1)!;
    const half = (2.364624251592784 * Math.sqrt(32 / 7)) / Math.sqrt(8);
    expect(r.mean).toBe(5);
    expect(r.df).toBe(7);
    expect(r.low).toBeCloseTo(5 - half, 10);
    expect(r.high).toBeCloseTo(5 + half, 10);
    // Same figures from scipy 1.17.1: 3.21251208176379, 6.787487918236209.
    expect(r.low).toBeCloseTo(3.21251208176379, 10);
  });

  it('uses n_eff (and df = n_eff − 1) when weighted', () => {
    const cell = cellStatsFromAnswers([1, 2, 3], { min: 1, max: 3 }, [1, 1, 2]);
    const r = meanInterval(cell, 1)!;
    expect(r.nEff).toBeCloseTo(16 / 6, 14);
    expect(r.df).toBeCloseTo(16 / 6 - 1, 14);
    expect(r.se).toBeCloseTo(Math.sqrt(1.1 / (16 / 6)), 14);
  });

  it('gives null bounds when n ≤ 1 and null for an empty cell', () => {
    expect(meanIntervalFromSummary(3, null, 1)).toEqual({ se: null, df: null, low: null, high: null });
    expect(meanInterval(cellStatsFromAnswers([], { min: 1, max: 5 }), 1)).toBeNull();
  });

  it('contains the mean; weights all 1 give the unweighted interval (property)', () => {
    fc.assert(
      fc.property(answersOnScale(1, 5, 2), (answers) => {
        const scale = { min: 1, max: 5 };
        const plain = meanInterval(cellStatsFromAnswers(answers, scale), 1);
        const ones = meanInterval(cellStatsFromAnswers(answers, scale, answers.map(() => 1)), 1);
        expect(ones).toEqual(plain);
        if (plain === null || plain.low === null) return;
        expect(plain.low).toBeLessThanOrEqual(plain.mean);
        expect(plain.high).toBeGreaterThanOrEqual(plain.mean);
      }),
    );
  });
});
