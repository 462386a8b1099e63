import { describe, expect, it } from 'vitest';
import { expectedPurchases } from '../../../../src/lib/analysis/clv/bgnbd';
import { gammaSampler, simulateBgnbd, simulateMeanSpend } from '../../../../src/lib/analysis/clv/simulate';
import { mulberry32 } from '../../../../src/lib/util/random';
import { CDNOW_BGNBD, CDNOW_GAMMA_GAMMA } from './cdnow-fixture';

const mean = (v: ArrayLike<number>) => Array.from(v).reduce((s, x) => s + x, 0) / v.length;
const variance = (v: ArrayLike<number>) => {
  const m = mean(v);
  return Array.from(v).reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1);
};

describe('gammaSampler', () => {
  it('draws with mean k and variance k (Gamma(k, 1))', () => {
    const draw = gammaSampler(mulberry32(3));
    for (const k of [0.3, 1, 6.5]) {
      const sample = Float64Array.from({ length: 100_000 }, () => draw(k));
      // Within 5 standard errors: se(mean) = √(k/n); se(var) ≈ √((μ₄ − σ⁴)/n) = √((3k² + 6k − k²)/n).
      expect(Math.abs(mean(sample) - k)).toBeLessThan(5 * Math.sqrt(k / 1e5));
      expect(Math.abs(variance(sample) - k)).toBeLessThan(5 * Math.sqrt((2 * k * k + 6 * k) / 1e5));
    }
  });

  it('rejects a bad shape', () => {
    expect(() => gammaSampler(mulberry32(1))(0)).toThrow('gamma shape must be a finite number > 0, got 0');
  });
});

describe('simulateBgnbd', () => {
  it('averages E[X(T)] of FHL 2005 eq. 9', () => {
    const n = 50_000;
    const sim = simulateBgnbd(CDNOW_BGNBD, new Float64Array(n).fill(39), mulberry32(5));
    const se = Math.sqrt(variance(sim.x) / n);
    expect(Math.abs(mean(sim.x) - expectedPurchases(CDNOW_BGNBD, 39))).toBeLessThan(4 * se);
    sim.x.forEach((x, i) => expect(sim.tx[i] <= 39 && (x > 0 || sim.tx[i] === 0)).toBe(true));
  });

  it('is reproducible from its seed', () => {
    const a = simulateBgnbd(CDNOW_BGNBD, [10, 20, 30], mulberry32(9));
    const b = simulateBgnbd(CDNOW_BGNBD, [10, 20, 30], mulberry32(9));
    expect(Array.from(a.tx)).toEqual(Array.from(b.tx));
  });
});

describe('simulateMeanSpend', () => {
  it('has mean pγ/(q − 1) per purchase and 0 without repeats', () => {
    const x = new Float64Array(100_000).fill(3);
    const zbar = simulateMeanSpend(CDNOW_GAMMA_GAMMA, x, mulberry32(13));
    const { p, q, gamma } = CDNOW_GAMMA_GAMMA;
    expect(Math.abs(mean(zbar) / ((p * gamma) / (q - 1)) - 1)).toBeLessThan(0.01);
    expect(simulateMeanSpend(CDNOW_GAMMA_GAMMA, [0], mulberry32(1))[0]).toBe(0);
  });
});
