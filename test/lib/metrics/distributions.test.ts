import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  studentTTwoSidedP,
} from '../../../src/lib/metrics/distributions';

/**
 * t CDF by numeric integration, independent of the library: with T = √ν·tan θ the density
 * of θ is ∝ cos^(ν−1) θ on (−π/2, π/2), so F(t) = ½ + ∫₀^atan(t/√ν) cos^(ν−1) / ∫₀^(π/2) cos^(ν−1)
 * (composite Simpson).
 */
function simpson(f: (x: number) => number, a: number, b: number, intervals: number): number {
  const h = (b - a) / intervals;
  let sum = f(a) + f(b);
  for (let i = 1; i < intervals; i++) sum += f(a + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

function integratedTCdf(t: number, df: number): number {
  const density = (theta: number) => Math.cos(theta) ** (df - 1);
  const half = simpson(density, 0, Math.PI / 2, 20_000);
  return 0.5 + simpson(density, 0, Math.atan(t / Math.sqrt(df)), 20_000) / (2 * half);
}

function integratedTQuantile(p: number, df: number): number {
  let lo = 0;
  let hi = 50;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (integratedTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('Student t quantile', () => {
  it('matches printed t tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2)', () => {
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157, 6);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.04523, 6);
    // To more digits: scipy 1.17.1 stats.t.ppf.
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157162798205, 10);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045229642132703, 10);
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-2.364624251592784, 10);
  });

  it('for df ≥ 1000 (the Cornish–Fisher series, A&S 26.7.5) gives back p through the t CDF (incomplete beta) within 1e-13', () => {
    for (const df of [1000, 1234.5, 5000, 1e5, 1e7]) {
      for (const p of [0.0001, 0.001, 0.025, 0.1, 0.4, 0.6, 0.9, 0.975, 0.995, 0.9999]) {
        const t = studentTQuantile(p, df);
        expect(Math.abs(studentTCdf(t, df) - p), `df ${df}, p ${p}`).toBeLessThan(1e-13);
      }
    }
    // Continuous across the switch to the series, and toward the normal quantile.
    expect(Math.abs(studentTQuantile(0.975, 999.999) - studentTQuantile(0.975, 1000))).toBeLessThan(1e-8);
    expect(studentTQuantile(0.975, 1e12)).toBeCloseTo(1.959963984540054, 10);
  });

  it('matches numeric integration of the t density for non-integer df 4.5', () => {
    const independent = integratedTQuantile(0.975, 4.5);
    expect(Math.abs(studentTQuantile(0.975, 4.5) - independent)).toBeLessThan(1e-8);
    // scipy 1.17.1 stats.t.ppf(0.975, 4.5) agrees with both.
    expect(studentTQuantile(0.975, 4.5)).toBeCloseTo(2.6589123472044034, 10);
  });

  it('matches the closed forms for df 1 (Cauchy) and df 2', () => {
    // df 1: t_p = tan(π(p − ½)) = −cot(πp) (cot form: no pole near p = 0); df 2: t_p = (2p − 1)/√(2p(1 − p)).
    const cauchy = (p: number) => (p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p)));
    for (const p of [1e-9, 0.001, 0.2, 0.6, 0.975, 0.999999]) {
      expect(studentTQuantile(p, 1) / cauchy(p)).toBeCloseTo(1, 9);
      expect(studentTQuantile(p, 2) / ((2 * p - 1) / Math.sqrt(2 * p * (1 - p)))).toBeCloseTo(1, 9);
    }
  });

  it('tends to the normal quantile at large df', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.9599642217672055, 9); // scipy 1.17.1
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 12);
  });

  it('inverts the CDF (property, df ≥ 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), (p, df) => {
        const t = studentTQuantile(p, df);
        expect(Math.abs(studentTCdf(t, df) - p)).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('Student t CDF and density', () => {
  it('matches the closed forms for df 1, 2 and 3', () => {
    for (const t of [-40, -3, -0.7, 0, 0.4, 2, 15]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
      const u = t / Math.sqrt(3);
      expect(studentTCdf(t, 3)).toBeCloseTo(0.5 + (Math.atan(u) + u / (1 + u * u)) / Math.PI, 13);
    }
  });

  it('matches scipy 1.17.1 (stats.t.cdf / sf) at non-integer df', () => {
    expect(studentTCdf(-2.5, 3.7)).toBeCloseTo(0.03591101145591339, 13);
    expect(studentTCdf(1.2, 2.3)).toBeCloseTo(0.830450143948513, 13);
    expect(studentTTwoSidedP(6, 150.5) / (2 * 7.054334940820953e-9)).toBeCloseTo(1, 9);
  });

  it('matches numeric integration at df 4.5', () => {
    for (const t of [-3, -1, 0.5, 2.2]) expect(studentTCdf(t, 4.5)).toBeCloseTo(integratedTCdf(t, 4.5), 10);
  });

  it('density is the Cauchy density at df 1', () => {
    expect(studentTPdf(2, 1)).toBeCloseTo(1 / (Math.PI * 5), 14);
  });
});

describe('standard normal', () => {
  it('matches published values (scipy 1.17.1 stats.norm)', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(-5) / 2.866515718791933e-7).toBeCloseTo(1, 12);
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('quantile inverts the CDF (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-15 + 1e-13 * Math.min(p, 1 - p));
      }),
    );
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => normalQuantile(1.5)).toThrow('normalQuantile: p must be in [0, 1], got 1.5');
    expect(() => studentTQuantile(0.5, 0)).toThrow('degrees of freedom must be > 0, got 0');
  });
});
