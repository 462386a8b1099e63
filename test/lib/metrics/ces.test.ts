import { describe, expect, it } from 'vitest';
import { cellStatsFromAnswers } from '../../../src/lib/metrics/cell-stats';
import { ces } from '../../../src/lib/metrics/ces';

describe('CES', () => {
  it('hand-worked: counts 1,1,2,4,6,4,2 on 1–7 → mean 93/20, share 5–7 = 12/20', () => {
    const counts = [1, 1, 2, 4, 6, 4, 2];
    const answers = counts.flatMap((c, i) => new Array<number>(c).fill(i + 1));
    const r = ces(cellStatsFromAnswers(answers, { min: 1, max: 7 }))!;
    expect(r.mean.mean).toBeCloseTo(4.65, 14);
    expect(r.easyShare.estimate).toBeCloseTo(0.6, 15);
    expect(r.mean.n).toBe(20);
    expect(r.easyShare.low).toBeLessThan(0.6);
  });

  it('null for an empty cell; throws on a scale other than 1–7', () => {
    expect(ces(cellStatsFromAnswers([], { min: 1, max: 7 }))).toBeNull();
    expect(() => ces(cellStatsFromAnswers([3], { min: 1, max: 5 }))).toThrow('ces: needs a 1–7 scale (7 levels), got 5 levels');
  });
});
