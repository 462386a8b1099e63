import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonFromShare, wilsonInterval } from '../../../src/lib/metrics/wilson';

describe('Wilson score interval', () => {
  it('8/10 → [0.490, 0.943] (Wilson 1927 / Newcombe 1998 method 3; the worked value quoted in the task brief)', () => {
    const { estimate, low, high } = wilsonInterval(8, 10);
    expect(estimate).toBe(0.8);
    expect(low).toBeCloseTo(0.49, 3);
    expect(high).toBeCloseTo(0.943, 3);
  });

  it('k = 0 and k = n: the bound at the edge is exactly 0 or 1', () => {
    // Hand-worked: k = 0, n = 10, z = 1.96: upper = (z²/n)/(1 + z²/n) = 0.38416/1.38416.
    expect(wilsonInterval(0, 10)).toEqual({ estimate: 0, low: 0, high: expect.closeTo(0.38416 / 1.38416, 14) });
    expect(wilsonInterval(10, 10)).toEqual({ estimate: 1, low: expect.closeTo(1 / 1.38416, 14), high: 1 });
  });

  it('accepts an effective (non-integer) n', () => {
    const a = wilsonFromShare(0.8, 10);
    const b = wilsonFromShare(0.8, 10.5);
    expect(b.high - b.low).toBeLessThan(a.high - a.low);
  });

  it('rejects k > n and n ≤ 0', () => {
    expect(() => wilsonInterval(11, 10)).toThrow('wilson: k must be in [0, n], got k=11, n=10');
    expect(() => wilsonFromShare(0.5, 0)).toThrow('wilson: n must be a finite number > 0, got 0');
  });

  it('contains the estimate and stays in [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const k = Math.round(u * n);
        const { estimate, low, high } = wilsonInterval(k, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(estimate);
        expect(high).toBeGreaterThanOrEqual(estimate);
      }),
    );
  });
});
