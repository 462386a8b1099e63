import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysFromCivil } from '../../../src/lib/ingest/dates';

describe('daysFromCivil', () => {
  it('equals Date.UTC for any valid date of years 1000–9999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        expect(daysFromCivil(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
      }),
    );
    // Worked: 2000-03-01 is day 11 017 (30 years of 365 days + 7 leap days + 31 + 29).
    expect(daysFromCivil(2000, 3, 1)).toBe(30 * 365 + 7 + 31 + 29);
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
  });
});
