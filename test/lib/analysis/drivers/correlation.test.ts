import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { correlationMatrix, pearson } from '../../../../src/lib/analysis/drivers/correlation';

describe('pearson', () => {
  it('matches a hand-worked value', () => {
    // x = 1..5, y = 2,4,5,4,5: means 3 and 4; deviations dx = −2,−1,0,1,2 and dy = −2,0,1,0,1;
    // Sxy = 4+0+0+0+2 = 6, Sxx = 10, Syy = 6, so r = 6/√60 = √0.6 = 0.774596669…
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toEqual({ r: expect.closeTo(Math.sqrt(0.6), 14), n: 5 });
  });

  it('uses pairwise-complete rows only', () => {
    // The same five pairs as above with rows missing on one side or the other.
    const x = [1, NaN, 2, 3, 9, 4, 5];
    const y = [2, 7, 4, 5, NaN, 4, 5];
    const c = pearson(x, y);
    expect(c.n).toBe(5);
    expect(c.r).toBeCloseTo(Math.sqrt(0.6), 14);
  });

  it('matches Anscombe (1973) data set I: r = 0.816', () => {
    // Anscombe, F. J. (1973). Graphs in statistical analysis. The American Statistician 27(1), 17–21.
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
    expect(pearson(Float64Array.from(x), Float64Array.from(y)).r).toBeCloseTo(0.816, 3);
  });

  it('is NaN with fewer than 2 pairs or zero variance', () => {
    expect(pearson([1], [2])).toEqual({ r: NaN, n: 1 });
    expect(pearson([1, NaN], [NaN, 2])).toEqual({ r: NaN, n: 0 });
    expect(pearson([3, 3, 3], [1, 2, 3])).toEqual({ r: NaN, n: 3 });
  });

  it('rejects columns of different length', () => {
    expect(() => pearson([1, 2], [1])).toThrow('pearson: columns differ in length (2 vs 1)');
  });

  it('is symmetric, bounded, and unchanged by positive affine maps (property)', () => {
    const column = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 3, maxLength: 40 });
    fc.assert(
      fc.property(column, column, fc.double({ min: 0.1, max: 50, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (a, b, scale, shift) => {
        const n = Math.min(a.length, b.length);
        const x = a.slice(0, n);
        const y = b.slice(0, n);
        const r = pearson(x, y).r;
        if (Number.isNaN(r)) return;
        expect(Math.abs(r)).toBeLessThanOrEqual(1);
        expect(pearson(y, x).r).toBeCloseTo(r, 12);
        expect(pearson(x.map((v) => v * scale + shift), y).r).toBeCloseTo(r, 9);
      }),
    );
  });
});

describe('correlationMatrix', () => {
  it('is pairwise-complete with n per pair', () => {
    const a = [1, 2, 3, 4, 5, NaN];
    const b = [2, 4, 5, 4, 5, 1];
    const c = [5, 4, 3, 2, NaN, 0];
    const m = correlationMatrix([a, b, c]);
    expect(m.n).toEqual([
      [5, 5, 4],
      [5, 6, 5],
      [4, 5, 5],
    ]);
    expect(m.r[0][0]).toBe(1);
    expect(m.r[0][1]).toBeCloseTo(Math.sqrt(0.6), 14);
    expect(m.r[1][0]).toBe(m.r[0][1]);
    // a and c on rows 1–4: c = 6 − a, a perfect negative line.
    expect(m.r[0][2]).toBeCloseTo(-1, 14);
  });

  it('puts NaN on the diagonal for a constant column', () => {
    const m = correlationMatrix([[1, 1, 1], [1, 2, 3]]);
    expect(m.r[0][0]).toBeNaN();
    expect(m.r[0][1]).toBeNaN();
    expect(m.r[1][1]).toBe(1);
  });
});
