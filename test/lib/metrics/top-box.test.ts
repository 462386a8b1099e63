import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellMean, cellStatsFromAnswers } from '../../../src/lib/metrics/cell-stats';
import {
  bottomTwoBoxShare,
  score100,
  topTwoBoxInterval,
  topTwoBoxShare,
} from '../../../src/lib/metrics/top-box';
import { cellOnScale } from './arbitraries';

// Counts per level 1..5: 1, 2, 3, 4, 10 (n = 20). Hand-worked: top-2 = 14/20, bottom-2 = 3/20,
// mean = (1 + 4 + 9 + 16 + 50)/20 = 4, score = (4 − 1)/4·100 = 75.
const answers = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, ...new Array<number>(10).fill(5)];
const cell = cellStatsFromAnswers(answers, { min: 1, max: 5 });

describe('top-box and 0–100 score', () => {
  it('hand-worked 5-point example', () => {
    expect(topTwoBoxShare(cell)).toBeCloseTo(0.7, 15);
    expect(bottomTwoBoxShare(cell)).toBeCloseTo(0.15, 15);
    expect(score100(cellMean(cell, 1)!, 1, 5)).toBe(75);
  });

  it('7-point: top-2 = levels 6–7; score of the midpoint is 50', () => {
    const seven = cellStatsFromAnswers([1, 4, 6, 7, 7], { min: 1, max: 7 });
    expect(topTwoBoxShare(seven)).toBeCloseTo(0.6, 15);
    expect(score100(4, 1, 7)).toBe(50);
    expect(score100(0, 0, 10)).toBe(0);
  });

  it('Wilson interval on the top-2 share', () => {
    const interval = topTwoBoxInterval(cell)!;
    expect(interval.estimate).toBeCloseTo(0.7, 15);
    expect(interval.low).toBeLessThan(0.7);
  });

  it('rejects scales too short for two boxes', () => {
    expect(() => topTwoBoxShare(cellStatsFromAnswers([1], { min: 1, max: 2 }))).toThrow(
      'top/bottom-2-box: needs a scale of at least 3 levels, got 2',
    );
  });

  it('shares in [0, 1], top-2 + middle + bottom-2 = 1, score in [0, 100] (property)', () => {
    fc.assert(
      fc.property(cellOnScale(1, 5), (c) => {
        const top = topTwoBoxShare(c)!;
        const bottom = bottomTwoBoxShare(c)!;
        expect(top + bottom + c.counts[2] / c.sumW).toBeCloseTo(1, 12);
        const score = score100(cellMean(c, 1)!, 1, 5);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100 + 1e-12);
      }),
    );
  });
});
