import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bfgs, minimize, nelderMead, numericGradient } from '../../../../src/lib/analysis/clv/optimize';

// Rosenbrock's function: minimum 0 at (1, 1) (Rosenbrock 1960; Nocedal & Wright §2.1, ex. 2.1).
const rosenbrock = (v: Float64Array) => 100 * (v[1] - v[0] ** 2) ** 2 + (1 - v[0]) ** 2;
const rosenbrockGradient = (v: Float64Array) => ({
  value: rosenbrock(v),
  gradient: Float64Array.of(-400 * v[0] * (v[1] - v[0] ** 2) - 2 * (1 - v[0]), 200 * (v[1] - v[0] ** 2)),
});

describe('bfgs', () => {
  it('finds the Rosenbrock minimum from (−1.2, 1) with an analytic gradient', () => {
    const result = bfgs(rosenbrock, [-1.2, 1], { valueAndGradient: rosenbrockGradient });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeGreaterThan(0);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('finds it with central-difference gradients too', () => {
    const result = bfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-6 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.evaluations).toBeGreaterThan(result.iterations);
  });

  it('rejects a start where the objective is not finite', () => {
    expect(() => bfgs(() => Number.NaN, [0])).toThrow('minimize: objective is not finite at the start [0]');
    expect(() => bfgs(rosenbrock, [])).toThrow('minimize: start must be a non-empty vector of finite numbers, got []');
  });
});

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum with restarts', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5000 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
    expect(result.gradientNorm).toBeLessThan(1e-3);
  });

  it('reports non-convergence when the iteration cap is hit', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5, restarts: 0 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(5);
  });
});

describe('minimize', () => {
  it('falls back to Nelder–Mead when BFGS stops short of the gradient tolerance', () => {
    // Value noise of 1e-9 puts a ~1e-4 floor under the central-difference gradient, so BFGS's
    // line search gives out before 1e-8; the simplex then works from the values alone.
    const noisy = (v: Float64Array) => (v[0] - 3) ** 2 + (v[1] + 1) ** 2 + 1e-9 * Math.sin(1e7 * v[0]);
    const result = minimize(noisy, [0, 0]);
    expect(result.method).toBe('bfgs+nelder-mead');
    expect(result.x[0]).toBeCloseTo(3, 4);
    expect(result.x[1]).toBeCloseTo(-1, 4);
  });

  it('minimises random convex quadratics to their known minimiser', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (centre, scale) => {
          const f = (v: Float64Array) => v.reduce((s, vi, i) => s + scale[i] * (vi - centre[i]) ** 2, 0);
          const result = minimize(f, [0, 0, 0]);
          expect(result.converged).toBe(true);
          centre.forEach((c, i) => expect(result.x[i]).toBeCloseTo(c, 5));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('numericGradient agrees with the analytic gradient', () => {
    const point = Float64Array.of(0.3, -0.7);
    const numeric = numericGradient(rosenbrock, point).gradient;
    const analytic = rosenbrockGradient(point).gradient;
    expect(numeric[0]).toBeCloseTo(analytic[0], 6);
    expect(numeric[1]).toBeCloseTo(analytic[1], 6);
  });
});
