/**
 * Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value",
 * note 025; Colombo & Jiang 1999). A customer's x repeat purchases average z̄; each spend is
 * Gamma(p, ν) and ν ~ Gamma(q, γ), so per customer with x > 0 and z̄ > 0
 *   ℓ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 */
import { logGamma } from '../../util/special';
import { digamma } from './digamma';
import { minimize, type FitDiagnostics } from './optimize';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** customers: those with x > 0 (and so z̄ > 0). */
export interface GammaGammaFit extends GammaGammaParams, FitDiagnostics {}

export interface GammaGammaFitOptions {
  /** Starting values (default p = 1, q = 1, γ = mean z̄). */
  start?: GammaGammaParams;
  gradientTolerance?: number;
  maxIterations?: number;
}

interface SpendData {
  x: Float64Array;
  zbar: Float64Array;
  /** Distinct repeat counts, and each customer's position among them. */
  xValues: Float64Array;
  xIndex: Uint32Array;
  /** Σ over customers of the terms that do not depend on the parameters' gamma functions. */
  sumXLogZ: number;
  sumXLogX: number;
  sumLogZ: number;
}

function selectRepeatCustomers(x: ArrayLike<number>, zbar: ArrayLike<number>): SpendData {
  if (x.length !== zbar.length) throw new RangeError(`x and zbar must have the same length, got ${x.length}, ${zbar.length}`);
  const keepX: number[] = [];
  const keepZ: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!(Number.isInteger(x[i]) && x[i] >= 0)) throw new RangeError(`customer ${i}: x must be an integer >= 0, got ${x[i]}`);
    if (x[i] === 0) continue;
    if (!(zbar[i] > 0 && Number.isFinite(zbar[i]))) {
      throw new RangeError(`customer ${i}: zbar must be a finite number > 0 when x > 0, got ${zbar[i]}`);
    }
    keepX.push(x[i]);
    keepZ.push(zbar[i]);
  }
  if (keepX.length === 0) throw new RangeError('Gamma-Gamma needs at least one customer with x > 0, got none');
  const xValues = Float64Array.from(new Set(keepX)).sort();
  const slot = new Map(Array.from(xValues, (v, k) => [v, k]));
  const xIndex = Uint32Array.from(keepX, (v) => slot.get(v)!);
  const data = { x: Float64Array.from(keepX), zbar: Float64Array.from(keepZ), xValues, xIndex, sumXLogZ: 0, sumXLogX: 0, sumLogZ: 0 };
  data.x.forEach((xi, i) => {
    data.sumXLogZ += xi * Math.log(data.zbar[i]);
    data.sumXLogX += xi * Math.log(xi);
    data.sumLogZ += Math.log(data.zbar[i]);
  });
  return data;
}

/** Total log-likelihood and its gradient in (p, q, γ). */
function logLikelihoodAndGradient({ p, q, gamma }: GammaGammaParams, data: SpendData): { ll: number; gradient: Float64Array } {
  const n = data.x.length;
  const logGammaQ = logGamma(q);
  const psiQ = digamma(q);
  // The gamma-function terms depend on x only, and x takes few values: tabulate them per distinct x.
  const m = data.xValues.length;
  const logRatio = new Float64Array(m);
  const psiRatio = new Float64Array(m);
  const psiShape = new Float64Array(m);
  data.xValues.forEach((xv, k) => {
    const px = p * xv;
    logRatio[k] = logGamma(px + q) - logGamma(px);
    psiShape[k] = digamma(px + q);
    psiRatio[k] = psiShape[k] - digamma(px);
  });
  let ll = q * n * Math.log(gamma) - n * logGammaQ + p * data.sumXLogZ - data.sumLogZ + p * data.sumXLogX;
  let gP = data.sumXLogZ + data.sumXLogX;
  let gQ = n * (Math.log(gamma) - psiQ);
  let gGamma = (n * q) / gamma;
  for (let i = 0; i < n; i++) {
    const xi = data.x[i];
    const k = data.xIndex[i];
    const shape = p * xi + q;
    const rate = gamma + xi * data.zbar[i];
    const logRate = Math.log(rate);
    ll += logRatio[k] - shape * logRate;
    gP += xi * (psiRatio[k] - logRate);
    gQ += psiShape[k] - logRate;
    gGamma -= shape / rate;
  }
  return { ll, gradient: Float64Array.of(gP, gQ, gGamma) };
}

/** Total log-likelihood of the Gamma-Gamma model over the customers with x > 0. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: ArrayLike<number>, zbar: ArrayLike<number>): number {
  return logLikelihoodAndGradient(params, selectRepeatCustomers(x, zbar)).ll;
}

/** Fits p, q, γ by maximum likelihood over their logarithms, on the customers with x > 0. */
export function fitGammaGamma(x: ArrayLike<number>, zbar: ArrayLike<number>, options: GammaGammaFitOptions = {}): GammaGammaFit {
  const data = selectRepeatCustomers(x, zbar);
  const n = data.x.length;
  const meanZ = data.zbar.reduce((s, z) => s + z, 0) / n;
  const start = options.start ?? { p: 1, q: 1, gamma: meanZ };
  const infeasible = { value: Infinity, gradient: new Float64Array(3) };
  const valueAndGradient = (theta: Float64Array) => {
    const values = Array.from(theta, Math.exp);
    if (!values.every((v) => v > 0 && Number.isFinite(v))) return infeasible;
    const { ll, gradient } = logLikelihoodAndGradient({ p: values[0], q: values[1], gamma: values[2] }, data);
    if (!Number.isFinite(ll) || !gradient.every(Number.isFinite)) return infeasible;
    return { value: -ll / n, gradient: gradient.map((g, i) => (-values[i] * g) / n) };
  };
  const result = minimize((theta) => valueAndGradient(theta).value, [start.p, start.q, start.gamma].map(Math.log), {
    valueAndGradient,
    gradientTolerance: options.gradientTolerance ?? 1e-9,
    maxIterations: options.maxIterations,
  });
  const [p, q, gamma] = Array.from(result.x, Math.exp);
  return {
    p,
    q,
    gamma,
    ll: -result.value * n,
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations,
    gradientNorm: result.gradientNorm,
    customers: n,
  };
}

/**
 * E[spend | x, z̄] = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · z̄: a weighted mean of the
 * population mean pγ/(q−1) and the customer's own z̄. With x = 0 it is the population mean.
 */
export function conditionalExpectedSpend({ p, q, gamma }: GammaGammaParams, x: number, zbar: number): number {
  if (!(q > 1)) throw new RangeError(`Gamma-Gamma: q must be > 1 for a finite mean spend, got ${q}`);
  if (!(p > 0 && gamma > 0)) throw new RangeError(`Gamma-Gamma: p and gamma must be > 0, got ${p}, ${gamma}`);
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`Gamma-Gamma: x must be an integer >= 0, got ${x}`);
  const populationMean = (p * gamma) / (q - 1);
  if (x === 0) return populationMean;
  if (!(zbar >= 0 && Number.isFinite(zbar))) throw new RangeError(`Gamma-Gamma: zbar must be a finite number >= 0, got ${zbar}`);
  const px = p * x;
  return ((q - 1) / (px + q - 1)) * populationMean + (px / (px + q - 1)) * zbar;
}
