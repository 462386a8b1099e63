/**
 * Pearson correlation on pairwise-complete cases: a pair (xᵢ, yᵢ) is used when both are
 * finite numbers, so a blank in one item never removes an answer from another pair.
 * Missing values are NaN (any non-finite value counts as missing).
 */

export interface Correlation {
  /** Pearson r; NaN when fewer than 2 complete pairs or a side has zero variance. */
  r: number;
  /** Complete pairs used. */
  n: number;
}

export interface CorrelationMatrix {
  /** r[j][k], symmetric; r[j][j] = 1 (NaN when column j has zero variance or < 2 values). */
  r: number[][];
  /** n[j][k]: complete pairs behind r[j][k]; n[j][j] is the count of values in column j. */
  n: number[][];
}

export type NumericColumn = ArrayLike<number>;

/** Pearson r of x and y over the rows where both are finite. */
export function pearson(x: NumericColumn, y: NumericColumn): Correlation {
  if (x.length !== y.length) {
    throw new Error(`pearson: columns differ in length (${x.length} vs ${y.length}); they must be row-aligned`);
  }
  // Two passes (means first, then centred sums) keep the result accurate for large means.
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      n++;
      sumX += a;
      sumY += b;
    }
  }
  if (n < 2) return { r: NaN, n };
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      const dx = a - meanX;
      const dy = b - meanY;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
  }
  if (sxx === 0 || syy === 0) return { r: NaN, n };
  // Clamp: rounding can push |r| a hair past 1 for perfectly collinear columns.
  const r = sxy / Math.sqrt(sxx * syy);
  return { r: Math.max(-1, Math.min(1, r)), n };
}

/** Pairwise-complete correlation matrix of the given columns. */
export function correlationMatrix(columns: readonly NumericColumn[]): CorrelationMatrix {
  const p = columns.length;
  const r = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  const n = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    for (let k = j; k < p; k++) {
      const c = pearson(columns[j], columns[k]);
      if (j === k) {
        r[j][j] = Number.isNaN(c.r) ? NaN : 1;
        n[j][j] = c.n;
      } else {
        r[j][k] = r[k][j] = c.r;
        n[j][k] = n[k][j] = c.n;
      }
    }
  }
  return { r, n };
}
