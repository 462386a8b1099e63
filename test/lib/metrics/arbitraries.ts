import fc from 'fast-check';
import { cellStatsFromAnswers, type CellStats } from '../../../src/lib/metrics/cell-stats';

/** Answers on a min..max scale (some missing) with optional positive weights. */
export function answersOnScale(min: number, max: number, minLength = 1) {
  return fc.array(fc.option(fc.integer({ min, max }), { freq: 8 }), { minLength, maxLength: 80 });
}

export function cellOnScale(min: number, max: number, minAnswers = 1): fc.Arbitrary<CellStats> {
  return fc
    .array(fc.integer({ min, max }), { minLength: minAnswers, maxLength: 80 })
    .map((answers) => cellStatsFromAnswers(answers, { min, max }));
}
