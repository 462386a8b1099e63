/**
 * Johnson's relative weights (Johnson 2000, Multivariate Behavioral Research 35(1), 1–19):
 * each driver's share of the regression R², fair under correlated drivers.
 *
 *   Rxx = PΛPᵀ,  Λ* = PΛ^½Pᵀ,  β = Λ*⁻¹·rxy,  εⱼ = Σₖ (Λ*ⱼₖ)²·βₖ²,  Σⱼ εⱼ = R².
 *
 * Λ* is the correlation of the drivers with their closest orthogonal counterparts Z,
 * β the regression of the outcome on Z; εⱼ sends each Z's share back to the drivers.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { correlationMatrix, pearson, type NumericColumn } from './correlation';

/** Eigenvalues below this fraction of the largest are treated as exact zeros (collinearity). */
const EIGEN_TOLERANCE = 1e-10;

export interface RelativeWeightsOptions {
  /** Driver names for messages and output; default `driver 1`, `driver 2`, … */
  names?: readonly string[];
  /** A fit is `unstable` when complete cases < casesPerDriver × number of drivers. Default 10. */
  casesPerDriver?: number;
}

export interface DriverWeight {
  name: string;
  /** Raw relative weight εⱼ (a part of R², on the R² scale). */
  weight: number;
  /** εⱼ / R², in 0..1; NaN when R² is 0 (no driver explains anything). */
  share: number;
}

export interface WeightsFromCorrelations {
  weights: number[];
  rSquared: number;
  /** True when an eigenvalue of Rxx was (numerically) zero: some drivers are exact linear combinations. */
  collinear: boolean;
  /** λmax / λmin of Rxx (Infinity when collinear); large values mean the weights are fragile. */
  conditionNumber: number;
}

export interface RelativeWeights extends Omit<WeightsFromCorrelations, 'weights'> {
  drivers: DriverWeight[];
  /** Rows where the outcome and every driver are answered (listwise, as a regression needs). */
  nComplete: number;
  /** casesPerDriver × number of drivers. */
  minStableN: number;
  unstable: boolean;
}

/**
 * The weights from a driver correlation matrix `rxx` (p×p) and the drivers' correlations
 * with the outcome `rxy` (length p). Tiny negative eigenvalues from rounding are clipped
 * to 0 and zero eigenvalues are dropped from the inverse (a pseudo-inverse), so exactly
 * collinear drivers split their common share instead of blowing up.
 */
export function relativeWeightsFromCorrelations(
  rxx: readonly (readonly number[])[],
  rxy: readonly number[],
): WeightsFromCorrelations {
  const p = rxy.length;
  if (p === 0) throw new Error('relative weights: no drivers given; need at least one');
  if (rxx.length !== p || rxx.some((row) => row.length !== p)) {
    throw new Error(`relative weights: Rxx must be ${p}×${p} to match rxy (length ${p})`);
  }
  rxx.forEach((row, j) =>
    row.forEach((v, k) => {
      if (!Number.isFinite(v)) throw new Error(`relative weights: Rxx[${j}][${k}] is ${v}; must be a finite number`);
    }),
  );
  rxy.forEach((v, j) => {
    if (!Number.isFinite(v)) throw new Error(`relative weights: rxy[${j}] is ${v}; must be a finite number`);
  });

  const evd = new EigenvalueDecomposition(new Matrix(rxx.map((row) => [...row])), { assumeSymmetric: true });
  const vectors = evd.eigenvectorMatrix; // columns are eigenvectors
  const lambdaMax = Math.max(...evd.realEigenvalues);
  const tolerance = EIGEN_TOLERANCE * Math.max(lambdaMax, 1);
  const lambda = evd.realEigenvalues.map((l) => (l > tolerance ? l : 0));
  const collinear = lambda.some((l) => l === 0);
  const lambdaMin = Math.min(...lambda);

  // Λ* = P·diag(√λ)·Pᵀ and its (pseudo-)inverse P·diag(1/√λ)·Pᵀ.
  const root = lambda.map(Math.sqrt);
  const rootInv = root.map((s) => (s > 0 ? 1 / s : 0));
  const lambdaStar = productPDPt(vectors, root);
  const lambdaStarInv = productPDPt(vectors, rootInv);

  const beta = lambdaStarInv.map((row) => row.reduce((sum, v, k) => sum + v * rxy[k], 0));
  const weights = lambdaStar.map((row) => row.reduce((sum, v, k) => sum + v * v * beta[k] * beta[k], 0));
  const rSquared = weights.reduce((a, b) => a + b, 0);
  return {
    weights,
    rSquared,
    collinear,
    conditionNumber: collinear ? Infinity : lambdaMax / lambdaMin,
  };
}

/**
 * Relative weights of `drivers` for `outcome`, on the rows where all of them are answered
 * (NaN = missing). Throws when a driver or the outcome has no variance on those rows.
 */
export function relativeWeights(
  outcome: NumericColumn,
  drivers: readonly NumericColumn[],
  { names, casesPerDriver = 10 }: RelativeWeightsOptions = {},
): RelativeWeights {
  const p = drivers.length;
  if (p === 0) throw new Error('relative weights: no drivers given; need at least one');
  if (names !== undefined && names.length !== p) {
    throw new Error(`relative weights: ${names.length} names for ${p} drivers; give one name per driver`);
  }
  if (!(casesPerDriver >= 0) || !Number.isFinite(casesPerDriver)) {
    throw new Error(`relative weights: casesPerDriver is ${casesPerDriver}; must be a finite number ≥ 0`);
  }
  const label = (j: number) => names?.[j] ?? `driver ${j + 1}`;
  drivers.forEach((d, j) => {
    if (d.length !== outcome.length) {
      throw new Error(
        `relative weights: ${label(j)} has ${d.length} rows but the outcome has ${outcome.length}; columns must be row-aligned`,
      );
    }
  });

  const complete = completeRows(outcome, drivers);
  const nComplete = complete.length;
  if (nComplete < 3) {
    throw new Error(
      `relative weights: only ${nComplete} rows answer the outcome and every driver; need at least 3 (and ${casesPerDriver * p} for a stable fit)`,
    );
  }
  const y = Float64Array.from(complete, (i) => outcome[i]);
  const xs = drivers.map((d) => Float64Array.from(complete, (i) => d[i]));
  if (!hasVariance(y)) {
    throw new Error(`relative weights: the outcome has the same value on all ${nComplete} complete rows; it cannot be explained`);
  }
  xs.forEach((x, j) => {
    if (!hasVariance(x)) {
      throw new Error(
        `relative weights: ${label(j)} has the same value on all ${nComplete} complete rows (zero variance); drop it from the drivers`,
      );
    }
  });

  const rxx = correlationMatrix(xs).r;
  const rxy = xs.map((x) => pearson(x, y).r);
  const { weights, rSquared, collinear, conditionNumber } = relativeWeightsFromCorrelations(rxx, rxy);
  const minStableN = casesPerDriver * p;
  return {
    drivers: weights.map((weight, j) => ({
      name: label(j),
      weight,
      share: rSquared > 0 ? weight / rSquared : NaN,
    })),
    rSquared,
    collinear,
    conditionNumber,
    nComplete,
    minStableN,
    unstable: nComplete < minStableN,
  };
}

/** P·diag(d)·Pᵀ as plain arrays. */
function productPDPt(vectors: Matrix, d: readonly number[]): number[][] {
  const p = d.length;
  const out = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += vectors.get(i, k) * d[k] * vectors.get(j, k);
      out[i][j] = out[j][i] = s;
    }
  }
  return out;
}

function completeRows(outcome: NumericColumn, drivers: readonly NumericColumn[]): number[] {
  const rows: number[] = [];
  for (let i = 0; i < outcome.length; i++) {
    if (Number.isFinite(outcome[i]) && drivers.every((d) => Number.isFinite(d[i]))) rows.push(i);
  }
  return rows;
}

function hasVariance(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return true;
  return false;
}
