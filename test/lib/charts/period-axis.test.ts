import { describe, expect, it } from 'vitest';
import { numericAxisMargin, periodDomain, periodTicks } from '../../../src/lib/charts/period-axis';
import { MONTHS, QUARTERS } from './fixtures';

describe('periodTicks', () => {
  it('labels every period when they fit', () => {
    expect(periodTicks(QUARTERS, 576)).toEqual(QUARTERS);
  });

  it('labels every k-th period counted back from the latest when they do not', () => {
    // "2024-01" ≈ 7 × 0.6 em = 42 px + 10 px padding = 52 px; 14 × 52 / 400 → every 2nd.
    const ticks = periodTicks(MONTHS, 400);
    expect(ticks).toEqual(['2024-02', '2024-04', '2024-06', '2024-08', '2024-10', '2024-12', '2025-02']);
    expect(periodTicks(MONTHS, 100).at(-1)).toBe('2025-02');
  });

  it('handles no periods', () => {
    expect(periodTicks([], 400)).toEqual([]);
  });
});

describe('periodDomain', () => {
  it('keeps row order and rejects a repeated or empty period', () => {
    expect(periodDomain([{ period: 'b' }, { period: 'a' }], 'x')).toEqual(['b', 'a']);
    expect(() => periodDomain([{ period: '2025-Q1' }, { period: '2025-Q1' }], 'trend chart')).toThrow('trend chart: period "2025-Q1" appears twice; give one row per period');
    expect(() => periodDomain([{ period: '' }], 'trend chart')).toThrow('trend chart: invalid period ""');
  });
});

describe('numericAxisMargin', () => {
  const en = new Intl.NumberFormat('en').format;
  it('fits the widest likely tick label', () => {
    // 0–100: "100" = 3 × 0.6 em = 18 px + 14 px → 32, raised to the 40 px minimum.
    expect(numericAxisMargin([12, 98], en)).toBe(40);
    // Up to 45,000: the bound 100,000 = 7 × 6 px = 42 px + 14 px = 56 px.
    expect(numericAxisMargin([120, 45000], en)).toBe(56);
    // Negative NPS: "−100" printed by Intl as "-100" = 4 × 6 = 24 + 14 → 40 minimum.
    expect(numericAxisMargin([-60, 20], en)).toBe(40);
    expect(numericAxisMargin([NaN], en)).toBe(40);
  });
});
