import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  relativeWeights,
  relativeWeightsFromCorrelations,
} from '../../../../src/lib/analysis/drivers/relative-weights';
import { mulberry32 } from '../../../../src/lib/util/random';

/** Standard normal draws (Box–Muller) from a seeded uniform generator. */
function normalFrom(uniform: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** R² of y on the columns xs with an intercept, by the normal equations (XᵀX)b = Xᵀy. */
function olsRSquared(y: number[], xs: number[][]): number {
  const n = y.length;
  const design = Array.from({ length: n }, (_, i) => [1, ...xs.map((x) => x[i])]);
  const q = design[0].length;
  // Augmented system [XᵀX | Xᵀy], solved by Gauss–Jordan with partial pivoting.
  const a = Array.from({ length: q }, (_, j) => [
    ...Array.from({ length: q }, (_, k) => design.reduce((s, row) => s + row[j] * row[k], 0)),
    design.reduce((s, row, i) => s + row[j] * y[i], 0),
  ]);
  for (let col = 0; col < q; col++) {
    let pivot = col;
    for (let r = col + 1; r < q; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < q; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= q; c++) a[r][c] -= f * a[col][c];
    }
  }
  const b = a.map((row, j) => row[q] / row[j]);
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  let sse = 0;
  let sst = 0;
  design.forEach((row, i) => {
    const fit = row.reduce((s, v, j) => s + v * b[j], 0);
    sse += (y[i] - fit) ** 2;
    sst += (y[i] - meanY) ** 2;
  });
  return 1 - sse / sst;
}

/** n rows of p correlated drivers and an outcome y = Σ bⱼxⱼ + noise, from a seed. */
function simulate(seed: number, n: number, b: number[], shared = 0.5, noise = 1) {
  const z = normalFrom(mulberry32(seed));
  const xs = b.map(() => new Array<number>(n));
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const common = z();
    let yi = noise * z();
    b.forEach((bj, j) => {
      xs[j][i] = shared * common + z();
      yi += bj * xs[j][i];
    });
    y[i] = yi;
  }
  return { xs, y };
}

describe('relativeWeightsFromCorrelations', () => {
  it('matches the closed form for two drivers', () => {
    // Two drivers with correlation ρ: Rxx has eigenvalues 1 ± ρ, eigenvectors (1, ±1)/√2, so
    // Λ* = [[a, b], [b, a]] with a = (√(1+ρ) + √(1−ρ))/2, b = (√(1+ρ) − √(1−ρ))/2, and
    // a² + b² = 1, ab = ρ/2, a² − b² = √(1−ρ²). Then β = Λ*⁻¹rxy = (a·r₁ − b·r₂, a·r₂ − b·r₁)/√(1−ρ²)
    // and ε₁ = a²β₁² + b²β₂² = [r₁²(1 − ρ²/2) + r₂²·ρ²/2 − ρ·r₁·r₂] / (1 − ρ²), ε₂ symmetric.
    // ρ = 0.5, r₁ = 0.6, r₂ = 0.4:
    //   ε₁ = (0.36·0.875 + 0.16·0.125 − 0.12)/0.75 = 0.215/0.75 = 43/150 = 0.28667
    //   ε₂ = (0.16·0.875 + 0.36·0.125 − 0.12)/0.75 = 0.065/0.75 = 13/150 = 0.08667
    //   Σε = 56/150 = 0.37333 = (r₁² + r₂² − 2ρr₁r₂)/(1 − ρ²), the two-predictor R².
    const fit = relativeWeightsFromCorrelations([[1, 0.5], [0.5, 1]], [0.6, 0.4]);
    expect(fit.weights[0]).toBeCloseTo(43 / 150, 12);
    expect(fit.weights[1]).toBeCloseTo(13 / 150, 12);
    expect(fit.rSquared).toBeCloseTo(56 / 150, 12);
    expect(fit.collinear).toBe(false);
    expect(fit.conditionNumber).toBeCloseTo(1.5 / 0.5, 10);
  });

  it('splits the share of two identical drivers equally instead of failing', () => {
    // Rxx singular (eigenvalue 0): the pseudo-inverse gives the one-driver R² = r², halved.
    const fit = relativeWeightsFromCorrelations([[1, 1], [1, 1]], [0.6, 0.6]);
    expect(fit.collinear).toBe(true);
    expect(fit.conditionNumber).toBe(Infinity);
    expect(fit.rSquared).toBeCloseTo(0.36, 12);
    expect(fit.weights[0]).toBeCloseTo(0.18, 12);
    expect(fit.weights[1]).toBeCloseTo(0.18, 12);
  });

  it('rejects mismatched or non-finite input', () => {
    expect(() => relativeWeightsFromCorrelations([[1]], [0.1, 0.2])).toThrow('Rxx must be 2×2');
    expect(() => relativeWeightsFromCorrelations([[NaN]], [0.1])).toThrow('Rxx[0][0] is NaN');
    expect(() => relativeWeightsFromCorrelations([], [])).toThrow('no drivers given');
  });
});

describe('relativeWeights', () => {
  it('sums to the R² of an OLS fit on the complete rows', () => {
    const { xs, y } = simulate(7, 300, [0.8, 0.4, 0.2, 0]);
    // Knock out some answers; the fit must use only rows where everything is answered.
    const missing = mulberry32(99);
    const yMissing = y.map((v) => (missing() < 0.05 ? NaN : v));
    const xsMissing = xs.map((x) => x.map((v) => (missing() < 0.05 ? NaN : v)));
    const rows = yMissing.map((v, i) => i).filter((i) => Number.isFinite(yMissing[i]) && xsMissing.every((x) => Number.isFinite(x[i])));

    const fit = relativeWeights(Float64Array.from(yMissing), xsMissing.map((x) => Float64Array.from(x)));
    const r2 = olsRSquared(rows.map((i) => y[i]), xs.map((x) => rows.map((i) => x[i])));
    expect(fit.nComplete).toBe(rows.length);
    expect(rows.length).toBeLessThan(300);
    expect(fit.rSquared).toBeCloseTo(r2, 10);
    expect(fit.drivers.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(r2, 10);
    expect(fit.drivers.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 12);
    expect(fit.unstable).toBe(false);
  });

  it('gives each uncorrelated driver its r²', () => {
    // Centred ±1 columns of a Hadamard matrix: pairwise dot products 0, so Rxx = I.
    const x1 = [1, 1, 1, 1, -1, -1, -1, -1];
    const x2 = [1, 1, -1, -1, 1, 1, -1, -1];
    const x3 = [1, -1, 1, -1, 1, -1, 1, -1];
    const y = [5, 4, 4, 2, 3, 3, 1, 2];
    // r of y with a centred ±1 column c: Σcᵢyᵢ / (√8 · √Syy). ȳ = 3, Syy = 4+1+1+1+0+0+4+1 = 12.
    //   x1: (5+4+4+2 −3−3−1−2) = 6 → r = 6/√96;  x2: (5+4−4−2+3+3−1−2) = 6 → 6/√96;
    //   x3: (5−4+4−2+3−3+1−2) = 2 → 2/√96.  r² = 36/96, 36/96, 4/96; R² = 76/96.
    const fit = relativeWeights(y, [x1, x2, x3], { names: ['a', 'b', 'c'] });
    expect(fit.drivers.map((d) => d.name)).toEqual(['a', 'b', 'c']);
    expect(fit.drivers[0].weight).toBeCloseTo(36 / 96, 12);
    expect(fit.drivers[1].weight).toBeCloseTo(36 / 96, 12);
    expect(fit.drivers[2].weight).toBeCloseTo(4 / 96, 12);
    expect(fit.rSquared).toBeCloseTo(76 / 96, 12);
    expect(fit.rSquared).toBeCloseTo(olsRSquared(y, [x1, x2, x3]), 12);
  });

  it('does not change when a driver is rescaled or shifted (property)', () => {
    const { xs, y } = simulate(11, 60, [0.5, 0.3, 0.1]);
    const base = relativeWeights(y, xs);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.boolean(),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (j, magnitude, negative, shift) => {
          const scale = negative ? -magnitude : magnitude;
          const moved = xs.map((x, k) => (k === j ? x.map((v) => v * scale + shift) : x));
          const fit = relativeWeights(y, moved);
          fit.drivers.forEach((d, k) => expect(d.weight).toBeCloseTo(base.drivers[k].weight, 9));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('recovers the order of known weights from simulated data', () => {
    // y = 0.7·x1 + 0.1·x2 + 0.4·x3 + 0·x4 + noise, drivers correlated through a shared factor.
    const { xs, y } = simulate(2026, 2000, [0.7, 0.1, 0.4, 0], 0.7);
    const fit = relativeWeights(y, xs, { names: ['x1', 'x2', 'x3', 'x4'] });
    const order = [...fit.drivers].sort((a, b) => b.weight - a.weight).map((d) => d.name);
    expect(order).toEqual(['x1', 'x3', 'x2', 'x4']);
  });

  it('flags an unstable fit below casesPerDriver × drivers complete rows', () => {
    const { xs, y } = simulate(3, 25, [0.5, 0.5, 0.5]);
    expect(relativeWeights(y, xs)).toMatchObject({ nComplete: 25, minStableN: 30, unstable: true });
    expect(relativeWeights(y, xs, { casesPerDriver: 5 })).toMatchObject({ minStableN: 15, unstable: false });
  });

  it('names a driver with zero variance', () => {
    const y = [1, 2, 3, 4, 5];
    expect(() => relativeWeights(y, [[1, 2, 1, 2, 3], [4, 4, 4, 4, 4]], { names: ['speed', 'price'] })).toThrow(
      'relative weights: price has the same value on all 5 complete rows (zero variance)',
    );
    // Constant only on the complete rows counts too.
    expect(() => relativeWeights([1, 2, 3, NaN], [[4, 4, 4, 9]])).toThrow('driver 1 has the same value on all 3 complete rows');
    expect(() => relativeWeights([2, 2, 2], [[1, 2, 3]])).toThrow('the outcome has the same value');
  });

  it('rejects too few complete rows and misaligned columns', () => {
    expect(() => relativeWeights([1, 2, NaN], [[1, 2, 3]])).toThrow('only 2 rows answer the outcome and every driver');
    expect(() => relativeWeights([1, 2, 3], [[1, 2]], { names: ['speed'] })).toThrow('speed has 2 rows but the outcome has 3');
    expect(() => relativeWeights([1, 2, 3], [[1, 2, 3]], { names: [] })).toThrow('0 names for 1 drivers');
  });
});
