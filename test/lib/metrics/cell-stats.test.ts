import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addAnswer,
  cellMean,
  cellSd,
  cellShare,
  cellStatsFromAnswers,
  cellVariance,
  emptyCellStats,
  kishNEff,
  mergeCellStats,
} from '../../../src/lib/metrics/cell-stats';
import { answersOnScale } from './arbitraries';

const FIVE = { min: 1, max: 5 };

describe('cell stats', () => {
  it('counts levels, skips missing answers', () => {
    const cell = cellStatsFromAnswers([1, 5, null, 5, 3, Number.NaN], FIVE);
    expect(cell).toEqual({ counts: [1, 0, 1, 0, 2], n: 4, sumW: 4, sumW2: 4 });
  });

  it('mean and sd of 2,4,4,4,5,5,7,9 (hand-worked: mean 5, Σ(x−x̄)² = 32, s² = 32/7)', () => {
    const cell = cellStatsFromAnswers([2, 4, 4, 4, 5, 5, 7, 9], { min: 1, max: 10 });
    expect(cellMean(cell, 1)).toBe(5);
    expect(cellVariance(cell, 1)).toBeCloseTo(32 / 7, 14);
  });

  it('weighted mean and variance, hand-worked: x = 1,2,3 with w = 1,1,2', () => {
    // Σw = 4, Σw² = 6, x̄ = 9/4, Σw(x − x̄)² = 1.5625 + 0.0625 + 2·0.5625 = 2.75,
    // denominator Σw − Σw²/Σw = 4 − 1.5 = 2.5, so s² = 1.1; n_eff = 16/6.
    const cell = cellStatsFromAnswers([1, 2, 3], { min: 1, max: 3 }, [1, 1, 2]);
    expect(cellMean(cell, 1)).toBeCloseTo(2.25, 15);
    expect(cellVariance(cell, 1)).toBeCloseTo(1.1, 14);
    expect(kishNEff(cell)).toBeCloseTo(16 / 6, 14);
  });

  it('Kish n_eff = (Σw)²/Σw²: weights 1, 1, 2, 4 give 64/22 (Kish 1965, Survey Sampling)', () => {
    const cell = cellStatsFromAnswers([1, 2, 3, 4], FIVE, [1, 1, 2, 4]);
    expect(kishNEff(cell)).toBeCloseTo(64 / 22, 14);
  });

  it('share of a set of levels', () => {
    const cell = cellStatsFromAnswers([1, 2, 4, 5, 5], FIVE);
    expect(cellShare(cell, [4, 5], 1)).toBeCloseTo(0.6, 15);
    expect(() => cellShare(cell, [6], 1)).toThrow('cellShare: level 6 is not on the scale 1..5');
  });

  it('empty and single-answer cells give null, not a number', () => {
    const empty = emptyCellStats(5);
    expect(cellMean(empty, 1)).toBeNull();
    expect(cellShare(empty, [5], 1)).toBeNull();
    expect(kishNEff(empty)).toBe(0);
    expect(cellSd(cellStatsFromAnswers([3], FIVE), 1)).toBeNull();
  });

  it('rejects answers off the scale and bad weights', () => {
    expect(() => addAnswer(emptyCellStats(5), 6, 1)).toThrow('cell stats: level 6 is not on the scale 1..5');
    expect(() => addAnswer(emptyCellStats(5), 2.5, 1)).toThrow('level 2.5 is not on the scale');
    expect(() => addAnswer(emptyCellStats(5), 2, 1, -1)).toThrow('weight must be a finite number >= 0, got -1');
    expect(() => mergeCellStats(emptyCellStats(5), emptyCellStats(7))).toThrow('cells have 5 and 7 levels');
  });

  it('merging cells equals the cell of the concatenated answers (property)', () => {
    fc.assert(
      fc.property(answersOnScale(1, 5), answersOnScale(1, 5), (a, b) => {
        const merged = mergeCellStats(cellStatsFromAnswers(a, FIVE), cellStatsFromAnswers(b, FIVE));
        expect(merged).toEqual(cellStatsFromAnswers([...a, ...b], FIVE));
      }),
    );
  });

  it('all weights 1 reproduce the unweighted results; equal weights c do too (property)', () => {
    fc.assert(
      fc.property(answersOnScale(1, 7, 2), fc.double({ min: 0.01, max: 100, noNaN: true }), (answers, c) => {
        const scale = { min: 1, max: 7 };
        const plain = cellStatsFromAnswers(answers, scale);
        const ones = cellStatsFromAnswers(answers, scale, answers.map(() => 1));
        const scaled = cellStatsFromAnswers(answers, scale, answers.map(() => c));
        expect(ones).toEqual(plain);
        expect(kishNEff(ones)).toBe(plain.n);
        if (plain.n === 0) return;
        expect(kishNEff(scaled)).toBeCloseTo(plain.n, 9);
        expect(cellMean(scaled, 1)).toBeCloseTo(cellMean(plain, 1) as number, 12);
        const sd = cellSd(plain, 1);
        if (sd === null) expect(cellSd(scaled, 1)).toBeNull();
        else expect(cellSd(scaled, 1)).toBeCloseTo(sd, 9);
      }),
    );
  });

  it('shares of all levels sum to 1 (property)', () => {
    fc.assert(
      fc.property(answersOnScale(0, 10, 1), (answers) => {
        const cell = cellStatsFromAnswers(answers, { min: 0, max: 10 });
        if (cell.n === 0) return;
        let sum = 0;
        for (let level = 0; level <= 10; level++) sum += cellShare(cell, [level], 0) as number;
        expect(sum).toBeCloseTo(1, 12);
      }),
    );
  });
});
