/**
 * Unconstrained minimisation for the maximum-likelihood fits: BFGS with a backtracking
 * (Armijo) line search, using an analytic gradient when one is given and central
 * differences otherwise, falling back to Nelder–Mead with restarts when BFGS stalls.
 * References: Nocedal & Wright, Numerical Optimization (2nd ed.), §6.1 (BFGS, eq. 6.17,
 * the initial scaling 6.20) and §3.1 (Armijo); Hager & Zhang (2005), SIAM J. Optim.
 * 16(1):170–192 (approximate Wolfe conditions); Gao & Han (2012) adaptive Nelder–Mead
 * coefficients, Computational Optimization and Applications 51:259–277.
 */

export type Objective = (x: Float64Array) => number;
export interface ValueAndGradient {
  value: number;
  gradient: Float64Array;
}

export interface MinimizeOptions {
  /** Analytic value and gradient; without it the gradient is taken by central differences. */
  valueAndGradient?: (x: Float64Array) => ValueAndGradient;
  /** Converged when the largest absolute gradient component is at most this (default 1e-8). */
  gradientTolerance?: number;
  /** Iteration cap for each method (default 1000). */
  maxIterations?: number;
  /** Nelder–Mead: how many times to rebuild the simplex around the best point (default 3). */
  restarts?: number;
  /** Nelder–Mead: stop when the simplex values agree to this, relative to 1 + |f| (default 1e-13). */
  functionTolerance?: number;
  /** Nelder–Mead: and the vertices agree to this in every coordinate (default 1e-9). */
  pointTolerance?: number;
  /** Nelder–Mead: size of the initial simplex in each coordinate (default 0.1). */
  initialStep?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  /** BFGS: the gradient tolerance was met. Nelder–Mead: the simplex collapsed within both tolerances. */
  converged: boolean;
  iterations: number;
  /** Objective evaluations (a central-difference gradient counts 2n + 1). */
  evaluations: number;
  /** Largest absolute gradient component at x (numeric when no gradient was given). */
  gradientNorm: number;
  method: 'bfgs' | 'nelder-mead' | 'bfgs+nelder-mead';
}

/** What a maximum-likelihood fit reports besides its parameters. */
export interface FitDiagnostics extends Pick<MinimizeResult, 'converged' | 'iterations' | 'evaluations' | 'gradientNorm'> {
  /** Log-likelihood at the estimate. */
  ll: number;
  /** Customers the fit used. */
  customers: number;
}

const maxAbs = (v: Float64Array): number => v.reduce((m, g) => Math.max(m, Math.abs(g)), 0);
const dot = (u: Float64Array, v: Float64Array): number => u.reduce((s, ui, i) => s + ui * v[i], 0);

function checkStart(x0: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(x0);
  if (x.length === 0 || x.some((v) => !Number.isFinite(v))) {
    throw new RangeError(`minimize: start must be a non-empty vector of finite numbers, got [${Array.from(x0)}]`);
  }
  return x;
}

/** Central-difference gradient; the step scales with |xᵢ| so large coordinates keep precision. */
export function numericGradient(f: Objective, x: Float64Array): ValueAndGradient {
  const gradient = new Float64Array(x.length);
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(x[i]));
    probe[i] = x[i] + h;
    const up = f(probe);
    probe[i] = x[i] - h;
    const down = f(probe);
    probe[i] = x[i];
    gradient[i] = (up - down) / (2 * h);
  }
  return { value: f(x), gradient };
}

/** BFGS on the inverse Hessian with Armijo backtracking. */
export function bfgs(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const n = x0.length;
  const tolerance = options.gradientTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 1000;
  let evaluations = 0;
  const evaluate = (x: Float64Array): ValueAndGradient => {
    evaluations += options.valueAndGradient ? 1 : 2 * n + 1;
    return options.valueAndGradient ? options.valueAndGradient(x) : numericGradient(f, x);
  };
  let x = checkStart(x0);
  let current = evaluate(x);
  if (!Number.isFinite(current.value)) {
    throw new RangeError(`minimize: objective is not finite at the start [${Array.from(x)}]`);
  }
  const identity = (): Float64Array[] => Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let inverseHessian = identity();
  let fresh = true; // H has not been updated yet: scale it after the first step
  let iterations = 0;
  let failures = 0;
  while (iterations < maxIterations && maxAbs(current.gradient) > tolerance) {
    iterations++;
    const direction = new Float64Array(n);
    for (let i = 0; i < n; i++) direction[i] = -dot(inverseHessian[i], current.gradient);
    let slope = dot(direction, current.gradient);
    if (!(slope < 0)) {
      // Not a descent direction (H lost positive definiteness): fall back to steepest descent.
      inverseHessian = identity();
      fresh = true;
      for (let i = 0; i < n; i++) direction[i] = -current.gradient[i];
      slope = dot(direction, current.gradient);
    }
    // Keep the first trial step moderate when H is still the identity.
    let step = fresh ? Math.min(1, 1 / Math.max(maxAbs(direction), 1e-300)) : 1;
    let next: ValueAndGradient | null = null;
    let trial = x;
    // Near the optimum the decrease Armijo asks for falls below the value's rounding error, so also
    // accept a step that keeps the value within rounding and satisfies the slope conditions
    // (Hager & Zhang 2005 "approximate Wolfe", δ = 0.1, σ = 0.9).
    const valueNoise = 1e-12 * (1 + Math.abs(current.value));
    for (let k = 0; k < 60; k++) {
      trial = x.map((xi, i) => xi + step * direction[i]);
      const candidate = evaluate(trial);
      if (Number.isFinite(candidate.value)) {
        const armijo = candidate.value <= current.value + 1e-4 * step * slope;
        const newSlope = dot(direction, candidate.gradient);
        const approximateWolfe = candidate.value <= current.value + valueNoise && newSlope >= 0.9 * slope && newSlope <= -0.8 * slope;
        if (armijo || approximateWolfe) {
          next = candidate;
          break;
        }
      }
      step *= 0.5;
    }
    if (!next) {
      if (++failures > 1 || fresh) break;
      inverseHessian = identity();
      fresh = true;
      continue;
    }
    failures = 0;
    const s = trial.map((ti, i) => ti - x[i]);
    const y = next.gradient.map((gi, i) => gi - current.gradient[i]);
    const sy = dot(s, y);
    x = trial;
    current = next;
    if (sy <= 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) continue; // curvature condition fails: skip update
    if (fresh) {
      const scale = sy / dot(y, y);
      inverseHessian = identity().map((row) => row.map((v) => v * scale));
      fresh = false;
    }
    // H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ, written out to avoid matrix temporaries.
    const rho = 1 / sy;
    const hy = Float64Array.from(inverseHessian, (row) => dot(row, y));
    const yhy = dot(y, hy);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        inverseHessian[i][j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
      }
    }
  }
  const gradientNorm = maxAbs(current.gradient);
  return { x, value: current.value, converged: gradientNorm <= tolerance, iterations, evaluations, gradientNorm, method: 'bfgs' };
}

interface SimplexRun {
  x: Float64Array;
  value: number;
  converged: boolean;
  iterations: number;
}

function nelderMeadOnce(f: Objective, start: Float64Array, options: MinimizeOptions, count: () => void): SimplexRun {
  const n = start.length;
  const [alpha, beta, gamma, delta] = [1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n];
  const ftol = options.functionTolerance ?? 1e-13;
  const xtol = options.pointTolerance ?? 1e-9;
  const step = options.initialStep ?? 0.1;
  const maxIterations = options.maxIterations ?? 1000;
  const value = (p: Float64Array): number => {
    count();
    const v = f(p);
    return Number.isFinite(v) ? v : Infinity;
  };
  const points = [start, ...Array.from({ length: n }, (_, i) => start.map((v, j) => (i === j ? v + step : v)))];
  const values = points.map(value);
  const combine = (c: Float64Array, w: Float64Array, t: number): Float64Array => c.map((ci, i) => ci + t * (w[i] - ci));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    const sorted = order.map((i) => points[i]);
    const sortedValues = order.map((i) => values[i]);
    points.splice(0, n + 1, ...sorted);
    values.splice(0, n + 1, ...sortedValues);
    const spread = Math.max(...points.map((p) => maxAbs(p.map((v, i) => v - points[0][i]))));
    if (values[n] - values[0] <= ftol * (1 + Math.abs(values[0])) && spread <= xtol) {
      return { x: points[0], value: values[0], converged: true, iterations };
    }
    const centroid = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += points[k][i] / n;
    const reflected = combine(centroid, points[n], -alpha);
    const fr = value(reflected);
    if (fr < values[0]) {
      const expanded = combine(centroid, points[n], -beta);
      const fe = value(expanded);
      [points[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]) {
      [points[n], values[n]] = [reflected, fr];
    } else {
      const outside = fr < values[n];
      const contracted = combine(centroid, points[n], outside ? -gamma : gamma);
      const fc = value(contracted);
      if (fc < (outside ? fr : values[n])) {
        [points[n], values[n]] = [contracted, fc];
      } else {
        for (let k = 1; k <= n; k++) {
          points[k] = combine(points[0], points[k], delta);
          values[k] = value(points[k]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: points[best], value: values[best], converged: false, iterations };
}

/** Nelder–Mead with restarts: a converged simplex is rebuilt around its best point until that stops helping. */
export function nelderMead(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  let evaluations = 0;
  const count = (): void => void evaluations++;
  const restarts = options.restarts ?? 3;
  const ftol = options.functionTolerance ?? 1e-13;
  let run = nelderMeadOnce(f, checkStart(x0), options, count);
  let iterations = run.iterations;
  for (let k = 0; k < restarts && run.converged; k++) {
    const again = nelderMeadOnce(f, run.x, options, count);
    iterations += again.iterations;
    const improvement = run.value - again.value;
    if (again.value <= run.value) run = again;
    if (improvement <= ftol * (1 + Math.abs(run.value))) break;
  }
  const gradientNorm = maxAbs(options.valueAndGradient ? options.valueAndGradient(run.x).gradient : numericGradient(f, run.x).gradient);
  return { ...run, iterations, evaluations, gradientNorm, method: 'nelder-mead' };
}

/** BFGS first; if it does not reach the gradient tolerance, Nelder–Mead with restarts from where it stopped. */
export function minimize(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const quasiNewton = bfgs(f, x0, options);
  if (quasiNewton.converged) return quasiNewton;
  const simplex = nelderMead(f, quasiNewton.x, options);
  const better = simplex.value <= quasiNewton.value ? simplex : quasiNewton;
  return {
    ...better,
    converged: simplex.converged,
    iterations: quasiNewton.iterations + simplex.iterations,
    evaluations: quasiNewton.evaluations + simplex.evaluations,
    method: 'bfgs+nelder-mead',
  };
}
