import { describe, expect, it } from 'vitest';
import { classifyCellSize } from '../../../src/lib/metrics/small-cells';

describe('small cells', () => {
  it('defaults: < 5 suppressed, 5 ≤ n < 30 directional (STATISTICS.md §2)', () => {
    expect(classifyCellSize(0)).toBe('suppressed');
    expect(classifyCellSize(4.99)).toBe('suppressed');
    expect(classifyCellSize(5)).toBe('directional');
    expect(classifyCellSize(29.9)).toBe('directional');
    expect(classifyCellSize(30)).toBe('ok');
  });

  it('custom thresholds and bad input', () => {
    expect(classifyCellSize(9, { suppress: 10, directional: 50 })).toBe('suppressed');
    expect(() => classifyCellSize(9, { suppress: 10, directional: 5 })).toThrow(
      'small cells: thresholds must satisfy 0 <= suppress <= directional, got suppress=10, directional=5',
    );
    expect(() => classifyCellSize(-1)).toThrow('small cells: n must be a finite number >= 0, got -1');
  });
});

describe('small cells with rounding noise', () => {
  it('classifies an n_eff a hair below the threshold (weights of 1 ± 1e-16) like the whole number', () => {
    expect(classifyCellSize(5 - 1e-13)).toBe('directional');
    expect(classifyCellSize(30 - 1e-13)).toBe('ok');
    expect(classifyCellSize(4.5)).toBe('suppressed');
  });
});
