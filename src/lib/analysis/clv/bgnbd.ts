/**
 * BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
 * Marketing Science 24(2):275–284): maximum-likelihood fit, P(alive) and expected purchases.
 */
import { minimize, type FitDiagnostics } from './optimize';
import { aggregateCustomers, bgnbdLogLikelihoodAndGradient, type BgnbdParams } from './bgnbd-likelihood';
import { hyp2f1MinusOneOverB } from './hypergeometric';

export type { BgnbdParams };

/** The BG/NBD's per-customer inputs, one element a customer. */
export interface CustomerArrays {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** gradientNorm: largest gradient component of the mean negative log-likelihood in log-parameters. */
export interface BgnbdFit extends BgnbdParams, FitDiagnostics {
  /** Distinct (x, tₓ, T) records the likelihood was evaluated over. */
  records: number;
}

export interface BgnbdFitOptions {
  /** Starting values (default r = 1, α = mean T, a = 1, b = 1). */
  start?: BgnbdParams;
  /** On the mean negative log-likelihood's gradient in log-parameters (default 1e-9). */
  gradientTolerance?: number;
  maxIterations?: number;
}

const toParams = (theta: Float64Array): BgnbdParams => ({
  r: Math.exp(theta[0]),
  alpha: Math.exp(theta[1]),
  a: Math.exp(theta[2]),
  b: Math.exp(theta[3]),
});

function checkParams({ r, alpha, a, b }: BgnbdParams): void {
  for (const [name, v] of [['r', r], ['alpha', alpha], ['a', a], ['b', b]] as const) {
    if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`BG/NBD: ${name} must be a finite number > 0, got ${v}`);
  }
}

/** Fits r, α, a, b by maximum likelihood over their logarithms. */
export function fitBgnbd(
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  options: BgnbdFitOptions = {},
): BgnbdFit {
  const data = aggregateCustomers(x, tx, T);
  const n = data.customers;
  let meanT = 0;
  data.T.forEach((t, j) => (meanT += (t * data.weight[j]) / n));
  const start = options.start ?? { r: 1, alpha: meanT > 0 ? meanT : 1, a: 1, b: 1 };
  checkParams(start);
  const infeasible = { value: Infinity, gradient: new Float64Array(4) };
  const valueAndGradient = (theta: Float64Array) => {
    const params = toParams(theta);
    const values = [params.r, params.alpha, params.a, params.b];
    if (!values.every((v) => v > 0 && Number.isFinite(v))) return infeasible;
    const { ll, gradient } = bgnbdLogLikelihoodAndGradient(params, data);
    if (!Number.isFinite(ll) || !gradient.every(Number.isFinite)) return infeasible;
    // Mean negative log-likelihood; chain rule d/dlog(θ) = θ · d/dθ.
    return { value: -ll / n, gradient: gradient.map((g, i) => (-values[i] * g) / n) };
  };
  const result = minimize((theta) => valueAndGradient(theta).value, [start.r, start.alpha, start.a, start.b].map(Math.log), {
    valueAndGradient,
    gradientTolerance: options.gradientTolerance ?? 1e-9,
    maxIterations: options.maxIterations,
  });
  return {
    ...toParams(result.x),
    ll: -result.value * n,
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations,
    gradientNorm: result.gradientNorm,
    customers: n,
    records: data.weight.length,
  };
}

function checkCustomer(x: number, tx: number, T: number): void {
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`BG/NBD: x must be an integer >= 0, got ${x}`);
  if (!(T >= 0 && Number.isFinite(T))) throw new RangeError(`BG/NBD: T must be a finite number >= 0, got ${T}`);
  if (!(tx >= 0 && tx <= T)) throw new RangeError(`BG/NBD: t_x must be in [0, T=${T}], got ${tx}`);
}

/** P(alive | x, tₓ, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) (FHL 2005 eq. 11 note). */
export function pAlive(params: BgnbdParams, x: number, tx: number, T: number): number {
  checkParams(params);
  checkCustomer(x, tx, T);
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  // Logistic of −logOdds, written so neither branch overflows.
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))], the numerator
 * of FHL 2005 eq. 10. Euler's transformation (A&S 15.3.3) turns the bracket into
 * 1 − (1−z)^(a−1) · ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose series converges fast for large x; splitting
 * ₂F₁ = 1 + (a−1)·G keeps it exact as a → 1 and free of cancellation for small t.
 */
function expectedIfAlive(params: BgnbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = params;
  if (!(t >= 0 && Number.isFinite(t))) throw new RangeError(`BG/NBD: t must be a finite number >= 0, got ${t}`);
  if (t === 0) return 0;
  const z = t / (alpha + T + t);
  const logOneMinusZ = -Math.log1p(t / (alpha + T));
  const aMinus1 = a - 1;
  const first = aMinus1 === 0 ? -logOneMinusZ : -Math.expm1(aMinus1 * logOneMinusZ) / aMinus1;
  const g = hyp2f1MinusOneOverB(a + b - 1 - r, aMinus1, a + b + x - 1, z);
  return (a + b + x - 1) * (first - Math.exp(aMinus1 * logOneMinusZ) * g);
}

/** E[Y(t) | x, tₓ, T]: expected purchases in (T, T + t] (FHL 2005 eq. 10). */
export function conditionalExpectedPurchases(params: BgnbdParams, t: number, x: number, tx: number, T: number): number {
  return expectedIfAlive(params, t, x, T) * pAlive(params, x, tx, T);
}

/** E[X(t)]: expected repeat purchases in (0, t] for a new customer (FHL 2005 eq. 9). */
export function expectedPurchases(params: BgnbdParams, t: number): number {
  checkParams(params);
  return expectedIfAlive(params, t, 0, 0);
}

/**
 * Expected purchases in each of `periods` future periods of `periodLength` time units after T:
 * element k is E[Y((k+1)L)] − E[Y(kL)], the increments a discounted cash flow needs.
 */
export function expectedPurchasesByPeriod(
  params: BgnbdParams,
  x: number,
  tx: number,
  T: number,
  periodLength: number,
  periods: number,
): Float64Array {
  if (!(periodLength > 0 && Number.isFinite(periodLength))) {
    throw new RangeError(`periodLength must be a finite number > 0, got ${periodLength}`);
  }
  if (!(Number.isInteger(periods) && periods >= 1)) throw new RangeError(`periods must be an integer >= 1, got ${periods}`);
  const alive = pAlive(params, x, tx, T);
  const increments = new Float64Array(periods);
  let previous = 0;
  for (let k = 1; k <= periods; k++) {
    const cumulative = expectedIfAlive(params, k * periodLength, x, T) * alive;
    increments[k - 1] = cumulative - previous;
    previous = cumulative;
  }
  return increments;
}
