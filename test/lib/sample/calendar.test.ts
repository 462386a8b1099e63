import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, formatDay, formatMinute, quarters, weekday } from '../../../src/lib/sample/calendar';

describe('calendar', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayOf(1970, 1, 1)).toBe(0);
    // 2025-01-01 is 55 years after 1970 with 14 leap days (1972 … 2024): 55·365 + 14 = 20089.
    expect(dayOf(2025, 1, 1)).toBe(20089);
    expect(formatDay(20089)).toBe('2025-01-01');
    expect(formatMinute(20089, 9 * 60 + 5)).toBe('2025-01-01 09:05');
  });
  it('knows the weekday (1970-01-01 Thursday, 2025-01-01 Wednesday, 2026-12-31 Thursday)', () => {
    expect(weekday(0)).toBe(4);
    expect(weekday(dayOf(2025, 1, 1))).toBe(3);
    expect(weekday(dayOf(2026, 12, 31))).toBe(4);
  });
  it('splits years into calendar quarters', () => {
    const qs = quarters(2025, 8);
    expect(qs.map((q) => q.label)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect([formatDay(qs[0].start), formatDay(qs[0].end)]).toEqual(['2025-01-01', '2025-03-31']);
    expect([formatDay(qs[3].start), formatDay(qs[3].end)]).toEqual(['2025-10-01', '2025-12-31']);
    expect(qs[7].code).toBe('2026Q4');
    // 2025 has 365 days: 90 + 91 + 92 + 92.
    expect(qs.slice(0, 4).map((q) => q.end - q.start + 1)).toEqual([90, 91, 92, 92]);
  });
  it('formats every day as the date it parses back to (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (day) => {
        expect(Date.parse(`${formatDay(day)}T00:00:00Z`) / 86_400_000).toBe(day);
      }),
      { seed: 1 },
    );
  });
});
